"""Step 3: map back-translation words onto the Italian characters they came from, through the engine's
cross-attention alignment when there is one, else through anchors (identical tokens, numbers, cognates,
dictionary pairs) and relative position inside the segment."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rapidfuzz.distance import JaroWinkler

from ..lang import fold
from ..lang.en import ANCHORS as EN_IT_FUNCTION
from ..lang.en import denominal_bases
from ..lang.en import lemma as en_lemma
from ..translate.base import SegmentTranslation, Translation
from .tokens import Word, en_words, it_words

COGNATE_SIMILARITY = 0.80
# How far (in Italian words) a word whose English neighbour is anchored may sit from that neighbour's
# Italian when Italian reorders the two: a noun and its modifier with a preposition between them.
REORDER_REACH = 2


def project(words: list[Word], translation: Translation) -> list[tuple[int, int]]:
    """Article character spans of the Italian words that back-translation ``words`` came from."""
    by_seg: dict[int, list[Word]] = {}
    for w in words:
        by_seg.setdefault(w.seg, []).append(w)
    spans: list[tuple[int, int]] = []
    for k, ws in by_seg.items():
        seg = translation.segments[k]
        local = project_attention(ws, seg) if seg.alignment else None
        if not local:
            local = _project_anchors(ws, seg)
        spans.extend((seg.start + a, seg.start + b) for a, b in local)
    return _merge(spans)


def italian_words_for(word: str, itw: list[Word], lex: Any, translation: Translation | None, segments: list[int],
                      offset: int, skip: frozenset[str] = frozenset()) -> list[int]:
    """Indices into ``itw`` (an Italian region starting at article offset ``offset``) of the Italian for
    English ``word``: the first word (whose lemma is not in ``skip``) MultiWordNet gives as a translation
    of it, or that is the word itself; else what the back-translation's word of that lemma projects onto
    (:func:`italian_words_under`); ``[]`` when neither."""
    lemma = en_lemma(word)
    cands = (lex.it_for_en(lemma) | lex.it_for_en(word.lower())) if lex is not None else frozenset()
    for k, w in enumerate(itw):
        if w.norm not in skip and (w.norm in cands or fold(w.text) in cands or fold(w.text) == fold(word)):
            return [k]
    return italian_words_under(translation, segments, lemma, itw, offset) if translation is not None else []


def words_under(words: list[Word], translation: Translation, itw: list[Word], offset: int) -> list[int]:
    """Indices into ``itw`` (the words of an Italian region starting at article offset ``offset``) that
    the back-translation ``words`` project onto (:func:`project`), in the order of the projected spans."""
    return [k for a, b in project(words, translation)
            for k, iw in enumerate(itw) if offset + iw.start < b and a < offset + iw.end]


def italian_words_under(translation: Translation, segments: list[int], lemma: str, itw: list[Word],
                        offset: int) -> list[int]:
    """Indices into ``itw`` (the words of an Italian region starting at article offset ``offset``)
    under the first back-translation word of ``segments`` with ``lemma`` that projects onto them."""
    for seg in segments:
        for w in en_words(translation.segments[seg].en, seg):
            if w.norm == lemma and (hits := words_under([w], translation, itw, offset)):
                return hits
    return []


def project_attention(ws: list[Word], seg: SegmentTranslation) -> list[tuple[int, int]]:
    """Spans of ``seg.it`` under the English words ``ws`` (offsets into ``seg.en``), through the
    segment's cross-attention alignment; words at most two function words apart are joined."""
    assert seg.alignment is not None
    itw = it_words(seg.it)
    hit: set[int] = set()
    for w in ws:
        for j, tok in enumerate(seg.en_tokens):
            if tok.start < w.end and w.start < tok.end and j < len(seg.alignment):
                t = seg.it_tokens[seg.alignment[j]] if seg.alignment[j] < len(seg.it_tokens) else None
                if t is None:
                    continue
                for n, iw in enumerate(itw):
                    if iw.start < t.end and t.start < iw.end:
                        hit.add(n)
    return _word_spans(itw, sorted(hit))


def _anchor_score(e: Word, ef: str, keys: frozenset[str], i: Word, if_: str, meanings: frozenset[str]) -> float:
    """How surely English ``e`` and Italian ``i`` correspond: the same word or number, a function-word
    pair, a dictionary pair (``keys``: the English word's lemma, form and the nouns an unlisted adjective
    is made from; ``meanings``: what the Italian word can mean), else a cognate by spelling."""
    if ef == if_ and (len(ef) > 2 or ef.isdigit()):
        return 1.0
    if e.norm.isdigit() and e.norm == i.norm:
        return 1.0
    if if_ in EN_IT_FUNCTION.get(ef, ()):
        return 0.9
    if keys and i.content and not keys.isdisjoint(meanings):
        return 0.95
    if len(ef) >= 4 and len(if_) >= 4 and ef[0] == if_[0]:
        s = JaroWinkler.similarity(ef, if_)
        if s >= COGNATE_SIMILARITY:
            return s
    return 0.0


def _keys(e: Word, ef: str) -> frozenset[str]:
    """What a dictionary pair of the English word ``e`` may list (see :func:`_anchor_score`): MultiWordNet
    says the Italian word can translate its lemma or its surface form, or, for an adjective it does not
    list, the noun it is made from ("wooden" / «legno»); none for a function word or a short one."""
    if not e.content or len(ef) <= 2:
        return frozenset()
    return frozenset((e.norm, ef, *_bases(e.norm, ef)))


# Every English word of a segment is weighed against every Italian word: each side's lexicon facts are
# looked up once per word, not once per pair (the lexicon is loaded once per process).
@lru_cache(maxsize=16384)
def _meanings(it_text: str) -> frozenset[str]:
    """The English lemmas the Italian word can mean (knowledge.support.italian_meanings)."""
    from ..knowledge.support import italian_meanings

    return italian_meanings(it_text)


@lru_cache(maxsize=16384)
def _nominal(en_norm: str, en_folded: str) -> bool:
    """The English word can be a noun as written, else as its lemma (WordNet; any word without the
    lexicon or one it does not list): one that may make a compound with its neighbour ("phone call" /
    «telefonata»), where an adjective has an Italian word of its own ("gripping show" / «spettacolo
    avvincente»; "gripping" is no noun though "grip" is)."""
    from ..knowledge.support import lexicon

    lex = lexicon()
    parts = (lex.pos(en_folded, "english") or lex.pos(en_norm, "english")) if lex is not None else frozenset()
    return not parts or "n" in parts


@lru_cache(maxsize=16384)
def _bases(en_norm: str, en_folded: str) -> tuple[str, ...]:
    """The nouns an English adjective MultiWordNet does not list is made from ("wooden" → "wood");
    none for a word it lists."""
    from ..knowledge.support import lexicon

    lex = lexicon()
    bases = denominal_bases(en_folded)
    return tuple(bases) if bases and lex is not None and not lex.it_for_en(en_norm) else ()


def anchors(en: list[Word], it: list[Word]) -> dict[int, int]:
    """English word index → Italian word index for confidently corresponding words."""
    out: dict[int, int] = {}
    n_en, n_it = max(1, len(en) - 1), max(1, len(it) - 1)
    used: set[int] = set()
    scored = []
    # each side's facts once per word, not once per pair
    it_folded = [fold(i.text) for i in it]
    it_meanings = [_meanings(i.text) if i.content else frozenset() for i in it]
    for a, e in enumerate(en):
        ef = fold(e.text)
        if not e.content and ef not in EN_IT_FUNCTION:
            continue
        keys = _keys(e, ef)
        for b, i in enumerate(it):
            s = _anchor_score(e, ef, keys, i, it_folded[b], it_meanings[b])
            if s > 0:
                scored.append((s - 0.4 * abs(a / n_en - b / n_it), a, b))
    for _s, a, b in sorted(scored, reverse=True):
        if a in out or b in used:
            continue
        out[a] = b
        used.add(b)
    return out


@lru_cache(maxsize=256)
def _segment_anchors(en_text: str, it_text: str) -> tuple[list[Word], list[Word], dict[int, int]]:
    """Words of both sides of a segment and their anchors, computed once per segment (a segment with
    several divergences is projected several times). Callers must not mutate the result."""
    en = en_words(en_text, -1)
    itw = it_words(it_text)
    return en, itw, anchors(en, itw)


def _place(n: int, en: list[Word], itw: list[Word], anc: dict[int, int], given: set[int]) -> int | None:
    """The Italian word of the unanchored English word ``n`` (``given``: Italian words other words of the
    phrase already have, taken only when no other is left)."""
    # the bounds are the furthest Italian word of the anchors before it and the nearest of those
    # after it: Italian reorders a noun and its modifier ("disease problems" / «problemi … malattia»),
    # so the English neighbour's Italian is not always the bound
    prev = max((a for a in anc if a < n), key=lambda a: (anc[a], a), default=None)
    nxt = min((a for a in anc if a > n), key=lambda a: (anc[a], a), default=None)
    e_lo = prev if prev is not None else -1
    e_hi = nxt if nxt is not None else len(en)
    i_lo = anc[prev] if prev is not None else -1
    i_hi = anc[nxt] if nxt is not None else len(itw)
    if i_hi <= i_lo + 1:
        # crossing anchors: fall back to relative position in the whole segment
        i_lo, i_hi, e_lo, e_hi = -1, len(itw), -1, len(en)
    frac = (n - e_lo) / max(1, e_hi - e_lo)
    guess = i_lo + frac * (i_hi - i_lo)
    window = range(max(0, i_lo + 1), min(i_hi, len(itw)))
    taken = set(anc.values())
    in_window = [b for b in window if itw[b].content and b not in taken]
    free = [b for b in in_window if b not in given]
    if not free:
        # nothing free between the bounds: the word went to the other side of its English
        # neighbour's Italian ("wooden valet box" / «portaoggetti di legno», "awful food" / «cibo pessimo»)
        near = [anc[a] for a in (_nearest(anc, range(n - 1, -1, -1)), _nearest(anc, range(n + 1, len(en))))
                if a is not None]
        free = [b for b in range(len(itw)) if itw[b].content and b not in taken and b not in given
                and any(abs(b - m) <= REORDER_REACH for m in near)]
        if free:
            guess = min(near, key=lambda m: abs(m - guess))
        else:
            free = in_window  # shared with a word before it
    cands = free or [b for b in window if itw[b].content] or list(window)
    return min(cands, key=lambda b: abs(b - guess)) if cands else None


def _project_anchors(ws: list[Word], seg: SegmentTranslation) -> list[tuple[int, int]]:
    """The Italian of ``ws``: an anchored word's anchor; an unanchored one's twin's (below), else the word
    :func:`_place` finds, left to right, one the words of ``ws`` before it were not given where one is
    left, but for the word right before it (two words apart between the same anchors render two Italian
    words: "shabby rooms and dreadful meals" / «stanze fatiscenti e pasti orrendi», not both
    «fatiscenti»; two side by side may render one: "little plates" / «targhette»)."""
    en, itw, anc = _segment_anchors(seg.en, seg.it)
    if not itw:
        return []
    idx = [n for n, e in enumerate(en) for w in ws if e.start == w.start]
    hit = sorted({anc[n] for n in idx if n in anc})
    placed: dict[int, int] = {}
    for n in (n for n in idx if n not in anc):
        # a noun beside an anchored word of the same phrase belongs to that word's Italian
        # ("phone call" → "telefonata"): one Italian word often renders two English ones
        nominal = _nominal(en[n].norm, fold(en[n].text))
        twin = next((m for m in (n + 1, n - 1) if m in anc and m in idx), None) if nominal else None
        b = _place(n, en, itw, anc, {b for m, b in placed.items() if m != n - 1})
        if b is not None:
            placed[n] = b  # kept from the words after it even when its twin's Italian is its own
        if twin is not None:
            hit.append(anc[twin])
        elif b is not None:
            hit.append(b)
    hit = sorted(set(hit))
    if hit and hit[-1] - hit[0] <= len(ws) + 4:
        return [(itw[hit[0]].start, itw[hit[-1]].end)]
    return _word_spans(itw, hit)


def _nearest(anc: dict[int, int], order: range) -> int | None:
    """The first English index of ``order`` that has an anchor."""
    return next((a for a in order if a in anc), None)


def _word_spans(itw: list[Word], idx: list[int]) -> list[tuple[int, int]]:
    """Spans over Italian words, joining words that are at most two function words apart."""
    spans: list[tuple[int, int]] = []
    last = -10
    for n in idx:
        if spans and n - last <= 3:
            spans[-1] = (spans[-1][0], itw[n].end)
        else:
            spans.append((itw[n].start, itw[n].end))
        last = n
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out
