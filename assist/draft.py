"""``from assist.draft import draft_recommendation``: the drafting stage's entry point.

The implementation lives in :mod:`assist.drafting` (rules, quoted provisions, templates, layout).
"""

from __future__ import annotations

from assist.drafting import PART_TITLES, draft_recommendation, parse_draft

__all__ = ["PART_TITLES", "draft_recommendation", "parse_draft"]
