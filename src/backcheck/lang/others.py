"""The other languages lingua tells apart in Italian text (untranslated check): their function words."""

from __future__ import annotations

from . import en, it
from .datafiles import word_set as _data

# Function words of each foreign language, those Italian writes the same way removed (German shares
# none).
FOREIGN_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": en.FUNCTION_WORDS - it.FUNCTION_WORDS,
    **{lang: _data("stopwords.tsv", lang, "function") - it.FUNCTION_WORDS for lang in ("fr", "de", "es", "pt")},
}

# Italian function words no other detected language writes the same way: a foreign run never crosses
# one ("di", "della", "il", "ha", ...).
ITALIAN_ONLY_WORDS = it.FUNCTION_WORDS - frozenset().union(*FOREIGN_FUNCTION_WORDS.values()) - it.SHARED_WORDS
