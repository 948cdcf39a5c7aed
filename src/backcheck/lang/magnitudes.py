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
