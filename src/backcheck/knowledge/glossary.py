"""The term base: English news terms, their accepted Italian renderings and the wrong renderings
machine translation produces. A TSV file, one term per row:

    english <TAB> accepted_it <TAB> wrong_it <TAB> domain <TAB> note <TAB> flags

``accepted_it`` and ``wrong_it`` hold ``|``-separated alternatives; ``domain``, ``note`` and
``flags`` may be left out. ``flags`` is ``|``-separated too; ``no-source`` marks a wrong rendering
that is wrong in any context, so it is reported even without a source. Lines starting with ``#`` and
blank lines are ignored; a first row starting with ``english`` is a header. A starter glossary for
news on defence, diplomacy, economy and health ships with the package; ``--glossary FILE`` adds more
(later files win for the same English term).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import BackcheckError
from ..lang.datafiles import data_path
from ..text.reading import read_text

COLUMNS = ("english", "accepted_it", "wrong_it", "domain", "note", "flags")
FLAG_NO_SOURCE = "no-source"
KNOWN_FLAGS = frozenset({FLAG_NO_SOURCE})
STARTER_NAME = "glossary.tsv"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term. ``origin`` is ``file:line`` of the row it came from."""

    english: str
    accepted: tuple[str, ...]
    wrong: tuple[str, ...] = ()
    domain: str = ""
    note: str = ""
    flags: frozenset[str] = frozenset()
    origin: str = ""

    @property
    def no_source(self) -> bool:
        """The wrong renderings are wrong in any context (reported without a source)."""
        return FLAG_NO_SOURCE in self.flags

    def english_pattern(self) -> re.Pattern[str]:
        return english_pattern(self.english)

    def italian_patterns(self, which: str = "wrong") -> list[re.Pattern[str]]:
        return [italian_pattern(t) for t in (self.wrong if which == "wrong" else self.accepted)]


@dataclass
class Glossary:
    """All terms, by lower-cased English term; ``sources`` lists the files they came from."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries.values())

    def add(self, entry: GlossaryEntry) -> None:
        self.entries[entry.english.lower()] = entry

    def merge(self, other: Glossary) -> None:
        for e in other:
            self.add(e)
        self.sources.extend(other.sources)


@lru_cache(maxsize=4096)
def english_pattern(term: str) -> re.Pattern[str]:
    """Case-insensitive pattern for an English term: "to attend" also finds "attended", "troops"
    also "troop", a space also matches a hyphen or nothing ("cease fire", "cease-fire", "ceasefire")."""
    t = term.strip()
    if t.lower().startswith("to "):
        t = t[3:]
    parts = [re.escape(p) for p in t.split()]
    last = parts[-1]
    if last.endswith("s") and len(last) > 3:
        last = last[:-1] + "s?"
    parts[-1] = last + r"(?:s|es|d|ed|ing)?"
    return re.compile(r"(?<![\w-])" + r"[\s-]?".join(parts) + r"(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def italian_pattern(term: str) -> re.Pattern[str]:
    """Case-insensitive pattern for an Italian rendering, letting the final vowel of each word of five
    or more letters vary for gender and number ("sanzione"/"sanzioni"), and either apostrophe."""
    parts = []
    for w in term.replace("’", "'").split():
        if len(w) >= 5 and w[-1] in "aeio" and w.isalpha():
            parts.append(re.escape(w[:-1]) + "[aeio]")
        else:
            parts.append(re.escape(w).replace("'", "['’]"))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def parse_glossary(text: str, where: str) -> Glossary:
    """Parse TSV ``text``; ``where`` (a file name) prefixes error messages as ``where:line``."""
    g = Glossary(sources=[where])
    seen_row = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\r").split("\t")]
        if not seen_row and cells[0].lower() == "english":
            seen_row = True
            continue
        seen_row = True
        fix = f"write {len(COLUMNS)} tab-separated columns: {', '.join(COLUMNS)} (the last 3 optional)"
        if len(cells) < 2 or len(cells) > len(COLUMNS):
            raise BackcheckError(f"{where}:{n}: expected 2 to {len(COLUMNS)} tab-separated columns, "
                                 f"found {len(cells)}", fix)
        cells += [""] * (len(COLUMNS) - len(cells))
        english, accepted, wrong, domain, note, flags = cells
        if not english:
            raise BackcheckError(f"{where}:{n}: the english column is empty", fix)
        if not _split(accepted):
            raise BackcheckError(f"{where}:{n}: no accepted Italian rendering for {english!r}",
                                 "give at least one in the accepted_it column")
        flag_set = frozenset(_split(flags))
        unknown = flag_set - KNOWN_FLAGS
        if unknown:
            raise BackcheckError(f"{where}:{n}: unknown flag {sorted(unknown)[0]!r}",
                                 f"known flags: {', '.join(sorted(KNOWN_FLAGS))}")
        g.add(GlossaryEntry(english, _split(accepted), _split(wrong), domain, note, flag_set, f"{where}:{n}"))
    return g


def starter_path() -> Path:
    """The glossary that ships with the package."""
    return data_path(STARTER_NAME)


def load_glossary(paths: list[Path], starter: bool = True) -> Glossary:
    """The starter glossary (unless ``starter`` is False) merged with each file in ``paths``, in order."""
    g = Glossary()
    if starter:
        g.merge(parse_glossary(read_text(starter_path(), what="glossary"), f"backcheck/lang/data/{STARTER_NAME}"))
    for p in paths:
        g.merge(parse_glossary(read_text(p, what="glossary"), str(p)))
    return g
