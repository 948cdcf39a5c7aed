"""Runs of another language found by lingua (the untranslated check's first pass): windows of
:data:`WINDOW` words scored by lingua, marked words joined into runs, runs grown, trimmed and fitted
to the detected language's function words, and a whole-sentence vote by function words.
"""

from __future__ import annotations

from ..lang import Word, words
from ..lang import it as italian
from ..lang.others import FOREIGN_FUNCTION_WORDS
from ..text.document import Sentence
from .foreign_words import DELIMITERS, QUOTES, chunks, english_only, english_runs, is_italian_only, is_plain
from .langid import confidences

WINDOW = 3
MIN_RUN_WORDS = 3
# lingua thresholds: a window/run is foreign when Italian has at most MAX_ITALIAN of the confidence
# and one other language at least MIN_CONFIDENCE.
MAX_ITALIAN = 0.15
MIN_CONFIDENCE = 0.6
# ... or at least WEAK_CONFIDENCE when the words hold two function words of that language.
WEAK_CONFIDENCE = 0.3
# The function-word vote over a whole sentence: distinct foreign function words needed, and the most
# Italian confidence lingua may still give it.
MIN_VOTES = 2
MAX_ITALIAN_VOTED = 0.35


def _foreign(text: str, ws: list[Word]) -> tuple[str, float] | None:
    """The language of ``ws`` when it is confidently not Italian: lingua alone, or lingua leaning to a
    language whose function words the words hold at least two of ("we want our jobs back")."""
    conf = confidences(text[ws[0].start : ws[-1].end])
    if not conf or conf.get("it", 0.0) > MAX_ITALIAN:
        return None
    lang, value = max(((c, v) for c, v in conf.items() if c != "it"), key=lambda cv: cv[1])
    if value >= MIN_CONFIDENCE:
        return lang, value
    hits = {w.lower for w in ws} & FOREIGN_FUNCTION_WORDS[lang]
    return (lang, value) if value >= WEAK_CONFIDENCE and len(hits) >= 2 else None


def _foreign_runs(text: str, ws: list[Word]) -> list[list[Word]]:
    """Runs of consecutive words covered by confidently foreign windows, cut at Italian-only words."""
    marked = [False] * len(ws)
    for i in range(len(ws)):
        win = ws[i : i + WINDOW]
        if sum(1 for w in win if w.text[:1].islower()) < 2:
            continue
        if _foreign(text, win):
            for k in range(i, i + len(win)):
                marked[k] = True
    runs: list[list[Word]] = [[]]
    for w, m in zip(ws, marked, strict=True):
        if m and not is_italian_only(w):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _with_adjacent_names(ws: list[Word], run: list[Word]) -> list[Word]:
    """The run plus the capitalised words right before and after it (to tell titles from prose)."""
    i, j = ws.index(run[0]), ws.index(run[-1])
    while i > 0 and ws[i - 1].is_capitalised:
        i -= 1
    while j + 1 < len(ws) and ws[j + 1].is_capitalised:
        j += 1
    return ws[i : j + 1]


def _trim(run: list[Word]) -> list[Word]:
    """Drop names at the edges of a run (they belong to no language)."""
    while run and not run[0].text[:1].islower() and len(run) > 1 and run[1].text[:1].isupper():
        run = run[1:]
    while run and not run[-1].text[:1].islower():
        run = run[:-1]
    return run


def _grow(text: str, ws: list[Word], run: list[Word]) -> list[Word]:
    """Extend the run over neighbouring lower-case words while it stays foreign as a whole."""
    i, j = ws.index(run[0]), ws.index(run[-1])
    while j + 1 < len(ws) and ws[j + 1].text[:1].islower() and not is_italian_only(ws[j + 1]) \
            and _foreign(text, ws[i : j + 2]):
        j += 1
    while i > 0 and ws[i - 1].text[:1].islower() and not is_italian_only(ws[i - 1]) \
            and _foreign(text, ws[i - 1 : j + 1]):
        i -= 1
    return ws[i : j + 1]


def _fit_to_language(ws: list[Word], run: list[Word], function_words: frozenset[str]) -> list[Word]:
    """Take in the language's function words next to the run ("to" before "reach an agreement") and
    drop Italian function words at its edges ("... e la")."""
    i, j = ws.index(run[0]), ws.index(run[-1])
    while i > 0 and ws[i - 1].lower in function_words:
        i -= 1
    while j + 1 < len(ws) and ws[j + 1].lower in function_words:
        j += 1
    while i <= j and ws[i].lower in italian.FUNCTION_WORDS and ws[i].lower not in function_words:
        i += 1
    while j >= i and ws[j].lower in italian.FUNCTION_WORDS and ws[j].lower not in function_words:
        j -= 1
    return _trim(ws[i : j + 1]) if i <= j else []


def _tighten(run: list[Word]) -> list[Word]:
    """An English run cut down to its English-only words (wordfreq) when it holds at least two: lingua
    windows also take in Italian neighbours ("valido until further notice, con")."""
    inner = english_runs(run)
    if sum(1 for r in inner for w in r if english_only(w)) < 2:
        return run
    i, j = run.index(inner[0][0]), run.index(inner[-1][-1])
    bridge = FOREIGN_FUNCTION_WORDS["en"]
    while i > 0 and run[i - 1].lower in bridge:
        i -= 1
    return run[i : j + 1]


def _expand_to_delimiters(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Include the brackets or quotes that enclose exactly this span."""
    a, b = start, end
    while a > lo and text[a - 1] in " \u00a0":
        a -= 1
    while b < hi and text[b] in " \u00a0.,;:!?":
        b += 1
    if a > lo and b < hi and text[a - 1] in DELIMITERS and text[b] in DELIMITERS:
        return a - 1, b + 1
    return start, end


def _sentence_vote(sentence: str, ws: list[Word]) -> str | None:
    """A whole sentence in another language by function words, for text too short for lingua
    ("Le ministre arrive à Lyon, ce mardi."): at least :data:`MIN_VOTES` distinct function words of one
    language, no Italian-only word, and lingua not confident it is Italian."""
    lower = [w.lower for w in ws if w.text[:1].islower()]
    if len(ws) < MIN_RUN_WORDS or any(is_italian_only(w) for w in ws if w.text[:1].islower()):
        return None
    votes = {lang: len(set(lower) & fw) for lang, fw in FOREIGN_FUNCTION_WORDS.items()}
    lang, n = max(votes.items(), key=lambda kv: kv[1])
    if n < MIN_VOTES or n * 2 < len(lower):
        return None
    return lang if confidences(sentence).get("it", 0.0) < MAX_ITALIAN_VOTED else None


def find_untranslated(text: str, sentences: list[Sentence]) -> list[tuple[int, int, str, float, bool]]:
    """``(start, end, language, confidence, quoted)`` of foreign runs in ``sentences`` of ``text``.

    A run must hold a function word of the detected language ("the", "to", "ce", "und"): a run of
    nouns alone is a term the Italian borrowed ("bank holding company"), not an untranslated phrase.
    """
    found = []
    for sent in sentences:
        sent_words = words(text, sent.start, sent.end)
        voted = _sentence_vote(text[sent.start : sent.end], sent_words)
        if voted:
            found.append((sent.start, sent.end, voted, 1.0, False))
            continue
        for a, b in chunks(text, sent.start, sent.end):
            ws = words(text, a, b)
            if len(ws) < 2:
                continue
            for run in _foreign_runs(text, ws):
                run = _trim(run)
                if not run:
                    continue
                lang = _foreign(text, run)
                if lang is None:
                    continue
                function_words = FOREIGN_FUNCTION_WORDS[lang[0]]
                run = _fit_to_language(ws, _grow(text, ws, run), function_words)
                if lang[0] == "en":
                    run = _tighten(run)
                plain = [w for w in run if is_plain(w)]
                whole = len(run) == len(sent_words) and len(run) >= 2
                if len(plain) < 2 or (len(run) < MIN_RUN_WORDS and not whole):
                    continue
                if not any(w.lower in function_words for w in run):
                    continue
                wide = _with_adjacent_names(ws, run)
                if sum(1 for w in wide if w.is_capitalised) * 2 > len(wide) and not whole:
                    continue  # a title or a name in title case
                s, e = run[0].start, run[-1].end
                quoted = (a > sent.start and text[a - 1] in QUOTES) or (b < sent.end and text[b] in QUOTES)
                if whole:
                    s, e = sent.start, sent.end
                else:
                    s, e = _expand_to_delimiters(text, s, e, sent.start, sent.end)
                found.append((s, e, lang[0], round(lang[1], 3), quoted and not whole))
    return found


