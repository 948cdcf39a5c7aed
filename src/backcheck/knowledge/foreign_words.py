"""Untranslated English found word by word with wordfreq (the untranslated check's second pass), and
the text pieces both passes share: chunks between brackets and quotes, plain words, Italian-only words.

A lower-case word is *English-only* when it is frequent in English and rare in Italian (accepted
anglicisms such as "team" or "app" are frequent in Italian too, so they stay quiet).
"""

from __future__ import annotations

import re

from ..lang import Word, words
from ..lang import it as italian
from ..lang.others import FOREIGN_FUNCTION_WORDS, ITALIAN_ONLY_WORDS
from ..text.document import Sentence

# wordfreq Zipf thresholds of an English-only word: at least MIN_EN_ZIPF in English, below MAX_IT_ZIPF
# in Italian, and at least MIN_ZIPF_GAP more frequent in English. 3 is about one use per million words.
MIN_EN_ZIPF = 3.0
MAX_IT_ZIPF = 3.0
MIN_ZIPF_GAP = 1.0
# A lone English-only word is reported only when it is this common in English (10 per million).
MIN_EN_ZIPF_SINGLE = 4.0
# A term followed by a bracketed gloss within this many characters is deliberate ("X (spiegazione)").
_GLOSS_RE = re.compile(r"[ \u00a0]*(?:[^\W\d_]+[ \u00a0]*){0,1}\(")
# Brackets and quotes that delimit chunks (an English fragment is often quoted or bracketed).
DELIMITERS = "[](){}«»“”\"‘’"
# Text inside quotation marks may be a deliberate quotation: reported as minor, not major.
QUOTES = "«»“”\"‘’"


def chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between brackets and quotation marks."""
    out, pos = [], start
    for i in range(start, end):
        ch = text[i]
        if ch in DELIMITERS:
            # an apostrophe inside a word ("dell’Ucraina") is not a quotation mark
            if ch in "’‘" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                continue
            if pos < i:
                out.append((pos, i))
            pos = i + 1
    if pos < end:
        out.append((pos, end))
    return out


def is_plain(w: Word) -> bool:
    """A lower-case word that could carry a language (not a name, acronym or loanword)."""
    return w.text[:1].islower() and w.lower not in italian.LOANWORDS


def is_italian_only(w: Word) -> bool:
    """An Italian function word no other language shares, or an Italian elision ("dell’...")."""
    low = w.lower
    if low in ITALIAN_ONLY_WORDS:
        return True
    head = low.replace("’", "'").replace("‘", "'").partition("'")
    return bool(head[1]) and head[0] in italian.ELIDED_HEADS


def _zipf(word: str, lang: str) -> float:
    from ..lang.frequency import zipf

    return zipf(word, lang)


def english_only(w: Word) -> bool:
    """A lower-case word frequent in English and rare in Italian (not an accepted anglicism)."""
    if not w.text[:1].islower() or w.lower in italian.LOANWORDS or is_italian_only(w):
        return False
    en, it = _zipf(w.lower, "en"), _zipf(w.lower, "it")
    return en >= MIN_EN_ZIPF and it < MAX_IT_ZIPF and en - it >= MIN_ZIPF_GAP


def _english_leaning(w: Word) -> bool:
    """A lower-case word clearly more frequent in English, though common enough in Italian too."""
    if not w.text[:1].islower() or w.lower in italian.LOANWORDS or is_italian_only(w):
        return False
    en, it = _zipf(w.lower, "en"), _zipf(w.lower, "it")
    return en >= MIN_EN_ZIPF and en - it >= MIN_ZIPF_GAP


def english_runs(ws: list[Word]) -> list[list[Word]]:
    """Runs of English-only words, joined by English function words and English-leaning words
    ("until further notice", "whenever heavy rain hits")."""
    bridge = FOREIGN_FUNCTION_WORDS["en"]
    runs: list[list[Word]] = []
    cur: list[Word] = []
    for w in ws:
        if english_only(w) or (cur and (w.lower in bridge or _english_leaning(w))):
            cur.append(w)
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and not english_only(run[-1]):
            run = run[:-1]
        if run:
            out.append(run)
    return out


def find_english_words(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int, bool]]:
    """``(start, end, english_only_words, quoted)`` of short English runs found by word frequency;
    a run in quotes is reported with ``quoted`` only when the quotation starts lower case (a phrase
    left in the sentence, not a title or a slogan)."""
    found = []
    for sent in sentences:
        for a, b in chunks(text, sent.start, sent.end):
            ws = words(text, a, b)
            quoted = (a > sent.start and text[a - 1] in QUOTES) or (b < sent.end and text[b] in QUOTES)
            if quoted and len(ws) < 2:
                continue  # a one-word quotation: a term being cited
            for run in english_runs(ws):
                n = sum(1 for w in run if english_only(w))
                if n == 1 and (quoted or _zipf(run[0].lower, "en") < MIN_EN_ZIPF_SINGLE):
                    continue
                if _GLOSS_RE.match(text, run[-1].end):
                    continue  # glossed in brackets: a deliberate term
                capital_quote = quoted and ws[0].text[:1].isupper()
                found.append((run[0].start, run[-1].end, n, capital_quote))
    return found


