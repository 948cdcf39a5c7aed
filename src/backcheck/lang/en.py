"""English: function and stop words, calendar names (CLDR through Babel), lemmas (simplemma) with
spelled-out numbers as digits (text2num), paraphrase sets and Italian anchor words."""

from __future__ import annotations

import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path

from .calendar import month_abbreviations, month_names, weekday_names
from .datafiles import entries
from .datafiles import word_set as _data
from .numbers import number_value
from .tokens import fold


@cache
def spacy_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop list of ``lang`` (``spacy/lang/<lang>/stop_words.py``, a plain Python file), read
    without importing spaCy: the package import takes over a second the CLI does not need."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("backcheck needs spaCy's stop lists: pip install 'spacy>=3.7,<3.9'")
    path = Path(spec.submodule_search_locations[0]) / "lang" / lang / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"_backcheck_spacy_stop_words_{lang}", path)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"spaCy's stop list is missing: {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


# Function words (articles, prepositions, pronouns, auxiliaries, conjunctions, common adverbs): spaCy's
# English stop list.
FUNCTION_WORDS = spacy_stop_words("en")
# What the aligner skips as non-content: a narrower hand list (reporting verbs included: "said",
# "told"), since spaCy's list holds words whose match matters ("first", "against", "call").
STOP_WORDS = _data("stopwords.tsv", "en", "align")

MONTHS = month_names("en")
MONTH_ABBREVIATIONS = month_abbreviations("en")
WEEKDAYS = weekday_names("en")

# Paraphrase sets: a back-translation using one member where the source has another is not an error.
PARAPHRASES: tuple[frozenset[str], ...] = tuple(
    frozenset(e.split("|")) for e in entries("paraphrases.tsv", "en", "paraphrase")
)
_PARA_INDEX = {w: i for i, group in enumerate(PARAPHRASES) for w in group}
# English function words with an obvious Italian counterpart, used as alignment anchors.
ANCHORS: dict[str, tuple[str, ...]] = {
    e.split("|")[0]: tuple(e.split("|")[1:]) for e in entries("paraphrases.tsv", "en-it", "anchor")
}


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lemma of an English word (lower case), numbers as digits, possessives stripped."""
    w = fold(word).rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    n = number_value(w)
    if n is not None:
        return n
    from .lemmas import lemmatize

    return lemmatize(w, "en").lower()


def is_content(word: str) -> bool:
    """A word the aligner matches: has a letter or digit and is not a stop word."""
    w = fold(word).rstrip(".")
    return any(c.isalnum() for c in w) and w not in STOP_WORDS


def paraphrase(a: str, b: str) -> bool:
    """True when lemmas ``a`` and ``b`` are in one paraphrase set."""
    ia, ib = _PARA_INDEX.get(a), _PARA_INDEX.get(b)
    return ia is not None and ia == ib


# The contracted negator, either apostrophe ("didn't", "won’t").
CONTRACTED_NOT = re.compile(r"n[’']t\b", re.IGNORECASE)


def negator(word: str) -> bool:
    """An English word that negates: a negative particle of data/polarity.tsv ("not", "never", "no") or a
    contraction with "n't"."""
    return fold(word) in _data("polarity.tsv", "en", "particle") or CONTRACTED_NOT.search(word) is not None


@cache
def _converse_pairs() -> frozenset[tuple[str, str]]:
    pairs = [tuple(e.split("|")) for e in entries("converses.tsv", "en", "converse")]
    return frozenset(p for a, b in pairs for p in ((a, b), (b, a)))


def converse(a: str, b: str) -> bool:
    """True when lemmas ``a`` and ``b`` name one relation from its two ends ("lend" / "borrow",
    ``data/converses.tsv``): never the same meaning, whatever sense a dictionary shares between them."""
    return (a, b) in _converse_pairs()


def canonical(lemma: str) -> str:
    """One key per paraphrase set (the lemma itself when it is in none)."""
    i = _PARA_INDEX.get(lemma)
    return f"~{i}" if i is not None else lemma


def demonym_match(a: str, b: str) -> bool:
    """"Russia"~"Russian", "Ukraine"~"Ukrainian", "Syria"~"Syrian": a place and its adjective."""
    if len(a) < 4 or len(b) < 4 or a[:4] != b[:4]:  # the common prefix must be 4 letters or more
        return False
    from .tokens import common_prefix

    short, long_ = sorted((a, b), key=len)
    common = common_prefix(short, long_)
    return common >= max(4, len(short) - 1) and long_[common:] in {"n", "an", "ian", "ese", "ish", "i", "ean"}


def denominal_bases(word: str) -> tuple[str, ...]:
    """The nouns an adjective of material or quality can be made from: "wooden" → "wood", "woollen"
    → "wool", "rainy" → "rain", "sunny" → "sun" (``()`` for other words). Italian often says these as
    the noun ("di legno", «giornata di pioggia»), so a dictionary without the adjective still knows the
    noun."""
    w = fold(word)
    out: list[str] = []
    for suffix in ("en", "y"):
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3:
            out.append(stem)
            if len(stem) >= 4 and stem[-1] == stem[-2]:  # "sunny", "woollen": the doubled consonant
                out.append(stem[:-1])
    return tuple(out)
