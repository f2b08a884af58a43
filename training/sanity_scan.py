"""Scan every real text we hold for implausible extraction output.

``python -m training.sanity_scan --out reports/sanity.md [--cap N]``

Runs ``parse_text`` + ``find_signals`` over the real corpora (36 full judgments, CAIL2018 /
CJRC / SCM / LBLJ / LeCaRD excerpts, the hand-labelled texts) and flags values no court document
could hold: offsets that do not point at the value, party names that are sentences, courts that
are not courts, years outside 1980–2026, 万/亿 slips, statutes of unknown laws … Each finding
kind gets a count and up to five examples (doc id + the span with context). Plausibility checks
only: a flag is a lead for a human, not proof of a bug.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from assist.analysis import Signal
from assist.document import Document
from assist.extract.amounts import CENT
from assist.extract.statutes import known_laws
from assist.law.store import StatuteStore, default_store
from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.signals.common import cues
from assist.text.normalize import Text, make_text

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpora" / "real"
LABELS = ROOT / "corpora" / "labels"
_EXAMPLES = 5
_CONTEXT = 15
_YEARS = (1980, 2026)
_ROLE_START = re.compile(
    r"^(?:原告|被告|上诉人|被上诉人|申请人|被申请人|第三人|申请执行人|被执行人|原审|公诉|罪犯"
    r"|法定代表人|委托|代理人|辩护人)"
)
_AGENCY_WORDS = frozenset(
    {"本院", "法院", "人民法院", "检察院", "人民检察院", "公安机关", "公安局", "派出所",
     "原审法院", "一审法院", "公诉机关", "被告人", "原告", "被告", "第三人", "本案"}
)  # fmt: skip
_BAD_NAME_CHARS = re.compile(r"[。，；：、,;:]")
_MASKED_DIGITS = re.compile(r"(?:某|[xX×*＊ⅹ])[0-9０-９]+|[0-9０-９]+号?$")
_MASKED = re.compile(r"[某xX×*＊ⅹ]")
_COURT_END = re.compile(r"(?:法院|检察院|法庭|仲裁委员会|检察分院)$")
_COURT_PUNCT = re.compile(r"[。，；：、,;:()（）\s]")
_ARABIC = re.compile(r"[0-9][0-9,，]*(?:\.[0-9]+)?")
_SIDE = {
    "plaintiff": "P", "appellant": "P", "retrial_applicant": "P", "applicant": "P",
    "enforcement_applicant": "P", "public_interest_plaintiff": "P", "prosecutor": "P",
    "defendant": "D", "appellee": "D", "retrial_respondent": "D", "respondent": "D",
    "enforcement_respondent": "D", "accused": "D",
}  # fmt: skip
_POSITIVE_SKIP = frozenset({"skip_cause", "age_note", "note", "context"})


@dataclass
class Findings:
    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, doc_id: str, raw: str, start: int, end: int, note: str = "") -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < _EXAMPLES:
            lo, hi = max(0, start - _CONTEXT), min(len(raw), end + _CONTEXT)
            snippet = f"{raw[lo:start]}【{raw[start:end]}】{raw[end:hi]}".replace("\n", "⏎")
            shown.append(f"`{doc_id}` {note} … {snippet} …".replace("  ", " "))


def real_texts(cap: int) -> Iterator[tuple[str, str, str]]:
    """(corpus, doc id, text) for every real text, at most ``cap`` per corpus."""
    fields = {
        "judgments": ("text",), "cail2018_facts": ("fact",), "cjrc_facts": ("context",),
        "lecard_queries": ("q",), "scm_triplets": ("A", "B", "C"),
        "lblj_focus": ("claims", "defense", "reasoning"),
    }  # fmt: skip
    for name, keys in fields.items():
        n = 0
        for line in (REAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if n >= cap:
                break
            rec = json.loads(line)
            if name == "lblj_focus":  # one text: the three parts of one judgment, in order
                yield name, rec["id"], "\n".join(str(rec.get(k) or "") for k in keys)
                n += 1
                continue
            for key in keys:
                suffix = f"#{key}" if len(keys) > 1 else ""
                yield name, f"{rec['id']}{suffix}", str(rec[key])
                n += 1
    for path in sorted(LABELS.glob("real_signals*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if n >= cap:
                break
            rec = json.loads(line)
            yield path.stem, rec["doc_id"], rec["text"]


def _is_slice(t: Text, value: str, start: int, end: int) -> bool:
    return value in (t.raw[start:end], t.norm[start:end])


def check_offsets(f: Findings, i: str, t: Text, doc: Document, sigs: tuple[Signal, ...]) -> None:
    items: list[tuple[str, str, int, int]] = [
        *(("party", p.name, p.start, p.end) for p in doc.parties),
        *(("agent", a.name, a.start, a.end) for p in doc.parties for a in p.agents),
        *(("amount", a.raw, a.start, a.end) for a in doc.amounts),
        *(("date", d.raw, d.start, d.end) for d in doc.date_mentions),
        *(("signal", s.text, s.start, s.end) for s in sigs),
        *(("cited", c.case_number.raw, c.case_number.start, c.case_number.end)
          for c in doc.cited_cases),
    ]  # fmt: skip
    if doc.case_number is not None:
        cn = doc.case_number
        items.append(("case_number", cn.raw, cn.start, cn.end))
    if doc.interest_rate is not None:
        r = doc.interest_rate
        items.append(("rate", r.raw, r.start, r.end))
    for key in ("title", "court", "cause"):
        value, span = getattr(doc, key), doc.field_spans.get(key)
        if value is not None and span is not None and key != "title":
            items.append((key, value, *span))
    for kind, value, start, end in items:
        if not (0 <= start <= end <= len(t.raw)) or not _is_slice(t, value, start, end):
            f.add(f"offset.{kind}", i, t.raw, start, end, f"value={value!r}")


def _name_flags(name: str, kind: str) -> list[str]:
    out: list[str] = []
    if len(name) > 25:
        out.append("party.too_long")
    if _BAD_NAME_CHARS.search(name):
        out.append("party.punctuation")
    if kind == "person" and re.search(r"[0-9０-９]", _MASKED_DIGITS.sub("", name)):
        out.append("party.digits")
    if _ROLE_START.match(name):
        out.append("party.role_word_start")
    if name in _AGENCY_WORDS:
        out.append("party.agency_word")
    if len(name) < 2 and name not in ("某",):
        out.append("party.too_short")
    return out


def check_parties(f: Findings, i: str, t: Text, doc: Document) -> None:
    sides: dict[str, set[str]] = {}
    for p in doc.parties:
        for kind in _name_flags(p.name, p.kind):
            f.add(kind, i, t.raw, p.start, p.end, f"role={p.role}")
        side = _SIDE.get(p.role)
        if side is not None and not _MASKED.search(p.name):  # 吴某 may be two people
            sides.setdefault(p.name, set()).add(side)
    for p in doc.parties:
        if len(sides.get(p.name, ())) > 1:
            f.add("party.both_sides", i, t.raw, p.start, p.end, f"role={p.role}")
            sides[p.name] = set()  # once per name


def check_court_and_case(f: Findings, i: str, t: Text, doc: Document) -> None:
    span = doc.field_spans.get("court", (0, 0))
    if doc.court is not None:
        if not _COURT_END.search(doc.court):
            f.add("court.bad_ending", i, t.raw, *span, f"court={doc.court!r}")
        if _COURT_PUNCT.search(doc.court):
            f.add("court.punctuation", i, t.raw, *span, f"court={doc.court!r}")
    numbers = [c.case_number for c in doc.cited_cases]
    if doc.case_number is not None:
        numbers.append(doc.case_number)
    for cn in numbers:
        if cn.year is not None and not _YEARS[0] <= cn.year <= _YEARS[1]:
            f.add("case_number.year", i, t.raw, cn.start, cn.end, f"year={cn.year}")
        code = cn.court_code
        if code is not None and code != "最高法" and not re.fullmatch(r"\D[0-9]{0,4}", code):
            f.add("case_number.court_code", i, t.raw, cn.start, cn.end, f"code={code}")


def check_dates(f: Findings, i: str, t: Text, doc: Document) -> None:
    for d in doc.date_mentions:  # births before 1980 and sentences ending after 2026 are real
        year = int(d.value[:4])
        if not 1900 <= year <= 2100:
            f.add("date.year", i, t.raw, d.start, d.end, f"value={d.value}")
        elif d.kind != "other" and not _YEARS[0] <= year <= _YEARS[1]:
            f.add("date.procedural_year", i, t.raw, d.start, d.end, f"{d.kind}={d.value}")
    filed, decided = doc.dates.filed, doc.dates.decided
    if filed and decided and decided < filed:
        span = doc.field_spans.get("dates.decided", (0, 0))
        f.add("date.decided_before_filed", i, t.raw, *span, f"filed={filed} decided={decided}")


def _expected(raw: str) -> Decimal | None:
    """The value a plain Arabic amount means (38.5万元 → 385000); None for anything mixed."""
    numbers = _ARABIC.findall(raw)
    if len(numbers) != 1 or re.search(r"[一二三四五六七八九十百千零壹贰叁肆伍陆柒捌玖拾佰仟]", raw):
        return None
    n = Decimal(numbers[0].replace(",", "").replace("，", ""))
    if "亿" in raw and "万" in raw:
        return None
    value = n * (Decimal(10**8) if "亿" in raw else Decimal(10**4) if "万" in raw else 1)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)  # the contract keeps cents


def check_money(f: Findings, i: str, t: Text, doc: Document) -> None:
    for a in doc.amounts:
        if a.value < 0:
            f.add("amount.negative", i, t.raw, a.start, a.end, f"value={a.value}")
        if a.value > Decimal(10**11):
            f.add("amount.huge", i, t.raw, a.start, a.end, f"value={a.value}")
        exp = _expected(t.norm[a.start : a.end])
        if exp is not None and exp != a.value and "美元" not in a.raw:
            f.add("amount.conversion", i, t.raw, a.start, a.end, f"value={a.value} want={exp}")
    r = doc.interest_rate
    if r is not None and not 0 < r.annual_percent <= 1000:
        f.add("rate.implausible", i, t.raw, r.start, r.end, f"annual%={r.annual_percent}")


def check_penalties_statutes(
    f: Findings, i: str, t: Text, doc: Document, store: StatuteStore
) -> None:
    names = {p.name for p in doc.parties}
    for pen in doc.penalties:
        if pen.person is not None and pen.person not in names:
            f.add("penalty.person_not_party", i, t.raw, pen.start, pen.end, f"person={pen.person}")
    for s in doc.statutes:
        if not 0 < s.article_no <= 2000:
            f.add("statute.article_no", i, t.raw, s.start, s.end, f"no={s.article_no}")
        if store.resolve(s.law) is None and s.law not in known_laws():
            f.add("statute.unknown_law", i, t.raw, s.start, s.end, f"law={s.law!r}")


@cache
def _scopes(code: str) -> frozenset[str] | None:
    """The sections a code's positive cues may come from; None for structural codes."""
    from assist.signals.common import _rows

    roles = {r for c, r, _, _ in _rows() if c == code and not r.startswith(("veto", "need"))}
    found = {s for role in roles - _POSITIVE_SKIP for cue in cues(code, role) for s in cue.scope}
    return frozenset(found) if found else None


def check_signals(f: Findings, i: str, t: Text, sigs: tuple[Signal, ...]) -> None:
    for s in sigs:
        allowed = _scopes(s.code)
        if allowed is not None and s.section is not None and s.section not in allowed:
            f.add("signal.section", i, t.raw, s.start, s.end, f"{s.code} in {s.section}")


def scan(cap: int) -> tuple[Findings, dict[str, int], float]:
    f = Findings()
    store = default_store()
    seen: dict[str, int] = {}
    began = time.perf_counter()
    for corpus, doc_id, raw in real_texts(cap):
        seen[corpus] = seen.get(corpus, 0) + 1
        i = f"{corpus}:{doc_id}"
        try:
            t = make_text(raw)
            doc = parse_text(t)
            sigs = find_signals(t, doc)
        except Exception as exc:  # the scan must report, never stop: every exception is a bug
            f.add("exception", i, raw, 0, 0, f"{type(exc).__name__}: {exc}")
            continue
        check_offsets(f, i, t, doc, sigs)
        check_parties(f, i, t, doc)
        check_court_and_case(f, i, t, doc)
        check_dates(f, i, t, doc)
        check_money(f, i, t, doc)
        check_penalties_statutes(f, i, t, doc, store)
        check_signals(f, i, t, sigs)
    return f, seen, time.perf_counter() - began


def render(f: Findings, seen: dict[str, int], seconds: float) -> str:
    lines = [
        "# Sanity scan of extraction output on real texts",
        "",
        "Produced by `python -m training.sanity_scan --out reports/sanity.md`: every real text",
        "in `corpora/real/` and `corpora/labels/real_signals*.jsonl` through `parse_text` +",
        "`find_signals`, checked for implausible values. A flag is a lead, not proof of a bug.",
        "",
        f"Texts: {sum(seen.values())} ({', '.join(f'{k} {v}' for k, v in seen.items())}); "
        f"{seconds:.0f} s.",
        "",
        "| finding | count |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in sorted(f.counts.items())),
    ]
    if not f.counts:
        lines.append("| (none) | 0 |")
    for kind in sorted(f.counts):
        lines += ["", f"## {kind} ({f.counts[kind]})", "", *(f"- {e}" for e in f.examples[kind])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "sanity.md")
    ap.add_argument("--cap", type=int, default=5000, help="most texts per corpus")
    args = ap.parse_args(argv)
    f, seen, seconds = scan(args.cap)
    args.out.write_text(render(f, seen, seconds), encoding="utf-8")
    print(f"{sum(f.counts.values())} findings in {sum(seen.values())} texts ({seconds:.0f} s)")
    for kind, n in sorted(f.counts.items()):
        print(f"  {kind}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
