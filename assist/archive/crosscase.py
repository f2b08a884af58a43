"""The cross-case stage: archive records (Parquet) → SQL in an in-process DuckDB → leads.

Everything set-based runs in DuckDB over ``read_parquet`` globs (``assist/archive/sql/*.sql``):
name resolution, loan-suit grouping, sliding windows (``count(DISTINCT …) OVER (RANGE …)``), the
property-penalty ledger and agency × defect clusters. Python only turns the (few) lead rows into
``Lead`` objects with a rationale, so the stage scales with DuckDB (it spills to ``temp_dir``),
not with Python lists.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from assist.archive.config import CrossCaseConfig, level_of
from assist.archive.leads import Evidence, Lead, LeadDocument, lead_id, rank
from assist.archive.records import SCHEMAS, TABLES

TYPE_OF_CODE = {
    "frequent_plaintiff": "false_litigation",
    "frequent_agent": "false_litigation",
    "debtor_many_creditors": "false_litigation",
    "repeated_pair": "false_litigation",
    "no_execution_record": "unenforced_property_penalty",
    "execution_terminated": "unenforced_property_penalty",
    "partial_execution": "unenforced_property_penalty",
    "commutation_unpaid": "unenforced_property_penalty",
    "systemic_admin_problem": "systemic_admin_problem",
}
# The rule files in order; each leaves lead_head / lead_docs / lead_evidence for assemble.sql.
_LEAD_SCRIPTS = ("false_litigation.sql", "debtor.sql", "property_penalty.sql", "admin.sql")
_PARAM = re.compile(r"\$([a-z_]+)")
_COMMENT = re.compile(r"--[^\n]*")
Row = dict[str, Any]


def run_crosscase(
    records_dir: Path,
    config: CrossCaseConfig,
    *,
    out_dir: Path | None = None,
    temp_dir: Path | None = None,
    memory_limit: str | None = None,
) -> list[Lead]:
    """Every cross-case lead of the archive in ``records_dir``, ranked by score.

    With ``out_dir`` the property-penalty ledger and the name-resolution report are written
    there too (``ledger.parquet``/``.csv``, ``resolution.parquet``/``.csv``).
    """
    with _connection(temp_dir, memory_limit) as con:
        _create_views(con, Path(records_dir))
        params = _params(con, config)
        for script in ("prepare.sql", "ledger.sql", "resolution.sql"):
            _run_script(con, script, params)
        leads: list[Lead] = []
        for script in _LEAD_SCRIPTS:
            _run_script(con, script, params)
            for row in _fetch(con, _sql("assemble.sql"), params):
                leads.append(_lead(row, config))
        if out_dir is not None:
            export_tables(con, Path(out_dir))
    return rank(leads)


@contextmanager
def _connection(
    temp_dir: Path | None, memory_limit: str | None
) -> Iterator[duckdb.DuckDBPyConnection]:
    with tempfile.TemporaryDirectory(prefix="assist-crosscase-") as scratch:
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"SET temp_directory = {_literal(str(temp_dir or scratch))}")
            con.execute("SET preserve_insertion_order = false")
            if memory_limit is not None:
                con.execute(f"SET memory_limit = {_literal(memory_limit)}")
            yield con
        finally:
            con.close()


def _create_views(con: duckdb.DuckDBPyConnection, records_dir: Path) -> None:
    """One view per table over its committed parts; child rows only of committed documents."""
    for name in TABLES:
        folder = records_dir / name
        if folder.is_dir() and any(folder.glob("*.parquet")):
            source = f"read_parquet({_literal(str(folder / '*.parquet'))}, union_by_name = true)"
        else:  # no part yet: an empty table of the right schema
            con.register(f"{name}_empty", pa.Table.from_pylist([], schema=SCHEMAS[name]))
            source = f"{name}_empty"
        where = "" if name == "documents" else " WHERE doc_id IN (SELECT doc_id FROM committed)"
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM {source}{where}")
        if name == "documents":
            con.execute("CREATE TEMP TABLE committed AS SELECT DISTINCT doc_id FROM documents")


def _params(con: duckdb.DuckDBPyConnection, config: CrossCaseConfig) -> dict[str, Any]:
    as_of = config.as_of
    if as_of is None:  # default: the latest decided date in the archive
        row = con.execute("SELECT max(decided) FROM documents").fetchone()
        as_of = row[0] if row is not None else None
    fl, admin = config.false_litigation, config.admin
    return {
        "loan_causes": list(fl.loan_causes),
        "period_start": config.period_start,
        "period_end": config.period_end,
        "plaintiff_min": fl.frequent_plaintiff_min,
        "agent_min": fl.frequent_agent_min,
        "pair_min": fl.repeated_pair_min,
        "debtor_min": fl.debtor_min_plaintiffs,
        "debtor_days": fl.debtor_window_days,
        "as_of": as_of,
        "no_record_days": config.property_penalty.no_record_days,
        "defect_codes": list(admin.defect_codes),
        "systemic_min": admin.systemic_min_documents,
        "systemic_days": admin.systemic_window_days,
        "max_documents": config.resolution_max_documents,
    }


@cache
def _sql(name: str) -> str:
    return resources.files("assist.archive").joinpath("sql", name).read_text(encoding="utf-8")


def _statements(sql: str) -> list[str]:
    """The statements of a script, comments removed: split at a ``;`` that ends a line
    (the scripts hold no ``;`` or ``--`` inside string literals)."""
    code = _COMMENT.sub("", sql)
    return [part.strip() for part in re.split(r";\s*(?:\n|$)", code) if part.strip()]


def _bind(sql: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a statement names (DuckDB refuses unused ones)."""
    return {name: params[name] for name in dict.fromkeys(_PARAM.findall(sql))}


def _run_script(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]) -> None:
    for statement in _statements(_sql(name)):
        con.execute(statement, _bind(statement, params))


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any]) -> list[Row]:
    cursor = con.execute(sql, _bind(sql, params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


_EXPORTS = {
    "ledger": (
        "SELECT judgment, judgment_id AS judgment_doc_id, court, decided, person, kind, imposed, "
        "imposed_total, executed, unpaid, status, days, {exec_numbers} AS execution_case_numbers, "
        "{exec_ids} AS execution_doc_ids FROM ledger ORDER BY judgment, person, kind"
    ),
    "resolution": (
        "SELECT name, what, reason, n_documents, {documents} AS documents, "
        "{provinces} AS provinces FROM resolution ORDER BY reason, n_documents DESC, name"
    ),
}
_LIST_COLUMNS = ("exec_numbers", "exec_ids", "documents", "provinces")


def export_tables(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, Path]:
    """Write the ledger and the resolution report: Parquet, and CSV with lists joined by ';'."""
    out_dir.mkdir(parents=True, exist_ok=True)
    as_list = {c: c for c in _LIST_COLUMNS}
    as_text = {c: f"array_to_string({c}, ';')" for c in _LIST_COLUMNS}
    written: dict[str, Path] = {}
    for name, query in _EXPORTS.items():
        for fmt, columns, options in (
            ("parquet", as_list, "FORMAT parquet"),
            ("csv", as_text, "FORMAT csv, HEADER true"),
        ):
            path = out_dir / f"{name}.{fmt}"
            temp = path.with_name(path.name + ".part")
            sql = query.format(**columns)
            con.execute(f"COPY ({sql}) TO {_literal(str(temp))} ({options})")
            os.replace(temp, path)
            written[path.name] = path
    return written


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# ---- lead rows → Lead ------------------------------------------------------------------------

_KIND_ZH = {
    "fine": "罚金", "confiscation_all": "没收个人全部财产", "confiscation_part": "没收个人部分财产",
    "recovery": "追缴违法所得", "restitution": "退赔",
}  # fmt: skip
_DEFECT_ZH = {
    "procedure_violation": "违反法定程序", "insufficient_evidence": "主要证据不足",
    "wrong_law": "适用法律、法规错误", "ultra_vires": "超越职权或滥用职权",
    "inaction": "不履行法定职责", "premature_enforcement": "未催告或期限届满前申请强制执行",
    "clearly_improper": "明显不当",
}  # fmt: skip


def _lead(row: Row, config: CrossCaseConfig) -> Lead:
    code, key = str(row["code"]), str(row["key"])
    type_ = TYPE_OF_CODE[code]
    score = config.score.score(code, float(row["excess"]))
    documents = tuple(
        LeadDocument(d["doc_id"], d["case_number"], d["court"], _iso(d["decided"]))
        for d in row["documents"]
    )
    evidence = tuple(
        Evidence(e["doc_id"], int(e["start"]), int(e["end"]), str(e["text"]))
        for e in row["evidence"]
    )
    return Lead(
        lead_id=lead_id(type_, code, key), type=type_, code=code, key=key, score=score,
        level=level_of(score), rationale=_RATIONALE[code](row, config),
        documents=documents, evidence=evidence, ambiguous=bool(row["ambiguous"]),
    )  # fmt: skip


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _yuan(value: object) -> str:
    return f"{Decimal(str(value)):.2f}元"


def _penalty(row: Row) -> str:
    kinds = "、".join(_KIND_ZH.get(k, k) for k in row["kinds"])
    total = row["imposed_total"]
    if total is None:
        return kinds
    return f"{kinds}{_yuan(total)}" if len(row["kinds"]) == 1 else f"{kinds}合计{_yuan(total)}"


def _numbers(row: Row) -> str:
    return "、".join(row["exec_numbers"]) or "（无案号）"


def _ambiguous(row: Row) -> str:
    return "，其中同名当事人分属不同省份法院，可能并非同一人" if row["ambiguous"] else ""


def _frequent_plaintiff(row: Row, c: CrossCaseConfig) -> str:
    return (
        f"{row['display']}在{row['n']}件借贷纠纷案件中作为原告起诉（阈值"
        f"{c.false_litigation.frequent_plaintiff_min}件）{_ambiguous(row)}，存在职业放贷或虚假诉讼风险。"
    )


def _frequent_agent(row: Row, c: CrossCaseConfig) -> str:
    firm = row["other"] or "未载明执业机构"
    return (
        f"{row['display']}（{firm}）在{row['n']}件借贷纠纷案件中代理原告方（阈值"
        f"{c.false_litigation.frequent_agent_min}件），需关注是否批量代理虚假借贷诉讼。"
    )


def _debtor(row: Row, c: CrossCaseConfig) -> str:
    fl = c.false_litigation
    return (
        f"{row['display']}在{fl.debtor_window_days}天内被{row['n']}名不同原告提起借贷诉讼（阈值"
        f"{fl.debtor_min_plaintiffs}名，涉及{row['other']}份文书）{_ambiguous(row)}，"
        "存在虚构债务转移财产的风险。"
    )


def _pair(row: Row, c: CrossCaseConfig) -> str:
    return (
        f"{row['display']}与{row['other']}之间发生{row['n']}件借贷纠纷诉讼（阈值"
        f"{c.false_litigation.repeated_pair_min}件），需关注是否串通诉讼或拆分起诉。"
    )


def _no_record(row: Row, c: CrossCaseConfig) -> str:
    return (
        f"{row['judgment']}判处{row['display'] or '被告人'}{_penalty(row)}，生效后至"
        f"{_iso(row['as_of'])}已{row['days']}天（阈值{c.property_penalty.no_record_days}天），"
        "档案中没有引用该判决的执行案件或减刑、假释裁定。"
    )


def _terminated(row: Row, c: CrossCaseConfig) -> str:
    paid = (
        "未载明执行到位金额" if row["executed"] is None else f"已执行到位{_yuan(row['executed'])}"
    )
    return (
        f"{row['judgment']}判处{row['display'] or '被告人'}{_penalty(row)}，执行案件{_numbers(row)}"
        f"以终结本次执行程序结案，{paid}，财产刑尚未执行完毕。"
    )


def _partial(row: Row, c: CrossCaseConfig) -> str:
    if row["executed"] is not None:
        paid = f"仅执行到位{_yuan(row['executed'])}"
    else:
        paid = f"尚有{_yuan(row['unpaid'])}未执行到位"
    return (
        f"{row['judgment']}判处{row['display'] or '被告人'}{_penalty(row)}，执行案件{_numbers(row)}"
        f"载明{paid}，低于判处金额。"
    )


def _commutation(row: Row, c: CrossCaseConfig) -> str:
    return (
        f"减刑、假释裁定{_numbers(row)}载明{row['display'] or '罪犯'}的财产性判项未履行，原判"
        f"{row['judgment']}判处其{_penalty(row)}（共{row['n_commutation_unpaid']}份裁定）。"
    )


def _systemic(row: Row, c: CrossCaseConfig) -> str:
    admin = c.admin
    defect = _DEFECT_ZH.get(str(row["other"]), str(row["other"]))
    total = f"，相关文书共{row['total']}件" if row["total"] != row["n"] else ""
    return (
        f"{row['display']}在{admin.systemic_window_days}天内有{row['n']}件行政案件被法院认定"
        f"{defect}（阈值{admin.systemic_min_documents}件{total}），"
        "存在苗头性、倾向性、普遍性执法问题。"
    )


_RATIONALE: dict[str, Callable[[Row, CrossCaseConfig], str]] = {
    "frequent_plaintiff": _frequent_plaintiff,
    "frequent_agent": _frequent_agent,
    "debtor_many_creditors": _debtor,
    "repeated_pair": _pair,
    "no_execution_record": _no_record,
    "execution_terminated": _terminated,
    "partial_execution": _partial,
    "commutation_unpaid": _commutation,
    "systemic_admin_problem": _systemic,
}
