"""Which sense of an English word a sentence uses, between the senses two Italian renderings translate.

A simplified Lesk (Lesk 1986) with sentence embeddings: each sense's WordNet definition
(:meth:`~.lexicon.Lexicon.gloss`) is embedded with the sentence, and the closer definition wins.
It answers one question for the sense-aware term checks: does the source use "arms" in the sense
«armi» translates (weapons) or the one «braccia» does (limbs)? ``None`` when it cannot tell (a
rendering the lexicon does not link to the word, no definitions, no embedding model, or a tie). When the
lexicon links only the other rendering to the word, the senses it does not translate stand for the meant one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lang.en import lemma as en_lemma
from ..lang.it import lemma as it_lemma

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Below this margin between the two senses' similarities the sentence does not choose.
MARGIN = 0.02


def _senses(lex: Lexicon, word: str, renderings: tuple[str, ...]) -> list[str]:
    """Synsets of English ``word`` that have one of the Italian ``renderings`` (lemmatised, first word
    of a phrase) among their lemmas."""
    wanted = {it_lemma(r.split()[0]) for r in renderings} | {r.lower() for r in renderings}
    out = []
    for sid in lex.senses(en_lemma(word)) or lex.senses(word.lower()):
        if wanted & set(lex.lemmas(sid, "italian")):
            out.append(sid)
    return out


def uses_sense(lex: Lexicon | None, embeddings: Any, word: str, sentence: str, meant: tuple[str, ...],
               other: tuple[str, ...]) -> bool | None:
    """Whether ``sentence`` uses ``word`` in a sense translated by one of ``meant`` rather than by one of
    ``other`` (``None``: cannot tell, see module doc)."""
    if lex is None or embeddings is None:
        return None
    a, b = _senses(lex, word, meant), _senses(lex, word, other)
    a, b = [s for s in a if s not in b], [s for s in b if s not in a]
    if b and not a:
        # the lexicon renders none of the word's senses by ``meant`` (the electoral "landslide" has no
        # «vittoria schiacciante»): the senses ``other`` does not translate are the ones meant
        a = [s for s in (lex.senses(en_lemma(word)) or lex.senses(word.lower())) if s not in b]
    if not a or not b:
        return None
    glosses = [lex.gloss(s) for s in a + b]
    if not all(glosses):
        return None
    sims = embeddings.phrase_similarity([(sentence, g) for g in glosses])
    if any(s is None for s in sims):
        return None
    best_a, best_b = max(sims[:len(a)]), max(sims[len(a):])
    if abs(best_a - best_b) < MARGIN:
        return None
    return bool(best_a > best_b)
