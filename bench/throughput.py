"""Single-core parsing throughput versus `jieba.lcut` on the same texts, in one run.

    python -m bench.throughput --out reports/bench_parsing.md

Texts: the 36 real dev documents plus real CAIL2018 criminal facts from corpora/real.
Each contender runs ROUNDS times over the whole set; we report the median round.
jieba's dictionary is loaded before timing (its 1–2 s start-up is excluded, to its favour).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from assist.analyze import Analyzer
from assist.pipeline import parse_document

ROOT = Path(__file__).resolve().parent.parent


def load_texts(limit_facts: int) -> list[str]:
    texts = []
    with (ROOT / "corpora/real/judgments.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    with (ROOT / "corpora/real/cail2018_facts.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit_facts:
                break
            texts.append(json.loads(line)["fact"])
    return texts


def time_rounds(fn: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        began = time.perf_counter()
        for text in texts:
            fn(text)
        out.append(time.perf_counter() - began)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "reports/bench_parsing.md")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--facts", type=int, default=1000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # single core
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = load_texts(args.facts)
    chars = sum(map(len, texts))
    analyzer = Analyzer(require_legal=False)
    analyzer.analyze(texts[0])  # load reference data once, like a long-running worker
    ours = time_rounds(parse_document, texts, args.rounds)
    full = time_rounds(analyzer.analyze, texts, args.rounds)
    base = time_rounds(jieba.lcut, texts, args.rounds)
    m_ours, m_full, m_base = (statistics.median(x) for x in (ours, full, base))
    ratio = m_base / m_ours
    rows = {
        "documents": len(texts), "characters": chars, "rounds": args.rounds,
        "assist_docs_per_s": len(texts) / m_ours, "assist_chars_per_s": chars / m_ours,
        "analyze_docs_per_s": len(texts) / m_full, "analyze_chars_per_s": chars / m_full,
        "jieba_docs_per_s": len(texts) / m_base, "jieba_chars_per_s": chars / m_base,
        "ratio_vs_jieba": ratio, "analyze_ratio_vs_jieba": m_base / m_full,
        "goal": 2.0, "met": ratio >= 2.0,
        "python": platform.python_version(), "machine": platform.machine(),
    }  # fmt: skip
    report = "\n".join([
        "# Parsing throughput vs jieba (single core)",
        "",
        f"Texts: {len(texts)} real texts (36 dev documents + {len(texts) - 36} CAIL2018 facts),"
        f" {chars:,} characters; median of {args.rounds} rounds, one process pinned to one core.",
        "",
        "| contender | docs/s | chars/s |",
        "|---|---|---|",
        f"| `parse_document` (all fields) | {rows['assist_docs_per_s']:,.0f} | {rows['assist_chars_per_s']:,.0f} |",
        f"| `Analyzer.analyze` (fields, signals, detectors, routing, drafting) | {rows['analyze_docs_per_s']:,.0f} | {rows['analyze_chars_per_s']:,.0f} |",
        f"| `jieba.lcut` (segmentation only) | {rows['jieba_docs_per_s']:,.0f} | {rows['jieba_chars_per_s']:,.0f} |",
        "",
        f"Ratio: **{ratio:.2f}×** jieba for parsing (goal ≥ 2×: {'met' if ratio >= 2 else 'NOT met'});"
        f" {m_base / m_full:.2f}× for the whole analysis.",
        "",
        "Command: `make bench` (`python -m bench.throughput`).",
    ])  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
