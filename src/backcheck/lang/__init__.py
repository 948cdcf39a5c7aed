"""The language layer (spaCy's ``lang/`` idea): one tokenizer, one :class:`Word` and one accent fold
for every language, and per language (:mod:`.it`, :mod:`.en`) one stop list, calendar names, number
words and lemmas.

Maintained data does what it can: month and weekday names come from the Unicode CLDR (Babel), spelled-
out numbers from text2num, word frequencies from wordfreq, lemmas from simplemma, word valences from
VADER's rated lexicon (:mod:`.valence`). What none of them
provides is in ``backcheck/lang/data/*.tsv``, each file stating its origin.
"""

from __future__ import annotations

from . import en, it
from .datafiles import word_set as _data
from .tokens import (
    APOSTROPHES,
    NON_PROSE_RE,
    WORD_RE,
    Word,
    cased_like,
    common_prefix,
    fold,
    strip_accents,
    without_possessive,
    words,
)

# Month and weekday names of both languages (lower case): never names.
CALENDAR_WORDS = frozenset(it.MONTHS + en.MONTHS) | it.WEEKDAYS | en.WEEKDAYS
# Capitalised words that introduce or describe a name rather than being one (Italian and English).
TITLE_WORDS = _data("names.tsv", "it", "title") | _data("names.tsv", "en", "title")
# Capitalised words of institution and place names ("Stati Uniti", "United States"): parts of names,
# but never a person's name, so never spelling variants of one.
INSTITUTION_WORDS = _data("names.tsv", "it", "institution") | _data("names.tsv", "en", "institution")

__all__ = [
    "APOSTROPHES", "CALENDAR_WORDS", "INSTITUTION_WORDS", "NON_PROSE_RE", "TITLE_WORDS", "WORD_RE", "Word",
    "cased_like", "common_prefix", "en", "fold", "it", "strip_accents", "without_possessive", "words",
]
