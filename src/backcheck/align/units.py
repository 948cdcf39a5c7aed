"""Step 1: place every English source unit on a window of 1–3 back-translation segments (or, without a
back-translation, on an Italian sentence by shared anchors)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from ..lang import CALENDAR_WORDS, fold, words
from ..lang.en import canonical
from ..lang.it import elided_tail
from ..lang.quantities import extract
from ..text.beads import best_beads
from ..text.document import Article, Sentence, source_units
from ..translate.base import SegmentTranslation, Translation
from .tokens import Word, en_words, it_words

# A source unit is placed when its best window scores at least this (0..1).
MATCH_THRESHOLD = 0.35
# Weight of the embedding cosine in the placement score (the rest is content-lemma overlap).
EMBED_WEIGHT = 0.6
# Cosine of averaged token vectors that unrelated sentences reach; rescaled to 0.
STATIC_FLOOR = 0.3
# Each extra segment in a window costs this much score.
WIDER_PENALTY = 0.04
MAX_WINDOW = 3
# A pair of source units placed on one window (two sentences the translation joined) costs its best
# member's fit less this share of the other member's, so that a unit joins the window it fits better.
PAIR_TIE_BREAK = 0.01
# What leaving a unit out costs the monotone alignment: a bead must fit better than this to be worth it.
SKIP_COST = MATCH_THRESHOLD * 0.5
# In a whole article, a unit the monotone alignment places on a window of its own between two placed
# neighbours is placed when it scores at least this: the story's order puts it there, and a sentence
# the translation rewrote is compared word by word, not dropped as an omission (the bead's break-even).
BETWEEN_THRESHOLD = SKIP_COST
# A unit placed by anchors alone needs an anchor score of at least this much (see anchor_score).
MIN_ANCHOR_SCORE = 2
# Sources with at least this many units and this share of the back-translation's words are a whole
# article (aligned monotonically); anything shorter is a set of snippets (placed independently).
WHOLE_ARTICLE_MIN_UNITS = 2
WHOLE_ARTICLE_RATIO = 0.75
# A source whose placed units score a median below this is not the article's: unrelated sentences
# clear MATCH_THRESHOLD by chance and place at 0.35-0.5 (246 placements of 144 article/source pairs
# deliberately mismatched across the shared sets: 95th percentile 0.47, median per pair at most 0.50),
# while the sentences of an article's own source score a median of 0.56 or more in every one of 53
# documents with a back-translation (most 0.7-0.8).
SOURCE_MATCH_MEDIAN = 0.5


@dataclass
class SourceMatch:
    """One English source unit and where it lands.

    ``segments`` index ``Translation.segments`` (empty when there is no back-translation);
    ``it_start``/``it_end`` are article offsets of the Italian region it covers; ``bt`` is the
    matched back-translation text ("" without one); ``score`` in [0, 1].
    """

    source_index: int
    source: str
    segments: list[int]
    it_start: int
    it_end: int
    bt: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "source_index": self.source_index, "source": self.source, "segments": self.segments,
            "it_start": self.it_start, "it_end": self.it_end, "bt": self.bt, "score": round(self.score, 3),
        }


@dataclass
class Alignment:
    units: list[str] = field(default_factory=list)
    matches: list[SourceMatch] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)
    whole_article: bool = False

    def covering(self, start: int, end: int) -> list[SourceMatch]:
        """Matches whose Italian region overlaps ``[start, end)``."""
        return [m for m in self.matches if m.it_start < end and start < m.it_end]

    def sources_for(self, start: int, end: int) -> list[str]:
        """The source units that translate ``article.text[start:end]`` ([] when none is placed there)."""
        return [m.source for m in self.covering(start, end)]

    def mismatch(self) -> str | None:
        """Why the source is not the article's (none of its units placed, or the placed ones only as
        unrelated sentences place: :data:`SOURCE_MATCH_MEDIAN`), else ``None``. One unit says nothing:
        the translation may have left a single snippet out."""
        if len(self.units) < 2:
            return None
        if not self.matches:
            return f"none of the source's {len(self.units)} sentences is found in the back-translation"
        median = statistics.median(m.score for m in self.matches)
        if median >= SOURCE_MATCH_MEDIAN:
            return None
        return (f"the source's sentences match the back-translation only as closely as unrelated text does "
                f"({len(self.matches)} of {len(self.units)} placed, at a median similarity of {median:.2f}; an "
                f"article's own source reaches {SOURCE_MATCH_MEDIAN} or more)")



def _content_set(words: list[Word]) -> set[str]:
    """Content lemmas of a text, paraphrase-set members folded onto one key."""
    return {canonical(w.norm) for w in words if w.content}


def lexical_similarity(unit: set[str], window: set[str]) -> float:
    """Recall-weighted overlap of content lemmas (0..1): set operations, no word-pair loops."""
    if not unit or not window:
        return 0.0
    hit = len(unit & window)
    return 0.75 * hit / len(unit) + 0.25 * hit / len(window)


def _window_text(segs: list[SegmentTranslation], a: int, b: int) -> str:
    return " ".join(s.en for s in segs[a:b])


def _windows(n_seg: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(n_seg) for b in range(a + 1, min(a + MAX_WINDOW, n_seg) + 1)]


def similarity_matrix(units: list[str], segs: list[SegmentTranslation], *, fast: bool = False
                      ) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """Windows of 1–``MAX_WINDOW`` segments and the similarity of every unit to every window.

    One vector per unit and per segment from all-MiniLM-L6-v2 (when installed); a window's vector is
    the normalised sum of its segments'. ``fast`` uses the model's averaged token embeddings instead
    of the full model (~20 ms a sentence on 2 cores): a whole English article, whose monotonic
    alignment needs less help, is placed that way. The score mixes the cosine with content-lemma
    overlap, which keeps numbers and names decisive; without the model it is the overlap alone.
    """
    from ..knowledge import embeddings as semantic

    wins = _windows(len(segs))
    unit_sets = [_content_set(en_words(u)) for u in units]
    seg_sets = [_content_set(en_words(s.en, k)) for k, s in enumerate(segs)]
    win_sets = [set().union(*seg_sets[a:b]) for a, b in wins]
    texts = list(units) + [s.en for s in segs]
    emb = semantic.embed_static(texts) if fast else semantic.embed(texts)
    lex = [[lexical_similarity(u, w) for w in win_sets] for u in unit_sets]
    if emb is None:
        return wins, lex
    import numpy as np

    ue, se = emb[:len(units)], emb[len(units):]
    cums = np.concatenate([np.zeros((1, se.shape[1]), dtype=se.dtype), se.cumsum(0)])
    we = np.stack([cums[b] - cums[a] for a, b in wins])
    we = we / np.maximum(np.linalg.norm(we, axis=-1, keepdims=True), 1e-12)
    # unrelated sentences still score ~0.3 with averaged token vectors: rescale that floor to 0
    floor = STATIC_FLOOR if fast else 0.0
    cos = np.maximum((ue @ we.T - floor) / (1 - floor), 0).tolist()
    return wins, [[EMBED_WEIGHT * c + (1 - EMBED_WEIGHT) * x for c, x in zip(crow, lrow, strict=True)]
                  for crow, lrow in zip(cos, lex, strict=True)]


def align_sources(article: Article, sources: list[str], translation: Translation,
                  furniture: frozenset[int] = frozenset(), *, whole: bool | None = None) -> Alignment:
    """Place every source unit on the back-translation (see module docstring). ``furniture``: the
    paragraphs that are scraped page furniture, which do not count towards the story's length when
    telling a whole source from snippets. ``whole``: the user says what the source is (``None``: told
    from its length)."""
    units = source_units(sources)
    segs = translation.segments
    aln = Alignment(units=units)
    if not units or not segs:
        aln.unmatched = list(range(len(units)))
        return aln
    n_src = sum(len(u.split()) for u in units)
    n_bt = sum(len(s.en.split()) for s in segs if _paragraph(article, s.start) not in furniture)
    if whole is None:
        whole = len(units) >= WHOLE_ARTICLE_MIN_UNITS and n_src >= WHOLE_ARTICLE_RATIO * n_bt
    aln.whole_article = whole
    wins, sim = similarity_matrix(units, segs, fast=whole)
    index = {w: k for k, w in enumerate(wins)}
    placed: list[tuple[int, int, int, float]] = []
    if whole:
        placed = _monotonic(len(units), len(segs), lambda i, a, b: sim[i][index[(a, b)]])
    else:
        for i, row in enumerate(sim):
            # a wider window must earn its extra segments
            k = max(range(len(wins)), key=lambda k: row[k] - WIDER_PENALTY * (wins[k][1] - wins[k][0] - 1))
            placed.append((i, wins[k][0], wins[k][1], row[k]))
    between = _between(placed) if whole else set()
    done = set()
    for i, a, b, s in placed:
        if s < MATCH_THRESHOLD and i not in between:
            continue
        done.add(i)
        aln.matches.append(SourceMatch(i, units[i], list(range(a, b)), segs[a].start, segs[b - 1].end,
                                       _window_text(segs, a, b), s))
    aln.unmatched = [i for i in range(len(units)) if i not in done]
    return aln


def _paragraph(article: Article, offset: int) -> int | None:
    sent = article.sentence_at(offset)
    return sent.paragraph if sent is not None else None


def _between(placed: list[tuple[int, int, int, float]]) -> set[int]:
    """The units of ``placed`` (monotone) below :data:`MATCH_THRESHOLD` but at least
    :data:`BETWEEN_THRESHOLD`, on a window no other unit shares, whose previous and next units are placed."""
    good = {i for i, _, _, s in placed if s >= MATCH_THRESHOLD}
    return {i for i, a, b, s in placed
            if BETWEEN_THRESHOLD <= s < MATCH_THRESHOLD and i - 1 in good and i + 1 in good
            and not any(j != i and a2 < b and a < b2 for j, a2, b2, _ in placed)}


def _monotonic(n_src: int, n_seg: int, score) -> list[tuple[int, int, int, float]]:  # type: ignore[no-untyped-def]
    """Monotonic alignment of source units to segments: 1–1, 1–2, 2–1 and skips (Gale–Church style)."""
    skip = SKIP_COST
    moves = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (1, 3)]

    def cost(i: int, ni: int, j: int, nj: int) -> float:
        if i == ni:
            return 0.0
        if j == nj:
            return skip
        # a pair of source units scores as their best member against the window; its other member's
        # fit breaks the tie between the two pairs a unit could join (the sentence before, or after)
        fits = [score(k, j, nj) for k in range(i, ni)]
        return -(max(fits) - skip) - (PAIR_TIE_BREAK * min(fits) if len(fits) > 1 else 0.0)

    out: list[tuple[int, int, int, float]] = []
    for i, ni, j, nj in best_beads(n_src, n_seg, moves, cost):
        if ni > i and nj > j:
            out.extend((k, j, nj, score(k, j, nj)) for k in range(i, ni))
    out.sort()
    return out


def align_sources_without_bt(article: Article, sources: list[str]) -> Alignment:
    """Place source units on Italian sentences without a back-translation, by shared words (identical
    or cognate); a unit that shares too few words goes where it shares the most numbers and names
    (:func:`anchor_score`), when one sentence clearly does. Used by the checks that compare numbers,
    names and terms with the source."""
    units = source_units(sources)
    sents = article.sentences
    aln = Alignment(units=units)
    it_sets = [{w.norm for w in it_words(s.text) if w.content} for s in sents]
    for i, u in enumerate(units):
        uw = {fold(w.text) for w in en_words(u) if w.content}
        best, best_k = 0.0, -1
        for k, iset in enumerate(it_sets):
            hits = sum(1 for e in uw if any(e == x or (len(e) >= 4 and JaroWinkler.similarity(e, x) >= 0.88)
                                            for x in iset))
            s = hits / max(1, len(uw))
            if s > best:
                best, best_k = s, k
        if best_k < 0 or best < 0.25:
            best_k, best = _by_anchors(u, sents)
        if best_k >= 0:
            sent = sents[best_k]
            aln.matches.append(SourceMatch(i, u, [], sent.start, sent.end, "", best))
        else:
            aln.unmatched.append(i)
    return aln


def _by_anchors(unit: str, sents: list[Sentence]) -> tuple[int, float]:
    """(index, score in 0..1) of the one sentence sharing the most anchors with ``unit``, or (-1, 0)
    when none reaches :data:`MIN_ANCHOR_SCORE` or two tie."""
    scored = sorted(((anchor_score(s.text, unit), k) for k, s in enumerate(sents)), reverse=True)
    if not scored or scored[0][0] < MIN_ANCHOR_SCORE or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return -1, 0.0
    return scored[0][1], min(1.0, scored[0][0] / (2 * MIN_ANCHOR_SCORE))


def _anchor_keys(text: str, lang: str) -> tuple[set[tuple[object, ...]], set[str]]:
    """(number keys, lower-cased names) of ``text``."""
    nums: set[tuple[object, ...]] = set()
    for q in extract(text, lang):
        nums.add(("v", round(q.value, 4)))
        if q.kind == "date":
            nums.add(("d", q.month, round(q.value)))
            nums.add(("k", "month", q.month))
        elif q.kind in ("percent", "amount"):
            nums.add(("k", q.kind, q.currency))
    names = set()
    for i, w in enumerate(words(text)):
        tail = elided_tail(w.text)
        if tail[:1].isupper() and len(tail) >= 3 and tail.lower() not in CALENDAR_WORDS and (i > 0 or w.is_acronym):
            names.add(tail.lower().removesuffix("'s").removesuffix("’s"))
    return nums, names


def anchor_score(it_text: str, en_text: str) -> int:
    """Anchors an Italian and an English text share: a number counts 2; a name, and a kind of quantity
    (a percentage, an amount in one currency, a date in one month), 1 each."""
    it_nums, it_names = _anchor_keys(it_text, "it")
    en_nums, en_names = _anchor_keys(en_text, "en")
    shared = it_nums & en_nums
    values = sum(1 for n in shared if n[0] == "v")
    kinds = sum(1 for n in shared if n[0] == "k")
    return 2 * values + kinds + len(it_names & en_names)
