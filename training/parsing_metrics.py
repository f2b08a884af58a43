"""Compare parsed documents with hand-checked golden labels (tests/golden/*.jsonl).

Scalar fields are scored "exact wherever the text shows them": a field counts when the
golden value is not null; a value predicted where the golden one is null is a false positive.
List fields (parties, penalties, statutes, cited cases) are scored by precision/recall/F1
over sets of tuples.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from assist.document import Document

SCALARS = (
    "doc_kind", "title", "court", "cause", "procedure",
    "case_number.raw", "case_number.normalized", "case_number.year", "case_number.court_abbr",
    "case_number.court_code", "case_number.type_code", "case_number.seq",
    "case_number.case_type", "case_number.stage",
    "dates.filed", "dates.hearing", "dates.decided", "interest_rate",
)  # fmt: skip
SETS = (
    "parties",
    "party_kinds",
    "prior_roles",
    "agents",
    "penalties",
    "fines",
    "statutes",
    "cited_cases",
)


def _money(value: Any) -> str | None:
    return None if value is None else f"{Decimal(str(value)):.2f}"


def predicted_fields(doc: Document) -> dict[str, Any]:
    """Flatten a parsed Document into the golden label shape."""
    cn = doc.case_number
    out: dict[str, Any] = {
        "doc_kind": doc.doc_kind, "title": doc.title, "court": doc.court,
        "cause": doc.cause, "procedure": doc.procedure,
        "dates.filed": doc.dates.filed, "dates.hearing": doc.dates.hearing,
        "dates.decided": doc.dates.decided,
        "interest_rate": _money(doc.interest_rate.annual_percent) if doc.interest_rate else None,
    }  # fmt: skip
    for key in ("raw", "normalized", "year", "court_abbr", "court_code", "type_code", "seq",
                "case_type", "stage"):  # fmt: skip
        out[f"case_number.{key}"] = getattr(cn, key) if cn is not None else None
    out["parties"] = {(p.name, p.role) for p in doc.parties}
    out["party_kinds"] = {(p.name, p.kind) for p in doc.parties}
    out["prior_roles"] = {(p.name, p.prior_role) for p in doc.parties if p.prior_role}
    out["agents"] = {(a.name, a.kind) for p in doc.parties for a in p.agents}
    out["penalties"] = {(x.person, x.kind, _money(x.amount)) for x in doc.penalties}
    out["fines"] = {(x.person, _money(x.amount)) for x in doc.penalties if x.kind == "fine"}
    out["statutes"] = {(s.law, s.article_no) for s in doc.statutes}
    out["cited_cases"] = {(c.case_number.normalized, c.relation) for c in doc.cited_cases}
    return out


def golden_fields(gold: dict[str, Any]) -> dict[str, Any]:
    """Flatten one golden record into the same shape as ``predicted_fields``."""
    cn = gold.get("case_number") or {}
    dates = gold.get("dates") or {}
    out: dict[str, Any] = {
        k: gold.get(k) for k in ("doc_kind", "title", "court", "cause", "procedure")
    }
    out["unlabelled"] = gold.get("unlabelled") or []
    out.update({f"dates.{k}": dates.get(k) for k in ("filed", "hearing", "decided")})
    out["interest_rate"] = _money(gold.get("interest_rate"))
    for key in ("raw", "normalized", "year", "court_abbr", "court_code", "type_code", "seq",
                "case_type", "stage"):  # fmt: skip
        out[f"case_number.{key}"] = cn.get(key)
    parties = gold.get("parties") or []
    out["parties"] = {(p["name"], p["role"]) for p in parties}
    out["party_kinds"] = {(p["name"], p["kind"]) for p in parties}
    out["prior_roles"] = {(p["name"], p["prior_role"]) for p in parties if p.get("prior_role")}
    out["agents"] = {(a["name"], a["kind"]) for p in parties for a in p.get("agents") or []}
    pens = gold.get("penalties") or []
    out["penalties"] = {(x["person"], x["kind"], _money(x.get("amount"))) for x in pens}
    out["fines"] = {(x["person"], _money(x.get("amount"))) for x in pens if x["kind"] == "fine"}
    out["statutes"] = {(s["law"], s["article_no"]) for s in gold.get("statutes") or []}
    out["cited_cases"] = {(c["normalized"], c["relation"]) for c in gold.get("cited_cases") or []}
    return out


@dataclass
class Scores:
    """Running tallies over a set of documents."""

    scalar: Counter[str] = field(default_factory=Counter)  # field -> golden non-null count
    scalar_ok: Counter[str] = field(default_factory=Counter)
    scalar_fp: Counter[str] = field(default_factory=Counter)  # predicted where golden is null
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # doc, field, gold, pred

    def add(self, doc_id: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        skip = set(gold.get("unlabelled") or ())
        for name in SCALARS:
            if name in skip:
                continue
            g, p = gold[name], pred[name]
            if g is None:
                if p is not None:
                    self.scalar_fp[name] += 1
                    self.errors.append((doc_id, name, g, p))
                continue
            self.scalar[name] += 1
            if g == p:
                self.scalar_ok[name] += 1
            else:
                self.errors.append((doc_id, name, g, p))
        for name in SETS:
            if name in skip:
                continue
            g_set, p_set = gold[name], pred[name]
            self.tp[name] += len(g_set & p_set)
            self.fp[name] += len(p_set - g_set)
            self.fn[name] += len(g_set - p_set)
            if g_set != p_set:
                self.errors.append(
                    (doc_id, name, sorted(g_set - p_set, key=str), sorted(p_set - g_set, key=str))
                )

    def accuracy(self, name: str) -> float | None:
        n = self.scalar[name]
        return None if n == 0 else self.scalar_ok[name] / n

    def prf(self, name: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[name], self.fp[name], self.fn[name]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f
