"""`make run` for now: analyse the bundled sample documents and print a readable summary."""

from __future__ import annotations

from importlib import resources

from rich.console import Console
from rich.table import Table

from assist.analysis import Analysis
from assist.analyze import Analyzer

KIND_ZH = {
    "judgment": "判决书", "ruling": "裁定书", "mediation": "调解书", "decision": "决定书",
    "indictment": "起诉书", "penalty_decision": "行政处罚决定书", "recommendation": "检察建议书",
    "notice": "通知书", "other": "其他",
}  # fmt: skip


def sample_texts() -> list[tuple[str, str]]:
    """The bundled samples: real, personal-data-masked documents shipped with the package."""
    folder = resources.files("assist.samples")
    items = sorted((p.name, p) for p in folder.iterdir() if p.name.endswith(".txt"))
    return [(name.removesuffix(".txt"), p.read_text(encoding="utf-8")) for name, p in items]


def summary_table(results: list[Analysis]) -> Table:
    table = Table(title="case-assist · 样例文书解析", show_lines=True)
    for col in (
        "文书",
        "类型",
        "案号 / 案件类型·审级",
        "法院",
        "案由",
        "当事人",
        "财产刑",
        "引用法条",
        "落款日期",
    ):
        table.add_column(col, overflow="fold")
    for a in results:
        d = a.document
        cn = d.case_number
        number = f"{cn.normalized}\n{cn.case_type}·{cn.stage}" if cn else "—"
        parties = "\n".join(f"{p.role_label or p.role} {p.name}" for p in d.parties[:6])
        fines = "\n".join(f"{p.person or '?'} {p.kind} {p.amount or ''}" for p in d.penalties)
        leads = "\n".join(f"{i.type} {i.level} {i.score:.2f}" for i in a.issues or ())
        table.add_row(
            a.id, KIND_ZH[d.doc_kind], number, d.court or "—", d.cause or "—",
            parties or "—", fines or "—", str(len(d.statutes)), d.dates.decided or "—", leads or "—",
        )  # fmt: skip
    return table


def run_demo(console: Console | None = None) -> list[Analysis]:
    # A pipe or CI log is not a terminal: give the table room instead of 80 columns.
    console = console or Console(width=None if Console().is_terminal else 180)
    analyzer = Analyzer()
    results = [analyzer.analyze(text, name) for name, text in sample_texts()]
    console.print(summary_table(results))
    ms = sum(a.timing_ms for a in results)
    console.print(f"{len(results)} 份文书，共 {ms:.1f} ms。完整 JSON：assist analyze FILE")
    return results
