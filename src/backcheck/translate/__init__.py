"""Back-translation: engines, the given back-translation, and the translation cache.

Public functions: :func:`load_translator`, :func:`model_available`, :func:`translate_article`,
:func:`pair_given`. Nothing heavy is imported here; engines import torch/ctranslate2 on first use.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from ..defaults import DEFAULT_QUANTIZATION, MODEL_ENGINES, TRANSLATE_ENGINES
from ..errors import BackcheckError
from ..text.document import Article
from .base import SegmentTranslation, Token, Translation, Translator
from .given import pair_given

ENGINES = MODEL_ENGINES
# "auto" picks the fastest installed engine.
ENGINE_CHOICES = TRANSLATE_ENGINES
# translate_article sends this many sentences per call, so progress can be reported.
PROGRESS_CHUNK = 32

__all__ = [
    "ENGINES", "ENGINE_CHOICES", "SegmentTranslation", "Token", "Translation", "Translator",
    "load_translator", "model_available", "pair_given", "translate_article",
]


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _pick_engine(engine: str) -> str:
    if engine == "auto":
        return "ctranslate2" if _installed("ctranslate2") else "transformers"
    if engine not in ENGINES:
        raise BackcheckError(f"unknown engine {engine!r}", f"use --engine {' or '.join(ENGINE_CHOICES)}")
    return engine


def load_translator(engine: str, model: str | None, *, beam: int | None = None,
                    quantization: str = DEFAULT_QUANTIZATION, use_cache: bool = True,
                    cache_dir: Path | None = None, threads: int = 0) -> Translator:
    """A back-translation engine for ``model`` (models.txt name, hub id or local folder; None = it-en).

    ``engine`` is ``transformers``, ``ctranslate2`` or ``auto``. Nothing is downloaded: a model
    that is not on disk raises :class:`BackcheckError` naming ``backcheck models pull``. The model
    weights load on the first cache miss. ``threads`` caps the engine's CPU threads (0 = its default;
    a corpus run with N worker processes gives each its share of the cores). Progress is reported by
    :func:`translate_article`.
    """
    from ..knowledge.models import resolve_model

    name = _pick_engine(engine)
    required = ("torch", "transformers") if name == "transformers" else ("ctranslate2", "transformers")
    missing = [m for m in required if not _installed(m)]
    if missing:
        raise BackcheckError(f"the {name} engine needs {', '.join(missing)}",
                             "pip install 'backcheck[models]'")
    resolved = resolve_model(model)
    inner: Translator
    if name == "transformers":
        from .transformers_engine import TransformersTranslator

        inner = TransformersTranslator(resolved, beam=beam, threads=threads)
    else:
        from .ctranslate2_engine import CTranslate2Translator

        inner = CTranslate2Translator(resolved, beam=beam, quantization=quantization, threads=threads)
    if not use_cache:
        return inner
    from .cache import CachedTranslator

    return CachedTranslator(inner, cache_dir)


def model_available(model: str | None, engine: str) -> bool:
    """Whether :func:`load_translator` would find ``model`` for ``engine`` (no download, no loading)."""
    from ..knowledge.models import resolve_model

    try:
        name = _pick_engine(engine)
        required = ("torch", "transformers") if name == "transformers" else ("ctranslate2", "transformers")
        if not all(_installed(m) for m in required):
            return False
        resolve_model(model)
    except BackcheckError:
        return False
    return True


def translate_article(article: Article, translator: Translator, *,
                      progress: Callable[[int, int], object] | None = None) -> Translation:
    """Back-translate every sentence of ``article``; offsets become article offsets.

    One SegmentTranslation per sentence, in article order, except that a sentence too long for the
    model is split (at clause boundaries, else white space) into several consecutive segments, each
    with its own offsets. ``progress(done, total)`` is called after each chunk of sentences.
    """
    split = getattr(translator, "split", None)
    pieces: list[tuple[int, int]] = []  # article offsets
    for sent in article.sentences:
        spans = split(sent.text) if split else [(0, len(sent.text))]
        pieces += [(sent.start + a, sent.start + b) for a, b in spans or [(0, len(sent.text))]]
    texts = [article.text[a:b] for a, b in pieces]
    segments: list[SegmentTranslation] = []
    total = len(texts)
    if progress:
        progress(0, total)
    for k in range(0, total, PROGRESS_CHUNK):
        chunk = texts[k:k + PROGRESS_CHUNK]
        results = translator.translate(chunk)
        if len(results) != len(chunk):
            raise BackcheckError(f"engine returned {len(results)} results for {len(chunk)} sentences",
                                 "report this bug")
        for (a, b), r in zip(pieces[k:k + PROGRESS_CHUNK], results, strict=True):
            r.start, r.end, r.it = a, b, article.text[a:b]
            segments.append(r)
        if progress:
            progress(min(k + PROGRESS_CHUNK, total), total)
    return Translation(segments=segments, signature=dict(translator.signature()))
