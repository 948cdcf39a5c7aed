"""Text left in English (or another language) inside the Italian.

Each sentence is cut into chunks at brackets and quotation marks; inside a chunk, every window of
:data:`WINDOW` words that holds at least two lower-case words is scored by lingua. Windows that are
confidently not Italian mark their words; marked words form runs, and a run is reported when it
holds at least :data:`MIN_RUN_WORDS` words (or is the whole sentence), at least two of them
lower-case words that are not common English loanwords, and lingua is still confident about the
run as a whole. Names, acronyms, URLs, handles and single loanwords are never reported on their own;
title-case runs ("House of Cards") are taken as titles or names. Paragraphs that the boilerplate
check reports are skipped.

Short English runs that lingua cannot judge ("la situazione è fully resolved, ha detto") are found
word by word with wordfreq: a lower-case word is *English-only* when it is frequent in English and
rare in Italian (accepted anglicisms such as "team" or "app" are frequent in Italian too, so they
stay quiet). Two or more English-only words in a row (English function words may join them) are
major; a single one is minor, and only when it is a common English word (technical terms borrowed
whole are rare in English as well). A quotation that starts with a capital (a title or a slogan)
is minor; a one-word quotation, or a word glossed in brackets right after it, is a deliberate term
and is not reported.
"""

from __future__ import annotations

import re

from ..document import Article
from ..langid import confidences
from ..results import Category, Finding, Severity
from ..words import (
    ELIDED_HEADS,
    FOREIGN_FUNCTION_WORDS,
    ITALIAN_FUNCTION_WORDS,
    ITALIAN_ONLY_WORDS,
    Word,
    words,
)
from .base import Check, CheckContext, register

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

# English words used as ordinary Italian news vocabulary; a run made only of these is Italian.
LOANWORDS = frozenset(
    """
    leader premier stop week end week-end weekend manager business social network media news fake
    smart working start up start-up hedge fund private equity spending review question time welfare
    jobs act green pass made in italy big tech data center online offline web internet computer
    software hardware app blog post selfie marketing brand show talk reality game team coach sport
    match goal derby bar club festival film star gossip trend look fashion design designer style
    privacy password hacker cyber security email mail chat link download upload streaming podcast
    tweet account follower influencer dossier report budget deficit spread rating default bond
    holding trust market leadership partner partnership staff meeting briefing summit check point
    checkpoint lockdown smart phone smartphone tablet standard top flop boom crack killer baby gang
    black friday cash back cashback food delivery rider bike sharing car sharing slot hub mission
    fiction serie tour manager full time part time stage self made premium low cost no
    """.split()
)


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


def _is_plain(w: Word) -> bool:
    """A lower-case word that could carry a language (not a name, acronym or loanword)."""
    return w.text[:1].islower() and w.lower not in LOANWORDS


def _is_italian_only(w: Word) -> bool:
    """An Italian function word no other language shares, or an Italian elision ("dell’...")."""
    low = w.lower
    if low in ITALIAN_ONLY_WORDS:
        return True
    head = low.replace("’", "'").replace("‘", "'").partition("'")
    return bool(head[1]) and head[0] in ELIDED_HEADS


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
        if m and not _is_italian_only(w):
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
    while j + 1 < len(ws) and ws[j + 1].text[:1].islower() and not _is_italian_only(ws[j + 1]) \
            and _foreign(text, ws[i : j + 2]):
        j += 1
    while i > 0 and ws[i - 1].text[:1].islower() and not _is_italian_only(ws[i - 1]) \
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
    while i <= j and ws[i].lower in ITALIAN_FUNCTION_WORDS and ws[i].lower not in function_words:
        i += 1
    while j >= i and ws[j].lower in ITALIAN_FUNCTION_WORDS and ws[j].lower not in function_words:
        j -= 1
    return _trim(ws[i : j + 1]) if i <= j else []


def _tighten(run: list[Word]) -> list[Word]:
    """An English run cut down to its English-only words (wordfreq) when it holds at least two: lingua
    windows also take in Italian neighbours ("valido until further notice, con")."""
    inner = _english_runs(run)
    if sum(1 for r in inner for w in r if _english_only(w)) < 2:
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
    ("Rafael Correa à Quito, ce lundi."): at least :data:`MIN_VOTES` distinct function words of one
    language, no Italian-only word, and lingua not confident it is Italian."""
    lower = [w.lower for w in ws if w.text[:1].islower()]
    if len(ws) < MIN_RUN_WORDS or any(_is_italian_only(w) for w in ws if w.text[:1].islower()):
        return None
    votes = {lang: len(set(lower) & fw) for lang, fw in FOREIGN_FUNCTION_WORDS.items()}
    lang, n = max(votes.items(), key=lambda kv: kv[1])
    if n < MIN_VOTES or n * 2 < len(lower):
        return None
    return lang if confidences(sentence).get("it", 0.0) < MAX_ITALIAN_VOTED else None


def find_untranslated(article: Article, skip: set[int]) -> list[tuple[int, int, str, float, bool]]:
    """``(start, end, language, confidence, quoted)`` of foreign runs outside the ``skip`` paragraphs.

    A run must hold a function word of the detected language ("the", "to", "ce", "und"): a run of
    nouns alone is a term the Italian borrowed ("bank holding company"), not an untranslated phrase.
    """
    text = article.text
    found = []
    for sent in article.sentences:
        if sent.paragraph in skip:
            continue
        sent_words = words(text, sent.start, sent.end)
        voted = _sentence_vote(text[sent.start : sent.end], sent_words)
        if voted:
            found.append((sent.start, sent.end, voted, 1.0, False))
            continue
        for a, b in _chunks(text, sent.start, sent.end):
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
                plain = [w for w in run if _is_plain(w)]
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


def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def _english_only(w: Word) -> bool:
    """A lower-case word frequent in English and rare in Italian (not an accepted anglicism)."""
    if not w.text[:1].islower() or w.lower in LOANWORDS or _is_italian_only(w):
        return False
    en, it = _zipf(w.lower, "en"), _zipf(w.lower, "it")
    return en >= MIN_EN_ZIPF and it < MAX_IT_ZIPF and en - it >= MIN_ZIPF_GAP


def _english_leaning(w: Word) -> bool:
    """A lower-case word clearly more frequent in English, though common enough in Italian too."""
    if not w.text[:1].islower() or w.lower in LOANWORDS or _is_italian_only(w):
        return False
    en, it = _zipf(w.lower, "en"), _zipf(w.lower, "it")
    return en >= MIN_EN_ZIPF and en - it >= MIN_ZIPF_GAP


def _english_runs(ws: list[Word]) -> list[list[Word]]:
    """Runs of English-only words, joined by English function words and English-leaning words
    ("until further notice", "whenever heavy rain hits")."""
    bridge = FOREIGN_FUNCTION_WORDS["en"]
    runs: list[list[Word]] = []
    cur: list[Word] = []
    for w in ws:
        if _english_only(w) or (cur and (w.lower in bridge or _english_leaning(w))):
            cur.append(w)
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and not _english_only(run[-1]):
            run = run[:-1]
        if run:
            out.append(run)
    return out


def find_english_words(article: Article, skip: set[int]) -> list[tuple[int, int, int, bool]]:
    """``(start, end, english_only_words, quoted)`` of short English runs found by word frequency;
    a run in quotes is reported with ``quoted`` only when the quotation starts lower case (a phrase
    left in the sentence, not a title or a slogan)."""
    text = article.text
    found = []
    for sent in article.sentences:
        if sent.paragraph in skip:
            continue
        for a, b in _chunks(text, sent.start, sent.end):
            ws = words(text, a, b)
            quoted = (a > sent.start and text[a - 1] in QUOTES) or (b < sent.end and text[b] in QUOTES)
            if quoted and len(ws) < 2:
                continue  # a one-word quotation: a term being cited
            for run in _english_runs(ws):
                n = sum(1 for w in run if _english_only(w))
                if n == 1 and (quoted or _zipf(run[0].lower, "en") < MIN_EN_ZIPF_SINGLE):
                    continue
                if _GLOSS_RE.match(text, run[-1].end):
                    continue  # glossed in brackets: a deliberate term
                capital_quote = quoted and ws[0].text[:1].isupper()
                found.append((run[0].start, run[-1].end, n, capital_quote))
    return found


@register
class UntranslatedCheck(Check):
    name = "untranslated"
    needs = frozenset()
    description = "Runs of English (or other non-Italian) words left untranslated in the Italian."
    specific = True

    def run(self, ctx: CheckContext) -> list[Finding]:
        skip = set(ctx.boilerplate)
        out = []
        for s, e, lang, conf, quoted in find_untranslated(ctx.article, skip):
            message = (
                f"Quoted text in another language ({lang}); translate it unless the quotation is meant to stay."
                if quoted
                else f"Text left untranslated ({lang}); translate it into Italian."
            )
            out.append(
                self.finding(
                    ctx, s, e, Category.UNTRANSLATED, Severity.MINOR if quoted else Severity.MAJOR, message,
                    {"detected_language": lang, "confidence": conf, "quoted": quoted, "kinds": ["lingua"]},
                )
            )
        taken = [(f.start, f.end) for f in out]
        for s, e, n, capital_quote in find_english_words(ctx.article, skip):
            if any(a < e and s < b for a, b in taken):
                continue
            major = n >= 2 and not capital_quote
            message = (
                "English words left untranslated; translate them into Italian." if n >= 2
                else "An English word left untranslated; use the Italian word unless it is an accepted loanword."
            )
            out.append(
                self.finding(
                    ctx, s, e, Category.UNTRANSLATED, Severity.MAJOR if major else Severity.MINOR, message,
                    {"detected_language": "en", "english_only_words": n, "quoted": capital_quote,
                     "kinds": ["word-frequency"]},
                )
            )
        return sorted(out, key=lambda f: f.start)
