"""A tiny, randomly initialised Chinese BERT checkpoint on disk, laid out as a site's local copy
of bert-base-chinese would be (config.json, model.safetensors, vocab.txt, tokenizer files).

Nothing is downloaded: the vocabulary is the special tokens plus the characters of ``texts``
(and ``##`` continuations of ASCII letters and digits, so that numbers do not become [UNK]).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def tiny_vocab(texts: Iterable[str]) -> list[str]:
    chars = sorted({c for text in texts for c in text.lower() if not c.isspace()})
    pieces = [f"##{c}" for c in chars if c.isascii() and c.isalnum()]
    return [*SPECIALS, *chars, *pieces]


def make_tiny_checkpoint(path: Path, texts: Iterable[str], *, max_positions: int = 512) -> Path:
    """Write the checkpoint into ``path`` (created if needed) and return it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    path.mkdir(parents=True, exist_ok=True)
    vocab = tiny_vocab(texts)
    vocab_path = path / "vocab.txt"
    vocab_path.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=max_positions,
    )
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(path)
    # BertTokenizer is BertTokenizerFast in transformers 5; pass vocab=, not vocab_file= (which
    # it silently ignores).
    tokenizer = BertTokenizer(vocab=str(vocab_path), model_max_length=max_positions)
    tokenizer.save_pretrained(path)
    return path
