"""A person's surname the Italian replaced: the source writes "First Surname", the Italian region it is
aligned with writes the same first name followed by another capitalised word, and the source's
surname is nowhere in that region. Used by the entities check.

The first name is the anchor: the Italian names the same person, so the word after it is that
person's surname as the Italian spells it. Machine translation replaces surnames that are also
English words with their translation (a surname "Baker" becoming «Fornaio»), or with a look-alike
Italian word; spelling variants the other passes of the entities check already cover (a letter
swapped) are left to them (:func:`backcheck.knowledge.names.similar`), and a regular Italian form or
exonym (:func:`~backcheck.knowledge.names.italian_form_of`) is no change. When MultiWordNet gives the
Italian word as a translation of the surname read as an English word, the finding says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang import CALENDAR_WORDS, INSTITUTION_WORDS, TITLE_WORDS, without_possessive
from ..lang import it as it_lang
from ..lang.en import FUNCTION_WORDS as EN_FUNCTION_WORDS
from .names import italian_form_of, similar
from .nations import folded

if TYPE_CHECKING:
    from .lexicon import Lexicon

_CAP = r"[A-ZÀ-Ý][\w’'-]*[\w]"
# "Christine During's", "Anna Maria Kowalczyk": a first name and one or two more capitalised words
_FULL_NAME = re.compile(rf"(?<![\w’'-])({_CAP})\s+({_CAP}(?:\s+{_CAP})?)")
# Variants this close are the entities check's other passes (a garbled spelling, not a replacement).
SPELLING_SIMILARITY = 0.9


@dataclass(frozen=True)
class SurnameChange:
    """In the Italian at ``start:end``, ``italian`` stands where the source's person has ``surname``."""

    first: str
    surname: str
    italian: str
    start: int
    end: int
    translated: bool  # the Italian word is a MultiWordNet translation of the surname as an English word


def _not_a_name(word: str, surname: bool = False) -> bool:
    """A title, institution or calendar word, an acronym, or (but for a surname: "During", "Long") a
    function word."""
    low = word.lower()
    function_word = low in EN_FUNCTION_WORDS or low in it_lang.FUNCTION_WORDS
    return (low in TITLE_WORDS or low in INSTITUTION_WORDS or low in CALENDAR_WORDS or word.isupper()
            or (function_word and not surname))


def _source_persons(source: str) -> list[tuple[str, str]]:
    """(first name, surname) of the capitalised pairs of ``source`` that may be a person's name (no
    title, institution or calendar word among them). A pair that is not ("Yesterday Trump") does no
    harm: its first word is not in the Italian."""
    out = []
    for m in _FULL_NAME.finditer(source):
        first, rest = m.group(1), without_possessive(m.group(2))
        parts = rest.split()
        if (_not_a_name(first) or any(_not_a_name(w, surname=True) for w in parts) or not first.isalpha()
                or len(first) < 3):
            continue
        out.append((first, parts[-1]))
    return out


def surname_changes(source: str, italian: str, offset: int, source_names: set[str],
                    lexicon: Lexicon | None) -> list[SurnameChange]:
    """The surnames of ``source``'s persons that the Italian region ``italian`` (starting at article
    offset ``offset``) replaces after the same first name; ``source_names`` (lower case) are every
    capitalised word of the sources, which the Italian word must not be."""
    region = folded(italian)
    out = []
    for first, surname in _source_persons(source):
        if re.search(rf"(?<!\w){re.escape(folded(surname))}(?!\w)", region):
            continue  # the surname is there
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(first)}\s+({_CAP})", italian):
            word = m.group(1)
            if (word.lower() in source_names or _not_a_name(word) or italian_form_of(word, surname, True)
                    or similar(word, surname, SPELLING_SIMILARITY)):
                continue
            translated = lexicon is not None and folded(word) in {folded(t) for t in lexicon.it_for_en(surname.lower())}
            out.append(SurnameChange(first, surname, word, offset + m.start(1), offset + m.end(1), translated))
    return out
