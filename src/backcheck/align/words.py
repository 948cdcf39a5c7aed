"""Word alignment of a source unit with its back-translation (English ↔ English), and the differences
it brackets.

Words are linked by *competitive linking* (Melamed 2000) over an equivalence score: the same lemma
(1.0), then a paraphrase set, a place and its adjective, one stem, a name spelled alike or a WordNet
synonym (:func:`~.tokens.words_match`, 0.9); ties go to the pair whose relative positions are
closest. The links in the longest chain that keeps both orders are the *anchors*. Between two
consecutive anchors, the unlinked content words of each side are one :class:`Gap`: a substitution
(both sides have words: "his Russian [counterpart | ally]"), a deletion (only the source has words)
or an insertion (only the back-translation has). A difference that no anchors bracket (a reordered or
rewritten clause, a run longer than :data:`MAX_GAP_WORDS`) is not a word-level difference and yields
no gap. A gap that spans clauses, where both sides mark them alike (a comma each), is one difference
per clause; one that two shared function words divide ("for all") is one per part (:mod:`.splits`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lang.tokens import balanced_quotes
from ..translate.base import Translation
from .linking import SAME, Link, chain, link_words
from .phrases import best_subwindow
from .splits import by_clause
from .tokens import Word, compared_words, copied_italian, en_words, it_words, one_name_or_number, words_match
from .units import Alignment, SourceMatch

# How many anchors a synonym may move past and still be linked (one: a local reordering, "the
# nuclear plant" / "the plant, nuclear").
MAX_SYNONYM_MOVE = 1
# A gap with more content words than this on either side is a rewritten clause, not a word difference.
MAX_GAP_WORDS = 5
# Links that must keep their side of two positions for them to be in the same place.
MIN_STAYING = 3
# Snippets: back-translation words beyond the snippet's anchors count only this far (an edge gap).
EDGE_EXTRA = 2
# The back-translation words (segment, offset) the previous and the next source unit anchor.
Claimed = tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]
NONE: frozenset[tuple[int, int]] = frozenset()


@dataclass
class Gap:
    """What one pair of consecutive anchors brackets: the source's and the back-translation's unlinked
    content words between them. ``left``/``right`` are the anchors (``None``: the unit's edge)."""

    kind: str  # "substitution" | "deletion" | "insertion"
    source_words: list[Word]
    bt_words: list[Word]
    left: Link | None
    right: Link | None
    source_phrase: str
    bt_phrase: str
    # content words of each side between the anchors, linked ones included (how crowded the gap is)
    span_words: tuple[int, int] = (0, 0)

    @property
    def edge(self) -> bool:
        return self.left is None or self.right is None


@dataclass
class WordAlignment:
    """One source unit's content words, its back-translation window's, their links and gaps."""

    match: SourceMatch
    source: list[Word]
    bt: list[Word]
    links: list[Link] = field(default_factory=list)
    anchors: list[Link] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    # back-translation words joined to a neighbour's link ("phone" beside a linked "call")
    absorbed: list[int] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """Share of the source's content words that are linked."""
        return len({k.src for k in self.links}) / len(self.source) if self.source else 0.0

    def bt_link(self, src_index: int) -> Link | None:
        return next((k for k in self.links if k.src == src_index), None)

    def beside(self, gap: Gap) -> Link | None:
        """The link a deletion sits beside: the nearest linked source word after it (an English modifier
        stands before its head: "the [lighting] design"), else before it. The word may be linked out
        of order (a moved word), unlike the anchors that bracket the gap."""
        if not gap.source_words:
            return gap.right or gap.left
        at = [i for i, w in enumerate(self.source) if any(w is g for g in gap.source_words)]
        first, last = at[0], at[-1]
        by_src = {k.src: k for k in self.links}
        after = next((by_src[i] for i in range(last + 1, len(self.source)) if i in by_src), None)
        before = next((by_src[i] for i in range(first - 1, -1, -1) if i in by_src), None)
        return after or before

    def same_place(self, source_at: int, bt_at: int, bt_seg: int | None = None) -> bool:
        """A source position and a back-translation position (character offsets; in segment ``bt_seg``
        when the window has several) stand in the same place: at least :data:`MIN_STAYING` links, and
        each link's two words on the same side of them (a connective or an adverb that replaces another
        in the clause, however far the links are)."""
        def before(w: Word) -> bool:
            return (w.seg, w.start) < (bt_seg, bt_at) if bt_seg is not None else w.start < bt_at

        same = [(self.source[k.src].start < source_at) == before(self.bt[k.bt]) for k in self.links]
        return len(same) >= MIN_STAYING and all(same)


def phrase_text(text_of: dict[int, str], words: list[Word]) -> str:
    """The text from the first to the last of ``words`` (function words between them included), with
    the end of a quotation it opens a mark or two away («Is it on?», not «Is it on)."""
    if not words:
        return ""
    first, last = words[0], words[-1]
    if first.seg == last.seg:
        text = text_of[first.seg]
        a, b = balanced_quotes(text, first.start, last.end)
        return text[a:b]
    return " ".join(w.text for w in words)


def _linked(match: SourceMatch, translation: Translation, *, whole_article: bool) -> WordAlignment:
    """The content words of both sides, their links and anchors (no gaps yet)."""
    segs = translation.segments
    bt_all = [w for k in match.segments for w in compared_words(en_words(segs[k].en, k), segs[k].en)]
    src = [w for w in compared_words(en_words(match.source), match.source) if w.content]
    bt = [w for w in bt_all if w.content]
    if not whole_article and src and bt:
        bt = best_subwindow(src, bt)  # a snippet covers part of its window
    aln = WordAlignment(match, src, bt)
    if not src or not bt:
        return aln
    aln.links = link_words(src, bt)
    _absorb_compounds(aln)
    aln.anchors = chain(aln.links)
    if not aln.anchors:
        return aln
    # A word the translation moved is still the same word (or the same name, spelled differently),
    # linked out of order, however far; a merely equivalent word (a synonym, a derived form) moved past
    # more than one anchor is a coincidence (the "car" of "car park" linked to an "automobile" five anchors
    # later), and must not hide a word the translation dropped.
    crossed = {k: _crossed(k, aln.anchors) for k in aln.links}
    aln.links = [k for k in aln.links if k.score >= SAME or k in aln.anchors
                 or (src[k.src].text[:1].isupper() and bt[k.bt].text[:1].isupper())
                 or crossed[k] <= MAX_SYNONYM_MOVE]
    return aln


def _find_gaps(aln: WordAlignment, translation: Translation, whole_article: bool, claimed: Claimed) -> None:
    """The gaps between ``aln``'s anchors (see module doc). ``claimed``: the back-translation words
    (segment, offset) that the previous and the next source unit anchor; an edge gap stops short of
    them (the rest of a sentence the translation merged is the neighbour's)."""
    match, src, bt, segs = aln.match, aln.source, aln.bt, translation.segments
    crossed = {k: _crossed(k, aln.anchors) for k in aln.links}
    far = [k for k in aln.links if crossed[k] > MAX_SYNONYM_MOVE]
    text_of = {k: segs[k].en for k in match.segments}
    text_of[-1] = match.source
    italian = {w.text.lower() for k in match.segments for w in it_words(segs[k].it)}
    linked_s = {k.src for k in aln.links}
    linked_b = {k.bt for k in aln.links} | set(aln.absorbed)
    bounds: list[tuple[Link | None, Link | None]] = [(None, aln.anchors[0])]
    bounds += list(zip(aln.anchors, aln.anchors[1:], strict=False))
    bounds.append((aln.anchors[-1], None))
    for left, right in bounds:
        s_lo = left.src + 1 if left else 0
        s_hi = right.src if right else len(src)
        b_lo = left.bt + 1 if left else 0
        b_hi = right.bt if right else len(bt)
        s_idx = [i for i in range(s_lo, s_hi) if i not in linked_s]
        b_idx = [j for j in range(b_lo, b_hi) if j not in linked_b]
        if left is None or right is None:
            b_idx = _edge(b_idx, s_idx, bt, left, right, whole_article)
            b_idx = _unclaimed(b_idx, bt, claimed[0] if left is None else claimed[1], left is None)
        if not s_idx and not b_idx:
            continue
        if len(s_idx) > MAX_GAP_WORDS or len(b_idx) > MAX_GAP_WORDS:
            continue  # a rewritten clause: no word-level difference
        sw, bw = [src[i] for i in s_idx], [bt[j] for j in b_idx]
        if one_name_or_number(sw, bw):
            continue  # "4900" / "4,900"; "U.S." / "United States"
        if any(copied_italian(w, italian) for w in bw):
            continue  # the back-translation left an Italian word as it was: it reads as nothing here
        if _moved(far, s_idx, b_idx, (s_lo, s_hi), (b_lo, b_hi)):
            continue  # a clause the translation moved: its own words are linked elsewhere
        for part_s, part_b in by_clause(sw, bw, src, bt, left, right, text_of):
            kind = "substitution" if part_s and part_b else ("deletion" if part_s else "insertion")
            aln.gaps.append(Gap(kind, part_s, part_b, left, right, phrase_text(text_of, part_s),
                                phrase_text(text_of, part_b), (s_hi - s_lo, b_hi - b_lo)))
    _repair_swaps(aln, text_of)


def align_units(alignment: Alignment, translation: Translation) -> list[WordAlignment]:
    """The word alignment of every placed source unit with its back-translation window, and its gaps
    (every unit linked first, then the gaps, which see the neighbours' anchors). Where the two sides
    split sentences differently ("The mayor opened the bridge. It is a gift for the valley." against
    "The mayor opened the bridge, a gift for the valley."), what runs on past a unit's edge is the
    neighbouring unit's text, not an addition: an edge gap stops short of the words the neighbour on
    that side anchors, and an edge insertion the neighbour says word for word is dropped."""
    units = alignment.units
    alns = [_linked(m, translation, whole_article=alignment.whole_article) for m in alignment.matches]
    anchored = {a.match.source_index: frozenset((a.bt[k.bt].seg, a.bt[k.bt].start) for k in a.anchors)
                for a in alns}
    for aln in alns:
        i = aln.match.source_index
        if aln.anchors:
            neighbours = (anchored.get(i - 1, NONE), anchored.get(i + 1, NONE))
            _find_gaps(aln, translation, alignment.whole_article, neighbours)
        kept = []
        for g in aln.gaps:
            side = i + (-1 if g.left is None else 1)  # the neighbour on the gap's side
            neighbour = units[side] if 0 <= side < len(units) else ""
            if not (g.kind == "insertion" and g.edge and _said_by(g.bt_words, neighbour)):
                kept.append(g)
        aln.gaps = kept
    return alns


def _unclaimed(b_idx: list[int], bt: list[Word], claimed: frozenset[tuple[int, int]], first_edge: bool
               ) -> list[int]:
    """An edge gap's back-translation words short of the first one a neighbouring unit anchors, counting
    outward from this unit's edge anchor. The words between two units' anchors are one gap, the first
    unit's: a gap before the unit's first anchor (``first_edge``) that reaches the previous unit's
    anchors leaves them to it."""
    out: list[int] = []
    for j in (reversed(b_idx) if first_edge else b_idx):
        if (bt[j].seg, bt[j].start) in claimed:
            return [] if first_edge else out
        out.append(j)
    return sorted(out)


def _said_by(words: list[Word], unit: str) -> bool:
    """Does ``unit`` hold every one of ``words`` (two at least)?"""
    theirs = [w for w in en_words(unit) if w.content]
    return len(words) >= 2 and all(any(words_match(w, t) for t in theirs) for w in words)


def _repair_swaps(aln: WordAlignment, text_of: dict[int, str]) -> None:
    """Words that changed places around one anchor ("the deconfliction mechanism" / "the mechanism of
    the conflict"): a deletion beside a gap whose back-translation words include one of the same stem
    becomes a substitution with that word."""
    gaps = aln.gaps
    for k, gap in enumerate(gaps):
        if gap.kind != "deletion":
            continue
        for n in (k - 1, k + 1):
            if not 0 <= n < len(gaps) or not gaps[n].bt_words or (gaps[n].right is not gap.left
                                                                  and gaps[n].left is not gap.right):
                continue
            other = gaps[n]
            hit = next((b for b in other.bt_words for s in gap.source_words if _same_stem(s, b)), None)
            if hit is None:
                continue
            other.bt_words = [b for b in other.bt_words if b is not hit]
            other.bt_phrase = phrase_text(text_of, other.bt_words)
            other.kind = "substitution" if other.source_words and other.bt_words else (
                "deletion" if other.source_words else "insertion")
            gap.kind, gap.bt_words, gap.bt_phrase = "substitution", [hit], hit.text
            break
    aln.gaps = [g for g in gaps if g.source_words or g.bt_words]


def _crossed(link: Link, anchors: list[Link]) -> int:
    """How many anchors ``link`` moved past: those whose order against it differs on the two sides."""
    return sum((a.src < link.src) != (a.bt < link.bt) for a in anchors)


def _moved(far: list[Link], s_idx: list[int], b_idx: list[int], s_range: tuple[int, int],
           b_range: tuple[int, int]) -> bool:
    """Among the words a gap spans on one side, one has a link in ``far`` (moved past more than
    MAX_SYNONYM_MOVE anchors) to a word outside the gap's range on the other side: the gap is part of a
    clause the translation moved ("Dr. Rossi warned that the new trial is still at an early stage" / "The
    trial is still in its early phase, as Dr. Rossi stated"), which no anchors bracket. (A word moved
    past one anchor is a local reordering: "my father's wooden box" / "the wooden box of my father".)"""
    return any((b_idx and min(b_idx) < k.bt < max(b_idx) and not s_range[0] <= k.src < s_range[1])
               or (s_idx and min(s_idx) < k.src < max(s_idx) and not b_range[0] <= k.bt < b_range[1])
               for k in far)


def _same_stem(a: Word, b: Word) -> bool:
    """One word contains the other's stem ("deconfliction" / "conflict"): at least 5 letters shared."""
    x, y = a.norm.lower(), b.norm.lower()
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 5 and short[:-1] in long_


def _edge(b_idx: list[int], s_idx: list[int], bt: list[Word], left: Link | None, right: Link | None,
          whole_article: bool) -> list[int]:
    """The back-translation words an edge gap may claim: within the anchor's segment, and for a
    snippet (which may cover part of a sentence) no more than the source's edge words and
    :data:`EDGE_EXTRA` more, nearest the anchor first."""
    anchor = bt[right.bt] if right is not None else bt[left.bt] if left is not None else None
    if anchor is not None:
        b_idx = [j for j in b_idx if bt[j].seg == anchor.seg]
    if whole_article:
        return b_idx
    if not s_idx:
        return []  # a snippet's edge: back-translation words past it are another part of the sentence
    keep = len(s_idx) + EDGE_EXTRA
    return b_idx[-keep:] if right is not None else b_idx[:keep]


def _absorb_compounds(aln: WordAlignment) -> None:
    """A back-translation word next to a linked word it matches ("phone" beside a linked "call")
    belongs to that word's link."""
    linked = {k.bt for k in aln.links}
    aln.absorbed = [j for j, w in enumerate(aln.bt) if j not in linked
                    and any(n in linked and words_match(w, aln.bt[n]) for n in (j - 1, j + 1))]
