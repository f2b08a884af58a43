"""A tiny training set for the router tests: short sentences condensed from real corpus texts
(CAIL2018, LeCaRD, CAIL2021, SCM, the dev judgments), each with the structural tokens its parse
would give."""

from __future__ import annotations

from typing import Any

from assist.route.features import RouteInput

TINY: list[tuple[str, tuple[str, ...], str]] = [
    ("被告人李×1将王×推倒在地，致王×左臂受伤，经鉴定为轻伤。", ("type:刑初", "role:accused"), "criminal/trial"),
    ("被告人莫新国酒后驾驶小型轿车，血液中乙醇含量为195毫克／100毫升。", ("type:刑初", "role:accused"), "criminal/trial"),
    ("原判财产性判项罚金尚未履行，对罪犯减去有期徒刑六个月。", ("type:刑更", "role:convict"), "criminal/penalty_execution"),
    ("罪犯服刑期间罚金至今未缴纳，执行机关提出减刑建议。", ("type:刑更", "role:convict"), "criminal/penalty_execution"),
    ("原告周某甲诉称，被告向原告借款共计60万元，承诺按月利率20‰支付利息。", ("type:民初", "role:plaintiff"), "civil/judgment"),
    ("原告王某1向本院提出诉讼请求：判令路某1给付借款本金7.7万元。", ("type:民初", "role:plaintiff"), "civil/judgment"),
    ("被告辩称原告存在虚假诉讼嫌疑，借条系事后添加，双方恶意串通。", ("type:民初", "role:plaintiff"), "civil/false_litigation"),
    ("原、被告系朋友关系，现金交付，仅有借条，被告对诉讼请求无异议。", ("type:民初", "role:plaintiff"), "civil/false_litigation"),
    ("申请执行人胡加党与被执行人马军装饰装修合同纠纷，终结本次执行程序。", ("type:执", "role:enforcement_applicant"), "civil"),
    ("原告不服被告市场监督管理局作出的行政处罚决定，请求予以撤销。", ("type:行初", "defendant:agency"), "administrative/judgment"),
]  # fmt: skip
SMALL: dict[str, Any] = {"n_features": 2**14, "struct_features": 2**8, "max_text_features": 3000, "min_df": 1,
         "C": 100.0}  # fmt: skip


def tiny_data() -> tuple[list[RouteInput], list[str]]:
    return [RouteInput(text, tokens) for text, tokens, _ in TINY], [label for *_, label in TINY]
