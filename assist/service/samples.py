"""Demo data for ``make run``: warm the analyzer up and load the bundled sample documents."""

from __future__ import annotations

from assist.analyze import Analyzer
from assist.demo import sample_texts
from assist.service.core import analyze_document, store_analysis
from assist.service.store import AnalysisRow, Store


def warm_up(analyzer: Analyzer) -> None:
    """Analyse one sample so reference data and drafting templates are loaded before ready."""
    name, text = sample_texts()[0]
    analyze_document(analyzer, text, name)


# generated documents (assist.synth) that raise leads, so the demo's lead list is not empty
DEMO_GENERATED = (
    ("commutation_ruling", 2), ("admin_judgment", 3), ("civil_loan_judgment", 0),
    ("penalty_decision", 1), ("non_litigation_review", 0), ("civil_loan_mediation", 5),
)  # fmt: skip


def demo_documents() -> list[tuple[str, str]]:
    """The bundled samples plus a few generated documents that raise leads."""
    from assist.synth.generator import Sources, generate_one

    sources = Sources()
    generated = [
        (f"生成示例-{kind}-{seed}", generate_one(kind, seed, sources).text)
        for kind, seed in DEMO_GENERATED
    ]
    return sample_texts() + generated


def load_samples(store: Store, analyzer: Analyzer) -> int:
    """Analyse and store each demo document once (skipped when already stored)."""
    count = 0
    with store.session() as s:
        for name, text in demo_documents():
            if s.query(AnalysisRow).filter_by(doc_id=name, job_id=None).first() is not None:
                continue
            store_analysis(s, analyze_document(analyzer, text, name), text, user="samples")
            count += 1
    return count
