"""The contract's JSON: shape, money as strings, round trip, published schema."""

from __future__ import annotations

import json

from assist.analyze import Analyzer
from assist.schemas import from_dict, json_schema, to_dict, to_json

TEXT = (
    "天津市宝坻区人民法院\n刑  事  判  决  书\n（2011）宝刑初字第514号\n"
    "公诉机关天津市宝坻区人民检察院。\n被告人靳宝忠，男，1971年6月21日出生，汉族，农民。\n"
    "天津市宝坻区人民检察院以津宝检刑诉（2011）488号起诉书指控被告人靳宝忠犯危险驾驶罪，"
    "于2011年11月14日向本院提起公诉。\n本院认为，被告人靳宝忠醉酒驾驶机动车，其行为已构成危险驾驶罪。"
    "依照《中华人民共和国刑法》第一百三十三条之一第一款、第五十二条之规定，判决如下：\n"
    "被告人靳宝忠犯危险驾驶罪，判处拘役二个月，并处罚金人民币二千元。\n"
    "审判员  张某\n二〇一一年十一月二十二日\n书记员  李某"
)


def test_schemas_answer_has_contract_fields() -> None:
    data = to_dict(Analyzer().analyze(TEXT, "t1"))
    assert data["schema_version"] == "1"
    assert data["id"] == "t1"
    doc = data["document"]
    for key in (
        "doc_kind",
        "title",
        "case_number",
        "court",
        "cause",
        "procedure",
        "dates",
        "parties",
        "sections",
        "amounts",
        "penalties",
        "statutes",
        "interest_rate",
    ):
        assert key in doc
    assert set(doc["dates"]) == {"filed", "hearing", "decided"}


def test_schemas_money_is_a_decimal_string() -> None:
    data = to_dict(Analyzer().analyze(TEXT))
    fines = [p for p in data["document"]["penalties"] if p["kind"] == "fine"]
    assert fines and fines[0]["amount"] == "2000.00"
    assert all(isinstance(a["value"], str) for a in data["document"]["amounts"])


def test_schemas_round_trip() -> None:
    analysis = Analyzer().analyze(TEXT)
    assert from_dict(json.loads(to_json(analysis))) == analysis


def test_schemas_json_schema_names_the_contract() -> None:
    schema = json_schema()
    assert "schema version 1" in schema["title"]
    text = json.dumps(schema)
    for word in ("case_number", "penalties", "enforcement_applicant", "first_instance"):
        assert word in text


def test_schemas_id_defaults_to_content_hash() -> None:
    a, b = Analyzer().analyze(TEXT), Analyzer().analyze(TEXT)
    assert a.id == b.id and len(a.id) == 16
