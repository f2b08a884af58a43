"""report.html: one self-contained page (no script, no network) summarising a screening run.

Charts are inline SVG drawn here (horizontal bars: they read well with long Chinese labels);
tables come from the leads and from the property-penalty ledger the cross-case stage wrote.
The top leads show their evidence in context with the span in ``<mark>``.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

import jinja2
import pyarrow.parquet as pq

from assist.archive.leads import Lead

TYPE_ZH = {
    "false_litigation": "虚假诉讼风险",
    "unenforced_property_penalty": "财产刑执行风险",
    "systemic_admin_problem": "行政执法系统性问题",
    "public_interest_lead": "公益诉讼线索",
    "criminal_transfer_gap": "以罚代刑",
}
LEVEL_ZH = {"high": "高", "medium": "中", "low": "低"}
UNEXECUTED = ("no_execution_record", "execution_terminated", "partial_execution",
              "commutation_unpaid")  # fmt: skip
CONTEXT = 60  # characters shown either side of an evidence span
TOP = 30

TextsFor = Callable[[set[str]], Mapping[str, str]]


def bar_chart(title: str, data: Iterable[tuple[str, float]], *, width: int = 640) -> str:
    """A horizontal bar chart as inline SVG (labels right-aligned in a left column)."""
    rows = list(data)
    label_w, row_h, top = 220, 24, 30
    height = top + row_h * max(len(rows), 1) + 10
    biggest = max((v for _, v in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>',
        f'<text x="4" y="18" class="ct">{escape(title)}</text>',
    ]
    if not rows:
        parts.append(f'<text x="{label_w}" y="{top + 16}" class="cl">（无）</text>')
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h
        w = (width - label_w - 70) * value / biggest
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" class="cl">'
            f"{escape(label[:18])}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" class="bar"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 16}" class="cv">{value:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, start: int, end: int, context: int = CONTEXT) -> str:
    """``…before<mark>span</mark>after…`` with HTML escaped; blank runs shown as one space."""
    a, b = max(start - context, 0), min(end + context, len(text))

    def clean(s: str) -> str:
        return escape(" ".join(s.split()))

    head = "…" if a > 0 else ""
    tail = "…" if b < len(text) else ""
    mid = clean(text[start:end])
    return f"{head}{clean(text[a:start])}<mark>{mid}</mark>{clean(text[end:b])}{tail}"


def _top_leads(leads: list[Lead], texts: Mapping[str, str]) -> list[dict[str, Any]]:
    rows = []
    for lead in leads[:TOP]:
        evidence = []
        for ev in lead.evidence[:4]:
            text = texts.get(ev.doc_id)
            if text is not None and 0 <= ev.start < ev.end <= len(text):
                snippet = highlight(text, ev.start, ev.end)
            else:
                snippet = f"<mark>{escape(ev.text)}</mark>"
            evidence.append({"doc_id": ev.doc_id, "html": snippet})
        numbers = dict.fromkeys(d.case_number for d in lead.documents if d.case_number)
        rows.append({
            "type": TYPE_ZH.get(lead.type, lead.type), "level": LEVEL_ZH.get(lead.level, lead.level),
            "level_code": lead.level, "score": f"{lead.score:.2f}", "key": lead.key,
            "rationale": lead.rationale, "n": len(lead.documents),
            "numbers": "；".join(list(numbers)[:6]), "evidence": evidence,
        })  # fmt: skip
    return rows


def _ledger_by_court(out: Path) -> list[tuple[str, float]]:
    """Unexecuted property penalties (yuan imposed) per court, from ledger.parquet."""
    path = out / "ledger.parquet"
    if not path.exists():
        return []
    totals: dict[str, float] = {}
    for row in pq.read_table(path, columns=["court", "status", "imposed"]).to_pylist():
        if row["status"] in UNEXECUTED:
            court = row["court"] or "（法院不详）"
            totals[court] = totals.get(court, 0.0) + float(row["imposed"] or 0)
    biggest = sorted(totals.items(), key=lambda kv: -kv[1])[:15]
    return [(court, round(v, 2)) for court, v in biggest]


def report_data(out: Path, leads: list[Lead], summary: Mapping[str, Any]) -> dict[str, Any]:
    by_type = Counter(TYPE_ZH.get(lead.type, lead.type) for lead in leads)
    by_level = Counter(LEVEL_ZH.get(lead.level, lead.level) for lead in leads)
    by_court: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    for lead in leads:
        court = lead.documents[0].court if lead.documents else None
        decided = lead.documents[0].decided if lead.documents else None
        by_court[court or "（法院不详）"] += 1
        by_month[(decided or "")[:7] or "（日期不详）"] += 1
    plaintiffs = [lead for lead in leads if lead.code == "frequent_plaintiff"][:20]
    agencies = [lead for lead in leads if lead.type == "systemic_admin_problem"][:20]
    return {
        "summary": summary,
        "charts": [
            bar_chart("线索类型", by_type.most_common()),
            bar_chart("风险等级", [(lv, by_level[lv]) for lv in ("高", "中", "低")]),
            bar_chart("线索所涉法院（前15）", by_court.most_common(15)),
            bar_chart("线索月份（裁判日期）", sorted(by_month.items())),
            bar_chart("未执行财产刑金额（元）按法院", _ledger_by_court(out)),
        ],
        "plaintiffs": [_key_row(x) for x in plaintiffs],
        "agencies": [_key_row(x) for x in agencies],
        "levels": [
            (LEVEL_ZH.get(lv, lv), TYPE_ZH.get(t, t), n) for (t, lv), n in _lead_counts(leads)
        ],
    }


def _key_row(lead: Lead) -> dict[str, Any]:
    return {"key": lead.key, "n": len(lead.documents), "score": f"{lead.score:.2f}",
            "rationale": lead.rationale}  # fmt: skip


def _lead_counts(leads: list[Lead]) -> list[tuple[tuple[str, str], int]]:
    return sorted(Counter((lead.type, lead.level) for lead in leads).items())


def render_report(
    out: Path, leads: list[Lead], summary: Mapping[str, Any], texts: Mapping[str, str]
) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assist.archive", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
    )
    data = report_data(out, leads, summary)
    data["top"] = _top_leads(leads, texts)
    return env.get_template("report.html.j2").render(**data)


def write_report(
    out: Path, leads: list[Lead], summary: Mapping[str, Any], texts_for: TextsFor | None = None
) -> Path:
    """Write ``out/report.html`` (write-then-rename); texts of the top leads' documents come
    from ``texts_for`` when given, for evidence in context."""
    wanted = {ev.doc_id for lead in leads[:TOP] for ev in lead.evidence[:4]}
    texts = texts_for(wanted) if texts_for is not None and wanted else {}
    html = render_report(out, leads, summary, texts)
    path = out / "report.html"
    temp = path.with_name(path.name + ".part")
    temp.write_text(html, encoding="utf-8")
    os.replace(temp, path)
    return path
