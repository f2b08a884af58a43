"""Decoding: every encoding path and every error code, on real Chinese legal sentences."""

from __future__ import annotations

import codecs
import contextlib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assist.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    NotLegalDocument,
    UndecodableInput,
    UnsupportedFormat,
)
from assist.ingest.decode import check_legal_text, decode_bytes, decode_text, detect_encoding

# Real sentences from the corpora (CAIL2018 facts, cail2019-scm 民间借贷, judgment pages).
CAIL_FACT = (
    "北京市通州区人民检察院指控：2011年9月8日7时30分许，被告人李×1在本市通州区潞城镇某村某养殖场内，"
    "因琐事与同事王×（女，54岁）发生纠纷，被告人李×1将王×推倒在地，致王×左臂受伤，后被告人李×1逃跑；"
)
LOAN_CLAIM = (
    "原告聂某1诉称：被告张某1和被告施某1因做生意资金周转需要自2013年起陆续向我借款共计159000元，"
    "于2015年10月9日补写借条，并承诺按月息2分4厘支付利息。"
)
PARTY_BLOCK = (
    "原告聂某1，男，1974年7月10日出生。被告张某1，男，1978年4月18日出生。"
    "被告施某1，女，1980年6月10日出生。"
)
PAGE_NO_NEWLINES = (
    "浙江省新昌县人民法院民 事 判 决 书(2015)绍新商初字第195号原告:何锴,农民。被告:陈晓春。"
    "原告何锴为与被告陈晓春民间借贷纠纷一案,于2015年1月26日向本院起诉,本院于同日立案受理后,"
    "依法由审判员秦妙独任审判,于2015年2月11日依法公开开庭进行了审理。"
)
EXECUTION = (
    "临夏市人民法院\n执行裁定书\n（2017）甘2901执162号\n"
    "申请执行人胡加党，男，汉族，1974年11月28日出生，身份号码×××，住临夏市。\n"
    "被执行人马军，男，回族，1982年2月4日出生，身份号码×××，住临夏市。\n"
)
TRADITIONAL = (
    "湖南省岳陽市中級人民法院\n刑 事 裁 定 書\n(2017)湘06刑終359號\n"
    "原公訴機關湖南省岳陽市云溪區人民檢察院。\n"
    "上訴人(原審被告人)賀清泉(曾用名:賀小牛),男,1971年9月1日出生于湖南省岳陽縣,漢族,本科文化,"
)
ADMIN_PAGE = (
    "您现在的位置:首页>广州刑事律师团队>律师动态\n吉林省通化县人民法院\n行政裁定书\n"
    "(2015)通行非执字第 78号\n申请执行人通化县国土资源局。住所通化县快大茂镇同德路237号。\n"
    "申请执行人通化县国土资源局于2015年4月1日向本院申请强制执行通县国土资处字[2014]第51号行政处罚决定书。"
)
SENTENCES = [CAIL_FACT, LOAN_CLAIM, PARTY_BLOCK, PAGE_NO_NEWLINES, EXECUTION]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a BOM, little-endian here
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
    ],
)
def test_decode_bytes_round_trips_each_encoding(text: str, codec: str, expected: str) -> None:
    data = text.encode(codec)
    assert decode_bytes(data, "doc.txt") == text
    assert detect_encoding(data) == expected


@pytest.mark.parametrize("text", SENTENCES)
def test_decode_bytes_reads_utf16_be_and_utf32_with_bom(text: str) -> None:
    assert decode_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "be.txt") == text
    assert decode_bytes(text.encode("utf-32"), "u32.txt") == text


def test_decode_bytes_reads_a_gb18030_four_byte_character() -> None:
    text = "被告人吉某𠮷，因涉嫌犯盗窃罪于2016年5月12日被刑事拘留。"  # 𠮷: 4 bytes in GB18030
    data = text.encode("gb18030")
    assert decode_bytes(data, "x.txt") == text


def test_decode_bytes_reads_traditional_text_saved_as_gbk() -> None:
    assert decode_bytes(TRADITIONAL.encode("gbk"), "trad.txt") == TRADITIONAL


def test_decode_bytes_reads_a_cail2018_json_line_in_gb18030() -> None:
    line = '{"fact": "' + CAIL_FACT + '", "meta": {"accusation": ["故意伤害"]}}\n'
    assert decode_text(line.encode("gb18030"), "data_train.json").encoding == "gb18030"


def test_decode_bytes_valid_utf8_is_utf8_even_if_gb18030_also_decodes() -> None:
    data = "本院认为".encode()
    assert data.decode("gb18030")  # also "valid" GB18030 mojibake
    assert decode_bytes(data, "x.txt") == "本院认为"


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
@pytest.mark.parametrize("cut", [1, 2])
def test_decode_bytes_forgives_a_truncated_multibyte_tail(codec: str, cut: int) -> None:
    text = "被告人李×1逃跑后到派出所投案自首"
    data = text.encode(codec)[:-cut]
    decoded = decode_text(data, "excerpt.txt")
    assert decoded.encoding == codec
    assert text.startswith(decoded.text)
    assert len(decoded.text) == len(text) - 1
    assert decoded.dropped_tail == (len(text[-1].encode(codec)) - cut)


def test_decode_bytes_rejects_a_cut_in_the_middle() -> None:
    data = "公诉机关指控".encode("gb18030")
    with pytest.raises(UndecodableInput, match="GB18030"):
        decode_bytes(data[:3] + b" " + data[3:], "mid.txt")


@pytest.mark.parametrize(
    "data",
    [
        TRADITIONAL.encode("big5", errors="ignore"),
        "Le tribunal a décidé que l'accusé était coupable.".encode("latin-1"),
        b"caf\xe9",
        b"\x81\x20\x81\x20 not a sequence",
    ],
    ids=["big5", "latin1", "latin1-tail", "bad-sequence"],
)
def test_decode_bytes_refuses_other_encodings(data: bytes) -> None:
    with pytest.raises(UndecodableInput) as info:
        decode_bytes(data, "other.txt")
    assert info.value.code == "undecodable_input"
    assert "UTF-8" in info.value.message and "GB18030" in info.value.message
    assert info.value.source == "other.txt"


def test_decode_bytes_refuses_a_utf8_bom_over_gbk() -> None:
    with pytest.raises(UndecodableInput, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + CAIL_FACT.encode("gbk"), "bom.txt")


@pytest.mark.parametrize("data", [b"", b"  \r\n\t \n", codecs.BOM_UTF8, "\u3000\n".encode("gbk")])
def test_decode_bytes_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput) as info:
        decode_bytes(data, "empty.txt")
    assert info.value.code == "empty_input"


def test_decode_bytes_too_large_names_the_limit() -> None:
    with pytest.raises(InputTooLarge) as info:
        decode_bytes(CAIL_FACT.encode("utf-8"), "big.txt", max_bytes=100)
    assert info.value.code == "input_too_large"
    assert "100 bytes" in info.value.message and "max_bytes" in info.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
        "原告\x00张某".encode(),
        bytes(range(1, 9)) * 20 + "被告人".encode(),
        codecs.BOM_UTF16_LE + b"\x01\xe0" * 50,  # private-use characters
    ],
    ids=["pdf", "zip", "png", "jpeg", "ole", "nul", "controls", "utf16-garbage"],
)
def test_decode_bytes_binary_input(data: bytes) -> None:
    with pytest.raises(BinaryInput) as info:
        decode_bytes(data, "scan.txt")
    assert info.value.code == "binary_input"


def test_decode_bytes_rtf_is_an_unsupported_format() -> None:
    with pytest.raises(UnsupportedFormat, match="RTF"):
        decode_bytes(rb"{\rtf1\ansi\ansicpg936 \'d4\'ad\'b8\'e6}", "doc.txt")


def test_decode_text_trusts_a_declared_chinese_charset_only() -> None:
    gbk = TRADITIONAL.encode("gbk")
    assert decode_text(gbk, "p.html", declared="gb2312").encoding == "gb18030"
    assert decode_text(gbk, "p.html", declared="iso-8859-1").encoding == "gb18030"  # ignored
    big5 = "原公訴機關湖南省岳陽市云溪區人民檢察院。".encode("big5")
    assert decode_text(big5, "p.html", declared="big5").text.startswith("原公訴機關")
    assert decode_text("法院".encode(), "p.html", declared="gbk").encoding == "utf-8"


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_decode_bytes_raises_only_input_errors(data: bytes) -> None:
    with contextlib.suppress(InputError):
        decode_bytes(data, "fuzz.txt")


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_decode_bytes_utf8_round_trip(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is a BOM on the way back
    try:
        decoded = decode_bytes(text.encode("utf-8"), "fuzz.txt")
    except InputError:
        return
    assert decoded == text


@pytest.mark.parametrize(
    "text",
    [CAIL_FACT, LOAN_CLAIM, PARTY_BLOCK, PAGE_NO_NEWLINES, EXECUTION, TRADITIONAL, ADMIN_PAGE],
)
def test_check_legal_text_accepts_real_excerpts(text: str) -> None:
    check_legal_text(text, "doc.txt")


@pytest.mark.parametrize(
    "text",
    [
        "番茄炒蛋的做法：先将鸡蛋打散，加入少许盐。锅中倒油，油热后倒入蛋液炒至凝固盛出，再放入番茄块翻炒出汁。",
        "The court held that the defendant was liable for breach of contract and awarded damages.",
        "1 2 3 4\n5.5 6.6 7.7 8.8\n100 200 300 400\n" * 20,
        "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(3000)),
        "ÆØÅ ∂ƒ©˙∆˚¬ Ω≈ç√∫ ☃☂☀ 🀄🀅 ᚠᚡᚢ",
        "今天天气晴朗，气温二十五度，适合外出游玩。公园里的樱花开了，吸引了很多市民前来观赏拍照。",
    ],
    ids=["recipe", "english", "numbers", "random-cjk", "random-unicode", "weather"],
)
def test_check_legal_text_rejects_non_legal_text(text: str) -> None:
    with pytest.raises(NotLegalDocument) as info:
        check_legal_text(text, "x.txt")
    assert info.value.code == "not_legal_document"
    assert info.value.source == "x.txt"


def test_check_legal_text_empty_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        check_legal_text(" \n\u3000", "x.txt")


@given(st.text(max_size=300))
def test_check_legal_text_raises_only_input_errors(text: str) -> None:
    with contextlib.suppress(InputError):
        check_legal_text(text, "fuzz.txt")
