"""The names an English source uses, and which of them are persons' names. Used by the entities check."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from ..lang import CALENDAR_WORDS, INSTITUTION_WORDS, TITLE_WORDS, Word, without_possessive, words
from ..lang.en import FUNCTION_WORDS as ENGLISH_FUNCTION_WORDS

_DEMONYM = re.compile(r"(?:ian|ese|ish|ean|ern)$")  # Belgian, Chinese, British, European, Western


@dataclass(frozen=True)
class SourceNames:
    """Names in the English source: every capitalised word, and the ones that are persons' names
    (a first name and surname after a title, or whose surname the source also uses alone). Read-only:
    one article's names are shared by the checks that read them."""

    names: Mapping[str, str]
    persons: frozenset[str]
    in_runs: frozenset[str] = field(default_factory=frozenset)  # words of any multi-word name ("Wilhelm Molterer")


def _close(run: list[str], after_the: bool, titled: bool, runs: list[tuple[list[str], bool]],
           alone: Counter[str]) -> None:
    """Record a finished run of capitalised words ("the Assembly", "the Welsh Assembly": not a person)."""
    if after_the:
        return
    if len(run) >= 2:
        runs.append((list(run), titled))
    else:
        alone[run[0]] += 1


def source_names(sources: list[str]) -> SourceNames:
    """The names of ``sources`` (the whole source of an article, or one unit). Kept for the last few
    hundred texts asked: the entities, missingnames and referents checks all read an article's, and
    missingnames each unit's in between."""
    return _source_names(tuple(sources))


_SENTENCE_END = re.compile(r"[.!?:\"“]\s*$")


def _first(i: int, ws: list[Word], gap: str, prev_title: bool) -> bool:
    """The ``i``-th word begins its sentence: the line's first, or after a sentence's end that is not a title's
    or an initial's full stop ("Dr. Vincent", "J. Vincent")."""
    initial = i > 0 and len(ws[i - 1].text) == 1 and ws[i - 1].text.isupper()
    return i == 0 or (_SENTENCE_END.search(gap) is not None and not prev_title and not initial)


@lru_cache(maxsize=256)
def _source_names(sources: tuple[str, ...]) -> SourceNames:
    names: dict[str, str] = {}
    runs: list[tuple[list[str], bool]] = []  # (tokens, preceded by a title)
    alone: Counter[str] = Counter()
    for line in sources:
        ws = words(line)
        run: list[str] = []
        titled = after_the = prev_title = prev_the = False
        for i, w in enumerate(ws + [Word("", len(line), len(line))]):
            clean = without_possessive(w.text)
            low = clean.lower()
            gap = line[ws[i - 1].end : w.start] if i > 0 else ""
            if run and gap.strip():
                _close(run, after_the, titled, runs, alone)
                run = []
            if (clean[:1].isupper() and not w.is_acronym and not _first(i, ws, gap, prev_title)
                    and low not in ENGLISH_FUNCTION_WORDS and low not in CALENDAR_WORDS):
                names.setdefault(low, clean)
                if low not in INSTITUTION_WORDS and low not in TITLE_WORDS and not _DEMONYM.search(low):
                    if not run:
                        titled, after_the = prev_title, prev_the
                    run.append(low)
                    prev_title = prev_the = False
                    continue
            if run:
                _close(run, after_the, titled, runs, alone)
            run = []
            prev_title, prev_the = low in TITLE_WORDS, low == "the"
    for line in sources:  # "Macron flew home.": a name alone at the start of a sentence
        for m in re.finditer(r"(?:^|[.!?]\s+)([A-Z][\w'’-]+)\s+[a-z]", line):
            low = without_possessive(m.group(1)).lower()
            if low in names and low not in INSTITUTION_WORDS:
                alone[low] += 1
    lower_words = {w.text for line in sources for w in words(line) if w.text[:1].islower()}
    persons: set[str] = set()
    in_runs: set[str] = set()
    for run, titled in runs:
        if 2 <= len(run) <= 3 and not any(t in lower_words for t in run):  # "Assembly" / "the assembly"
            in_runs.update(run)
            if titled or alone[run[-1]] > 0:
                persons.update(run)
    return SourceNames(MappingProxyType(names), frozenset(persons), frozenset(in_runs))
