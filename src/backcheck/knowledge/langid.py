"""Language identification with lingua, restricted to the few languages news text mixes in.

The detector is built on first use and kept for the process (building it takes about a second);
importing this module loads nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# ISO 639-1 codes of the languages the detector chooses between.
LANGUAGES = ("it", "en", "fr", "de", "es", "pt")


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The process-wide lingua detector over :data:`LANGUAGES`, models preloaded."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(c) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def confidences(text: str) -> dict[str, float]:
    """Confidence per language code (they sum to 1), e.g. ``{"it": 0.9, "en": 0.05, ...}``. One text per
    call on purpose: lingua's ``..._in_parallel`` methods start a Rust thread pool that a fork does not
    carry over, and a ``backcheck serve`` worker forked after a check then hangs."""
    values = detector().compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def foreign_language(text: str, min_confidence: float, max_italian: float) -> tuple[str, float] | None:
    """``(code, confidence)`` when ``text`` is confidently not Italian, else ``None``."""
    conf = confidences(text)
    if not conf or conf.get("it", 0.0) > max_italian:
        return None
    code, value = max(((c, v) for c, v in conf.items() if c != "it"), key=lambda cv: cv[1])
    return (code, value) if value >= min_confidence else None
