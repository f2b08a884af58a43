"""Training time, model size and inference speed of the learned backends, in one run.

    python -m bench.training --out reports/bench_training.md     # make bench-training

- ``tfidf`` on the shipped default data (``training.train_default``): fit seconds (median of
  ``--repeats`` fits, one core: the backend pins BLAS to one thread), model size on disk (the
  registry's files), inference docs/s (median of 3 passes over the held-out documents);
- ``transformer``: the tiny test checkpoint (``tests/learn/tiny_bert.py``) on CPU, inference docs/s
  at 256 and 512 tokens (``bench.transformer``). Base-size models need a GPU (ENVIRONMENT.md:
  0.9 docs/s on this CPU); they are measured only where a task has one.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from assist.learn.estimator import Task
from assist.learn.labels import read_labels, targets
from assist.learn.split import split_by_hash
from assist.learn.tfidf import TfidfClassifier
from training.learn_data import ROOT, real_label_files, write_generated
from training.train_default import SPECS


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def bench_tfidf(
    task: Task, files: list[Path], repeats: int, params: dict[str, Any]
) -> dict[str, float | int | str]:
    """Fit/size/speed of the tfidf backend with the shipped default's parameters."""
    records = read_labels(files).records
    train, test = split_by_hash(records, 20)
    train, y = targets(train, task)
    test, _ = targets(test, task)
    texts = [r.text for r in train]
    fits = []
    model = TfidfClassifier(task=task, **params)
    for _ in range(repeats):
        began = time.perf_counter()
        model = TfidfClassifier(task=task, **params).fit(texts, y)
        fits.append(time.perf_counter() - began)
    held = [r.text for r in test]
    passes = []
    for _ in range(3):
        began = time.perf_counter()
        model.predict_proba(held)
        passes.append(len(held) / (time.perf_counter() - began))
    with tempfile.TemporaryDirectory() as tmp:
        model.save(Path(tmp))
        size = folder_bytes(Path(tmp))
    chars = sum(map(len, texts)) / len(texts)
    return {"task": task, "train_docs": len(texts), "mean_chars": round(chars),
            "fit_s": statistics.median(fits), "fits": repeats, "size_mb": size / 1e6,
            "infer_docs_s": statistics.median(passes), "infer_docs": len(held)}  # fmt: skip


def render(rows: list[dict[str, float | int | str]], transformer: str) -> str:
    head = [
        "# Training benchmark (`make bench-training`)",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; one run, medians.",
        "",
        "## tfidf backend (shipped default data)",
        "",
        "| task | training docs | mean chars | fit s (median) | model size MB | inference docs/s |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        head.append(
            f"| {r['task']} | {r['train_docs']} | {r['mean_chars']} | {float(r['fit_s']):.1f} "
            f"(of {r['fits']}) | {float(r['size_mb']):.2f} | {float(r['infer_docs_s']):.0f} "
            f"(on {r['infer_docs']}) |"
        )
    return "\n".join(head) + "\n\n" + transformer


def transformer_section(n: int = 100) -> str:
    """``bench.transformer`` (tiny test checkpoint, CPU), its report demoted one heading level."""
    import shutil

    from bench.transformer import bench, render

    work = Path(tempfile.mkdtemp(prefix="bench-training-"))
    try:
        text = render(bench(n, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return text.replace("\n# ", "\n## ").replace("# ", "## ", 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "bench_training.md")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    generated = ROOT / "build" / "labels" / "generated.jsonl"
    write_generated(generated)
    params = {spec.task: spec.params for spec in SPECS}
    rows = [
        bench_tfidf(
            "subdomain", [*real_label_files(), generated], args.repeats, params["subdomain"]
        ),
        bench_tfidf("issues", real_label_files(), args.repeats, params["issues"]),
    ]
    args.out.write_text(render(rows, transformer_section()), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
