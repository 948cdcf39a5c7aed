"""Italian exonyms: the Italian form of a name is no misspelling of it («Londra» for "London",
«Germania» for "Germany", «Elisabetta» for "Elizabeth").

Maintained data first: the Unicode CLDR through Babel gives every territory's name in both languages and
the exemplar cities of the time-zone database ("Europe/London" is «Londra» in Italian). The first names
Italian usage gives sovereigns, popes and saints are the one hand list (``lang/data/exonyms.tsv``, origin
stated there). Used by :func:`backcheck.knowledge.names.italian_form_of`, so the entities check never
reports an exonym as a name error.
"""

from __future__ import annotations

from functools import lru_cache

from ..lang import fold
from ..lang.datafiles import rows


@lru_cache(maxsize=1)
def exonyms() -> frozenset[tuple[str, str]]:
    """(English, Italian) pairs of names, folded to lower case without accents."""
    from babel import Locale

    pairs: set[tuple[str, str]] = set()
    it, en = Locale("it"), Locale("en")
    for code, name in it.territories.items():
        if code in en.territories:
            pairs.add((fold(en.territories[code]), fold(name)))
    for zone, names in it.time_zones.items():
        city = names.get("city") if hasattr(names, "get") else None
        if city:
            english = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
            pairs.add((fold(english), fold(city)))
    for r in rows("exonyms.tsv"):
        if len(r) >= 4 and r[0] == "en":
            pairs.update((fold(r[2]), fold(x)) for x in r[3].split("|"))
    return frozenset(p for p in pairs if p[0] != p[1])


def is_exonym(italian: str, english: str) -> bool:
    """``italian`` is the Italian form of the name ``english`` (whole names, or one word of each)."""
    return (fold(english), fold(italian)) in exonyms()
