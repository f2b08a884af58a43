"""Tests for assist/law/store.py and the packaged statute store (assist/data/statutes.jsonl.gz).

No test reads ../shared: the texts quoted here and the excerpts in tests/law/fixtures are copied
verbatim from the statute corpora (fixtures/SOURCES.tsv names each source file, its SHA-256 and
the line range).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import subprocess
import sys
import time
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.law import StatuteStore, article_label, default_store, manifest, parse_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MSF = "中华人民共和国民事诉讼法"
MSF_115_2021 = (
    "当事人之间恶意串通，企图通过诉讼、调解等方式侵害他人合法权益的，人民法院应当驳回其请求，"
    "并根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任。"
)
MSF_115_2023_P2 = (
    "当事人单方捏造民事案件基本事实，向人民法院提起诉讼，企图侵害国家利益、社会公共利益"
    "或者他人合法权益的，适用前款规定。"
)
JZ_OLD = "最高人民法院关于审理拒不执行判决、裁定刑事案件适用法律若干问题的解释"
JIANYI = "人民检察院检察建议工作规定"


@pytest.fixture(scope="module")
def store() -> StatuteStore:
    return default_store()


# --- the TAXONOMY's legal anchors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("law", "article", "on", "version", "snippet"),
    [
        ("民事诉讼法", 115, None, "2023", MSF_115_2023_P2),
        ("中华人民共和国民事诉讼法", "第一百一十五条", date(2022, 5, 1), "2021", MSF_115_2021),
        ("民事诉讼法", 115, date(2024, 3, 1), "2023", "侵害国家利益、社会公共利益或者他人合法权益"),
        # 112 was the 虚假诉讼 article before the 2021 renumbering; in 2021 and 2023 it is 拘传.
        (
            "民事诉讼法",
            112,
            date(2022, 5, 1),
            "2021",
            "经两次传票传唤，无正当理由拒不到庭的，可以拘传",
        ),
        ("刑法", "第三百零七条之一", None, "2023", "以捏造的事实提起民事诉讼，妨害司法秩序"),
        ("刑法", "307之一", None, "2023", "司法工作人员利用职权，与他人共同实施前三款行为的"),
        ("刑法", 52, None, "2023", "判处罚金，应当根据犯罪情节决定罚金数额。"),
        ("刑法", 53, None, "2023", "人民法院在任何时候发现被执行人有可以执行的财产，应当随时追缴"),
        ("行政诉讼法", 25, None, "2017", "应当向行政机关提出检察建议，督促其依法履行职责"),
        ("检察建议工作规定", 5, None, "2019", "（一）再审检察建议；\n（二）纠正违法检察建议；"),
        (JIANYI, 16, None, "2019", "（六）被建议单位书面回复落实情况的期限；"),
        (JIANYI, "第十九条", None, "2019", "自收到检察建议书之日起两个月以内作出相应处理"),
        ("虚假诉讼解释", 1, None, "2018", "捏造"),
        (
            "刑事诉讼法",
            128,
            None,
            "2018",
            "侦查人员对于与犯罪有关的场所",
        ),  # source: 第一百二十八 条
    ],
)
def test_store_anchor_lookup(
    store: StatuteStore, law: str, article: int | str, on: date | None, version: str, snippet: str
) -> None:
    art = store.get(law, article, on=on)
    assert art is not None
    assert art.version == version
    assert snippet in art.text


def test_store_minsufa_versions_by_date(store: StatuteStore) -> None:
    old = store.get(MSF, 115, on=date(2022, 1, 1))
    new = store.get(MSF, 115, on=date(2024, 1, 1))
    assert old is not None and new is not None
    assert (old.version, old.effective_from, old.effective_to) == (
        "2021",
        date(2022, 1, 1),
        date(2024, 1, 1),
    )
    assert (new.version, new.effective_from, new.effective_to) == ("2023", date(2024, 1, 1), None)
    assert old.text == MSF_115_2021
    assert new.text.split("\n")[1] == MSF_115_2023_P2
    assert store.get(MSF, 115, on=date(2023, 12, 31)) == old
    assert store.get(MSF, 115, on=date(2021, 6, 1)) is None  # the 2017 text is not bundled
    assert [(v.version, v.articles) for v in store.versions("民诉法")] == [
        ("2021", 291),
        ("2023", 306),
    ]


def test_store_article_not_in_version(store: StatuteStore) -> None:
    # 民事诉讼法 2023 has 306 articles, the 2021 text 291.
    assert store.get(MSF, 300, on=date(2022, 6, 1)) is None
    art = store.get(MSF, 300, on=date(2024, 6, 1))
    assert art is not None and art.version == "2023"


# --- names, aliases, versions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("民诉法", MSF),
        ("《民事诉讼法》", MSF),
        ("《中华人民共和国民事诉讼法》", MSF),
        ("《民诉法解释》", "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"),
        (
            "最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释",
            "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
        ),
        ("刑诉法解释", "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释"),
        ("民间借贷规定", "最高人民法院关于审理民间借贷案件适用法律若干问题的规定"),
        ("最高人民法院于适用财产刑若干问题的规定", "最高人民法院关于适用财产刑若干问题的规定"),
        ("高检规则", "人民检察院刑事诉讼规则"),
        ("人民检察院刑事诉讼规则（试行）", "人民检察院刑事诉讼规则"),
        ("检察建议工作规定", JIANYI),
        ("民法典", "中华人民共和国民法典"),
        (
            "检察公益诉讼解释",
            "最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释",
        ),
    ],
)
def test_store_resolve_alias(store: StatuteStore, name: str, expected: str) -> None:
    assert store.resolve(name) == expected


def test_store_alias_lookup_picks_latest(store: StatuteStore) -> None:
    art = store.get("《民诉法解释》", 1)
    assert art is not None and art.version == "2022"
    assert art.effective_from == date(2022, 4, 10)
    old = store.get("民诉法解释", 1, on=date(2021, 6, 1))
    assert old is not None and old.version == "2020" and old.effective_to == date(2022, 4, 10)


def test_store_version_note_in_name(store: StatuteStore) -> None:
    art = store.get("《中华人民共和国民事诉讼法》（2021年修正）", 115)
    assert art is not None and art.version == "2021"
    assert store.get("中华人民共和国民事诉讼法(2017年修正)", 115) is None  # not bundled


def test_store_trial_rule_versions(store: StatuteStore) -> None:
    versions = store.versions("刑诉规则")
    assert [(v.law, v.version, v.effective_to) for v in versions] == [
        ("人民检察院刑事诉讼规则(试行)", "2012", date(2019, 12, 30)),
        ("人民检察院刑事诉讼规则", "2019", None),
    ]
    trial = store.get("人民检察院刑事诉讼规则（试行）", 1)
    assert trial is not None and trial.version == "2012"
    assert store.get("人民检察院刑事诉讼规则（试行）", 1, on=date(2020, 6, 1)) is None
    by_date = store.get("高检规则", 1, on=date(2015, 6, 1))
    assert by_date is not None and by_date.law == "人民检察院刑事诉讼规则(试行)"


def test_store_repealed_interpretation_by_date(store: StatuteStore) -> None:
    """The 2020 SPC 拒执 interpretation, repealed by the 2024 两高 one (its 第十六条)."""
    found = store.get(JZ_OLD, 1, on=date(2023, 5, 1))
    assert found is not None and "以拒不执行判决、裁定罪处罚" in found.text
    assert store.get(JZ_OLD, 1, on=date(2025, 1, 1)) is None
    [version] = store.versions(JZ_OLD)
    assert (version.effective_from, version.effective_to) == (date(2021, 1, 1), date(2024, 12, 1))
    assert store.get(JZ_OLD, 1) == found  # no date: the latest version, repealed or not
    new = store.get(
        "最高人民法院、最高人民检察院关于办理" + JZ_OLD[6 + 4 :], 1, on=date(2025, 1, 1)
    )
    assert new is not None and new.effective_from == date(2024, 12, 1)


def test_store_repealed_trial_rule_known_end(store: StatuteStore) -> None:
    assert store.get("民事诉讼监督规则", 1, on=date(2020, 1, 1)) is not None
    assert store.get("民事诉讼监督规则", 1, on=date(2021, 8, 1)) is None
    assert store.versions("民事诉讼监督规则")[0].effective_to == date(2021, 8, 1)


def test_store_contract_law_is_not_bundled(store: StatuteStore) -> None:
    """合同法 (repealed by 民法典 on 2021-01-01) is not in the statute corpora, so not stored."""
    assert store.get("合同法", 206, on=date(2019, 5, 1)) is None
    assert store.versions("合同法") == []


@pytest.mark.parametrize(
    "law",
    [
        "刑法",
        "民法典",
        "刑事诉讼法",
        "行政诉讼法",
        "行政强制法",
        "行政复议法",
        "人民检察院组织法",
        "人民法院组织法",
        "检察官法",
        "刑法修正案(十一)",
        "刑法修正案(十二)",
        "虚假诉讼解释",
        "财产刑规定",
        "刑事裁判涉财产部分执行规定",
        "财产性判项规定",
        "民间借贷规定",
        "民诉法解释",
        "刑诉法解释",
        "行诉法解释",
        "检察公益诉讼解释",
        "人民检察院刑事诉讼规则",
        "民事诉讼监督规则",
        "行政诉讼监督规则",
        "执行异议和复议规定",
        "执行工作规定",
        "民事证据规定",
        "行政诉讼证据规定",
        JIANYI,
    ],
)
def test_store_holds_corpus_law(store: StatuteStore, law: str) -> None:
    assert store.versions(law), law


def test_store_item_numbered_documents(store: StatuteStore) -> None:
    """Documents numbered 一、 / 1. store item N as 第N条."""
    art = store.get("刑法修正案(十二)", 8)
    assert art is not None and art.text == "本修正案自2024年3月1日起施行。"
    art = store.get("执行工作规定", 34)
    assert art is not None and art.text.startswith("拍卖、变卖被执行人的财产成交后")


# --- search and the verbatim check ---------------------------------------------------------


def test_store_search_in_one_law(store: StatuteStore) -> None:
    hits = store.search("以捏造的事实提起民事诉讼", law="刑法")
    assert [a.article for a in hits] == ["第三百零七条之一"]


def test_store_search_normalises_and_limits(store: StatuteStore) -> None:
    full = store.search("（一）再审检察建议", law=JIANYI)
    half = store.search("(一)再审检察建议", law=JIANYI)
    assert [a.article for a in full] == [a.article for a in half] == ["第五条"]
    hits = store.search("虚假诉讼", limit=5)
    assert len(hits) == 5
    assert store.search("") == [] and store.search("检察建议", limit=0) == []


def test_store_search_by_date(store: StatuteStore) -> None:
    assert store.search("当事人单方捏造民事案件基本事实", law=MSF, on=date(2022, 6, 1)) == []
    hits = store.search("当事人单方捏造民事案件基本事实", law=MSF, on=date(2024, 6, 1))
    assert [(a.version, a.article) for a in hits] == [("2023", "第一百一十五条")]


def test_store_search_is_fast(store: StatuteStore) -> None:
    store.search("人民法院")  # builds the index
    t0 = time.perf_counter()
    for kw in ("罚金", "恶意串通", "检察建议", "公益诉讼", "不存在的关键词甲乙丙") * 20:
        store.search(kw, limit=50)
    assert time.perf_counter() - t0 < 1.0


@pytest.mark.parametrize(
    ("law", "article", "quote", "on", "expected"),
    [
        ("民事诉讼法", 115, "当事人之间恶意串通，企图通过诉讼、调解等方式侵害国家利益", None, True),
        ("民事诉讼法", 115, MSF_115_2021, date(2022, 6, 1), True),
        ("民事诉讼法", 115, MSF_115_2021, date(2024, 6, 1), False),  # the 2023 wording differs
        ("民事诉讼法", 115, "依法追究刑事责任。" + MSF_115_2023_P2[:10], None, True),  # over 款
        ("民事诉讼法", 112, "当事人之间恶意串通", None, False),  # wrong article
        ("刑法", "第三百零七条之一", "以捏造的事实提起民事诉讼", None, True),
        ("刑法", 307, "以捏造的事实提起民事诉讼", None, False),
        ("刑法", 52, "判处罚金,应当根据犯罪情节决定罚金数额", None, False),  # half-width comma
        ("刑法", 52, "判处罚金，应当根据犯罪情节决定罚金的数额", None, False),  # paraphrase
        (JIANYI, 19, "两个月以内作出相应处理，并书面回复人民检察院", None, True),
        (JIANYI, 19, "", None, False),
        ("合同法", 206, "借款人应当按照约定的期限返还借款", None, False),
    ],
)
def test_store_contains_verbatim(
    store: StatuteStore,
    law: str,
    article: int | str,
    quote: str,
    on: date | None,
    expected: bool,
) -> None:
    assert store.contains_verbatim(law, article, quote, on=on) is expected


# --- texts equal the source files ----------------------------------------------------------

_LABEL = re.compile(r"第[〇零一二三四五六七八九十百千]+\s*条(?:之[一二三四五六七八九十]+)?\s*")
_FIXTURE_LAW = {
    "msf_2021.md": (MSF, date(2022, 6, 1)),
    "msf_2023.md": (MSF, date(2024, 6, 1)),
    "xingfa_52-53.md": ("刑法", None),
    "xingfa_307-1.md": ("刑法", None),
    "xzssf_25.md": ("行政诉讼法", None),
    "xsssf_127-128.md": ("刑事诉讼法", None),
    "jzjs_2020.md": (JZ_OLD, date(2022, 1, 1)),
    "jianyi_4-5.txt": (JIANYI, None),
    "jianyi_15-19.txt": (JIANYI, None),
}


def _fixture_articles(text: str) -> dict[str, str]:
    """Label → text, parsed independently of the builder: paragraphs joined by \\n."""
    out: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for line in text.split("\n"):
        if not line.strip(" \u3000\u200b"):
            continue
        if line.startswith("#"):
            cur = None
        elif m := _LABEL.match(line):
            cur = out[re.sub(r"\s", "", m.group(0))] = [line[m.end() :]]
        elif cur is not None:
            cur.append(line)
    return {label: "\n".join(lines) for label, lines in out.items()}


def _sources() -> list[tuple[str, str, str]]:
    rows = (FIXTURES / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t")[:3]) for r in rows if r and not r.startswith("#")]  # type: ignore[misc]


@pytest.mark.parametrize(("fixture", "path", "sha256"), _sources())
def test_store_text_equals_source(
    store: StatuteStore, fixture: str, path: str, sha256: str
) -> None:
    law, on = _FIXTURE_LAW[fixture]
    articles = _fixture_articles((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert articles
    for label, text in articles.items():
        art = store.get(law, label, on=on)
        assert art is not None, label
        assert art.text == text, label
        assert (art.source.path, art.source.sha256) == (path, sha256)


# --- the data file and its manifest --------------------------------------------------------


def test_store_manifest_matches_data_file() -> None:
    data = resources.files("assist.data").joinpath("statutes.jsonl.gz").read_bytes()
    m = manifest()
    assert hashlib.sha256(data).hexdigest() == m["sha256"]
    assert len(data) == m["bytes"] < 5_000_000
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert len(lines) == m["records"] == sum(v["articles"] for v in m["versions"])
    store = default_store()
    for v in m["versions"]:
        [held] = [x for x in store.versions(v["law"]) if x.version == v["version"]]
        assert held.articles == v["articles"]
        assert held.effective_from.isoformat() == v["effective_from"]


def test_store_not_loaded_at_import() -> None:
    code = (
        "import assist.law, assist.law.store as s; "
        "print(s.default_store.cache_info().currsize, s.manifest.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]


# --- labels and robustness -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("no", "sub", "label"),
    [
        (1, 0, "第一条"),
        (10, 0, "第十条"),
        (105, 0, "第一百零五条"),
        (110, 0, "第一百一十条"),
        (307, 1, "第三百零七条之一"),
        (1260, 0, "第一千二百六十条"),
        (1039, 0, "第一千零三十九条"),
    ],
)
def test_article_label_forms(no: int, sub: int, label: str) -> None:
    assert article_label(no, sub) == label
    assert parse_article(label) == (no, sub)


@given(st.integers(1, 9999), st.integers(0, 9))
def test_article_label_roundtrip(no: int, sub: int) -> None:
    assert parse_article(article_label(no, sub)) == (no, sub)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.one_of(st.integers(-5, 2000), st.text(max_size=12)))
def test_store_never_raises(name: str, article: int | str) -> None:
    store = default_store()
    art = store.get(name, article)
    assert art is None or isinstance(art.text, str)
    assert isinstance(store.search(name, limit=3), list)
    assert isinstance(store.contains_verbatim(name, article, name), bool)
