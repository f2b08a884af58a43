"""Cross-case SQL over a small archive built from parsed documents with planted patterns.

Each planted pattern must give exactly one lead resting on exactly its documents; each near miss
(9 suits, masked names, two agencies, an execution of a civil judgment, a fine paid in full, a
judgment inside the 90-day window …) must give none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from archive_factory import (
    admin_judgment,
    analyse,
    commutation_ruling,
    criminal_judgment,
    execution_ruling,
    loan_appeal,
    loan_suit,
)

from assist.archive.config import CrossCaseConfig, default_config, parse_config
from assist.archive.crosscase import run_crosscase
from assist.archive.leads import Lead
from assist.archive.records import RecordWriter

AS_OF = date(2021, 12, 31)
SURNAMES = "一二三四五六七八九十"
PROCEDURE = "被告在作出行政处罚决定前未告知原告陈述、申辩的权利，违反法定程序。"
PAID_NOTICE = (
    "浙江省绍兴市越城区人民法院\n结 案 通 知 书\n（2020）浙0602执2001号\n吴六：\n"
    "本院执行的（2020）浙0602刑初600号刑事判决书罚金一案，被执行人吴六已缴纳罚金人民币8000元，"
    "本案已执行完毕。\n特此通知。\n二〇二〇年十二月一日\n"
)


def _suits() -> list[tuple[str, str]]:
    docs = []
    for i in range(10):  # frequent_plaintiff + frequent_agent
        docs.append(loan_suit(
            f"fp{i}", f"（2021）浙0106民初{100 + i}号", "王建国", f"李{SURNAMES[i]}明",
            f"2020-0{1 + i % 9}-05", f"2020-0{1 + i % 9}-25", agent="陈立", firm="浙江合信律师事务所",
        ))  # fmt: skip
    for i in range(9):  # 9 suits: under the threshold (the appeal is the same suit)
        docs.append(loan_suit(
            f"np{i}", f"（2021）浙0106民初{200 + i}号", "赵六", f"钱{SURNAMES[i]}",
            "2021-03-01", "2021-04-15",
        ))  # fmt: skip
    docs.append(loan_appeal(
        "np-appeal", "（2021）浙01民终300号", "（2021）浙0106民初200号", "赵六", "钱一", "2021-07-01"
    ))  # fmt: skip
    for i in range(10):  # masked plaintiff; one lawyer name at two firms (5 + 5)
        firm = "浙江甲律师事务所" if i % 2 else "浙江乙律师事务所"
        docs.append(loan_suit(
            f"mk{i}", f"（2021）浙0106民初{300 + i}号", "张某", f"孙{SURNAMES[i]}平",
            "2021-02-01", "2021-03-01", agent="周律", firm=firm,
        ))  # fmt: skip
    for i in range(10):  # the same name in two provinces: kept together, flagged ambiguous
        court, code = (
            ("江苏省南京市鼓楼区人民法院", "苏0106") if i % 2 else ("浙江省杭州市西湖区人民法院", "浙0106")
        )  # fmt: skip
        docs.append(loan_suit(
            f"am{i}", f"（2020）{code}民初{400 + i}号", "刘洋", f"马{SURNAMES[i]}力",
            "2020-05-01", "2020-06-01", court=court,
        ))  # fmt: skip
    for i, (plaintiff, filed) in enumerate(
        [("孙一", "2021-01-10"), ("孙二", "2021-03-01"), ("孙三", "2021-05-20")]
    ):  # debtor_many_creditors: 3 creditors within 180 days
        docs.append(loan_suit(
            f"db{i}", f"（2021）浙0106民初{500 + i}号", plaintiff, "钱多多", filed, "2021-06-30"
        ))  # fmt: skip
    for i, (plaintiff, filed) in enumerate(
        [("韩一", "2020-01-01"), ("韩二", "2020-08-01"), ("韩三", "2021-03-01")]
    ):  # 3 creditors, but never 3 within 180 days
        docs.append(loan_suit(
            f"ds{i}", f"（2021）浙0106民初{600 + i}号", plaintiff, "吴少", filed, "2021-08-30"
        ))  # fmt: skip
    for i in range(2):  # repeated_pair
        docs.append(loan_suit(
            f"rp{i}", f"（2021）浙0106民初{700 + i}号", "郑甲", "冯乙", f"2021-0{4 + i}-01",
            f"2021-0{5 + i}-01", cause="借款合同纠纷",
        ))  # fmt: skip
    return docs


def _criminal() -> list[tuple[str, str]]:
    return [
        # two defendants, two fines: 赵强 terminated with a balance; 孙伟's 减刑 ruling says unpaid
        criminal_judgment(
            "cj1",
            "（2020）浙0602刑初312号",
            [("赵强", "人民币五千元"), ("孙伟", "人民币三千元")],
            "2020-06-10",
        ),
        execution_ruling(
            "ex1",
            "（2020）浙0602执1888号",
            "（2020）浙0602刑初312号",
            "赵强",
            "2020-10-20",
            "本案已执行到位人民币1000元，尚有4000元未执行到位。",
        ),
        commutation_ruling(
            "cm1",
            "（2021）浙06刑更455号",
            "（2020）浙0602刑初312号",
            "孙伟",
            "2021-02-01",
            "原判财产性判项罚金人民币三千元尚未缴纳。",
        ),
        # no execution record 305 days on; an execution of a CIVIL judgment against the same name
        criminal_judgment(
            "cj2", "（2021）浙0602刑初400号", [("李四", "人民币一万元")], "2021-03-01"
        ),
        execution_ruling(
            "ex6",
            "（2021）浙0602执300号",
            "（2020）浙0106民初900号",
            "李四",
            "2021-06-20",
            "本案执行到位0元。",
            what="民事判决书",
        ),
        # inside the 90-day window: no lead yet
        criminal_judgment(
            "cj3", "（2021）浙0602刑初500号", [("周五", "人民币二千元")], "2021-11-15"
        ),
        # paid in full
        criminal_judgment(
            "cj4", "（2020）浙0602刑初600号", [("吴六", "人民币八千元")], "2020-09-01"
        ),
        ("nt4", PAID_NOTICE),
        # partial: 2000 of 10000, execution still running
        criminal_judgment(
            "cj5", "（2020）浙0602刑初700号", [("郑七", "人民币一万元")], "2020-07-01"
        ),
        execution_ruling(
            "ex5",
            "（2020）浙0602执1900号",
            "（2020）浙0602刑初700号",
            "郑七",
            "2020-10-20",
            "被执行人郑七已缴纳罚金人民币2000元。",
            terminated=False,
        ),
        # masked differently in the two documents (钱某某 / 钱某): still the one person fined
        criminal_judgment(
            "cj6", "（2020）浙0602刑初800号", [("钱某某", "人民币六千元")], "2020-05-01"
        ),
        execution_ruling(
            "ex7",
            "（2020）浙0602执2100号",
            "（2020）浙0602刑初800号",
            "钱某",
            "2020-09-20",
            "本案已执行到位人民币6000元。",
            terminated=False,
        ),
    ]


def _admin() -> list[tuple[str, str]]:
    docs = []
    market = "杭州市西湖区市场监督管理局"
    for i in range(3):  # systemic: 3 procedure violations of one agency within a year
        docs.append(admin_judgment(
            f"ad{i}", f"（2021）浙0106行初{80 + i}号", market, f"2021-0{3 + i}-06",
            finding=PROCEDURE, plaintiff=f"杭州甲{i}贸易有限公司",
        ))  # fmt: skip
    for i, agency in enumerate(["杭州市西湖区综合行政执法局"] * 2 + ["杭州市拱墅区市场监督管理局"]):
        docs.append(admin_judgment(  # two agencies: 2 + 1, never merged
            f"ao{i}", f"（2021）浙0106行初{90 + i}号", agency, f"2021-0{3 + i}-10",
            finding=PROCEDURE, plaintiff=f"杭州乙{i}贸易有限公司",
        ))  # fmt: skip
    for i in range(3):  # the agency lost, but no defect was found: not systemic
        docs.append(admin_judgment(
            f"al{i}", f"（2021）浙0106行初{95 + i}号", "杭州市西湖区自然资源和规划局",
            f"2021-0{3 + i}-12", finding="被告已自行撤销被诉行政处罚决定，原告的诉讼请求应予支持。",
            plaintiff=f"杭州丙{i}贸易有限公司",
        ))  # fmt: skip
    return docs


def config_with(**changes: Any) -> CrossCaseConfig:
    """The defaults with some settings changed (``false_litigation={"…": …}`` merges)."""
    data = default_config().model_dump()
    for key, value in changes.items():
        if isinstance(value, dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return parse_config(data)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = tmp_path_factory.mktemp("records")
    with RecordWriter(records, batch_size=16) as writer:
        for doc_id, raw in [*_suits(), *_criminal(), *_admin()]:
            writer.add(analyse(doc_id, raw), raw)
    return records


@pytest.fixture(scope="module")
def result(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Lead], Path]:
    out = tmp_path_factory.mktemp("out")
    return run_crosscase(archive, config_with(as_of=AS_OF), out_dir=out), out


def _by(leads: list[Lead], code: str) -> dict[str, Lead]:
    return {lead.key: lead for lead in leads if lead.code == code}


def _doc_ids(lead: Lead) -> set[str]:
    return {d.doc_id for d in lead.documents}


def test_crosscase_frequent_plaintiff(result: tuple[list[Lead], Path]) -> None:
    found = _by(result[0], "frequent_plaintiff")
    assert set(found) == {"王建国", "刘洋"}  # not 赵六 (9 suits), not 张某 (masked)
    lead = found["王建国"]
    assert _doc_ids(lead) == {f"fp{i}" for i in range(10)}
    assert lead.type == "false_litigation" and lead.level == "medium" and not lead.ambiguous
    assert "10件" in lead.rationale
    assert {(e.doc_id, e.text) for e in lead.evidence} == {(f"fp{i}", "王建国") for i in range(10)}


def test_crosscase_same_name_in_two_provinces_is_flagged(result: tuple[list[Lead], Path]) -> None:
    lead = _by(result[0], "frequent_plaintiff")["刘洋"]
    assert lead.ambiguous and "不同省份" in lead.rationale
    assert _doc_ids(lead) == {f"am{i}" for i in range(10)}
    resolution = pq.read_table(result[1] / "resolution.parquet").to_pylist()
    row = next(r for r in resolution if r["reason"] == "same_name_different_provinces")
    assert row["name"] == "刘洋" and sorted(row["provinces"]) == ["浙", "苏"]


def test_crosscase_masked_names_are_reported_not_merged(result: tuple[list[Lead], Path]) -> None:
    assert all("张某" not in lead.key for lead in result[0])
    resolution = pq.read_table(result[1] / "resolution.parquet").to_pylist()
    masked = {(r["name"], r["what"]): r for r in resolution if r["reason"] == "masked"}
    assert masked[("张某", "party")]["n_documents"] == 10
    assert sorted(masked[("张某", "party")]["documents"]) == sorted(f"mk{i}" for i in range(10))


def test_crosscase_frequent_agent_needs_the_same_firm(result: tuple[list[Lead], Path]) -> None:
    found = _by(result[0], "frequent_agent")
    assert set(found) == {"陈立（浙江合信律师事务所）"}  # 周律 at two firms: 5 + 5, no lead
    assert _doc_ids(found["陈立（浙江合信律师事务所）"]) == {f"fp{i}" for i in range(10)}


def test_crosscase_debtor_many_creditors_within_window(result: tuple[list[Lead], Path]) -> None:
    found = _by(result[0], "debtor_many_creditors")
    assert set(found) == {"钱多多"}  # 吴少's three creditors are spread over 14 months
    lead = found["钱多多"]
    assert _doc_ids(lead) == {"db0", "db1", "db2"}
    assert "180天内被3名不同原告" in lead.rationale


def test_crosscase_repeated_pair(result: tuple[list[Lead], Path]) -> None:
    found = _by(result[0], "repeated_pair")
    assert set(found) == {"郑甲 | 冯乙"}  # 赵六–钱一: first instance + appeal is one suit
    assert _doc_ids(found["郑甲 | 冯乙"]) == {"rp0", "rp1"}


def test_crosscase_property_penalty_leads(result: tuple[list[Lead], Path]) -> None:
    leads = [lead for lead in result[0] if lead.type == "unenforced_property_penalty"]
    got = {(lead.code, lead.key): _doc_ids(lead) for lead in leads}
    assert got == {
        ("execution_terminated", "(2020)浙0602刑初312号 | 赵强"): {"cj1", "ex1"},
        ("commutation_unpaid", "(2020)浙0602刑初312号 | 孙伟"): {"cj1", "cm1"},
        ("no_execution_record", "(2021)浙0602刑初400号 | 李四"): {"cj2"},
        ("partial_execution", "(2020)浙0602刑初700号 | 郑七"): {"cj5", "ex5"},
    }
    terminated = next(lead for lead in leads if lead.code == "execution_terminated")
    texts = {e.doc_id: e.text for e in terminated.evidence}
    assert texts["cj1"] == "并处罚金人民币五千元"
    assert "终结本次执行程序" in texts["ex1"] and "1000元" in texts["ex1"]
    no_record = next(lead for lead in leads if lead.code == "no_execution_record")
    assert "305天" in no_record.rationale


def test_crosscase_ledger_rows(result: tuple[list[Lead], Path]) -> None:
    rows = pq.read_table(result[1] / "ledger.parquet").to_pylist()
    status = {(r["judgment"], r["person"]): r for r in rows}
    assert {k: v["status"] for k, v in status.items()} == {
        ("(2020)浙0602刑初312号", "赵强"): "execution_terminated",
        ("(2020)浙0602刑初312号", "孙伟"): "commutation_unpaid",
        ("(2021)浙0602刑初400号", "李四"): "no_execution_record",
        ("(2021)浙0602刑初500号", "周五"): "pending",
        ("(2020)浙0602刑初600号", "吴六"): "paid",
        ("(2020)浙0602刑初700号", "郑七"): "partial_execution",
        ("(2020)浙0602刑初800号", "钱某某"): "paid",
    }
    zhao, sun = status[("(2020)浙0602刑初312号", "赵强")], status[("(2020)浙0602刑初312号", "孙伟")]
    assert (str(zhao["imposed"]), str(sun["imposed"])) == ("5000.00", "3000.00")
    assert str(zhao["executed"]) == "1000.00" and zhao["execution_case_numbers"] == [
        "(2020)浙0602执1888号"
    ]
    # the execution of the civil judgment touched nothing
    assert all("执300号" not in n for r in rows for n in r["execution_case_numbers"])
    csv_text = (result[1] / "ledger.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("judgment,judgment_doc_id,court,decided,person")


def test_crosscase_systemic_admin_problem(result: tuple[list[Lead], Path]) -> None:
    found = _by(result[0], "systemic_admin_problem")
    key = "杭州市西湖区市场监督管理局 | procedure_violation"
    assert set(found) == {key}  # not 综合行政执法局 (2) + 拱墅区 (1); not agency_lost alone
    lead = found[key]
    assert _doc_ids(lead) == {"ad0", "ad1", "ad2"}
    assert {e.text for e in lead.evidence} >= {"违反法定程序"}
    assert "违反法定程序" in lead.rationale


def test_crosscase_every_lead_names_its_documents(result: tuple[list[Lead], Path]) -> None:
    for lead in result[0]:
        assert lead.documents and 0 <= lead.score <= 1
        assert {e.doc_id for e in lead.evidence} <= _doc_ids(lead)
        assert all(d.case_number for d in lead.documents)


def test_crosscase_thresholds_come_from_config(archive: Path) -> None:
    leads = run_crosscase(
        archive, config_with(as_of=AS_OF, false_litigation={"frequent_plaintiff_min": 9})
    )
    lead = _by(leads, "frequent_plaintiff")["赵六"]  # 9 suits: the appeal joins its first instance
    assert "9件" in lead.rationale
    assert _doc_ids(lead) == {f"np{i}" for i in range(9)} | {"np-appeal"}


def test_crosscase_period_limits_loan_suits(archive: Path) -> None:
    leads = run_crosscase(archive, config_with(as_of=AS_OF, period_start=date(2021, 1, 1)))
    assert "王建国" not in _by(leads, "frequent_plaintiff")  # all his suits were in 2020


def test_crosscase_default_as_of_is_latest_decision(archive: Path) -> None:
    leads = run_crosscase(archive, default_config())  # latest decided: 2021-11-15
    no_record = _by(leads, "no_execution_record")["(2021)浙0602刑初400号 | 李四"]
    assert "2021-11-15" in no_record.rationale and "259天" in no_record.rationale


def test_crosscase_empty_archive(tmp_path: Path) -> None:
    assert run_crosscase(tmp_path / "nothing", default_config(), out_dir=tmp_path / "out") == []
    assert pq.read_table(tmp_path / "out" / "ledger.parquet").num_rows == 0
