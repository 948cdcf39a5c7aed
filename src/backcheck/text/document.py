"""An article split into paragraphs and sentences, every piece carrying character offsets into the
text exactly as read (Python ``str`` indices), so findings can point back at the original."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..lang.datafiles import word_set
from ..offsets import line_col, paragraph_spans
from ..offsets import strip_span as _strip_span

# Abbreviations after which a full stop does not end an Italian (or English) sentence.
ABBREVIATIONS = (word_set("abbreviations.tsv", "it", "abbreviation")
                 | word_set("abbreviations.tsv", "en", "abbreviation"))
CLOSERS = "\"'”’»)]}"
OPENERS = "\"'“‘«([{"
_TERMINAL = re.compile(r"[.!?…]+|\.\.\.")
_TOKEN = re.compile(r"\S+")
_CLAUSE_END = ",;:)]»”"
# Longest run of word characters and dots looked at before a full stop: abbreviations are short, and a
# bounded look-back keeps the splitter linear in the text length.
_MAX_WORD_BEFORE = 64
# Sentences longer than this many white-space tokens are split (at a clause boundary when there is one
# in the second half of the piece, else at the limit), never truncated.
DEFAULT_MAX_SENTENCE_TOKENS = 150


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == article_text[start:end]``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...] = field(default=())


@dataclass(frozen=True)
class Article:
    """The article text and its segmentation. ``paragraphs`` are separated by blank lines."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str | None = None

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence in order (computed once: callers must not modify the list)."""
        return [s for p in self.paragraphs for s in p.sentences]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (for SARIF and CI annotations)."""
        return line_col(self.text, offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search: sentences are sorted and disjoint)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation, an initial or a number."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
        if dot - i > _MAX_WORD_BEFORE:
            return False
    word = text[i:dot].lower().rstrip(".")
    if not word or any(c.isdigit() for c in word):
        return False
    if word in ABBREVIATIONS or word.replace(".", "") in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling"
        return True
    if "." in word and all(len(p) <= 2 for p in word.split(".")):  # "p.es", "U.S"
        return True
    return False


def split_long(text: str, a: int, b: int, max_tokens: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` into pieces of at most ``max_tokens`` white-space tokens, preferring to cut
    after a token that ends a clause (comma, semicolon, colon) in the second half of each piece."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, a, b)]
    if len(tokens) <= max_tokens:
        return [(a, b)]
    pieces = []
    first = 0
    while len(tokens) - first > max_tokens:
        last = first + max_tokens - 1
        cut = next((k for k in range(last, first + max_tokens // 2 - 1, -1)
                    if text[tokens[k][1] - 1] in _CLAUSE_END), last)
        pieces.append((tokens[first][0], tokens[cut][1]))
        first = cut + 1
    pieces.append((tokens[first][0], tokens[-1][1]))
    return pieces


def sentence_spans(text: str, start: int = 0, end: int | None = None,
                   max_tokens: int | None = DEFAULT_MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, returning absolute (start, end) spans.

    A sentence longer than ``max_tokens`` white-space tokens is split (:func:`split_long`).
    A boundary is terminal punctuation (plus closing quotes/brackets) followed by white space and an
    upper-case letter, digit or opening quote, or by a dash or bullet that such a character follows; a
    full stop after an abbreviation, an initial or inside a number ("1.300", "3.5") is not a boundary. A
    line break inside a paragraph ends a sentence when the line before it is a short title-like line or
    ends in terminal punctuation.
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in ".!?…":
            m = _TERMINAL.match(text, i, end)
            j = m.end() if m else i + 1
            k = j
            while k < end and text[k] in CLOSERS:
                k += 1
            if k >= end:
                break
            if not text[k].isspace():
                i = j
                continue
            n = k
            while n < end and text[n].isspace():
                n += 1
            if n >= end:
                break
            nxt = text[n]
            if nxt in OPENERS and n + 1 < end:
                nxt2 = text[n + 1]
                starts_sentence = nxt2.isupper() or nxt2.isdigit() or nxt2 in OPENERS
            elif nxt in "-–—•":
                # a list item ("- The next point") starts a sentence; an interjected clause after a
                # quoted question does not ('tones - "Is it on?" - to remind us')
                m2 = n + 1
                while m2 < end and text[m2].isspace():
                    m2 += 1
                starts_sentence = m2 < end and (text[m2].isupper() or text[m2].isdigit() or text[m2] in OPENERS)
            else:
                starts_sentence = nxt.isupper() or nxt.isdigit()
            if ch == "." and j == i + 1 and _is_abbreviation(text, i):
                starts_sentence = False
            if starts_sentence:
                cuts.append(k)
            i = k
            continue
        if ch == "\n":
            line_start = text.rfind("\n", start, i) + 1
            line = text[max(line_start, start) : i].strip()
            n = i + 1
            while n < end and text[n].isspace():
                n += 1
            if line and n < end and (text[n].isupper() or text[n] in OPENERS or text[n].isdigit()):
                if len(line) < 60 or line[-1] in ".!?…:" + CLOSERS:
                    cuts.append(i)
        i += 1
    spans = []
    pos = start
    for c in cuts + [end]:
        a, b = _strip_span(text, pos, c)
        if a < b:
            spans.extend(split_long(text, a, b, max_tokens) if max_tokens else [(a, b)])
        pos = c
    return spans


def segment(text: str, path: str | None = None,
            max_sentence_tokens: int | None = DEFAULT_MAX_SENTENCE_TOKENS) -> Article:
    """Segment an article into paragraphs (blank-line separated) and sentences, keeping offsets;
    sentences longer than ``max_sentence_tokens`` tokens are split."""
    paragraphs = []
    sent_index = 0
    for p_index, (a, b) in enumerate(paragraph_spans(text)):
        sents = []
        for s, e in sentence_spans(text, a, b, max_sentence_tokens):
            sents.append(Sentence(sent_index, p_index, s, e, text[s:e]))
            sent_index += 1
        paragraphs.append(Paragraph(p_index, a, b, text[a:b], tuple(sents)))
    return Article(text=text, paragraphs=tuple(paragraphs), path=path)


def source_units(sources: list[str]) -> list[str]:
    """Split source texts into units: one per sentence (a snippet line is usually one sentence)."""
    units = []
    for text in sources:
        for line in text.split("\n"):
            for a, b in sentence_spans(line):
                units.append(line[a:b])
    return units
