"""Word lists shipped as data files (``backcheck/lang/data/*.tsv``), each stating its origin.

A file has ``#`` comment lines (the origin) and rows ``language<TAB>kind<TAB>entry[<TAB>value]``.
The files hold only what no maintained resource provides; the language layer (:mod:`backcheck.lang`)
loads them next to Babel (CLDR), text2num and wordfreq.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(file: str) -> Path:
    """The path of ``lang/data/<file>`` (for the readers that parse a data file themselves)."""
    return DATA_DIR / file


@cache
def rows(file: str) -> tuple[tuple[str, ...], ...]:
    """Every data row of ``data/<file>``, split at tabs (comment and blank lines skipped)."""
    text = resources.files("backcheck.lang").joinpath("data", file).read_text(encoding="utf-8")
    return tuple(
        tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def entries(file: str, lang: str, kind: str) -> tuple[str, ...]:
    """The third column of the rows of one language and kind, as written, in file order."""
    return tuple(r[2].strip() for r in rows(file) if len(r) >= 3 and r[0] == lang and r[1] == kind)


@cache
def word_set(file: str, lang: str, kind: str) -> frozenset[str]:
    """The words of one language and kind in ``data/<file>`` (lower case; phrases keep spaces)."""
    return frozenset(e.lower() for e in entries(file, lang, kind))


@cache
def table(file: str, lang: str, kind: str) -> dict[str, str]:
    """``{entry (lower case): value}`` of the four-column rows of one language and kind."""
    return {r[2].strip().lower(): r[3].strip() for r in rows(file) if len(r) >= 4 and r[0] == lang and r[1] == kind}


def save_trie(trie: Any, path: Path) -> None:
    """Write a MARISA trie to ``path`` under a temporary name and rename it, so that two processes
    building the same table at once both end with a whole file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}-{threading.get_ident()}")
    try:
        trie.save(str(tmp))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
