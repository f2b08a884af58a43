"""Lead precision/recall on GENERATED archives with planted cross-case patterns → Markdown.

    python -m training.eval_leads --n 20000 --seeds 1 2 --out reports/leads.md

Each archive comes from ``assist.synth.archive.write_archive`` with exact ground truth
(truth.json: every planted lead and every decoy). The archive runs through the same
``run_archive`` as ``assist leads``. A planted lead is found when a cross-case lead has the same
code and key and rests on (at least) every document the truth names; any other cross-case lead
is a false lead. Per-document signals are also scored on the generated documents whose labels
list their signals exhaustively. All figures here are on GENERATED documents.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assist.analyze import Analyzer
from assist.archive.config import default_config
from assist.archive.records import norm_name
from assist.archive.run import run_archive
from assist.ingest.archive import iter_records
from assist.synth.archive import write_archive
from training.eval_signals import SignalScores

ROOT = Path(__file__).resolve().parent.parent
LeadKey = tuple[str, tuple[str, ...]]
_ORG = re.compile(r"(?:公司|银行|合作社|事务所)$")


def _parts(key: str) -> tuple[str, ...]:
    """Key components in identity form: organisations without their company form, as the
    cross-case stage resolves them (…小额贷款有限公司 → …小额贷款)."""
    key = key.replace("（", "|").replace("）", "|")
    parts = (p.strip() for p in key.split("|") if p.strip())
    return tuple(norm_name(p, "organization" if _ORG.search(p) else "person") for p in parts)


def truth_key(lead: dict[str, Any]) -> LeadKey:
    parts = _parts(lead["key"])
    person = (lead.get("details") or {}).get("person")
    if lead["type"] == "unenforced_property_penalty" and person:
        parts = (*parts, person)
    return lead["code"], parts


def predicted_key(lead: dict[str, Any]) -> LeadKey:
    parts = _parts(lead["key"])
    if lead["code"] == "systemic_admin_problem":  # key "agency | defect": the defect is the code
        return parts[-1], parts[:-1]
    return lead["code"], parts


@dataclass
class LeadScores:
    planted: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    decoys: int = 0
    decoys_raised: int = 0
    misses: list[str] = field(default_factory=list)
    false_leads: list[str] = field(default_factory=list)


def score_run(truth: dict[str, Any], leads: list[dict[str, Any]], scores: LeadScores) -> None:
    cross = [lead for lead in leads if lead["code"] != "document"]
    by_key: dict[LeadKey, set[str]] = {}
    for lead in cross:
        by_key.setdefault(predicted_key(lead), set()).update(d["doc_id"] for d in lead["documents"])
    matched: set[LeadKey] = set()
    for lead in truth["leads"]:
        key = truth_key(lead)
        scores.planted[key[0]] += 1
        if key in by_key and set(lead["doc_ids"]) <= by_key[key]:
            scores.found[key[0]] += 1
            matched.add(key)
        else:
            scores.misses.append(f"{key[0]} {'|'.join(key[1])}")
    for key in by_key.keys() - matched:
        scores.false[key[0]] += 1
        scores.false_leads.append(f"{key[0]} {'|'.join(key[1])}")
    decoy_keys = {truth_key(d) for d in truth.get("decoys", [])}
    scores.decoys += len(decoy_keys)
    scores.decoys_raised += len(decoy_keys & by_key.keys())


def score_signals(archive: Path, records: Path, tally: SignalScores) -> int:
    """Per-document codes on generated documents whose labels list every signal they carry."""
    labels: dict[str, set[str]] = {}
    with (archive / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["labels"].get("signals_exhaustive"):
                labels[row["id"]] = set(row["labels"].get("signals") or [])
    import duckdb  # the records are Parquet: read the fired codes back with SQL

    fired: dict[str, set[str]] = {doc: set() for doc in labels}
    rows = duckdb.sql(
        f"SELECT doc_id, code FROM read_parquet('{records}/signals/*.parquet')"
    ).fetchall()
    for doc_id, code in rows:
        if doc_id in fired:
            fired[doc_id].add(code)
    for doc_id, gold in labels.items():
        tally.count(doc_id, gold, fired[doc_id])
    return len(labels)


def evaluate(n: int, seeds: list[int]) -> tuple[LeadScores, SignalScores, int, float]:
    scores, tally = LeadScores(), SignalScores()
    analyzer = Analyzer(require_legal=False)
    checked, seconds = 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            archive, out = Path(tmp) / f"archive-{seed}", Path(tmp) / f"out-{seed}"
            write_archive(archive, n, seed)
            truth = json.loads((archive / "truth.json").read_text(encoding="utf-8"))
            summary = run_archive(
                iter_records(archive / "documents.jsonl"), out,
                analyzer=analyzer, config=default_config(),
            )  # fmt: skip
            seconds += summary.seconds
            with (out / "leads.jsonl").open(encoding="utf-8") as fh:
                leads = [json.loads(line) for line in fh]
            score_run(truth, leads, scores)
            checked += score_signals(archive, out / "records", tally)
    return scores, tally, checked, seconds


def render(n: int, seeds: list[int], result: tuple[LeadScores, SignalScores, int, float]) -> str:
    scores, tally, checked, seconds = result
    planted, found = sum(scores.planted.values()), sum(scores.found.values())
    false = sum(scores.false.values())
    lines = [
        "# Leads on generated archives with planted patterns",
        "",
        f"GENERATED documents only: {len(seeds)} archive(s) of {n:,} documents (seeds {seeds}),",
        "`assist.synth.archive` with exact truth; run through `run_archive` (as `assist leads`)",
        f"in {seconds:.1f} s in all. Produced by `make eval-leads` (`python -m training.eval_leads`).",
        "",
        f"**Planted cross-case leads found: {found}/{planted}; false cross-case leads: {false};"
        f" decoys raised: {scores.decoys_raised}/{scores.decoys}.**",
        "",
        "| code | planted | found | recall | false leads |",
        "|---|---|---|---|---|",
    ]
    for code in sorted(scores.planted.keys() | scores.false.keys()):
        p, f = scores.planted[code], scores.found[code]
        lines.append(f"| {code} | {p} | {f} | {f / p if p else 1:.3f} | {scores.false[code]} |")
    lines += ["", "Missed: " + ("; ".join(scores.misses) or "none") + ".",
              "False leads: " + ("; ".join(scores.false_leads) or "none") + ".", ""]  # fmt: skip
    lines += [
        "## Per-document signals on generated documents",
        "",
        f"{checked:,} generated documents whose labels list every signal they carry (the generator's",
        "own text, no real excerpt). Real-text figures are in reports/signals.md.",
        "",
        "| code | labelled | fired | P | R |",
        "|---|---|---|---|---|",
    ]
    for code in sorted(tally.tp.keys() | tally.fp.keys() | tally.fn.keys()):
        tp, fp, fn = tally.tp[code], tally.fp[code], tally.fn[code]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"| {code} | {tp + fn} | {tp + fp} | {p:.3f} | {r:.3f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Lead accuracy on generated archives.")
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "reports/leads.md")
    args = parser.parse_args()
    report = render(args.n, args.seeds, evaluate(args.n, args.seeds))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
