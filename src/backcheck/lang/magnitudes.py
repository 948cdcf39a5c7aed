"""Round numbers said without a figure ("dozens of", «centinaia di»; ``data/magnitudes.tsv``): each as
its order of magnitude, a multiplier before a larger one adding its own ("tens of thousands": 4,
«centinaia di migliaia»: 5). A collective numeral after a figure («3 milioni») is that figure's scale,
not a round number, and is left to the quantities."""

from __future__ import annotations

import re
from functools import cache

from .datafiles import table
from .tokens import fold

# What joins a multiplier to its larger order: "tens of thousands", «decine di migliaia».
_OF = {"en": "of", "it": "di"}


@cache
def _orders(lang: str) -> dict[str, int]:
    return {w: int(v) for w, v in table("magnitudes.tsv", lang, "order").items()}


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted(_orders(lang), key=len, reverse=True))
    return re.compile(rf"(?<![\d.,]\s)(?<![\w\d])((?:{words})(?:\s+{_OF[lang]}\s+(?:{words}))?)(?!\w)", re.I)


def round_numbers(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, order) of every round number said as a collective numeral in ``text``."""
    orders = _orders(lang)
    out = []
    for m in _pattern(lang).finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"\d[\d.,]*\s*$", before):
            continue  # «3 milioni»: a figure's scale
        words = [fold(w) for w in m.group(1).split() if fold(w) in orders]
        out.append((m.start(), m.end(), sum(orders[w] for w in words)))
    return out


def numeral_for(order: int, lang: str) -> str | None:
    """The collective numeral of one order in ``lang`` (the first the table lists: «centinaia»), or a
    multiplier of a larger one («decine di migliaia» for 4); ``None`` when the table has neither."""
    words = {o: w for w, o in reversed(list(_orders(lang).items()))}
    if order in words:
        return words[order]
    big = max((o for o in words if o < order and order - o in words and order - o < o), default=None)
    return f"{words[order - big]} {_OF[lang]} {words[big]}" if big is not None else None


@cache
def _multiples(lang: str) -> dict[str, float]:
    return {w: float(v.split()[0]) for w, v in table("magnitudes.tsv", lang, "multiple").items()}


@cache
def _multiple_pos() -> dict[str, str]:
    return {w: v.split()[1] for w, v in table("magnitudes.tsv", "it", "multiple").items()}


@cache
def _stems(lang: str) -> re.Pattern[str]:
    """The first letters of every multiple: a cheap look before any word is lemmatised."""
    return re.compile("|".join(sorted({re.escape(w[:5]) for w in _multiples(lang)})), re.I)


def multiples(text: str, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, factor) of every word of ``text`` that says a change as a factor ("doubled",
    «triplicate», «il doppio»): by its lemma, as written, or (an Italian adjective) in the masculine
    singular («tripla» → «triplo»)."""
    from .en import lemma as en_lemma
    from .it import lemma as it_lemma

    table_ = _multiples(lang)
    stems = _stems(lang)
    if not stems.search(text):
        return []
    out = []
    for m in re.finditer(r"\w+", text):
        w = fold(m.group(0))
        if not stems.match(w):
            continue
        keys = (w, en_lemma(w)) if lang == "en" else (w, it_lemma(w), w[:-1] + "o")
        factor = next((table_[k] for k in keys if k in table_), None)
        if factor is not None:
            out.append((m.start(), m.end(), factor))
    return out


def multiple_for(factor: float, like: str) -> str | None:
    """The Italian multiple of ``factor`` of the part of speech of the Italian multiple ``like``: the
    first the table lists."""
    from .it import lemma as it_lemma

    pos = _multiple_pos()
    w = fold(like)
    own = next((pos[k] for k in (w, it_lemma(w), w[:-1] + "o") if k in pos), None)
    return next((k for k, f in _multiples("it").items() if f == factor and pos[k] == own), None)
