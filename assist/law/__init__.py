"""Statute texts bundled with the product: lookup by law, article and date; verbatim checks."""

from __future__ import annotations

from assist.law.store import (
    Article,
    LawVersion,
    Source,
    StatuteStore,
    article_label,
    default_store,
    manifest,
    parse_article,
)

__all__ = [
    "Article",
    "LawVersion",
    "Source",
    "StatuteStore",
    "article_label",
    "default_store",
    "manifest",
    "parse_article",
]
