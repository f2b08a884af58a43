"""Tests for corpora/build.py: the masking rules and the committed corpora/real files.

No test reads ../shared: the masking tests use synthetic numbers built at run time (so no
full ID or phone number is written in this file) and the file tests read only corpora/real.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # corpora/ is a top-level folder, not part of the installed package
    sys.path.insert(0, str(ROOT))

from corpora.build import mask_all, mask_pii  # noqa: E402

REAL = ROOT / "corpora" / "real"
JSONL = sorted(p.name for p in REAL.glob("*.jsonl"))
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id18(region: str, birth: str, seq: str) -> str:
    """A synthetic 18-digit ID number with a correct GB 11643 check character."""
    body = region + birth + seq
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


SYN_ID = _id18("330102", "19800101", "123")
SYN_ID_X = next(
    n for n in (_id18("330102", "19800101", f"{i:03d}") for i in range(100)) if n[-1] == "X"
)
SYN_ID15 = "330102" + "800101" + "123"
SYN_MOBILE = "1" + "38" + "0013" + "8000"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"被告王某，身份证号{SYN_ID}。", f"被告王某，身份证号3301**********{SYN_ID[-4:]}。"),
        (f"（公民身份号码{SYN_ID_X}）", f"（公民身份号码3301**********{SYN_ID_X[-4:]}）"),
        (f"身份证号：{SYN_ID15}。", f"身份证号：3301*******{SYN_ID15[-4:]}。"),
        (f"借款人{SYN_ID}签字", f"借款人3301**********{SYN_ID[-4:]}签字"),  # no label: shape alone
        (f"联系电话{SYN_MOBILE}，", "联系电话138****8000，"),
        ("电话138-0013-8000", "电话138-****-8000"),
        (SYN_MOBILE.translate(_FULL_WIDTH), "１３８****８０００"),
        # A labelled number is masked even when its birth date is impossible (a typo).
        ("身份证号码:11111119991399111X", "身份证号码:1111**********111X"),
    ],
)
def test_build_mask_pii_masks_ids_and_phones(text: str, expected: str) -> None:
    assert mask_pii(text) == expected
    assert len(mask_pii(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "统一社会信用代码11371626MB28577961。",  # letters: an organisation code
        "统一社会信用代码916108005778433281。",  # region digit 9: not a person
        "账号：644012019000000951）",  # no valid birth date
        "营业执照号为441302000030428,经营",
        '"文书ID": "A2BDAE9F589968AF5C13809616462E59"',  # hex id, not a phone
        "编号为H320101140516320号的《借款合同》",
        "原告陈某，身份证号3301**********1234，已脱敏",
        "判令被告归还借款1000000元及利息",
    ],
)
def test_build_mask_pii_leaves_other_numbers(text: str) -> None:
    assert mask_pii(text) == text


def test_build_mask_all_walks_nested_values() -> None:
    value = {"a": [f"电话{SYN_MOBILE}", 3, None], "b": {"c": SYN_ID}}
    assert mask_all(value) == {"a": ["电话138****8000", 3, None], "b": {"c": mask_pii(SYN_ID)}}


_PIECES = st.sampled_from(
    [SYN_ID, SYN_ID_X, SYN_ID15, SYN_MOBILE, "身份证号", "公民身份号码", "：", "-", " ", "X", "号"]
)
_DIGITS = st.from_regex(r"[0-9]{1,19}", fullmatch=True)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6), _DIGITS), max_size=12)


@given(_TEXT)
def test_build_mask_pii_keeps_length_and_is_idempotent(pieces: list[str]) -> None:
    text = "".join(pieces)
    once = mask_pii(text)
    assert len(once) == len(text)
    assert mask_pii(once) == once
    assert _unmasked(once, checksum=False) == []  # random digits may pass the check digit


# --- the committed files --------------------------------------------------------------

# ASCII digits only; a letter or any digit next to the run makes it a code, not a number.
_LONG = re.compile(r"(?<![0-9A-Za-z０-９])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z０-９])")
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z０-９])1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9A-Za-z０-９])"
)


def _checksum_ok(num: str) -> bool:
    total = sum(int(d) * w for d, w in zip(num[:17], _WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == num[17].upper()


def _birth_ok(num: str) -> bool:
    y, m, d = (
        (int(num[6:10]), int(num[10:12]), int(num[12:14]))
        if len(num) == 18
        else (1900 + int(num[6:8]), int(num[8:10]), int(num[10:12]))
    )
    try:
        date(y, m, d)
    except ValueError:
        return False
    return num[0] in "12345678" and 1880 <= y <= 2030


def _unmasked(text: str, checksum: bool = True) -> list[str]:
    """ID-like numbers (valid check digit or birth date) and mobile numbers left in ``text``."""
    found = [m.group() for m in _MOBILE.finditer(text)]
    for m in _LONG.finditer(text):
        num = m.group()
        if (checksum and len(num) == 18 and _checksum_ok(num)) or _birth_ok(num):
            found.append(num)
    return found


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REAL / "MANIFEST.json").read_text(encoding="utf-8"))
    return data


def _records(name: str) -> list[dict[str, Any]]:
    lines = (REAL / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_build_manifest_lists_every_file() -> None:
    assert (
        set(_manifest()["files"])
        == set(JSONL)
        == {
            "judgments.jsonl",
            "scm_triplets.jsonl",
            "cail2018_facts.jsonl",
            "lblj_focus.jsonl",
            "cjrc_facts.jsonl",
            "lecard_queries.jsonl",
        }
    )


@pytest.mark.parametrize("name", JSONL)
def test_build_file_matches_manifest(name: str) -> None:
    info = _manifest()["files"][name]
    data = (REAL / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == info["sha256"]
    assert len(data) == info["bytes"] < 5_000_000
    assert len(_records(name)) == info["records"]
    assert info["licence"] and info["citation"] and info["source"]


def test_build_total_size_is_bounded() -> None:
    assert sum(p.stat().st_size for p in REAL.iterdir()) < 15_000_000


@pytest.mark.parametrize("name", JSONL)
def test_build_records_carry_provenance(name: str) -> None:
    records = _records(name)
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        assert r["source"].split("/")[0] in {
            "judgments", "cail2019-scm", "cail2018", "cail2021-lblj", "cail2019-cjrc", "lecard",
        }  # fmt: skip
        assert "#" in r["source"] and r["licence"]


@pytest.mark.parametrize("name", [*JSONL, "MANIFEST.json"])
def test_build_no_unmasked_personal_numbers(name: str) -> None:
    text = (REAL / name).read_text(encoding="utf-8")
    assert _unmasked(text) == []


def test_build_judgments_contents() -> None:
    records = _records("judgments.jsonl")
    kinds = [r["kind"] for r in records]
    assert kinds.count("full") == 21 and kinds.count("page") == 15
    assert all(("site_metadata" in r) == (r["kind"] == "page") for r in records)
    masked = next(r["text"] for r in records if "身份证号1201**********" in r["text"])
    assert "被告" in masked


def test_build_record_counts() -> None:
    assert len(_records("scm_triplets.jsonl")) == 250
    assert len(_records("lecard_queries.jsonl")) == 107
    lblj = _records("lblj_focus.jsonl")
    assert len(lblj) == 111
    assert sum(r["mentions_false_litigation"] for r in lblj) == 10
    assert all(
        r["mentions_false_litigation"]
        == any("虚假诉讼" in (r[k] or "") for k in ("claims", "defense", "reasoning"))
        for r in lblj
    )


def test_build_cail2018_subset_covers_every_accusation() -> None:
    records = _records("cail2018_facts.jsonl")
    info = _manifest()["files"]["cail2018_facts.jsonl"]
    assert info["subset"] and info["subset"].startswith("stratified by first accusation")
    assert len({r["accusation"][0] for r in records}) == 33
    assert all(isinstance(r["imprisonment"], int) for r in records)
