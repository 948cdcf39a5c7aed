"""Bounds and approximators of a number ("at least 50%", «almeno il 50%», "about 300", «circa 300»):
``data/bounds.tsv``. In English a bound is read right before the number (an article or a currency may
come between: "more than $5m"); in Italian anywhere in the few words before it («oltre i 70», «fino a
raggiungere i 3.000») or right after it («50 o più»).
"""

from __future__ import annotations

import re
from functools import cache

from .datafiles import table

# What may stand between a bound and its number: articles and articulated prepositions, a currency.
_BETWEEN = {
    "en": r"(?:(?:the|a|an)\s+)?[$€£]?\s*",
    "it": r"(?:(?:il|lo|la|i|gli|le|l['’]|un|una|uno|al|ai|allo|alla|agli|alle|all['’]|a|di|del|dei|della|delle)\s*)?"
          r"[$€£]?\s*",
}
# Italian bounds written after the number, or after its noun: «50 o più», «5.000 persone e oltre».
_AFTER_IT = re.compile(r"^\s*(?:%|per\s?cento)?\s*(?:[^\W\d_]+\s+)?(?:o più|e più|e oltre|o oltre|abbondanti|circa)\b",
                       re.I)


@cache
def bounds(lang: str) -> dict[str, str]:
    """``{phrase: class}`` of one language."""
    return table("bounds.tsv", lang, "bound")


def _phrase_pattern(phrase: str, lang: str) -> str:
    """A bound as a pattern; an Italian one ending in «a» or «di» also fused with an article («fino al
    40%», «più dei 70»)."""
    words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    if lang == "it" and words[-1] == "a":
        words[-1] = r"a(?:l|i|gli|lla|lle|llo|ll['’])?"
    elif lang == "it" and words[-1] == "di":
        words[-1] = r"d(?:i|el|ei|egli|ella|elle|ello|ell['’])"
    return r"\s+".join(words)


@cache
def _before(lang: str) -> re.Pattern[str]:
    phrases = sorted(bounds(lang), key=len, reverse=True)
    alt = "|".join(_phrase_pattern(p, lang) for p in phrases)
    return re.compile(rf"(?<![\w'’])({alt})(?:\s+|(?<=['’])){_BETWEEN[lang]}$", re.I)


def bound_before(text: str, start: int, lang: str) -> tuple[str, str] | None:
    """``(phrase, class)`` of the bound right before the number at ``text[start:]``, if any."""
    m = _before(lang).search(text[max(0, start - 40):start])
    if m is None:
        return None
    said = re.sub(r"\s+", " ", m.group(1).lower()).replace("’", "'")
    phrase = next((p for p in bounds(lang) if re.fullmatch(_phrase_pattern(p, lang), said, re.I)), said)
    return phrase, bounds(lang).get(phrase, "approx")


# How many words before an Italian number a bound may stand («fino a toccare quota 500»).
WINDOW_IT = 5


@cache
def _anywhere(lang: str) -> re.Pattern[str]:
    alt = "|".join(_phrase_pattern(p, lang) for p in sorted(bounds(lang), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alt})(?![\w])", re.I)


def bounded_it(text: str, start: int, end: int) -> bool:
    """Whether the Italian number at ``text[start:end]`` carries a bound (:func:`italian_bound`)."""
    return italian_bound(text, start, end) is not None


def italian_for(cls: str) -> str | None:
    """The Italian bound of one class a fix suggests (the first of the class in the data file)."""
    return next((p for p, c in bounds("it").items() if c == cls), None)


# The two directions a bound can give a figure; a bound of one against the other reverses it.
UPWARD = frozenset({"min", "more"})
DOWNWARD = frozenset({"max", "less", "nearly"})


def opposed(a: str, b: str) -> bool:
    """Bound classes ``a`` and ``b`` point opposite ways ("more than" / «meno di»)."""
    return (a in UPWARD and b in DOWNWARD) or (a in DOWNWARD and b in UPWARD)


def italian_bound(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, class) of the bound of the Italian number at ``text[start:end]``: the nearest in the
    :data:`WINDOW_IT` words before it, wherever it stands among them, else one right after it («50 o
    più»: more)."""
    lo = max(0, start - 80)
    words = list(re.finditer(r"\S+", text[lo:start]))
    at = lo + words[-WINDOW_IT:][0].start() if words else start
    found = list(_anywhere("it").finditer(text[at:start]))
    if found:
        m = found[-1]
        said = re.sub(r"\s+", " ", m.group(0).lower()).replace("’", "'")
        phrase = next((p for p in bounds("it") if re.fullmatch(_phrase_pattern(p, "it"), said, re.I)), said)
        return at + m.start(), at + m.end(), bounds("it").get(phrase, "approx")
    after = _AFTER_IT.match(text[end:end + 40])
    if after:
        return end + after.start(), end + after.end(), "approx" if "circa" in after.group(0).lower() else "more"
    return None
