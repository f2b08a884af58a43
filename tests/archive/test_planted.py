"""Issue #3's archive target, end to end: every planted pattern found, no false lead (generated)."""

from __future__ import annotations

import pytest

from training.eval_leads import evaluate


@pytest.mark.slow
def test_planted_patterns_all_found_without_false_leads() -> None:
    scores, _, checked, _ = evaluate(3000, [11])
    assert sum(scores.planted.values()) >= 9
    assert scores.misses == []
    assert scores.false_leads == []
    assert scores.decoys > 0 and scores.decoys_raised == 0
    assert checked > 0
