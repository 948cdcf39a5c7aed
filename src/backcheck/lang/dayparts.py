"""Parts of the day ("Tuesday morning", «martedì sera»): the Unicode CLDR day periods through Babel
(``day_periods["stand-alone"]``: morning1, afternoon1, evening1, night1, named "morning", "afternoon",
"evening", "night" and «mattina», «pomeriggio», «sera», «notte»), with the forms CLDR does not list in
``data/dayparts.tsv``.

The four periods follow each other round the day, so two of them are *opposed* when neither comes next
to the other: morning and evening, afternoon and night. Neighbours are not opposed: "Tuesday night" is
«martedì sera» as often as «martedì notte», and the small hours are night in one language and morning
in the other.
"""

from __future__ import annotations

import re
from functools import cache

from .datafiles import table

PERIODS = ("morning1", "afternoon1", "evening1", "night1")  # in the day's order, round the clock


@cache
def _cldr(lang: str) -> dict[int, str]:
    """CLDR's stand-alone name of each period in ``lang`` (the wide one, else the abbreviated: Italian has
    only the latter), by its index into :data:`PERIODS`."""
    from babel import Locale

    forms = Locale.parse(lang).day_periods.get("stand-alone", {})
    out: dict[int, str] = {}
    for width in ("wide", "abbreviated"):
        for period, name in forms.get(width, {}).items():
            if period in PERIODS:
                out.setdefault(PERIODS.index(period), str(name).lower())
    return out


@cache
def names(lang: str) -> dict[str, frozenset[int]]:
    """Every name of a part of the day in ``lang`` (lower case) → the indices into :data:`PERIODS` it
    may mean."""
    out = {name: frozenset({period}) for period, name in _cldr(lang).items()}
    for word, periods in table("dayparts.tsv", lang, "period").items():
        out[word] = frozenset(PERIODS.index(p) for p in periods.split("|"))
    return out


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    alts = "|".join(sorted(names(lang), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def dayparts(text: str, lang: str) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, periods) of every part of the day named in ``text``."""
    table_ = names(lang)
    return [(m.start(), m.end(), table_[m.group(0).lower()]) for m in _pattern(lang).finditer(text)]


def opposed(a: int, b: int) -> bool:
    """Two periods that are not neighbours round the day (morning / evening, afternoon / night)."""
    return (a - b) % len(PERIODS) == 2


def english_name(period: int) -> str:
    return PERIODS[period].rstrip("1")


def italian_name(period: int) -> str | None:
    """CLDR's Italian name of one period («mattina», «sera»)."""
    return _cldr("it").get(period)


def is_cldr_name(word: str, lang: str) -> bool:
    """``word`` is CLDR's own name of a period (a form of ``data/dayparts.tsv``, «stasera», is not)."""
    return word.lower() in _cldr(lang).values()
