"""Which of backcheck's two languages a whole text is written in, told by its function words: spaCy's
Italian and English stop lists, less the words both lists hold ("a", "come"), counted in the text. It
catches an input in the wrong language (the Italian article given as the back-translation or as the
source) before anything is compared. Over the shared sets the English share of these words is at
most 0.09 in every Italian article (quotations in English included) and at least 0.92 in every
English source and back-translation, so the middle of the scale separates them with room to spare."""

from __future__ import annotations

import re
from functools import cache

from .en import spacy_stop_words

# Fewer of these words than this say too little (a snippet of a few words).
MIN_WORDS = 10
WORD_RE = re.compile(r"[^\W\d_]+")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    it, en = spacy_stop_words("it"), spacy_stop_words("en")
    return it - en, en - it


def english_share(text: str) -> tuple[float | None, int]:
    """(share of English among the function words of either language only, how many there are);
    ``None`` without any."""
    it, en = _lists()
    n_it = n_en = 0
    for w in WORD_RE.findall(text.lower()):
        n_it += w in it
        n_en += w in en
    n = n_it + n_en
    return (n_en / n if n else None), n


def reads_as_italian(text: str) -> str | None:
    """Why ``text``, meant to be English, is Italian ("3 of 120 function words are English"), else ``None``."""
    share, n = english_share(text)
    if share is None or n < MIN_WORDS or share >= 0.5:
        return None
    return f"{round(share * n)} of its {n} function words are English, the rest Italian"
