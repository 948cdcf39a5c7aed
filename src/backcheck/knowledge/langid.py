"""Language identification with lingua, restricted to the few languages news text mixes in.

The detector is built on first use and kept for the process (building it takes about a second);
importing this module loads nothing.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import ConfidenceValue, LanguageDetector

# ISO 639-1 codes of the languages the detector chooses between.
LANGUAGES = ("it", "en", "fr", "de", "es", "pt")
# Texts whose confidences are kept, by text (a text's scores never change, so they are kept across
# articles): more than the windows of a long article (about 700 for 40 sentences), about 10 MB at most.
MAX_SCORED = 16384
_SCORED: dict[str, dict[str, float]] = {}
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The process-wide lingua detector over :data:`LANGUAGES`, models preloaded."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(c) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def _by_code(values: list[ConfidenceValue]) -> dict[str, float]:
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def confidences(text: str) -> dict[str, float]:
    """Confidence per language code (they sum to 1), e.g. ``{"it": 0.9, "en": 0.05, ...}``; the same
    dict for the same text while it is cached (do not change it)."""
    with _LOCK:
        got = _SCORED.get(text)
    if got is None:
        got = _by_code(detector().compute_language_confidence_values(text))
        _keep({text: got})
    return got


def prime(texts: list[str]) -> None:
    """Score ``texts`` in one call on every core (lingua's parallel mode: a text's scores do not depend
    on the others), so that :func:`confidences` then finds them: the untranslated check's windows,
    several thousand per article, cost half as much."""
    with _LOCK:
        todo = list(dict.fromkeys(t for t in texts if t not in _SCORED))
    if todo:
        scored = detector().compute_language_confidence_values_in_parallel(todo)
        _keep({t: _by_code(values) for t, values in zip(todo, scored, strict=True)})


def _keep(scored: dict[str, dict[str, float]]) -> None:
    with _LOCK:
        _SCORED.update(scored)
        while len(_SCORED) > MAX_SCORED:  # the oldest go first (dicts keep insertion order)
            _SCORED.pop(next(iter(_SCORED)))


def foreign_language(text: str, min_confidence: float, max_italian: float) -> tuple[str, float] | None:
    """``(code, confidence)`` when ``text`` is confidently not Italian, else ``None``."""
    conf = confidences(text)
    if not conf or conf.get("it", 0.0) > max_italian:
        return None
    code, value = max(((c, v) for c, v in conf.items() if c != "it"), key=lambda cv: cv[1])
    return (code, value) if value >= min_confidence else None
