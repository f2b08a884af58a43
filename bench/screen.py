"""Batch screening at scale, in one run: worker scaling (local pool and Dask), peak memory per
worker, and the cross-case stage's time as a share of the per-document stage.

    python -m bench.screen --out reports/bench_screen.md [--n 100000] [--scale-n 20000]

Archives come from ``assist.synth.archive.write_archive`` (planted cross-case patterns). The
scaling runs use ``--scale-n`` documents; the cross-case share is measured on ``--n``
documents with all workers. Times are the per-document stage as ``screen`` measures it (input
reading, analysis, Parquet writes, checkpoints); Dask cluster start-up is excluded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from assist.archive.config import default_config
from assist.archive.engines import DaskEngine, Engine, LocalEngine
from assist.archive.screen import ScreenOptions, screen
from assist.ingest.inputs import iter_inputs
from assist.synth.archive import write_archive

GOAL_SPEEDUP, GOAL_RSS_MB, GOAL_SHARE = 1.7, 400.0, 0.05


def run_once(engine: Engine, inputs: Path, out: Path) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    try:
        summary = screen(
            iter_inputs([str(inputs)]), out, engine=engine, config=default_config(),
            options=ScreenOptions(report=False), progress=False,
        )  # fmt: skip
    finally:
        engine.close()
    data = summary.to_dict()
    data["docs_per_s"] = round(summary.documents / summary.document_seconds, 1)
    data["max_rss_mb"] = round(max(summary.peak_rss_mb.values(), default=0.0), 1)
    return data


def scaling(name: str, make: Any, inputs: Path, work: Path) -> dict[str, Any]:
    one = run_once(make(1), inputs, work / f"{name}1")
    two = run_once(make(2), inputs, work / f"{name}2")
    return {"one": one, "two": two, "speedup": round(two["docs_per_s"] / one["docs_per_s"], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("reports/bench_screen.md"))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--scale-n", type=int, default=20_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-screen-"))
    try:
        results = bench(args.n, args.scale_n, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    args.out.write_text(render(results), encoding="utf-8")
    print(render(results))


def bench(n: int, scale_n: int, work: Path) -> dict[str, Any]:
    began = time.perf_counter()
    load = round(os.getloadavg()[0], 2)  # other processes on the machine skew the scaling runs
    small, large = work / "small", work / "large"
    write_archive(small, scale_n, seed=1)
    local = scaling("local", LocalEngine, small / "documents.jsonl", work)
    dask = scaling("dask", lambda k: DaskEngine(workers=k), small / "documents.jsonl", work)
    shutil.rmtree(small)
    write_archive(large, n, seed=2)
    big = run_once(LocalEngine(os.cpu_count() or 1), large / "documents.jsonl", work / "big")
    share = big["crosscase_seconds"] / big["document_seconds"]
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_before": load,
        },
        "n": n,
        "scale_n": scale_n,
        "local": local,
        "dask": dask,
        "big": big,
        "crosscase_share": round(share, 4),
        "max_rss_mb": max(local["two"]["max_rss_mb"], dask["two"]["max_rss_mb"], big["max_rss_mb"]),
        "seconds": round(time.perf_counter() - began, 1),
    }


def _ok(good: bool) -> str:
    return "met" if good else "NOT met"


def render(r: dict[str, Any]) -> str:
    loc, dsk, big = r["local"], r["dask"], r["big"]
    lines = [
        "# Batch screening benchmark (`python -m bench.screen`)",
        "",
        f"Machine: {r['machine']['cpus']} CPUs, Python {r['machine']['python']}, "
        f"{r['machine']['platform']}. Whole run {r['seconds']} s. Load average when it "
        f"started: {r['machine']['load_before']} (speed-ups need as many idle cores as workers "
        "plus one for the parent).",
        "",
        f"Scaling on a {r['scale_n']:,}-document generated archive (per-document stage):",
        "",
        "| engine | 1 worker docs/s | 2 workers docs/s | speed-up | goal ≥ 1.7× |",
        "|---|---|---|---|---|",
        f"| local process pool | {loc['one']['docs_per_s']} | {loc['two']['docs_per_s']} | "
        f"{loc['speedup']}× | {_ok(loc['speedup'] >= GOAL_SPEEDUP)} |",
        f"| Dask LocalCluster | {dsk['one']['docs_per_s']} | {dsk['two']['docs_per_s']} | "
        f"{dsk['speedup']}× | {_ok(dsk['speedup'] >= GOAL_SPEEDUP)} |",
        "",
        f"Peak RSS per worker: local {loc['two']['max_rss_mb']} MB, Dask worker "
        f"{dsk['two']['max_rss_mb']} MB (includes the Dask worker runtime), "
        f"{r['n']:,}-document run {big['max_rss_mb']} MB — goal ≤ 400 MB: "
        f"{_ok(r['max_rss_mb'] <= GOAL_RSS_MB)}.",
        "",
        f"Cross-case stage on {r['n']:,} documents ({big['documents']:,} analysed, "
        f"{r['machine']['cpus']} local workers): per-document stage "
        f"{big['document_seconds']} s ({big['docs_per_s']} docs/s), cross-case (DuckDB) "
        f"{big['crosscase_seconds']} s = {100 * r['crosscase_share']:.1f}% — goal ≤ 5%: "
        f"{_ok(r['crosscase_share'] <= GOAL_SHARE)}.",
        "",
        f"Leads on the {r['n']:,}-document archive: "
        + ", ".join(f"{x['type']}/{x['level']} {x['count']}" for x in big["leads"])
        + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
