"""Spelled-out numbers in Italian and English through text2num ("tremila" → 3000, "twenty" → 20)."""

from __future__ import annotations

from functools import lru_cache

from .datafiles import table

# Lemmas fold small number words onto digits ("three" and "3" match); a larger number spelled out is
# rare in news and is left to numbers_norm.
MAX_LEMMA_NUMBER = 12
_IT_ENDINGS = "aeiouàèéìòóù"


@lru_cache(maxsize=65536)
def numeral(word: str, lang: str) -> int | None:
    """The value of one spelled-out cardinal of ``lang`` ("it", "en"), or None.

    text2num reads leniently (a stem: "quart" of "quarto", "second" of "secondo"; an English plural:
    "tens"), so only whole cardinals are taken: an Italian one ends in a vowel, an English one has at
    least three letters and never ends in "s"."""
    from text_to_num import text2num

    w = word.lower()
    if not w or (lang == "it" and w[-1] not in _IT_ENDINGS) or (lang == "en" and (len(w) < 3 or w.endswith("s"))):
        return None
    try:
        return int(text2num(w, lang))
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=65536)
def number_value(word: str) -> str | None:
    """The digits a lower-case word stands for when lemmatised ("dieci", "ten", "una", "twice"): a
    number up to :data:`MAX_LEMMA_NUMBER` in Italian or English, or a word of data/numbers.tsv."""
    extra = table("numbers.tsv", "en", "number") | table("numbers.tsv", "it", "number")
    if word in extra:
        return extra[word]
    for lang in ("it", "en"):
        n = numeral(word, lang)
        if n is not None and 0 <= n <= MAX_LEMMA_NUMBER:
            return str(n)
    return None
