"""Units of measure after a number ("30.000 acri", "30,000 acres"), from data/units.tsv, and
conversion between units of one dimension."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import rows


@dataclass(frozen=True)
class Unit:
    dimension: str
    name: str
    factor: float  # the unit's size in the dimension's base unit

    @property
    def key(self) -> str:
        return f"{self.dimension}:{self.name}"


@lru_cache(maxsize=1)
def unit_table() -> dict[str, dict[str, Unit]]:
    """{lang: {surface (lower case): Unit}} from data/units.tsv."""
    out: dict[str, dict[str, Unit]] = {"it": {}, "en": {}}
    for lang, surface, dim, name, factor in rows("units.tsv"):
        out[lang][surface] = Unit(dim, name, float(factor))
    return out


def unit_of(key: str | None) -> Unit | None:
    if not key:
        return None
    for table in unit_table().values():
        for u in table.values():
            if u.key == key:
                return u
    return None


@lru_cache(maxsize=2)
def unit_re(lang: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(s) for s in sorted(unit_table()[lang], key=len, reverse=True))
    return re.compile(rf"\s*(?:di\s+)?({alts})(?![\w/²])", re.IGNORECASE)


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in unit ``src`` ("length:mi") expressed in ``dst`` ("length:km"); None across dimensions."""
    a, b = unit_of(src), unit_of(dst)
    if a is None or b is None or a.dimension != b.dimension:
        return None
    if a.dimension == "temperature":
        if a.name == b.name:
            return value
        return (value - 32) * 5 / 9 if a.name == "F" else value * 9 / 5 + 32
    return value * a.factor / b.factor
