"""Person and organisation names spelled several ways, or garbled against the source.

Candidates are capitalised words (the part after an elided article: "dell’Ucraina" → "Ucraina") of
at least :data:`MIN_LEN` letters, not at the start of a sentence unless the same word also appears
mid-sentence; acronyms, Italian function words, months, weekdays, titles, institution words and words
the article also uses in lower case are left out.

* Within the article: two spellings are variants when they start with the same letter, have a
  Jaro-Winkler similarity of at least :data:`ARTICLE_SIMILARITY` and differ by more than an ending
  (not "Russi"/"Russia", "Rossi"/"Rosso"). Every occurrence of a minority spelling is reported with the
  majority (first-seen on a tie) spelling, or the source's spelling when the source has one.
* Against the source: a name missing from the source but within :data:`SOURCE_SIMILARITY` of a
  source name is reported with the source spelling, unless it is a regular Italian form of it
  ("Pentagono", "Siria", "Zelenskyj") or a back-translation shows it was translated (an exonym).
  Either the source name must be a person's (a first name and surname in the source) or the Italian
  occurrence must sit among person names.
* A name in a list of person names whose aligned source snippet names others of that list but not
  this one, and nothing like it, is reported as a spurious name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..anchors import aligned_sources
from ..report.findings import Category, Finding, Severity
from ..words import (
    CALENDAR_WORDS,
    ENGLISH_FUNCTION_WORDS,
    INSTITUTION_WORDS,
    ITALIAN_FUNCTION_WORDS,
    TITLE_WORDS,
    Word,
    elided_tail,
    strip_accents,
    words,
)
from .base import Check, CheckContext, register

MIN_LEN = 4
ARTICLE_SIMILARITY = 0.84
SOURCE_SIMILARITY = 0.8
MAX_LEN_DIFF = 2
_OPENING = "\"'“‘«([{"
_DEMONYM = re.compile(r"(?:ian|ese|ish|ean|ern)$")  # Belgian, Chinese, British, European, Western
# Italian and English endings of the same word class ("-zione"/"-tion", "-ismo"/"-ism").
_SUFFIXES = (("zione", "tion"), ("sione", "sion"), ("ismo", "ism"), ("ista", "ist"), ("ita", "ity"),
             ("ico", "ic"), ("ica", "ic"), ("ale", "al"), ("ario", "ary"), ("oso", "ous"), ("ia", "y"))
_JOINER_WORDS = frozenset({"e", "ed", "and", "o", "or"})
_LIST_JOINERS = re.compile(r"^\s*(?:,|e|ed|and|o|,\s*e)\s*$")


@dataclass(frozen=True)
class Mention:
    """A candidate name token in the article (absolute offsets)."""

    text: str
    start: int
    end: int
    sentence_start: bool
    person_context: bool
    listed: bool  # joined by "," / "e" to a person's name: "Rossi, Bianchi e Verdi"


def _similar(a: str, b: str, threshold: float, endings: bool = True) -> bool:
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


def _skeleton(s: str) -> str:
    """A spelling with transliteration and Italianisation differences removed."""
    s = strip_accents(s.lower())
    for a, b in (("kh", "h"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("x", "ks"), ("y", "i"), ("j", "i"), ("w", "v")):
        s = s.replace(a, b)
    return s.replace("ii", "i")


def _italian_form_of(it: str, en: str, person: bool = False) -> bool:
    """"Siria" of "Syria", "Zelenskyj" of "Zelensky", "Pentagono" of "Pentagon", "Ucraina" of "Ukraine".
    A person's name only takes transliteration changes, not Italian endings."""
    si, se = _skeleton(it), _skeleton(en).replace("k", "c")
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


def _is_candidate(tail: str, lower_words: set[str]) -> bool:
    low = tail.lower()
    return (
        tail[:1].isupper()
        and len(tail) >= MIN_LEN
        and tail.isalpha()
        and not tail.isupper()
        and low not in ITALIAN_FUNCTION_WORDS
        and low not in CALENDAR_WORDS
        and low not in TITLE_WORDS
        and low not in INSTITUTION_WORDS
        and low not in lower_words
    )


def _mentions(
    text: str, spans: list[tuple[int, int]], is_person: Callable[[str], bool], lists_count: bool = True
) -> list[Mention]:
    all_words = words(text)
    lower_words = {w.lower for w in all_words if w.text[:1].islower()}
    out = []
    for a, b in spans:
        ws = words(text, a, b)
        for i, w in enumerate(ws):
            tail = elided_tail(w.text)
            if not _is_candidate(tail, lower_words):
                continue
            start = w.end - len(tail)
            gap = text[a:start] if i == 0 else text[ws[i - 1].end : w.start]
            at_start = i == 0 or any(c in gap for c in _OPENING) or bool(re.search(r"[.!?:]\s*$", gap))
            ctx_, listed = _person_context(text, ws, i, is_person, lists_count)
            out.append(Mention(tail, start, w.end, at_start, ctx_, listed))
    return out


def _keep_sentence_starts(mentions: list[Mention], src: SourceNames) -> list[Mention]:
    """A capitalised word opening a sentence counts when the article also uses it mid-sentence, or it
    looks like a variant of a name used mid-sentence or of a person's name in the source."""
    mid = {m.text for m in mentions if not m.sentence_start}
    persons = [src.names[p] for p in src.persons if p in src.names]

    def keep(m: Mention) -> bool:
        if not m.sentence_start or m.text in mid:
            return True
        return any(_similar(m.text, t, ARTICLE_SIMILARITY, endings=False) for t in mid) or any(
            _source_variant(m.text, e, True) for e in persons
        )

    return [m for m in mentions if keep(m)]


def _person_context(
    text: str, ws: list[Word], i: int, is_person: Callable[[str], bool], lists_count: bool
) -> tuple[bool, bool]:
    """(among person names, in a list of person names): after a title, next to a person's name, or
    joined to one by a comma or "e" (``lists_count``: only when persons are known from a source;
    "Belgio, Lussemburgo e Olanda" is a list too)."""
    near = after_title = i > 0 and ws[i - 1].lower in TITLE_WORDS
    listed = False
    for step in (-1, 1):
        k = i + step
        joined = 0 <= k < len(ws) and ws[k].lower in _JOINER_WORDS
        if joined:
            k += step
        if 0 <= k < len(ws) and ws[k].text[:1].isupper() and is_person(elided_tail(ws[k].text)):
            between = text[ws[min(i, k)].end : ws[max(i, k)].start]
            if not joined and between.strip() == "":
                near = True
            elif joined or _LIST_JOINERS.match(between):
                listed = True
    return near or after_title or (listed and lists_count), listed


@dataclass
class SourceNames:
    """Names in the English source: every capitalised word, and the ones that are persons' names
    (a first name and surname after a title, or whose surname the source also uses alone)."""

    names: dict[str, str]
    persons: set[str]
    in_runs: set[str] = field(default_factory=set)  # words of any multi-word name ("Wilhelm Molterer")


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
    names: dict[str, str] = {}
    runs: list[tuple[list[str], bool]] = []  # (tokens, preceded by a title)
    alone: Counter[str] = Counter()
    for line in sources:
        ws = words(line)
        run: list[str] = []
        titled = after_the = prev_title = prev_the = False
        for i, w in enumerate(ws + [Word("", len(line), len(line))]):
            clean = re.sub(r"['’]s$", "", w.text)
            low = clean.lower()
            gap = line[ws[i - 1].end : w.start] if i > 0 else ""
            initial = i > 0 and len(ws[i - 1].text) == 1 and ws[i - 1].text.isupper()  # "J. Vincent"
            first = i == 0 or (bool(re.search(r"[.!?:\"“]\s*$", gap)) and not prev_title and not initial)
            if run and gap.strip():
                _close(run, after_the, titled, runs, alone)
                run = []
            if (clean[:1].isupper() and not w.is_acronym and not first and low not in ENGLISH_FUNCTION_WORDS
                    and low not in CALENDAR_WORDS):
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
            low = re.sub(r"['’]s$", "", m.group(1)).lower()
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
    return SourceNames(names, persons, in_runs)


@register
class EntitiesCheck(Check):
    name = "entities"
    needs = frozenset()
    description = "Names spelled several ways in the article, or garbled against the source."

    def run(self, ctx: CheckContext) -> list[Finding]:
        from .boilerplate import boilerplate_paragraphs

        text = ctx.article.text
        skip = boilerplate_paragraphs(ctx.article)
        spans = [(s.start, s.end) for s in ctx.article.sentences if s.paragraph not in skip]
        src = source_names(ctx.sources) if ctx.sources else SourceNames({}, set())
        if src.names:
            def is_person(t: str) -> bool:
                return t.lower() in src.in_runs
        else:
            def is_person(t: str) -> bool:
                return t.lower() not in INSTITUTION_WORDS and not t.isupper()
        mentions = _keep_sentence_starts(_mentions(text, spans, is_person, lists_count=bool(src.names)), src)
        bt = ctx.translation.text.lower() if ctx.translation is not None else None
        found: dict[tuple[int, int], Finding] = {}
        for f in self._article_variants(ctx, mentions, src):
            found[(f.start, f.end)] = f
        if src.names:
            for f in self._source_variants(ctx, mentions, src, bt, found):
                found[(f.start, f.end)] = f
        return sorted(found.values(), key=lambda f: f.start)

    def _article_variants(self, ctx: CheckContext, mentions: list[Mention], src: SourceNames) -> list[Finding]:
        """Spellings of one person's name that disagree within the article."""
        counts = Counter(m.text for m in mentions)
        order = list(dict.fromkeys(m.text for m in mentions))
        parent = {t: t for t in order}

        def find(t: str) -> str:
            while parent[t] != t:
                t = parent[t]
            return t

        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                if (
                    _similar(a, b, ARTICLE_SIMILARITY, endings=False)
                    and _skeleton(a) != _skeleton(b)  # "Cina"/"China", "Zelensky"/"Zelenskyj": transliterations
                    and not _first_names_of_different_people(ctx.article.text, mentions, a, b)
                ):
                    parent[find(b)] = find(a)
        clusters: dict[str, list[str]] = {}
        for t in order:
            clusters.setdefault(find(t), []).append(t)
        out = []
        for members in clusters.values():
            if len(members) < 2:
                continue
            personal = any(m.person_context for m in mentions if m.text in members) or any(
                t.lower() in src.persons for t in members
            )
            if not personal:
                continue
            in_source = [t for t in members if t.lower() in src.names]
            close = [e for e in src.names.values()
                     if any(_similar(t, e, SOURCE_SIMILARITY, endings=False) for t in members)]
            if in_source:
                canon, why = src.names[in_source[0].lower()], "source"
            elif close:
                canon, why = max(close, key=lambda e: max(_jw(t, e) for t in members)), "source"
            else:
                canon = max(members, key=lambda t: (counts[t], -order.index(t)))
                why = "article"
            variants = {t: counts[t] for t in members}
            for m in mentions:
                if m.text not in members or m.text.lower() == canon.lower() or m.text.lower() in src.names:
                    continue
                if any(_italian_form_of(m.text, e) for e in src.names.values()):
                    continue
                out.append(
                    self.finding(
                        ctx, m.start, m.end, Category.ENTITY, Severity.MAJOR,
                        f"Name spelled several ways in the article; the {why} has '{canon}'.",
                        {"variants": variants, "canonical": canon, "canonical_from": why},
                        suggestion=canon,
                    )
                )
        return out

    def _source_variants(
        self, ctx: CheckContext, mentions: list[Mention], src: SourceNames, bt: str | None,
        found: dict[tuple[int, int], Finding],
    ) -> list[Finding]:
        """Names garbled against the source, and spurious names in a list of persons."""
        out = []
        for m in mentions:
            if (m.start, m.end) in found or m.text.lower() in src.names:
                continue
            kept_in_bt = bt is None or bool(re.search(rf"(?<!\w){re.escape(m.text.lower())}(?!\w)", bt))
            related = [e for e in src.names.values() if _related(m.text, e)]
            close = [e for e in src.names.values() if _source_variant(m.text, e, e.lower() in src.persons)]
            if close:
                e = max(close, key=lambda e: _jw(m.text, e))
                if e.lower() in src.persons or (m.person_context and kept_in_bt):
                    out.append(
                        self.finding(
                            ctx, m.start, m.end, Category.ENTITY, Severity.MAJOR,
                            f"Name not in the source; the source has '{e}'.",
                            {"source_spelling": e, "similarity": round(_jw(m.text, e), 3)}, suggestion=e,
                        )
                    )
                continue
            if m.listed and kept_in_bt and not related:
                snippet = self._snippet_naming_neighbours(ctx, m, mentions, src)
                if snippet:
                    for part in _whole_name(ctx.article.text, m, mentions):
                        if part.text.lower() in src.names or any(_related(part.text, e) for e in src.names.values()):
                            continue
                        out.append(
                            self.finding(
                                ctx, part.start, part.end, Category.ENTITY, Severity.MAJOR,
                                "Name not in the source, in a list of names the source gives without it.",
                                {"source": snippet},
                            )
                        )
        return out

    def _snippet_naming_neighbours(
        self, ctx: CheckContext, m: Mention, mentions: list[Mention], src: SourceNames
    ) -> str | None:
        sent = ctx.article.sentence_at(m.start)
        if sent is None:
            return None
        neighbours = {o.text.lower() for o in mentions
                      if sent.start <= o.start < sent.end and o is not m and o.text.lower() in src.persons}
        for snippet in aligned_sources(ctx, sent.start, sent.end):
            named = {w.lower for w in words(snippet)} & neighbours
            if len(named) >= 2:
                return snippet
        return None


def _whole_name(text: str, m: Mention, mentions: list[Mention]) -> list[Mention]:
    """``m`` and the candidate words joined to it by a single space ("Roberto Fanetti")."""
    by_start = sorted(mentions, key=lambda o: o.start)
    i = by_start.index(m)
    lo = hi = i
    while lo > 0 and text[by_start[lo - 1].end : by_start[lo].start] == " ":
        lo -= 1
    while hi + 1 < len(by_start) and text[by_start[hi].end : by_start[hi + 1].start] == " ":
        hi += 1
    return by_start[lo : hi + 1]


def _source_variant(it: str, en: str, person: bool) -> bool:
    """``it`` misspells the source name ``en``: close, and not a regular Italian form of it (nor the
    source name with an Italian ending added: "Saudita", "Scientifica")."""
    if strip_accents(it.lower()).startswith(strip_accents(en.lower())):
        return False
    return _similar(it, en, SOURCE_SIMILARITY, endings=person) and not _italian_form_of(it, en, person)


def _related(it: str, en: str) -> bool:
    """Any resemblance at all: a shared stem, an Italian form, or similar spelling."""
    a, b = strip_accents(it.lower()), strip_accents(en.lower())
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] or _italian_form_of(it, en) or _jw(it, en) >= SOURCE_SIMILARITY


def _jw(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return float(JaroWinkler.similarity(a.lower(), b.lower()))


def _first_names_of_different_people(text: str, mentions: list[Mention], a: str, b: str) -> bool:
    """"Mario Rossi" and "Maria Bianchi": both always followed by a different surname."""
    def following(t: str) -> set[str]:
        out = set()
        for m in mentions:
            if m.text == t:
                nxt = re.match(r"\s+([A-ZÀ-Ý][\w’'-]+)", text[m.end :])
                if not nxt:
                    return set()
                out.add(nxt.group(1))
        return out

    fa, fb = following(a), following(b)
    return bool(fa) and bool(fb) and not (fa & fb)
