"""The archive stage: per-document records in Parquet, cross-case SQL over them, leads.

``records`` (``flatten``, ``RecordWriter``) is all the per-document stage calls; ``crosscase``
(``run_crosscase``) reads only those records; ``leads`` writes the ranked result.
"""

from __future__ import annotations

from assist.archive.config import CrossCaseConfig, default_config, load_config
from assist.archive.crosscase import run_crosscase
from assist.archive.leads import Evidence, Lead, LeadDocument, write_leads
from assist.archive.records import RecordWriter, flatten

__all__ = [
    "CrossCaseConfig", "Evidence", "Lead", "LeadDocument", "RecordWriter", "default_config",
    "flatten", "load_config", "run_crosscase", "write_leads",
]  # fmt: skip
