"""The ``transformer`` backend: a local Chinese BERT/RoBERTa checkpoint fine-tuned per task.

    model = TransformerClassifier(task="issues", checkpoint="models/base/chinese-roberta")
    model.fit(texts, y).predict_proba(texts)
    model.save(folder)  # model.safetensors, config.json, tokenizer files, classifier.json
    TransformerClassifier.load(folder)

A judgment is longer than the encoder reads, so each document is cut into section-aware
chunks (``assist.learn.chunking``); the document's logits are the mean of its chunks' logits,
and the loss (cross-entropy, or BCE-with-logits for ``issues``) is taken on those. Checkpoints
are local folders only: nothing is ever downloaded (``HF_HUB_OFFLINE=1``,
``local_files_only=True``) and weights are read from safetensors only, never unpickled.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import numpy as np

from assist.errors import AssistError
from assist.learn.chunking import PRIORITY, section_chunks
from assist.learn.estimator import (
    MULTILABEL_TASKS,
    FloatArray,
    Target,
    Task,
    check_task,
    label_matrix,
    multilabel_classes,
)

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

CLASSIFIER_FILE = "classifier.json"
FORMAT = 1
#: Files that may hold pickled Python objects: a model folder holding one is refused.
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".joblib", ".npy", ".npz")
_SPECIAL_TOKENS = 2  # [CLS] and [SEP] take two of max_length


class CheckpointError(AssistError):
    """A checkpoint or saved model folder that cannot (or must not) be loaded."""

    code = "bad_checkpoint"
    status = 422


class TransformerClassifier:
    """Fine-tunes a local Hugging Face checkpoint; see the module docstring."""

    backend = "transformer"

    def __init__(
        self,
        *,
        task: Task,
        checkpoint: str | None = None,
        max_length: int = 256,
        max_chunks: int = 8,
        epochs: int = 3,
        learning_rate: float = 5e-5,
        batch_size: int = 8,
        weight_decay: float = 0.01,
        seed: int = 0,
        device: str = "auto",
    ) -> None:
        self.task: Task = check_task(task)
        self.checkpoint = checkpoint
        self.max_length = max_length
        self.max_chunks = max_chunks
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.seed = seed
        self.device = device
        self.classes_: list[str] = []
        self._model: PreTrainedModel | None = None
        self._tokenizer: PreTrainedTokenizerBase | None = None

    def get_params(self) -> dict[str, Any]:
        return {
            "checkpoint": self.checkpoint,
            "max_length": self.max_length,
            "max_chunks": self.max_chunks,
            "epochs": self.epochs,
            "learning_rate": self.learning_rate,
            "batch_size": self.batch_size,
            "weight_decay": self.weight_decay,
            "seed": self.seed,
            "device": self.device,
        }

    @property
    def multilabel(self) -> bool:
        return self.task in MULTILABEL_TASKS

    @property
    def max_chars(self) -> int:
        """The chunk budget in characters: about one token per Chinese character."""
        return max(1, self._token_budget() - _SPECIAL_TOKENS)

    # -- fitting ---------------------------------------------------------------------------

    def fit(self, texts: Sequence[str], y: Sequence[Target]) -> Self:
        import torch

        self.classes_ = _classes(self.task, texts, y)
        folder = _checkpoint_dir(self.checkpoint)
        torch.manual_seed(self.seed)  # also fixes the new classification head's initialisation
        self._tokenizer, self._model = _from_pretrained(folder, self._head_config())
        device = _device(self.device)
        model = self._model.to(device)  # type: ignore[arg-type]  # transformers mistypes .to
        model.train()
        target = self._targets(y).to(device)
        optimizer = torch.optim.AdamW(
            _param_groups(model, self.weight_decay), lr=self.learning_rate
        )
        chunks = [self.chunks(t) for t in texts]
        order = np.random.default_rng(self.seed)
        for _ in range(self.epochs):
            for batch in _batches(order.permutation(len(texts)).tolist(), self.batch_size):
                logits = self._doc_logits([chunks[i] for i in batch], device)
                loss = self._loss(logits, target[batch])
                optimizer.zero_grad()
                loss.backward()  # type: ignore[no-untyped-call]
                optimizer.step()
        model.train(False)  # eval mode
        return self

    def _head_config(self) -> dict[str, Any]:
        return {
            "num_labels": len(self.classes_),
            "id2label": dict(enumerate(self.classes_)),
            "label2id": {c: i for i, c in enumerate(self.classes_)},
            "problem_type": (
                "multi_label_classification" if self.multilabel else "single_label_classification"
            ),
        }

    def _targets(self, y: Sequence[Target]) -> torch.Tensor:
        import torch

        if self.multilabel:
            return torch.tensor(label_matrix(y, self.classes_), dtype=torch.float32)
        index = {c: i for i, c in enumerate(self.classes_)}
        return torch.tensor([index[str(label)] for label in y], dtype=torch.long)

    def _loss(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        import torch.nn.functional as F

        if self.multilabel:
            return F.binary_cross_entropy_with_logits(logits, target)
        return F.cross_entropy(logits, target)

    # -- prediction ------------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        import torch

        if self._model is None:
            raise ValueError("the transformer classifier is not fitted; call fit or load first")
        model = self._model
        model.train(False)  # eval mode: no dropout
        device = next(model.parameters()).device
        out = np.zeros((len(texts), len(self.classes_)), dtype=np.float64)
        with torch.no_grad():
            for batch in _batches(list(range(len(texts))), self.batch_size):
                logits = self._doc_logits([self.chunks(texts[i]) for i in batch], device)
                proba = torch.sigmoid(logits) if self.multilabel else torch.softmax(logits, dim=-1)
                out[batch] = proba.double().cpu().numpy()
        return out

    def chunks(self, text: str) -> list[str]:
        """The document's windows; an empty text still gets one (empty) window."""
        windows = section_chunks(text, self.max_chars, self.max_chunks)
        return [text[c.start : c.end] for c in windows] or [""]

    def _doc_logits(self, docs: list[list[str]], device: torch.device) -> torch.Tensor:
        """Each document's logits: the mean over its chunks, all chunks in one forward pass."""
        import torch

        assert self._model is not None and self._tokenizer is not None
        flat = [chunk for doc in docs for chunk in doc]
        owner = torch.tensor([i for i, doc in enumerate(docs) for _ in doc], device=device)
        enc = self._tokenizer(
            flat,
            padding=True,
            truncation=True,
            max_length=self._token_budget(),
            return_tensors="pt",
        ).to(device)
        logits = self._model(**enc).logits
        sums = torch.zeros(len(docs), logits.shape[1], device=device, dtype=logits.dtype)
        sums = sums.index_add(0, owner, logits)
        counts = torch.tensor([len(doc) for doc in docs], device=device, dtype=logits.dtype)
        return sums / counts[:, None]

    def _token_budget(self) -> int:
        """``max_length`` capped by what the model's position embeddings can take."""
        limit = getattr(getattr(self._model, "config", None), "max_position_embeddings", None)
        return min(self.max_length, limit) if isinstance(limit, int) else self.max_length

    # -- persistence -----------------------------------------------------------------------

    def save(self, folder: Path) -> list[str]:
        """Write safetensors weights, config, tokenizer files and ``classifier.json``."""
        if self._model is None or self._tokenizer is None:
            raise ValueError("the transformer classifier is not fitted; nothing to save")
        if not folder.is_dir() or any(folder.iterdir()):
            raise CheckpointError("save needs an existing empty folder", source=str(folder))
        self._model.save_pretrained(folder)  # transformers 5 writes safetensors only
        self._tokenizer.save_pretrained(folder)
        meta = {
            "format": FORMAT,
            "backend": self.backend,
            "task": self.task,
            "classes": self.classes_,
            "params": self.get_params(),
            "chunking": {"max_chars": self.max_chars, "max_chunks": self.max_chunks},
            "priority": list(PRIORITY),
        }
        text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        (folder / CLASSIFIER_FILE).write_text(text, encoding="utf-8")
        _refuse_pickles(folder)  # a tokenizer class that pickles would be caught here
        return sorted(p.name for p in folder.iterdir())

    @classmethod
    def load(cls, folder: Path) -> Self:
        """Read a folder written by ``save``; pickle-capable files there are refused."""
        if not folder.is_dir():
            raise CheckpointError("not a saved model folder", source=str(folder))
        _refuse_pickles(folder)
        meta = _read_meta(folder / CLASSIFIER_FILE)
        try:
            obj = cls(task=meta["task"], **meta["params"])
        except (TypeError, ValueError) as exc:
            raise CheckpointError(f"bad task or params: {exc}", source=str(folder)) from exc
        obj.classes_ = [str(c) for c in meta["classes"]]
        obj._tokenizer, obj._model = _from_pretrained(folder, {})
        if obj._model.config.num_labels != len(obj.classes_):
            raise CheckpointError(
                f"config.json has {obj._model.config.num_labels} labels, classifier.json "
                f"{len(obj.classes_)} classes",
                source=str(folder),
            )
        # A model trained on a GPU still loads on a machine without one.
        device = _device("cpu" if obj.device == "cpu" else "auto")
        obj._model.to(device).train(False)  # type: ignore[arg-type]  # transformers mistypes .to
        return obj


# -- helpers -------------------------------------------------------------------------------


def _classes(task: Task, texts: Sequence[str], y: Sequence[Target]) -> list[str]:
    if len(texts) != len(y):
        raise ValueError(f"{len(texts)} texts but {len(y)} targets")
    if not texts:
        raise ValueError("no training texts")
    if task in MULTILABEL_TASKS:
        classes = multilabel_classes(y)
        if not classes:
            raise ValueError(f"no {task} label occurs in the training targets")
        return classes
    bad = [i for i, label in enumerate(y) if not isinstance(label, str)]
    if bad:
        raise ValueError(f"{task} takes one label per text; row {bad[0]} has {y[bad[0]]!r}")
    classes = sorted({str(label) for label in y})
    if len(classes) < 2:
        raise ValueError(f"{task} needs at least two classes in the training targets")
    return classes


def _checkpoint_dir(checkpoint: str | None) -> Path:
    """The base checkpoint as a local folder; hub ids are refused, never downloaded."""
    if checkpoint is None:
        raise CheckpointError(
            "the transformer backend needs checkpoint=<local folder of a Hugging Face model "
            "(config.json, model.safetensors, vocab.txt or tokenizer.json)>"
        )
    folder = Path(checkpoint)
    if not folder.is_dir():
        raise CheckpointError(
            "checkpoint is not an existing directory; give a local folder holding a Hugging "
            "Face checkpoint (models are never downloaded)",
            source=checkpoint,
        )
    if not (folder / "config.json").is_file():
        raise CheckpointError("checkpoint folder has no config.json", source=checkpoint)
    if not any(folder.glob("*.safetensors")):
        raise CheckpointError(
            "checkpoint folder has no .safetensors weights (pickled .bin weights are not read; "
            "convert them to safetensors first)",
            source=checkpoint,
        )
    return folder


def _from_pretrained(
    folder: Path, head: dict[str, Any]
) -> tuple[PreTrainedTokenizerBase, PreTrainedModel]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before transformers reads its settings
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(
            folder,
            local_files_only=True,
            use_safetensors=True,
            ignore_mismatched_sizes=True,
            **head,
        )
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise CheckpointError(f"cannot load the checkpoint: {exc}", source=str(folder)) from exc
    return tokenizer, model


def _refuse_pickles(folder: Path) -> None:
    found = sorted(p.name for p in folder.rglob("*") if p.suffix.lower() in PICKLE_SUFFIXES)
    if found:
        raise CheckpointError(
            f"refusing a folder with pickle-capable files ({', '.join(found)}); "
            "only safetensors, JSON and text files are read",
            source=str(folder),
        )


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"cannot read {path.name}: {exc}", source=str(path)) from exc
    if not isinstance(meta, dict) or meta.get("backend") != TransformerClassifier.backend:
        raise CheckpointError("not a transformer classifier's metadata", source=str(path))
    missing = {"task", "classes", "params"} - meta.keys()
    if missing:
        raise CheckpointError(f"missing keys {sorted(missing)}", source=str(path))
    return meta


def _device(spec: str) -> torch.device:
    import torch

    if spec == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(spec)


def _param_groups(model: torch.nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    """Weight decay on weight matrices only, not on biases and LayerNorm (the usual recipe)."""
    decay: list[torch.nn.Parameter] = []
    plain: list[torch.nn.Parameter] = []
    for name, param in model.named_parameters():
        if param.requires_grad:
            (plain if param.ndim < 2 or "LayerNorm" in name else decay).append(param)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": plain, "weight_decay": 0.0}]


def _batches(items: list[int], size: int) -> list[list[int]]:
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)]
