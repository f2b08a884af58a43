"""Similar-case search (类案检索) for 民间借贷 cases: char n-grams plus legal elements.

``run_similar`` builds an index over a corpus and answers each query with the most similar
cases and the legal elements they share (均约定月利率2%以上, 均以现金交付, 被告均未到庭 …).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from assist.similar.features import CaseFeatures, Fact, case_features, element_labels
from assist.similar.index import Hit, SimilarIndex, SimilarWeights, default_weights

__all__ = [
    "CaseFeatures",
    "Fact",
    "Hit",
    "SimilarIndex",
    "SimilarWeights",
    "case_features",
    "default_weights",
    "element_labels",
    "run_similar",
]


def run_similar(
    queries: Iterable[tuple[str, str]],
    corpus: Iterable[tuple[str, str]],
    top: int = 10,
    *,
    weights: SimilarWeights | None = None,
) -> Iterator[dict[str, object]]:
    """For each ``(query_id, text)``, the ``top`` most similar ``(id, text)`` of ``corpus``:
    ``{"query_id", "results": [{"id", "score", "shared": [...]}]}``, best first. The corpus is
    indexed once, before the first query is read."""
    index = SimilarIndex.build(corpus, weights)
    for query_id, text in queries:
        hits = index.search(text, top)
        yield {
            "query_id": query_id,
            "results": [
                {"id": h.id, "score": round(h.score, 4), "shared": list(h.shared)} for h in hits
            ],
        }
