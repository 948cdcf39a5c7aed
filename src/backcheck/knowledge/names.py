"""Name spellings: how two spellings of a name relate, and which spellings of an article are variants.

General knowledge only: romanisation correspondences (data/translit.tsv) and Italian/English endings.
Used by the entities check; the names an English source uses are in :mod:`.source_names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..lang import strip_accents, words
from ..lang.datafiles import data_path

MIN_LEN = 4
ARTICLE_SIMILARITY = 0.84
SOURCE_SIMILARITY = 0.8
MAX_LEN_DIFF = 2
# A spelling this common in Italian or English text (wordfreq Zipf scale: 3 = once per million words)
# is a word or a well-known name, not a slip: it is never reported as a variant without a source.
COMMON_ZIPF = 3.5
# Italian and English endings of the same word class ("-zione"/"-tion", "-ismo"/"-ism").
_SUFFIXES = (("zione", "tion"), ("sione", "sion"), ("ismo", "ism"), ("ista", "ist"), ("ita", "ity"),
             ("ico", "ic"), ("ica", "ic"), ("ale", "al"), ("ario", "ary"), ("oso", "ous"), ("ia", "y"))


def similar(a: str, b: str, threshold: float, endings: bool = True) -> bool:
    """Spelling variants: same first letter, Jaro-Winkler >= ``threshold``, at most a third of the
    letters edited, and (unless ``endings``) more than an ending apart."""
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    a, b = strip_accents(a.lower()), strip_accents(b.lower())
    if a == b or a[0] != b[0] or min(len(a), len(b)) < MIN_LEN or abs(len(a) - len(b)) > MAX_LEN_DIFF:
        return False
    short, long_ = sorted((a, b), key=len)
    if not endings and long_.startswith(short):
        return False  # an ending: "Russi"/"Russia", "Galles"/"Gallese", "Pentagon"/"Pentagono"
    if not endings and len(a) == len(b) and a[:-1] == b[:-1]:
        return False  # a final letter: "Rossi"/"Rosso"
    # at most a third of the letters edited (half when the first three letters agree)
    budget = len(short) // 2 if a[:3] == b[:3] else max(1, round(len(short) / 3))
    if Levenshtein.distance(a, b) > budget:
        return False
    return JaroWinkler.similarity(a, b) >= threshold


@lru_cache(maxsize=65536)
def skeleton(s: str) -> str:
    """A spelling with transliteration and Italianisation differences removed."""
    s = strip_accents(s.lower())
    for a, b in (("kh", "h"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("x", "ks"), ("y", "i"), ("j", "i"), ("w", "v")):
        s = s.replace(a, b)
    return s.replace("ii", "i")


def italian_form_of(it: str, en: str, person: bool = False) -> bool:
    """"Siria" of "Syria", "Zelenskyj" of "Zelensky", "Pentagono" of "Pentagon", "Ucraina" of "Ukraine".
    A person's name only takes transliteration changes, not Italian endings; an exonym («Londra»,
    «Elisabetta») is an Italian form of either (:mod:`.exonyms`)."""
    from .exonyms import is_exonym

    if is_exonym(it, en):
        return True
    si, se = skeleton(it), skeleton(en).replace("k", "c")
    si = si.replace("k", "c")
    if si == se:
        return True
    if person:
        return False
    for it_end, en_end in _SUFFIXES:  # "Turismo"/"Tourism", "Costituzione"/"Constitution"
        if si.endswith(it_end) and se.endswith(en_end):
            return True
    if si[:-1] == se and si[-1] in "aeio":
        return True
    return len(si) == len(se) and si[:-1] == se[:-1] and se[-1] in "aeiou" and si[-1] in "aeio"


def related(it: str, en: str) -> bool:
    """Any resemblance at all: a shared stem, an Italian form, or similar spelling."""
    a, b = strip_accents(it.lower()), strip_accents(en.lower())
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] or italian_form_of(it, en) or jw(it, en) >= SOURCE_SIMILARITY


def jw(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return float(JaroWinkler.similarity(a.lower(), b.lower()))


@lru_cache(maxsize=1)
def _translit_rules() -> tuple[tuple[str, str], ...]:
    path = data_path("translit.tsv")
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")[:2]
            rules.append((a, b))
    return tuple(rules)


@lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """``name`` with romanisation differences removed: "Hrytsenko" and "Gritsenko" → "hritsenko".
    Memoised: the missingnames check compares every word of a region with each name it looks for."""
    s = strip_accents(name.lower())
    for a, b in _translit_rules():
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def variant_kind(a: str, b: str) -> str | None:
    """How two different spellings are one name: "transliteration" (same :func:`translit_key`, at
    least 5 letters), "transposition" (two neighbouring letters swapped), "letter" (one letter
    changed, added or dropped inside a name of at least 5 letters, same first letter, not at the
    end: "Rossi"/"Rosso", "Obama"/"Obamas" are forms, not variants), or None."""
    from rapidfuzz.distance import Levenshtein

    x, y = strip_accents(a.lower()), strip_accents(b.lower())
    if x == y or min(len(x), len(y)) < MIN_LEN:
        return None
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
            return "transposition"
    if min(len(x), len(y)) < 5:
        return None
    if translit_key(x) == translit_key(y):
        return "transliteration"
    short, long_ = sorted((x, y), key=len)
    if x[0] != y[0] or long_.startswith(short) or Levenshtein.distance(x, y) != 1:
        return None
    if len(x) == len(y) and x[:-1] == y[:-1]:
        return None  # a final letter: an Italian ending
    return "letter"


def is_common_word(name: str) -> bool:
    """A dictionary word or a very common name in Italian or English (wordfreq)."""
    from ..lang.frequency import zipf

    low = name.lower()
    return max(zipf(low, "it"), zipf(low, "en")) >= COMMON_ZIPF


def joined_key(form: str) -> str:
    """"Van der Poel", "Vanderpoel", "Van-der-Poel" → "vanderpoel"."""
    return re.sub(r"[\s\-'’]+", "", strip_accents(form.lower()))


# Lower-case particles of surnames (Dutch, German, Italian, Spanish, Portuguese, French, Arabic).
NAME_PARTICLES = frozenset("van von der den de di da del della dos das du le la al el bin ibn ter ten".split())


def _name_part(w: str) -> bool:
    return (w[:1].isupper() and w[1:].islower() and w.isalpha()) or w in NAME_PARTICLES


def spaced_forms(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Names of two or three words joined by a space or hyphen, particles allowed, that may be
    written as one word elsewhere: "Van der Poel", "Al-Sayed" (form, start, end)."""
    ws = words(text, start, end)
    out = []
    for i, w in enumerate(ws):
        if "-" in w.text and all(_name_part(p) for p in w.text.split("-")) and w.text[:1].isupper():
            out.append((w.text, w.start, w.end))
        for n in (2, 3):
            seq = ws[i : i + n]
            if len(seq) < n or not all(_name_part(x.text) for x in seq) or not seq[-1].text[:1].isupper():
                continue
            if any(text[x.end : y.start] not in (" ", "-") for x, y in zip(seq, seq[1:], strict=False)):
                continue
            if sum(x.text[:1].isupper() for x in seq) >= 1 and len(joined_key(text[seq[0].start : seq[-1].end])) >= 6:
                out.append((text[seq[0].start : seq[-1].end], seq[0].start, seq[-1].end))
    return out


@dataclass(frozen=True)
class Variant:
    """A spelling to report: ``form`` at ``spans`` for the name written ``canonical``."""

    form: str
    spans: tuple[tuple[int, int], ...]
    canonical: str
    kind: str  # "spacing" | "transposition" | "letter" | "transliteration"
    from_source: bool
    major: bool


def spelling_variants(
    singles: dict[str, list[tuple[int, int]]], spaced: dict[str, list[tuple[int, int]]],
    in_source: Callable[[str], bool], different_people: Callable[[str, str], bool],
) -> list[Variant]:
    """The minority spellings of names written two ways. ``singles``: one-word name forms and their
    spans, in order of first appearance; ``spaced``: multi-word and hyphenated forms. A form the
    source has is the canonical one and is never reported; otherwise the more frequent form is (a
    one-letter change needs the canonical form at least twice as often, a tie takes the first seen
    and is minor). Common words are never reported."""
    out: list[Variant] = []
    first = {f: spans[0][0] for f, spans in {**singles, **spaced}.items()}
    pairs: list[tuple[str, str, str]] = []
    names = list(singles)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            kind = variant_kind(a, b)
            if kind and not different_people(a, b):
                pairs.append((a, b, kind))
    for form in spaced:
        for single in names:
            if joined_key(form) == joined_key(single) and form != single:
                pairs.append((form, single, "spacing"))
    for form_a, form_b in ((x, y) for i, x in enumerate(spaced) for y in list(spaced)[i + 1 :]):
        if joined_key(form_a) == joined_key(form_b) and re.sub(r"\W", "", form_a) != re.sub(r"\W", "", form_b):
            pairs.append((form_a, form_b, "spacing"))
    counts = {f: len(v) for f, v in {**singles, **spaced}.items()}
    for a, b, kind in pairs:
        sa, sb = in_source(a), in_source(b)
        if sa and sb:
            continue
        if sa or sb:
            canon, var = (a, b) if sa else (b, a)
        elif counts[a] == counts[b]:
            if kind == "letter":
                continue
            canon, var = (a, b) if first[a] <= first[b] else (b, a)
        else:
            canon, var = (a, b) if counts[a] > counts[b] else (b, a)
            if kind == "letter" and counts[canon] < 2 * counts[var]:
                continue
        if is_common_word(var):
            continue
        spans = tuple({**singles, **spaced}[var])
        out.append(Variant(var, spans, canon, kind, sa or sb, sa or sb or counts[canon] >= 2))
    return out
