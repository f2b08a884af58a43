"""Per-document supervision signals (TAXONOMY §2): ``find_signals(t, doc)``.

Each signal is a span of evidence (``t.raw[start:end] == text``) with the code of TAXONOMY §2 and
the document section it comes from, so that detectors can weigh a court's finding above a
party's allegation. Cue phrases are data (``assist/data/signal_cues.tsv``); one module per issue
type holds the rules. Cross-case signals (frequent plaintiffs, unexecuted fines) are not here.
"""

from __future__ import annotations

from assist.analysis import Signal
from assist.document import Document
from assist.signals import (
    admin_defects,
    criminal_transfer,
    false_litigation,
    property_penalty,
    public_interest,
)
from assist.signals.common import drop_overlaps, make_ctx
from assist.text.normalize import Text

__all__ = ["find_signals"]


def find_signals(
    t: Text, doc: Document, *, fast_days: int = false_litigation.FAST_DAYS
) -> tuple[Signal, ...]:
    """Every per-document signal of ``doc`` (parsed from ``t``), in text order."""
    ctx = make_ctx(t, doc)
    found = [
        *false_litigation.find(ctx, fast_days=fast_days),
        *property_penalty.find(ctx),
        *admin_defects.find(ctx),
        *public_interest.find(ctx),
        *criminal_transfer.find(ctx),
    ]
    return tuple(drop_overlaps(found))
