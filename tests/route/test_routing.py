"""The shipped router (models/router, active version) on the cases routing must get right.

The court-style texts below were WRITTEN FOR THESE TESTS after the layout of real judgments; they
are not real documents. The samples and dev judgments are real, but the shipped model was
trained on them: those tests check plausibility, the real held-out figures are in
reports/router.md."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from assist.analysis import DomainGuess
from assist.detect import build_detectors, detect_issues
from assist.pipeline import parse_text
from assist.route import LoadedModel, guess_domain, load_model
from assist.signals import find_signals
from assist.text.normalize import make_text

MODELS = Path(__file__).resolve().parents[2] / "models" / "router"
LABELS = Path(__file__).resolve().parents[2] / "corpora" / "labels" / "real_signals.jsonl"

# Written in court style for this test (not a real document): a 刑初 judgment for 污染环境罪
# whose operative part orders no restoration or compensation.
POLLUTION_NO_RESTORATION = """浙江省长兴县人民法院
刑 事 判 决 书
（2021）浙0522刑初318号
公诉机关浙江省长兴县人民检察院。
被告人王某某，男，1975年3月8日出生，汉族，住浙江省长兴县。因涉嫌犯污染环境罪于2020年10月12日被刑事拘留，同年11月2日被取保候审。
长兴县人民检察院以长检刑诉〔2021〕88号起诉书指控被告人王某某犯污染环境罪，于2021年3月2日向本院提起公诉。本院依法适用简易程序，实行独任审判，公开开庭审理了本案。现已审理终结。
经审理查明：2020年6月至9月，被告人王某某在未取得危险废物经营许可证的情况下，将其经营的电镀作坊产生的含镍废液约12吨，通过私设暗管排入厂区外的农灌渠。经长兴县环境监测站检测，外排废液中总镍含量超过国家排放标准42倍。
本院认为，被告人王某某违反国家规定，排放有毒物质，严重污染环境，其行为已构成污染环境罪。被告人王某某到案后如实供述，可以从轻处罚。依照《中华人民共和国刑法》第三百三十八条、第六十七条第三款、第五十二条、第五十三条之规定，判决如下：
被告人王某某犯污染环境罪，判处有期徒刑一年，并处罚金人民币二万元。
（刑期从判决执行之日起计算。罚金于本判决生效后十日内缴纳。）
如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向浙江省湖州市中级人民法院提出上诉。
审判员  李某
二〇二一年四月八日
书记员  张某"""

# Written in court style for this test (not a real document): a 刑更 减刑 ruling whose original
# 罚金 is unpaid.
COMMUTATION_UNPAID = """江苏省南通市中级人民法院
刑事裁定书
（2020）苏06刑更1888号
罪犯陈某，男，1980年5月6日出生，汉族，江苏省如东县人，现在江苏省南通监狱服刑。
江苏省如东县人民法院于2016年8月10日作出（2016）苏0623刑初456号刑事判决，以被告人陈某犯诈骗罪，判处有期徒刑七年，并处罚金人民币五万元。判决发生法律效力后交付执行。
执行机关江苏省南通监狱于2020年9月1日提出减刑建议，报送本院审理。本院依法组成合议庭进行了审理。
经审理查明，罪犯陈某在服刑期间，能认罪悔罪，遵守监规，接受教育改造，确有悔改表现。原判罚金人民币五万元，{state}。
本院认为，罪犯陈某确有悔改表现，符合减刑条件。依照《中华人民共和国刑法》第七十八条、第七十九条之规定，裁定如下：
对罪犯陈某减去有期徒刑六个月。
本裁定送达后即发生法律效力。
审判长  王某
审判员  刘某
审判员  赵某
二〇二〇年十月二十日
书记员  孙某"""

# Written in court style for this test: the same 刑初 form as above, an ordinary crime.
ASSAULT = (
    POLLUTION_NO_RESTORATION.replace("污染环境罪", "故意伤害罪")
    .replace(
        "将其经营的电镀作坊产生的含镍废液约12吨，通过私设暗管排入厂区外的农灌渠。经长兴县环境监测站检测，外排废液中总镍含量超过国家排放标准42倍",
        "因琐事与邻居刘某发生争执，持木棍击打刘某头部，致刘某轻伤一级",
    )
    .replace("违反国家规定，排放有毒物质，严重污染环境", "故意伤害他人身体，致人轻伤")
)


@cache
def _loaded() -> LoadedModel:
    if not (MODELS / "active").is_file():
        pytest.fail("no shipped router: run `python -m training.train_router --out models/router`")
    return load_model(MODELS)


def route(text: str) -> DomainGuess:
    t = make_text(text)
    doc = parse_text(t)
    signals = find_signals(t, doc)
    issues = detect_issues(doc, signals, build_detectors())
    return guess_domain(_loaded().router, t, doc, signals, issues)


def test_routing_pollution_judgment_without_restoration_is_ecology() -> None:
    guess = route(POLLUTION_NO_RESTORATION)
    assert (guess.label, guess.subdomain) == ("public_interest", "ecology")
    assert guess.alternatives[0].label == "criminal"  # the case type still counts


def test_routing_same_form_ordinary_crime_is_criminal_trial() -> None:
    guess = route(ASSAULT)
    assert (guess.label, guess.subdomain) == ("criminal", "trial")


@pytest.mark.parametrize("state", ["至今未缴纳", "尚未履行"])
def test_routing_commutation_with_unpaid_fine_is_penalty_execution(state: str) -> None:
    guess = route(COMMUTATION_UNPAID.format(state=state))
    assert (guess.label, guess.subdomain) == ("criminal", "penalty_execution")
    assert guess.score > 0.5


def test_routing_commutation_with_paid_fine_stays_out_of_penalty_execution() -> None:
    guess = route(COMMUTATION_UNPAID.format(state="已全部履行"))
    assert (guess.label, guess.subdomain) == ("criminal", "trial")


@pytest.mark.parametrize(
    ("sample", "domain"),
    [
        ("公益诉讼_环境污染.txt", "public_interest"),
        ("刑事判决_危险驾驶罚金.txt", "criminal"),
        ("刑事裁定_减刑.txt", "criminal"),
        ("执行裁定_终结本次执行.txt", "civil"),
        ("民事判决.txt", "civil"),
        ("行政裁定_非诉执行审查.txt", "administrative"),
    ],
)
def test_routing_real_samples(sample: str, domain: str) -> None:
    text = resources.files("assist.samples").joinpath(sample).read_text(encoding="utf-8")
    guess = route(text)
    assert guess.label == domain
    assert 0.0 <= guess.score <= 1.0
    assert [a.score for a in guess.alternatives] == sorted((a.score for a in guess.alternatives), reverse=True)  # fmt: skip


def test_routing_real_dev_documents_get_plausible_domains(real_texts: dict[str, str]) -> None:
    gold = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["source"].startswith("judgments:"):
            gold[r["source"].split(":", 1)[1]] = r["domain"]
    assert set(gold) == set(real_texts)
    hits = sum(route(text).label == gold[doc_id] for doc_id, text in real_texts.items())
    assert hits >= 0.9 * len(real_texts)


def test_routing_shipped_model_is_small_and_described() -> None:
    loaded = _loaded()
    size = sum(p.stat().st_size for p in loaded.path.iterdir())
    assert size < 5_000_000
    assert set(loaded.meta.labels) == {"criminal", "civil", "administrative", "public_interest"}
    assert loaded.meta.metrics["gold"]["domain_accuracy"] >= 0.97
