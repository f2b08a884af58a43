"""The transformer backend on a tiny random BERT built on the spot (tests/learn/tiny_bert.py).

Twelve short real texts from corpora/labels/real_signals.jsonl are overfitted with a fixed seed;
the network is blocked throughout, so nothing can be downloaded.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assist.learn.estimator import Target
from assist.learn.transformer import CheckpointError, TransformerClassifier
from tests.learn.tiny_bert import make_tiny_checkpoint

LABELS = Path(__file__).resolve().parents[2] / "corpora" / "labels" / "real_signals.jsonl"
IDS = (
    "real-cail2018-0808", "real-cail2018-3346", "real-cail2018-0804", "real-cail2018-0816",
    "real-cail2018-1848", "real-cail2018-1844", "real-cail2018-1188", "real-cail2018-1758",
    "real-jd-fd-006", "real-lblj-021", "real-jd-fd-019", "real-jd-page-04",
)  # fmt: skip
# Small windows and few of them keep a CPU fit to about a second; 50 epochs overfit.
FAST: dict[str, Any] = {"max_length": 48, "max_chunks": 2, "epochs": 50, "learning_rate": 3e-3}
FAST |= {"batch_size": 6, "seed": 0, "device": "cpu"}


def records() -> list[dict[str, Any]]:
    with LABELS.open(encoding="utf-8") as fh:
        rows = {r["doc_id"]: r for r in map(json.loads, fh)}
    return [rows[i] for i in IDS]


def issue_targets(rows: list[dict[str, Any]]) -> list[Target]:
    """Issue types labelled medium or high (the estimator's rule for ``issues``)."""
    return [
        tuple(sorted({i["type"] for i in r["issues"] if i["level"] in ("medium", "high")}))
        for r in rows
    ]


@pytest.fixture(scope="module")
def no_network() -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the transformer backend tried to open a network connection")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        yield


@pytest.fixture(scope="module")
def data() -> tuple[list[str], list[dict[str, Any]]]:
    rows = records()
    return [r["text"] for r in rows], rows


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory, data: Any, no_network: None) -> Path:
    return make_tiny_checkpoint(tmp_path_factory.mktemp("tiny") / "bert", data[0])


@pytest.fixture(scope="module")
def domain_model(checkpoint: Path, data: Any, no_network: None) -> TransformerClassifier:
    texts, rows = data
    model = TransformerClassifier(task="domain", checkpoint=str(checkpoint), **FAST)
    return model.fit(texts, [r["domain"] for r in rows])


@pytest.fixture(scope="module")
def issues_model(checkpoint: Path, data: Any, no_network: None) -> TransformerClassifier:
    texts, rows = data
    model = TransformerClassifier(task="issues", checkpoint=str(checkpoint), **FAST)
    return model.fit(texts, issue_targets(rows))


def test_transformer_overfits_a_multiclass_task(
    domain_model: TransformerClassifier, data: Any
) -> None:
    texts, rows = data
    proba = domain_model.predict_proba(texts)
    assert domain_model.classes_ == ["administrative", "civil", "criminal", "public_interest"]
    assert proba.dtype == np.float64 and proba.shape == (12, 4)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert [domain_model.classes_[j] for j in proba.argmax(axis=1)] == [r["domain"] for r in rows]
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # set before transformers was imported


def test_transformer_overfits_multilabel_issues(
    issues_model: TransformerClassifier, data: Any
) -> None:
    texts, rows = data
    proba = issues_model.predict_proba(texts)
    assert issues_model.classes_ == ["false_litigation", "public_interest_lead"]
    expected = np.array([[c in t for c in issues_model.classes_] for t in issue_targets(rows)])
    assert expected.any(axis=0).all() and not expected.all(axis=0).any()  # both columns vary
    assert ((proba >= 0.5) == expected).all()
    assert not np.allclose(proba.sum(axis=1), 1.0)  # independent columns, not a softmax


def test_transformer_save_load_gives_identical_probabilities(
    issues_model: TransformerClassifier, data: Any, tmp_path: Path
) -> None:
    written = issues_model.save(tmp_path)
    assert {"model.safetensors", "config.json", "classifier.json"} <= set(written)
    assert {"tokenizer.json", "tokenizer_config.json"} & set(written)
    assert not [n for n in written if Path(n).suffix in (".bin", ".pt", ".pth", ".pkl", ".ckpt")]
    meta = json.loads((tmp_path / "classifier.json").read_text(encoding="utf-8"))
    assert (meta["backend"], meta["task"]) == ("transformer", "issues")
    assert meta["classes"] == issues_model.classes_ and meta["params"]["max_chunks"] == 2
    loaded = TransformerClassifier.load(tmp_path)
    assert (
        loaded.classes_ == issues_model.classes_
        and loaded.get_params() == issues_model.get_params()
    )
    texts = data[0]
    assert np.allclose(loaded.predict_proba(texts), issues_model.predict_proba(texts), atol=1e-6)


def test_transformer_batch_equals_single(domain_model: TransformerClassifier, data: Any) -> None:
    texts = data[0]
    batch = domain_model.predict_proba(texts)
    single = np.vstack([domain_model.predict_proba([t]) for t in texts])
    assert np.allclose(batch, single, atol=1e-5)


def test_transformer_document_logits_are_the_mean_of_chunk_logits(
    domain_model: TransformerClassifier, tmp_path: Path
) -> None:
    """A long text is read as several windows; checked against the saved model run by hand."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    long_text = records()[9]["text"]  # real-lblj-021, 455 characters
    chunks = domain_model.chunks(long_text)
    assert len(chunks) == 2 and all(0 < len(c) <= 46 for c in chunks)
    domain_model.save(tmp_path)
    tokenizer = AutoTokenizer.from_pretrained(tmp_path, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(tmp_path, local_files_only=True)
    model.train(False)
    with torch.no_grad():
        logits = torch.cat([model(**tokenizer([c], return_tensors="pt")).logits for c in chunks])
    expected = torch.softmax(logits.mean(dim=0), dim=-1).double().numpy()
    assert np.allclose(domain_model.predict_proba([long_text])[0], expected, atol=1e-6)
    first_only = torch.softmax(logits[0], dim=-1).double().numpy()
    assert not np.allclose(expected, first_only, atol=1e-4)  # the second window counts


def test_transformer_fit_is_deterministic(checkpoint: Path, data: Any, no_network: None) -> None:
    texts, rows = data
    y = [r["domain"] for r in rows]
    params = FAST | {"epochs": 2}
    runs = [
        TransformerClassifier(task="domain", checkpoint=str(checkpoint), **params)
        .fit(texts, y)
        .predict_proba(texts)
        for _ in range(2)
    ]
    assert np.array_equal(runs[0], runs[1])
    other = TransformerClassifier(task="domain", checkpoint=str(checkpoint), **params | {"seed": 1})
    assert not np.allclose(other.fit(texts, y).predict_proba(texts), runs[0])


def test_transformer_load_refuses_pickle_files(
    issues_model: TransformerClassifier, tmp_path: Path
) -> None:
    issues_model.save(tmp_path)
    (tmp_path / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")  # a pickle of the int 1
    with pytest.raises(CheckpointError, match=r"pickle-capable files \(pytorch_model\.bin\)"):
        TransformerClassifier.load(tmp_path)


def test_transformer_refuses_a_checkpoint_with_only_pickled_weights(
    checkpoint: Path, data: Any, tmp_path: Path
) -> None:
    for name in ("config.json", "vocab.txt"):
        (tmp_path / name).write_bytes((checkpoint / name).read_bytes())
    (tmp_path / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")
    model = TransformerClassifier(task="domain", checkpoint=str(tmp_path), **FAST)
    with pytest.raises(CheckpointError, match=r"no \.safetensors weights"):
        model.fit(data[0][:2], ["civil", "criminal"])


@pytest.mark.parametrize("checkpoint", ["bert-base-chinese", "hfl/chinese-roberta-wwm-ext", None])
def test_transformer_checkpoint_must_be_a_local_folder(
    checkpoint: str | None, no_network: None
) -> None:
    model = TransformerClassifier(task="domain", checkpoint=checkpoint)
    with pytest.raises(CheckpointError, match=r"local folder|existing directory") as info:
        model.fit(["原告诉称", "被告人供述"], ["civil", "criminal"])
    assert info.value.code == "bad_checkpoint"


def test_transformer_save_needs_an_empty_folder_and_a_fitted_model(
    domain_model: TransformerClassifier, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CheckpointError, match="empty folder"):
        domain_model.save(tmp_path)
    with pytest.raises(ValueError, match="not fitted"):
        TransformerClassifier(task="domain").save(tmp_path / "new")
    with pytest.raises(CheckpointError, match="not a saved model folder"):
        TransformerClassifier.load(tmp_path / "missing")
    with pytest.raises(CheckpointError, match=r"classifier\.json"):
        TransformerClassifier.load(tmp_path)


@pytest.mark.parametrize(
    ("task", "y", "message"),
    [
        ("domain", ["civil", "civil"], "at least two classes"),
        ("domain", ["civil", ("criminal",)], "one label per text"),
        ("domain", ["civil"], "2 texts but 1 targets"),
        ("issues", [(), ()], "no issues label"),
    ],
)
def test_transformer_rejects_bad_targets(task: Any, y: list[Target], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TransformerClassifier(task=task, checkpoint="unused").fit(["甲", "乙"], y)
