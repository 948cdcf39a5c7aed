"""Does the Italian support an English reading? Lexicon evidence for the checks.

A source ↔ back-translation difference is only a symptom: opus-mt back-translations paraphrase and
make their own mistakes on correct Italian. Before a check blames the translator it asks the
Italian itself, through the MultiWordNet lexicon (:mod:`backcheck.knowledge.lexicon`): can any Italian
word (or two- and three-word phrase) of the aligned region translate the source word?

:meth:`ItalianRegion.supports` answers ``True`` (a translation, the same word or a cognate is
there), ``False`` (the lexicon knows the English word and none of its translations is there) or
``None`` (the lexicon does not know the word: no evidence either way).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from ..lang import common_prefix, fold
from ..lang.en import lemma as en_lemma
from ..lang.it import is_content as is_it_content
from ..lang.it import lemma as it_lemma
from ..lang.it import superlative_bases
from .lexicon import NO_LEXICON_ENV, Lexicon, load_lexicon

_IT_TOKEN = re.compile(r"\w+", re.UNICODE)
# Italian and English words this similar (Jaro–Winkler on folded forms) are cognates.
COGNATE = 0.88
# A lexicon translation and an Italian lemma sharing this much of a long prefix are one stem
# ("elezione" / "elettorale" are not; "responsabile" / "responsabilità" are).
STEM_SHARE = 0.8
STEM_MIN = 6

_LEXICON: list[Lexicon | None] = []


def lexicon() -> Lexicon | None:
    """The process-wide lexicon (loaded once; ``None`` when MultiWordNet is unavailable or switched off
    with ``BACKCHECK_NO_LEXICON=1``)."""
    if os.environ.get(NO_LEXICON_ENV):
        return None
    if not _LEXICON:
        _LEXICON.append(load_lexicon())
    return _LEXICON[0]


def lexicon_signature() -> str:
    lex = lexicon()
    return lex.signature if lex is not None else "none"


# How many of a word's senses in a part of speech may lend it their broader word's Italian: the index's
# first five. A bound more than a choice of the common senses: MultiWordNet's index often keeps WordNet's
# most-frequent-first order but not always ("bank" lists the piggy bank first). Without a bound a
# word with dozens of senses gains dozens of broad Italian words (over two wmt25-dev sources, 255 of 501
# words gained some); with three, newssyscomb regains a false alarm; with five, the six shared sets give
# the findings every sense gives.
COMMON_SENSES = 5


def _stem_match(a: str, b: str) -> bool:
    n = common_prefix(a, b)
    return n >= STEM_MIN and n >= STEM_SHARE * min(len(a), len(b))


class ItalianRegion:
    """The Italian words of one aligned region, indexed for translation look-ups."""

    def __init__(self, text: str, lex: Lexicon | None = None) -> None:
        self.lex = lex if lex is not None else lexicon()
        toks = [m.group(0) for m in _IT_TOKEN.finditer(text)]
        low = [t.lower() for t in toks]
        lemma_of = [it_lemma(t) for t in toks]
        self.content = [t for t in toks if is_it_content(t)]
        self.forms: set[str] = {fold(t) for t in toks} | set(low)
        self.lemmas: set[str] = {lem for t, lem in zip(toks, lemma_of, strict=True) if is_it_content(t)}
        grams = set()
        for n in (2, 3):
            for k in range(len(toks) - n + 1):
                grams.add(" ".join(low[k:k + n]))
                grams.add(" ".join(low[k:k + n - 1] + [lemma_of[k + n - 1]]))
        self.grams = grams
        # the lemmas by their first STEM_MIN letters: only those can share a stem with a word
        self._stems: dict[str, list[str]] = {}
        for lem in self.lemmas:
            if len(lem) >= STEM_MIN:
                self._stems.setdefault(lem[:STEM_MIN], []).append(lem)

    def _has(self, it_words: frozenset[str]) -> bool:
        if not it_words:
            return False
        if it_words & self.lemmas or it_words & self.forms or it_words & self.grams:
            return True
        return any(_stem_match(w, lem) for w in it_words if " " not in w
                   for lem in self._stems.get(w[:STEM_MIN], ()))

    def supports(self, word: str) -> bool | None:
        """Whether some Italian word here can translate the English ``word`` (see module doc)."""
        f = fold(word)
        if f in self.forms:
            return True
        # a look-alike supports a name, or a word the lexicon cannot judge; otherwise it may well be
        # a false friend (an Italian look-alike that means something else)
        if any(len(f) >= 5 and JaroWinkler.similarity(f, fold(t)) >= COGNATE
               and (word[:1].isupper() or self.lex is None or not self.lex.known_it(it_lemma(t)))
               for t in self.content):
            return True
        if self.lex is None:
            return None
        lemma = en_lemma(word)
        cands = translations(self.lex, lemma) | translations(self.lex, f)
        if not cands:
            return None
        return self._has(cands)


@lru_cache(maxsize=2048)
def _region(text: str, lex: Lexicon) -> ItalianRegion:
    return ItalianRegion(text, lex)


def region(text: str, lex: Lexicon | None) -> ItalianRegion:
    """The :class:`ItalianRegion` of ``text``, shared by the checks that read the same unit (it is never
    changed once built); built afresh without a lexicon (which one applies then is read each time)."""
    return _region(text, lex) if lex is not None else ItalianRegion(text, lex)


@lru_cache(maxsize=100_000)
def translations(lex: Lexicon, en_word: str) -> frozenset[str]:
    """Italian lemmas that can translate ``en_word``: :meth:`~.lexicon.Lexicon.it_for_en`, and for each
    sense that MultiWordNet gives no Italian lemma, those of its direct hypernyms (a noun or verb) or of the
    head adjective it is similar to (an adjective satellite), as a translator renders such a sense by the
    broader word ("capsize" by «capovolgersi», overturn). A hypernym at the top of its hierarchy ("change",
    "be") is too broad to render anything, and at most :data:`COMMON_SENSES` senses of a part of speech
    stand in so ("take" has 41 verb senses; through one of them, "be seized in a specified way", any
    «diventare» would support it)."""
    out = set(lex.it_for_en(en_word))
    common = [sid for pos in "nvar" for sid in lex.senses(en_word, "english", pos)[:COMMON_SENSES]]
    for sid in common:
        if lex.lemmas(sid, "italian"):
            continue
        for kind, target in lex.related(sid):
            if (kind == "@" and any(k == "@" for k, _ in lex.related(target))) or kind == "&":
                out.update(lex.lemmas(target, "italian"))
    return frozenset(out)


def italian_meanings(it_word: str, lex: Lexicon | None = None) -> frozenset[str]:
    """English lemmas an Italian word can mean: its lemma's and its surface form's."""
    lex = lex if lex is not None else lexicon()
    if lex is None:
        return frozenset()
    out = lex.en_for_it(it_lemma(it_word)) | lex.en_for_it(fold(it_word))
    # "bellissimo" means what "bello" means, at its highest
    base = next((m for b in superlative_bases(it_word) if (m := lex.en_for_it(b))), frozenset())
    return out | base
