"""Which Italian lemmas render an English word *in this sentence*: MultiWordNet senses ranked in context.

For the English word (or a multiword lemma such as "play down") in its part of speech — read from the
spaCy parse of the sentence — each WordNet sense gets a weight from three signals, then each Italian
lemma the sum of the weights of the senses it renders:

- **sense order**: MultiWordNet's index order (weight ``1 / (rank + 1)``). WordNet lists senses most
  frequent first; the index often keeps that order but not always ("bank" starts with the piggy bank).
  Measured: a uniform weight instead changes three of planted-dev's fixes, two for the worse ("probably"
  as «plausibilmente» instead of «probabilmente»);
- **the sentence**: a simplified Lesk (Lesk 1986) — the sense's definition and synonyms embedded with
  the sentence (all-MiniLM-L6-v2), plus the sense's words and definition words that the sentence's
  other content words share, and the synsets the sense shares with its neighbours' senses (their own
  synsets and hypernyms, one step up);
- **the article**: nothing here; :mod:`.renderings` adds Italian frequency (wordfreq) and the article's
  own vocabulary when it orders the lemmas.

Senses that the flagged Italian word itself renders are the reading the article chose and are set
aside: a fix must render another sense. A sense with no Italian lemma keeps its weight, so a word whose
likely sense MultiWordNet cannot render yields low confidence and no fix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .lexicon import Lexicon

# spaCy coarse tags → WordNet parts of speech.
WN_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
# How strongly the sentence's similarity to a sense's definition reweights the sense order.
CONTEXT_WEIGHT = 12.0
# Each overlap between a sense and the sentence's other words multiplies its weight by 1 + this.
OVERLAP_WEIGHT = 0.5
_WORD = re.compile(r"[a-z]+")
_GLOSS_STOP = frozenset("a an the of or and to in on for by with as from that which who is are be being been "
                        "its it this their his her something someone especially usually often".split())


@dataclass(frozen=True)
class Sense:
    synset: str
    rank: int
    weight: float
    italian: tuple[str, ...]


def head_token(doc: Any, start: int, end: int) -> Any | None:
    """The syntactic head of the tokens in ``[start, end)`` of a parsed sentence (its content words)."""
    toks = [t for t in doc if t.idx < end and start < t.idx + len(t.text) and not t.is_punct]
    content = [t for t in toks if t.pos_ in WN_POS] or toks
    if not content:
        return None
    inside = {t.i for t in content}
    heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    return (heads or content)[0]


def wn_pos(token: Any) -> str | None:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        return "v"
    return WN_POS.get(token.pos_)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _GLOSS_STOP and len(w) > 2}


def _neighbourhood(lex: Lexicon, lemmas: list[str]) -> set[str]:
    """The synsets of the sentence's other content words and their direct hypernyms."""
    out: set[str] = set()
    for lemma in lemmas:
        for sid in lex.senses(lemma)[:4]:
            out.add(sid)
            out.update(t for kind, t in lex.related(sid) if kind == "@")
    return out


def rank_senses(lex: Lexicon, lemma: str, pos: str, sentence: str, neighbours: list[str],
                embeddings: Any = None) -> list[Sense]:
    """The senses of English ``lemma`` in part of speech ``pos``, each with its weight in ``sentence``
    (weights sum to 1; see module doc). ``neighbours``: the sentence's other content lemmas."""
    synsets = lex.senses(lemma, "english", pos)
    if not synsets:
        return []
    glosses = [lex.gloss(s) for s in synsets]
    # the word itself is left out of what is embedded: a definition that repeats it ("in agreement or
    # consistent") would match any sentence using the word, whatever the sense
    described = [re.sub(rf"\b{re.escape(lemma)}\w*", "", f"{', '.join(lex.lemmas(s, 'english')[:4])}: {g}",
                        flags=re.IGNORECASE) for s, g in zip(synsets, glosses, strict=True)]
    sims: list[float | None] = [None] * len(synsets)
    if embeddings is not None and len(synsets) > 1:
        sims = embeddings.phrase_similarity([(sentence, d) for d in described])
    near = _neighbourhood(lex, neighbours)
    context = set(neighbours) | _words(sentence)
    raw = []
    for rank, (sid, text) in enumerate(zip(synsets, described, strict=True)):
        weight = 1.0 / (rank + 1)
        sim = sims[rank]
        if sim is not None:
            weight *= math.exp(CONTEXT_WEIGHT * (sim - max(s for s in sims if s is not None)))
        related = {sid} | {t for kind, t in lex.related(sid) if kind in "@&$"}
        overlap = len(related & near) + len((_words(text) - {lemma}) & context)
        weight *= 1 + OVERLAP_WEIGHT * min(overlap, 4)
        raw.append((sid, rank, weight))
    total = sum(w for _, _, w in raw) or 1.0
    return [Sense(sid, rank, w / total, lex.lemmas(sid, "italian")) for sid, rank, w in raw]


def lemma_weights(senses: list[Sense], article_reading: set[str]) -> tuple[dict[str, float], float]:
    """Each Italian lemma's share of the sense weight once the senses the article's own word renders
    (``article_reading``: its lemmas) are set aside, and the weight set aside. A lemma of several
    senses gets their sum."""
    kept = [s for s in senses if not (set(s.italian) & article_reading)]
    set_aside = sum(s.weight for s in senses) - sum(s.weight for s in kept)
    total = sum(s.weight for s in kept)
    out: dict[str, float] = {}
    if total <= 0:
        return out, set_aside
    for s in kept:
        for it in s.italian:
            out[it] = out.get(it, 0.0) + s.weight / total
    return out, set_aside
