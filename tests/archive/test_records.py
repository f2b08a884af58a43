"""Archive records: flatten one Analysis into table rows; Parquet parts with fixed schemas."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from archive_factory import analyse, criminal_judgment, execution_ruling, loan_suit

from assist.archive.config import default_config
from assist.archive.crosscase import run_crosscase
from assist.archive.records import (
    SCHEMAS,
    TABLES,
    RecordWriter,
    case_key,
    flatten,
    is_masked,
    norm_name,
)
from assist.document import Dates
from assist.extract.case_number import parse_case_number

LOAN = loan_suit(
    "L1", "（2015）金民初字第01022号", "张金国", "伏玉梅", "2015-06-24", "2015-10-28",
    court="江苏省金湖县人民法院", agent="陈立", firm="江苏合信律师事务所",
)  # fmt: skip
CRIMINAL = criminal_judgment(
    "C1",
    "（2020）浙0602刑初312号",
    [("赵强", "人民币五千元"), ("孙伟", "人民币三千元")],
    "2020-06-10",
)
EXECUTION = execution_ruling(
    "E1", "（2020）浙0602执1888号", "（2020）浙0602刑初312号", "赵强", "2020-10-20",
    "本案已执行到位人民币1000元，尚有4000元未执行到位。",
)  # fmt: skip


def test_records_flatten_loan_suit() -> None:
    rows = flatten(analyse(*LOAN))
    assert set(rows) == set(TABLES)
    doc = rows["documents"][0]
    assert doc["case_number"] == "(2015)金民初字第01022号"
    assert doc["case_key"] == "(2015)金民初1022号"
    assert (doc["case_type"], doc["stage"], doc["cause"]) == (
        "civil",
        "first_instance",
        "民间借贷纠纷",
    )
    assert (doc["filed"], doc["decided"], doc["province"]) == ("2015-06-24", "2015-10-28", "苏")
    assert [(p["name"], p["role"], p["side"]) for p in rows["parties"]] == [
        ("张金国", "plaintiff", "claimant"),
        ("伏玉梅", "defendant", "respondent"),
    ]
    agent = rows["agents"][0]
    assert (agent["name"], agent["firm"], agent["party_idx"]) == ("陈立", "江苏合信律师事务所", 0)


def test_records_flatten_penalties_and_execution() -> None:
    pens = flatten(analyse(*CRIMINAL), CRIMINAL[1])["penalties"]
    assert [(p["person"], p["kind"], p["amount"], p["text"]) for p in pens] == [
        ("赵强", "fine", Decimal("5000.00"), "并处罚金人民币五千元"),
        ("孙伟", "fine", Decimal("3000.00"), "并处罚金人民币三千元"),
    ]
    rows = flatten(analyse(*EXECUTION), EXECUTION[1])
    doc = rows["documents"][0]
    assert doc["execution_terminated"] is True
    assert (doc["executed_amount"], doc["unpaid_amount"]) == (
        Decimal("1000.00"),
        Decimal("4000.00"),
    )
    assert doc["execution_text"] == EXECUTION[1][doc["execution_start"] : doc["execution_end"]]
    assert [(c["case_key"], c["relation"]) for c in rows["cited_cases"]] == [
        ("(2020)浙0602刑初312号", "executed_judgment")
    ]


def test_records_flatten_drops_impossible_dates() -> None:
    analysis = analyse(*LOAN)
    bad = replace(analysis, document=replace(analysis.document, dates=Dates(decided="2015-02-30")))
    assert flatten(bad)["documents"][0]["decided"] is None


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        ("北京甲乙（集团）股份有限公司", "organization", "北京甲乙集团"),
        ("北京甲乙集团有限责任公司", "organization", "北京甲乙集团"),
        ("中国工商银行股份有限公司杭州分行", "organization", "中国工商银行杭州分行"),
        ("臺北甲乙有限公司", "organization", "台北甲乙"),
        ("张 三", "person", "张三"),
        ("有限公司", "organization", "有限公司"),
    ],
)
def test_records_norm_name(name: str, kind: str, key: str) -> None:
    assert norm_name(name, kind) == key


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张某", True), ("张某某", True), ("***", True), ("××", True), ("某某公司", True),
     ("X某", True), ("张", True), ("张金国", False), ("浙江海蓝化工集团有限公司", False)],
)  # fmt: skip
def test_records_is_masked(name: str, masked: bool) -> None:
    assert is_masked(name) is masked


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("（2015）金民初字第01022号", "(2015)金民初1022号"),
        ("(2015)金民初字第1022号", "(2015)金民初1022号"),
        ("（2017）甘2901执162号", "(2017)甘2901执162号"),
        ("（2016）粤0304民初18775-18776号之一", "(2016)粤0304民初18775-18776号之一"),
    ],
)
def test_records_case_key(raw: str, key: str) -> None:
    cn = parse_case_number(raw)
    assert cn is not None and case_key(cn) == key


def test_records_writer_parts_have_fixed_schemas(tmp_path: Path) -> None:
    with RecordWriter(tmp_path, batch_size=2) as writer:
        for doc in (LOAN, CRIMINAL, EXECUTION):
            writer.add(analyse(*doc), doc[1])
    assert writer.written == 3
    for name in TABLES:
        parts = sorted(p.name for p in (tmp_path / name).iterdir())
        assert parts == ["part-00000.parquet", "part-00001.parquet"]
        for part in parts:
            schema = pq.read_schema(tmp_path / name / part)
            assert schema.remove_metadata().equals(SCHEMAS[name])
    docs = pq.read_table(tmp_path / "documents").to_pylist()
    assert docs[0]["decided"] == date(2015, 10, 28)
    assert SCHEMAS["documents"].field("executed_amount").type == pa.decimal128(18, 2)
    assert SCHEMAS["penalties"].field("amount").type == pa.decimal128(18, 2)


def test_records_crash_leftovers_are_ignored(tmp_path: Path) -> None:
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    for folder in (clean, crashed):
        with RecordWriter(folder, batch_size=1) as writer:
            for doc in (CRIMINAL, EXECUTION):
                writer.add(analyse(*doc), doc[1])
    # A crash in batch 2: some child parts renamed, documents not; a half-written .part file.
    other = tmp_path / "other"
    with RecordWriter(other) as writer:
        writer.add(analyse(*LOAN))
    for name in TABLES[1:]:
        shutil.copy(other / name / "part-00000.parquet", crashed / name / "part-00002.parquet")
    (crashed / "documents" / "part-00002.parquet.part").write_bytes(b"PAR1 truncated")
    config = default_config()
    leads = run_crosscase(crashed, config)
    assert leads == run_crosscase(clean, config)
    assert {lead.code for lead in leads} == {"execution_terminated", "no_execution_record"}
    # reopening continues after the last committed batch and overwrites the orphans
    writer = RecordWriter(crashed, batch_size=1)
    writer.add(analyse(*LOAN))
    assert sorted(p.name for p in (crashed / "documents").glob("*.parquet"))[-1] == (
        "part-00002.parquet"
    )


def test_records_writer_refuses_bad_settings(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        RecordWriter(tmp_path, batch_size=0)
    with pytest.raises(ValueError, match="prefix"):
        RecordWriter(tmp_path, prefix="../x")
