"""Month and weekday names from the Unicode CLDR, through Babel (no hand-typed calendar lists)."""

from __future__ import annotations

import re
from functools import cache

from .tokens import strip_accents, without_possessive


def _locale(lang: str) -> str:
    return {"en": "en_US"}.get(lang, lang)


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names, lower case, January first ("gennaio", ...; "january", ...)."""
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=_locale(lang))
    return tuple(names[i].lower() for i in range(1, 13))


@cache
def month_abbreviations(lang: str) -> dict[str, int]:
    """Abbreviated month names (lower case, no full stop) → month number, every regional variant
    CLDR has for the language ("sep" in US English, "sept" in British English)."""
    from babel.dates import get_month_names

    locales = ("en_US", "en_GB") if lang == "en" else (lang,)
    return {
        name.lower().rstrip("."): i
        for loc in locales
        for i, name in get_month_names("abbreviated", locale=loc).items()
    }


@cache
def weekday_names(lang: str) -> frozenset[str]:
    """Weekday names, lower case, also without accents ("lunedì", "lunedi")."""
    from babel.dates import get_day_names

    names = {n.lower() for n in get_day_names("wide", locale=_locale(lang)).values()}
    return frozenset(names | {strip_accents(n) for n in names})


@cache
def weekday_list(lang: str) -> tuple[str, ...]:
    """The seven weekday names in order, Monday first, lower case ("lunedì", ...; "monday", ...)."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=_locale(lang))
    return tuple(names[i].lower() for i in range(7))


@cache
def _it_index() -> dict[str, tuple[str, int]]:
    """Accent-free Italian month and weekday name → (kind, index from 0)."""
    out = {strip_accents(n): ("month", i) for i, n in enumerate(month_names("it"))}
    out.update({strip_accents(n): ("weekday", i) for i, n in enumerate(weekday_list("it"))})
    return out


@cache
def _en_index() -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    """(English full month and weekday names, CLDR abbreviations and their longer clippings of at
    least three letters: "Sep", "Sept", "Tue", "Tues", "Thurs") → (kind, index from 0)."""
    full = {n: ("month", i) for i, n in enumerate(month_names("en"))}
    full.update({n: ("weekday", i) for i, n in enumerate(weekday_list("en"))})
    short: dict[str, tuple[str, int]] = {}
    for name, value in full.items():
        for k in range(3, len(name)):
            short.setdefault(name[:k], value)
    return full, short


def _first_word(text: str, start: int) -> bool:
    """Nothing but punctuation, quotes or spaces before ``start`` in its sentence ``text``."""
    return not any(c.isalnum() for c in text[:start])


def italian_calendar_names(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, index) of every month ("month", 0 for January) and weekday ("weekday", 0 for
    Monday) name in one Italian sentence. Italian writes them in lower case, so a capitalised one
    inside a sentence is part of a name ("Piazza Venti Settembre", the surname "Maggio") and is left
    out; at the start of the sentence it counts."""
    from .tokens import words

    index = _it_index()
    out = []
    for w in words(text):
        hit = index.get(strip_accents(w.lower))
        if hit is None or (w.text[:1].isupper() and not _first_word(text, w.start)):
            continue
        out.append((w.start, w.end, hit[0], hit[1]))
    return out


def english_calendar_names(text: str) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(the month and weekday names one English text certainly has, every one it may have). Certain:
    a capitalised full name ("Tuesday"; "May" and "March" only when not opening a sentence, where
    they may be the verb or noun), or an abbreviation with a full stop or a number after it ("Sept.",
    "Tue 4"). May have: also a bare capitalised abbreviation ("Sun", "Wed", "Mar"), which can be a
    word or a name."""
    from .tokens import words

    full, short = _en_index()
    certain: set[tuple[str, int]] = set()
    loose: set[tuple[str, int]] = set()
    for w in words(text):
        if not w.text[:1].isupper() or w.is_acronym and len(w.text) > 3:
            continue
        low = without_possessive(w.lower)  # "Thursday's"
        if low.endswith("s") and full.get(low[:-1], ("", 0))[0] == "weekday":
            low = low[:-1]  # "on Sundays": every Sunday («la domenica»)
        if low in full:
            loose.add(full[low])
            if low not in ("may", "march") or not _first_word(text, w.start):
                certain.add(full[low])
        elif low in short:
            loose.add(short[low])
            if re.match(r"\.|\s*\d", text[w.end:]):
                certain.add(short[low])
    return certain, loose
