"""Candidate name mentions in an article, and the tests the entities check applies to them: is a
capitalised word a name, is it among person names or in a list of them, is one spelling a slip for
another, is it written as the source writes it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..lang import CALENDAR_WORDS, INSTITUTION_WORDS, TITLE_WORDS, Word, strip_accents, words
from ..lang.it import FUNCTION_WORDS as ITALIAN_FUNCTION_WORDS
from ..lang.it import elided_tail
from .names import (
    ARTICLE_SIMILARITY,
    MIN_LEN,
    SOURCE_SIMILARITY,
    is_common_word,
    italian_form_of,
    similar,
    variant_kind,
)
from .source_names import SourceNames

_OPENING = "\"'“‘«([{"
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


def find_mentions(
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


def keep_sentence_starts(mentions: list[Mention], src: SourceNames) -> list[Mention]:
    """A capitalised word opening a sentence counts when the article also uses it mid-sentence, or it
    looks like a variant of a name used mid-sentence or of a person's name in the source."""
    mid = {m.text for m in mentions if not m.sentence_start}
    persons = [src.names[p] for p in src.persons if p in src.names]

    def keep(m: Mention) -> bool:
        if not m.sentence_start or m.text in mid:
            return True
        return (
            any(similar(m.text, t, ARTICLE_SIMILARITY, endings=False) or variant_kind(m.text, t) for t in mid)
            or any(source_variant(m.text, e, True) for e in persons)
            or any(variant_kind(m.text, e) for e in src.names.values())
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


def whole_name(text: str, m: Mention, mentions: list[Mention]) -> list[Mention]:
    """``m`` and the candidate words joined to it by a single space ("Roberto Fanetti")."""
    by_start = sorted(mentions, key=lambda o: o.start)
    i = by_start.index(m)
    lo = hi = i
    while lo > 0 and text[by_start[lo - 1].end : by_start[lo].start] == " ":
        lo -= 1
    while hi + 1 < len(by_start) and text[by_start[hi].end : by_start[hi + 1].start] == " ":
        hi += 1
    return by_start[lo : hi + 1]


def source_variant(it: str, en: str, person: bool) -> bool:
    """``it`` misspells the source name ``en``: close, and not a regular Italian form of it (nor the
    source name with an Italian ending added: "Saudita", "Scientifica")."""
    if strip_accents(it.lower()).startswith(strip_accents(en.lower())):
        return False
    return similar(it, en, SOURCE_SIMILARITY, endings=person) and not italian_form_of(it, en, person)


def in_source_text(form: str, sources: list[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", line) for line in sources)


def clearly_rarer(text: str, form: str, canon: str, counts: Counter[str]) -> bool:
    """Without a source, a spelling is a slip for ``canon`` only when ``canon`` is used more often,
    the two are not the names of two people, a short name differs by a swap, and the slip is no
    common word."""
    if counts[canon] <= counts[form] or different_first_names(text, form, canon) or is_common_word(form):
        return False
    return len(form) > 4 or variant_kind(form, canon) == "transposition"


def different_first_names(text: str, a: str, b: str) -> bool:
    """"Anna Lindberg" and "Karl Lindborg": both preceded by first names, never the same one."""
    def before(t: str) -> set[str]:
        return {m.group(1) for m in re.finditer(rf"([A-ZÀ-Ý][a-zà-ÿ]+) {re.escape(t)}(?!\w)", text)
                if m.group(1).lower() not in TITLE_WORDS and m.group(1).lower() not in ITALIAN_FUNCTION_WORDS}

    fa, fb = before(a), before(b)
    return bool(fa) and bool(fb) and not (fa & fb)


def first_names_of_different_people(text: str, mentions: list[Mention], a: str, b: str) -> bool:
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
