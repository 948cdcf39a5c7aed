"""Month and weekday names from the Unicode CLDR, through Babel (no hand-typed calendar lists)."""

from __future__ import annotations

from functools import cache

from .tokens import strip_accents


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
