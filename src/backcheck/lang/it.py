"""Italian: function and stop words, elisions, calendar names (CLDR through Babel), spelled-out
numbers (text2num), loanwords, lemmas (simplemma)."""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar import month_names, weekday_names
from .datafiles import word_set as _data
from .numbers import number_value
from .tokens import APOSTROPHES, fold

_STOP = _data("stopwords.tsv", "it", "stop")
# Function words: articles, prepositions, pronouns, conjunctions, common adverbs.
FUNCTION_WORDS = _STOP | _data("stopwords.tsv", "it", "function")
# What the aligner skips as non-content.
STOP_WORDS = _STOP | _data("stopwords.tsv", "it", "align")
# Function words that French, Spanish, Portuguese or English also write ("la", "con", "come").
SHARED_WORDS = _data("stopwords.tsv", "it", "shared")
# Articles and prepositions that elide before a vowel ("dell’", "l’", "un’").
ELIDED_HEADS = _data("stopwords.tsv", "it", "elided")
# English words Italian news uses as its own ("leader", "welfare").
LOANWORDS = _data("loanwords.tsv", "it", "loanword")

MONTHS = month_names("it")
WEEKDAYS = weekday_names("it")


def elided_tail(word: str) -> str:
    """The part after an elided article or preposition: "dell’Ucraina" → "Ucraina"."""
    for ap in APOSTROPHES:
        if ap in word:
            head, _, tail = word.partition(ap)
            if head.lower() in ELIDED_HEADS and tail:
                return tail
    return word


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lemma of an Italian word (folded), spelled-out numbers as digits ("tre" → "3"). The word is
    lemmatised as written, accents and all, and the lemma folded: an accent is all that tells a future
    («potrà», «riaprirà») or «è», «può» from a word the dictionary does not know («potra») or another
    word («e»)."""
    w = fold(word).rstrip(".")
    n = number_value(w)
    if n is not None:
        return n
    from .lemmas import lemmatize

    written = word.lower().rstrip(".")
    if written != w:
        got = lemmatize(written, "it").lower()
        if got != written:
            return fold(got)
    return lemmatize(w, "it").lower()


# Past participle endings and the infinitive ending of their conjugation (regular verbs).
_PARTICIPLES = (("ato", "are"), ("ata", "are"), ("ati", "are"), ("ate", "are"), ("uto", "ere"), ("uta", "ere"),
                ("uti", "ere"), ("ute", "ere"), ("ito", "ire"), ("ita", "ire"), ("iti", "ire"), ("ite", "ire"))


def verb_lemmas(word: str) -> frozenset[str]:
    """The lemma of ``word`` and, for a regular past participle (which the lemmatiser may give as an
    adjective: "rifiutata" → "rifiutato"), its infinitive ("rifiutare")."""
    base = lemma(word)
    out = {base}
    for form in (word.lower(), base):
        for end, inf in _PARTICIPLES:
            if form.endswith(end) and len(form) > len(end) + 2:
                out.add(form[: -len(end)] + inf)
    return frozenset(out)


# The absolute superlative: "bellissimo" is "bello" at its highest, "ricchissime" is "ricco", "grandissimo"
# is "grande" (Serianni, Grammatica italiana, V.64). Dictionaries list the base adjective only.
_SUPERLATIVE = re.compile(r"(\w{3,}?)issim[oaie]")


def superlative_bases(word: str) -> tuple[str, ...]:
    """The adjectives an absolute superlative can come from, most likely first (``()`` for any other
    word): both the "-o" and the "-e" class, and "ricchissimo" → "ricco" (the "h" only keeps the
    sound). The caller keeps the one its dictionary knows."""
    m = _SUPERLATIVE.fullmatch(fold(word))
    if m is None:
        return ()
    stem = m.group(1)
    if stem.endswith(("ch", "gh")):
        return (stem[:-1] + "o", stem[:-1] + "a")
    return (stem + "o", stem + "e")


@lru_cache(maxsize=65536)
def is_content(word: str) -> bool:
    """A word the aligner matches: not a stop word, not an elided article ("dall’"), not one letter
    (memoised: every Italian word of every region is asked)."""
    w = fold(word)
    if w.endswith("'"):
        return False
    return any(c.isalnum() for c in w) and w not in STOP_WORDS and len(w) > 1
