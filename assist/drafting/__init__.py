"""Drafting 检察建议书 for a document's top lead (TAXONOMY §3, 检察建议工作规定 第五条、第十六条)."""

from __future__ import annotations

from assist.drafting.layout import PART_TITLES, DraftParts, parse_draft, points_of
from assist.drafting.render import draft_recommendation, top_issue
from assist.drafting.rules import RecommendationRules, default_rules, load_rules

__all__ = [
    "PART_TITLES",
    "DraftParts",
    "RecommendationRules",
    "default_rules",
    "draft_recommendation",
    "load_rules",
    "parse_draft",
    "points_of",
    "top_issue",
]
