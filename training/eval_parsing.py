"""Parsing accuracy on the real dev documents → a Markdown report.

    python -m training.eval_parsing --out reports/parsing.md

Texts come from corpora/real/judgments.jsonl (masked, offsets unchanged); labels from the
hand-checked tests/golden/{full_dev,pages_dev}.jsonl. Every figure here is on REAL documents.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assist.pipeline import parse_document
from training.parsing_metrics import SCALARS, SETS, Scores, golden_fields, predicted_fields

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = {
    "full_dev": ROOT / "tests/golden/full_dev.jsonl",
    "pages_dev": ROOT / "tests/golden/pages_dev.jsonl",
}
TEXTS = ROOT / "corpora/real/judgments.jsonl"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(sets: dict[str, Path] = GOLDEN, texts: Path = TEXTS) -> dict[str, Scores]:
    """Score every golden set separately and together ("all")."""
    by_id = {r["id"]: r["text"] for r in load_jsonl(texts)}
    results: dict[str, Scores] = {"all": Scores()}
    for name, path in sets.items():
        scores = results.setdefault(name, Scores())
        for gold in load_jsonl(path):
            pred = predicted_fields(parse_document(by_id[gold["id"]]))
            g = golden_fields(gold)
            scores.add(gold["id"], g, pred)
            results["all"].add(gold["id"], g, pred)
    return results


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def render(results: dict[str, Scores]) -> str:
    names = list(results)
    lines = [
        "# Parsing accuracy on the real dev documents",
        "",
        "All figures on REAL documents: 21 complete judgments/rulings (`full_dev`) and 15 truncated",
        "web-page excerpts (`pages_dev`), labelled by hand in `tests/golden/`. Produced by",
        "`make eval` (`python -m training.eval_parsing`).",
        "",
        "## Scalar fields — exact match where the text shows them",
        "",
        "| field | " + " | ".join(f"{n} (n)" for n in names) + " | false positives (all) |",
        "|---|" + "---|" * len(names) + "---|",
    ]
    for f in SCALARS:
        cells = [f"{_pct(results[n].accuracy(f))} ({results[n].scalar[f]})" for n in names]
        lines.append(f"| {f} | " + " | ".join(cells) + f" | {results['all'].scalar_fp[f]} |")
    lines += ["", "## List fields — precision / recall / F1", "",
              "| field | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]  # fmt: skip
    for f in SETS:
        cells = []
        for n in names:
            p, r, f1 = results[n].prf(f)
            cells.append(f"P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    lines += ["", "## Every disagreement (golden → predicted)", ""]
    for doc_id, field_name, gold, pred in results["all"].errors:
        lines.append(f"- `{doc_id}` {field_name}: {gold!r} → {pred!r}")
    if not results["all"].errors:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "reports/parsing.md")
    args = parser.parse_args()
    report = render(evaluate())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
