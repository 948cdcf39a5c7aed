"""Compatibility names for :mod:`backcheck.lang` (the tokenizer, ``Word`` and the closed word classes
moved there and to ``data/*.tsv``); new code imports from :mod:`backcheck.lang`."""

from __future__ import annotations

from .lang import (
    APOSTROPHES,
    CALENDAR_WORDS,
    INSTITUTION_WORDS,
    NON_PROSE_RE,
    TITLE_WORDS,
    WORD_RE,
    Word,
    en,
    it,
    strip_accents,
    words,
)
from .lang.others import FOREIGN_FUNCTION_WORDS, ITALIAN_ONLY_WORDS

ELIDED_HEADS = it.ELIDED_HEADS
ITALIAN_FUNCTION_WORDS = it.FUNCTION_WORDS
ENGLISH_FUNCTION_WORDS = en.FUNCTION_WORDS
MONTHS_IT = list(it.MONTHS)
MONTHS_EN = list(en.MONTHS)
MONTH_ABBR_EN = en.MONTH_ABBREVIATIONS
elided_tail = it.elided_tail

__all__ = [
    "APOSTROPHES", "CALENDAR_WORDS", "ELIDED_HEADS", "ENGLISH_FUNCTION_WORDS", "FOREIGN_FUNCTION_WORDS",
    "INSTITUTION_WORDS", "ITALIAN_FUNCTION_WORDS", "ITALIAN_ONLY_WORDS", "MONTHS_EN", "MONTHS_IT",
    "MONTH_ABBR_EN", "NON_PROSE_RE", "TITLE_WORDS", "WORD_RE", "Word", "elided_tail", "strip_accents", "words",
]
