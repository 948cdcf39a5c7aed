"""Closed-class word lists shipped as data files (``backcheck/data/*.tsv``), each stating its origin.

A file has ``#`` comment lines (the origin) and rows ``language<TAB>kind<TAB>word``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(file: str, lang: str, kind: str) -> frozenset[str]:
    """The words of one language and kind in ``data/<file>`` (lower case; phrases keep spaces)."""
    text = resources.files("backcheck").joinpath("data", file).read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0] == lang and cols[1] == kind:
            out.add(cols[2].strip().lower())
    return frozenset(out)
