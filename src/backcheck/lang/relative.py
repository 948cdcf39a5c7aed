"""Relative time expressions ("ieri", "la settimana scorsa", "yesterday", "next year") in Italian and
English, each read as a calendar unit and the offsets from today it can mean.

The expressions are the Unicode CLDR relative date fields through Babel (``date_fields`` "day",
"week", "month", "year", "quarter", the ``relative`` entries: -1 "ieri"/"yesterday", 0 "oggi"/"today",
+1 "domani"/"tomorrow", "settimana scorsa"/"last week"...), with the Italian adjective also before
its noun ("la scorsa settimana", as Italian news writes it). What CLDR lacks (parts of today,
"stasera", "last night"; "passato" for "scorso") is in ``data/relative.tsv``, its origin stated there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafiles import rows

UNITS = ("day", "week", "month", "year", "quarter")


@dataclass(frozen=True)
class Relative:
    """One relative time expression found in a text (offsets into that text)."""

    start: int
    end: int
    text: str
    unit: str
    offsets: frozenset[int]

    def compatible(self, other: Relative) -> bool:
        """Both can name the same time: the same unit and a shared offset."""
        return self.unit == other.unit and bool(self.offsets & other.offsets)


def _variants(expr: str, lang: str) -> set[str]:
    forms = {expr, expr.replace("’", "'")}
    parts = expr.split()
    if lang == "it" and len(parts) == 2 and parts[1].startswith(("scors", "prossim", "passat")):
        forms.add(f"{parts[1]} {parts[0]}")  # "la scorsa settimana", "il prossimo anno"
    if lang == "it" and expr.startswith("quest’"):
        forms.add("questo " + expr[len("quest’"):])  # "questo anno"
    return forms


@cache
def expressions(lang: str) -> dict[str, tuple[str, frozenset[int]]]:
    """Every expression of ``lang`` ("it" or "en"), lower case, → (unit, day or unit offsets)."""
    from babel import Locale

    fields = Locale.parse(lang)._data["date_fields"]
    out: dict[str, tuple[str, frozenset[int]]] = {}
    for unit in UNITS:
        for offset, expr in fields[unit]["relative"].items():
            for form in _variants(expr.lower(), lang):
                out[form] = (unit, frozenset({int(offset)}))
    for row in rows("relative.tsv"):
        if row[0] == lang:
            offsets = frozenset(int(x) for x in row[3].split("|"))
            for form in _variants(row[2].lower(), lang):
                out[form] = (row[1], offsets)
    return out


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    forms = sorted(expressions(lang), key=len, reverse=True)
    alts = "|".join(re.escape(f).replace("'", "['’]").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def find_relative(text: str, lang: str) -> list[Relative]:
    """The relative time expressions of ``text``, longest first where they overlap."""
    table = expressions(lang)
    out = []
    for m in _pattern(lang).finditer(text):
        key = re.sub(r"\s+", " ", m.group().lower().replace("’", "'"))
        unit, offsets = table.get(key) or table[key.replace("'", "’")]
        out.append(Relative(m.start(), m.end(), m.group(), unit, offsets))
    return out


def italian_expression(unit: str, offsets: frozenset[int]) -> str | None:
    """The CLDR Italian expression of ``unit`` at the smallest of ``offsets`` ("oggi", "anno scorso")."""
    from babel import Locale

    rel = Locale.parse("it")._data["date_fields"][unit]["relative"]
    for offset in sorted(offsets, key=abs):
        if offset in rel:
            return str(rel[offset])
    return None
