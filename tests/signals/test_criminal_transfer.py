"""§2.5 criminal_transfer_gap on 行政处罚决定书.

No penalty decision is in the corpora; the decision below follows the layout of published
市场监督管理 decisions (当事人 / 经查 / 依据 / 决定 / issuer and date).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signal_helpers import codes, texts

DECISION = (
    "某某市市场监督管理局\n行政处罚决定书\n某市监处罚(2021)15号\n当事人:某某商贸有限公司\n"
    "经查,当事人于2020年3月至2020年9月期间销售不合格的电线电缆,经检验不符合国家标准,{facts}\n"
    "以上事实有检验报告等证据为证。\n根据《中华人民共和国产品质量法》第四十九条的规定,本局决定:\n"
    "一、没收违法所得人民币12000元;二、处罚款人民币86500元。{tail}\n某某市市场监督管理局\n2021年3月1日"
)


def test_criminal_transfer_sales_over_threshold() -> None:
    text = DECISION.format(facts="销售金额共计人民币86500元,违法所得人民币12000元。", tail="")
    assert texts(text, "sales_over_threshold") == ["销售金额共计人民币86500元"]


@pytest.mark.parametrize(
    ("facts", "tail"),
    [
        ("销售金额共计人民币36500元,违法所得人民币12000元。", ""),  # under 50,000 元
        (
            "销售金额共计人民币86500元,违法所得人民币12000元。",
            "当事人涉嫌犯罪部分,已移送公安机关处理。",
        ),
    ],
)
def test_criminal_transfer_under_threshold_or_transferred(facts: str, tail: str) -> None:
    assert "sales_over_threshold" not in codes(DECISION.format(facts=facts, tail=tail))


def test_criminal_transfer_fake_drug_and_toxic_food() -> None:
    text = DECISION.format(
        facts="当事人还在其经营的火锅底料中添加罂粟壳,并销售假药“壮骨丸”。", tail=""
    )
    assert texts(text, "toxic_food_added") == ["添加罂粟壳"]
    assert texts(text, "fake_drug_sold") == ["销售假药"]


def test_criminal_transfer_only_on_penalty_decisions() -> None:
    ruling = DECISION.format(facts="销售金额共计人民币86500元。", tail="").replace(
        "行政处罚决定书", "行政裁定书"
    )
    assert "sales_over_threshold" not in codes(ruling)
