"""Currencies from the Unicode CLDR, through Babel: their symbols and their names in English and Italian.

One source for every reader of money: :mod:`backcheck.lang.quantities` reads "5 miliardi di dollari",
"$5bn" and "5 yen" as amounts in a currency, and the word alignment (:mod:`backcheck.align.tokens`)
reads "$5" as "5 dollars". No list is typed by hand.

The currencies are those CLDR writes with a one-character symbol in English ("$", "€", "£", "¥", "₹",
...): a bare symbol or a bare currency word in a news story is one of them, and their names do not
collide ("dollar" is the US dollar's; the Canadian dollar is written "CA$"). A currency's words are
the head noun of its CLDR name, singular and plural: the last word in English ("US dollars" →
"dollars"); in Italian, where the nationality follows the noun and "nuovo" precedes it, the word that
shares the longest start with the English head ("nuovi sicli israeliani" → "sicli", for "shekels"),
else the first ("sterline britanniche" → "sterline").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .tokens import common_prefix


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217: "USD"
    symbols: tuple[str, ...]  # "$", "US$"
    en: tuple[str, ...]  # singular, plural head nouns: "dollar", "dollars"
    it: tuple[str, ...]  # "dollaro", "dollari"


def _it_head(name: str, en_head: str) -> str:
    words = name.lower().split()
    best = max(words, key=lambda w: common_prefix(w, en_head))
    return best if common_prefix(best, en_head) > 0 else words[0]


@cache
def currencies() -> tuple[Currency, ...]:
    """The currencies CLDR writes with one character in English, in CLDR's order (empty without Babel)."""
    try:
        from babel import Locale
        from babel.numbers import get_currency_name, get_currency_symbol
    except ImportError:
        return ()
    en = Locale("en")
    out = []
    for code, sym in en.currency_symbols.items():
        if len(sym) != 1 or sym.isalnum() or code == "XXX":
            continue
        en_names = [get_currency_name(code, count=n, locale="en").lower() for n in (1, 2)]
        it_names = [get_currency_name(code, count=n, locale="it").lower() for n in (1, 2)]
        en_heads = tuple(dict.fromkeys(name.split()[-1] for name in en_names))
        it_heads = tuple(dict.fromkeys(_it_head(name, en_heads[0]) for name in it_names))
        # Canadian English (en_CA) writes the US dollar with its country: "US$5".
        symbols = tuple(dict.fromkeys((sym, get_currency_symbol(code, locale="en_CA"))))
        out.append(Currency(code, symbols, en_heads, it_heads))
    return tuple(out)


@cache
def currency_words() -> dict[str, str]:
    """Every symbol and head noun, lower case, with its currency's code ("dollari": "USD", "€": "EUR")."""
    return {w.lower(): c.code for c in currencies() for w in (*c.symbols, *c.en, *c.it)}


def english_name(symbol: str) -> str | None:
    """The English head noun of the currency written ``symbol``, singular ("$" → "dollar")."""
    return next((c.en[0] for c in currencies() if symbol in c.symbols), None)


def english_plural(code: str | None) -> str:
    """The English head noun of currency ``code`` in the plural ("USD" → "dollars"); the code itself when
    CLDR gives it no one-character symbol."""
    return next((c.en[-1] for c in currencies() if c.code == code), code or "")


def italian_name(code: str | None) -> str:
    """The Italian head noun of currency ``code``, plural as amounts are written ("USD" → "dollari"); ""
    for an unknown code."""
    return next((c.it[-1] for c in currencies() if c.code == code), "")


def swap_currency(text: str, code: str, new: str | None) -> str | None:
    """``text`` (an Italian amount in currency ``code``) with its currency word for ``new``'s Italian one
    («5 milioni di euro» → «5 milioni di dollari»); ``None`` when it names the currency otherwise (a symbol)."""
    words = [w for w, c in currency_words().items() if c == code and w.isalpha()]
    name = italian_name(new)
    if not words or not name:
        return None
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})(?!\w)", re.I)
    swapped = pattern.sub(name, text, count=1)
    return swapped if swapped != text else None
