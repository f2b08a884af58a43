"""Label files for the shipped default models, in the labelled-data format (TAXONOMY §4).

    python -m training.learn_data --out build/labels

- ``corpora/labels/real_signals*.jsonl``: the 605 real texts labelled by hand (already in the
  format; read as they are);
- ``generated.jsonl``: ``assist.synth`` and template documents labelled with their domain and
  sub-domain from the generator (``training.route_data``), ``source`` ``generated:<kind>``, NO issue
  labels (the generator plants no issue truth, so they train the domain model only). A generated
  document that wraps a real hand-labelled excerpt is left out, so no real held-out text is seen in
  training through a wrapper.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from training.route_data import LABEL_FILES, build_pool

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"


def real_label_files(corpora: Path = CORPORA) -> list[Path]:
    return [corpora / name for name in LABEL_FILES]


def write_generated(out: Path, *, per_kind: int = 40, templates: int = 40, seed: int = 0) -> int:
    """Write the generated part; returns how many records."""
    pool = build_pool(CORPORA, per_kind=per_kind, templates=templates, seed=seed)
    gold_groups = {e.group for e in pool if e.part == "gold"}
    rows = []
    for e in pool:
        if e.part not in ("generated", "template") or e.group in gold_groups:
            continue
        domain, _, sub = e.label.partition("/")
        rows.append({
            "doc_id": e.id, "source": f"generated:{e.source}", "text": e.text,
            "domain": domain, "subdomain": sub or None, "issues": [], "signals": [],
            "notes": "generated; labelled from the generator kind (training.route_data)",
        })  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "labels")
    ap.add_argument("--per-kind", type=int, default=40)
    args = ap.parse_args()
    n = write_generated(args.out / "generated.jsonl", per_kind=args.per_kind)
    print(f"wrote {n} generated label records to {args.out / 'generated.jsonl'}")


if __name__ == "__main__":
    main()
