"""Step 2: inside an aligned pair, the content phrases of the source unit and of its back-translation
window that found no counterpart (lemma, paraphrase-set and name matching, then a diff)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..lang.en import canonical
from ..translate.base import Translation
from .tokens import Word, en_words, words_match
from .units import SourceMatch


@dataclass
class Divergence:
    """A back-translation phrase and/or a source phrase that found no counterpart."""

    kind: str  # "replace" | "addition" | "omission"
    bt_phrase: str
    source_phrase: str
    bt_words: list[Word]
    source_words: list[Word]
    match: SourceMatch
    edge: bool = False  # paired at the snippet's head or tail, beyond its last shared word: weaker evidence


def phrase_divergences(match: SourceMatch, translation: Translation) -> list[Divergence]:
    """Content phrases of the source unit and of the back-translation window with no counterpart."""
    segs = translation.segments
    bt = [w for k in match.segments for w in en_words(segs[k].en, k)]
    src = en_words(match.source)
    bt_c = [w for w in bt if w.content]
    src_c = [w for w in src if w.content]
    if not bt_c or not src_c:
        return []
    bt_c = best_subwindow(src_c, bt_c)
    # diff over content lemmas, then accept crossing matches (word order differs between languages)
    sm = difflib.SequenceMatcher(a=[w.norm for w in src_c], b=[w.norm for w in bt_c], autojunk=False)
    s_match = [-1] * len(src_c)
    b_match = [-1] * len(bt_c)
    for blk in sm.get_matching_blocks():
        for t in range(blk.size):
            s_match[blk.a + t] = blk.b + t
            b_match[blk.b + t] = blk.a + t
    for i, sw in enumerate(src_c):
        if s_match[i] >= 0:
            continue
        cands = [j for j, bw in enumerate(bt_c) if b_match[j] < 0 and words_match(sw, bw)]
        if cands:
            j = min(cands, key=lambda j: abs(j / len(bt_c) - i / len(src_c)))
            s_match[i], b_match[j] = j, i
    # "phone" next to a matched "call": part of the same compound, not a divergence
    for j, bw_ in enumerate(bt_c):
        if b_match[j] < 0:
            for n in (j - 1, j + 1):
                if 0 <= n < len(bt_c) and b_match[n] >= 0 and words_match(bw_, bt_c[n]):
                    b_match[j] = b_match[n]
                    break
    matched_b = [j for j in range(len(bt_c)) if b_match[j] >= 0]
    if not matched_b:
        return []
    # the part of the window the snippet covers: between its first and last matched word
    lo, hi = min(matched_b), max(matched_b)
    out: list[Divergence] = []
    for run in _runs([j for j in range(lo, hi + 1) if b_match[j] < 0]):
        # the source words between the source positions of the matched neighbours
        left = next((b_match[j] for j in range(run[0] - 1, -1, -1) if b_match[j] >= 0), -1)
        right = next((b_match[j] for j in range(run[-1] + 1, len(bt_c)) if b_match[j] >= 0), len(src_c))
        a, b = sorted((left, right))
        s_run = [i for i in range(a + 1, b) if s_match[i] == -1]
        b_words = [bt_c[j] for j in run]
        s_words = [src_c[i] for i in s_run]
        for i in s_run:
            s_match[i] = -2  # used
        # a name the source mentions and the back-translation words around it do not replace it
        s_words = [w for w in s_words if not (w.text[:1].isupper() and w.start > 0)]
        out.append(_divergence("replace" if s_words else "addition", b_words, s_words, match))
    # the snippet's unmatched head and tail against the back-translation words just outside it
    matched_s = [i for i in range(len(src_c)) if s_match[i] >= 0]
    head = [i for i in range(0, min(matched_s)) if s_match[i] == -1]
    tail = [i for i in range(max(matched_s) + 1, len(src_c)) if s_match[i] == -1]
    seg_lo = next(j for j in range(lo, -1, -1) if j == 0 or bt_c[j - 1].seg != bt_c[lo].seg)
    seg_hi = next(j for j in range(hi, len(bt_c)) if j == len(bt_c) - 1 or bt_c[j + 1].seg != bt_c[hi].seg)
    for s_idx, b_idx, reach in (
        (head, [j for j in range(seg_lo, lo) if b_match[j] < 0], lo - seg_lo),
        (tail, [j for j in range(hi + 1, seg_hi + 1) if b_match[j] < 0], seg_hi - hi),
    ):
        # only when the back-translation's own edge is about as short as the snippet's
        b_idx = [j for j in b_idx if not (bt_c[j].text[:1].isupper() and bt_c[j].start > 0)]
        if s_idx and b_idx and reach <= len(s_idx) + 2:
            for i in s_idx:
                s_match[i] = -2
            div = _divergence("replace", [bt_c[j] for j in b_idx], [src_c[i] for i in s_idx], match)
            div.edge = True
            out.append(div)
    for run in _runs([i for i in range(len(src_c)) if s_match[i] == -1]):
        out.append(_divergence("omission", [], [src_c[i] for i in run], match))
    return out


def best_subwindow(src_c: list[Word], bt_c: list[Word]) -> list[Word]:
    """The run of back-translation words that the snippet covers: the window (about the snippet's
    length) that matches the most distinct snippet words; a snippet may cover part of a sentence."""
    m = len(src_c)
    # placing the window needs only the cheap matches (lemma or paraphrase set), looked up by key
    where: dict[str, set[int]] = {}
    for i, s in enumerate(src_c):
        where.setdefault(canonical(s.norm), set()).add(i)
    hits = [where.get(canonical(b.norm), set()) for b in bt_c]
    best = (-1.0, 0, len(bt_c))
    for a in range(len(bt_c)):
        if not hits[a]:
            continue
        covered: set[int] = set()
        for b in range(a, min(len(bt_c), a + int(m * 1.8) + 3)):
            covered |= hits[b]
            if hits[b]:
                score = len(covered) - 0.1 * max(0, b - a + 1 - m) - 0.01 * (b - a)
                if score > best[0]:
                    best = (score, a, b + 1)
    _, a, b = best
    # keep unmatched words just outside the window when they are in the same segment (edges)
    return bt_c[max(0, a - m):min(len(bt_c), b + m)] if best[0] >= 0 else bt_c


def _runs(idx: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _divergence(kind: str, bw: list[Word], sw: list[Word], match: SourceMatch) -> Divergence:
    bt_phrase = " ".join(w.text for w in bw)
    src_phrase = match.source[sw[0].start:sw[-1].end] if sw else ""
    return Divergence(kind, bt_phrase, src_phrase, bw, sw, match)
