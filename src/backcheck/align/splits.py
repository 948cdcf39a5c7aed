"""How the words between two anchors split into several differences: clause by clause where both sides
mark clauses alike, or at two function words both sides share (:func:`by_clause`, for
:func:`backcheck.align.words.align_units`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tokens import Word, en_words

if TYPE_CHECKING:
    from .linking import Link

# Clause punctuation: commas, semicolons, colons, brackets, a spaced dash (not a hyphen, not quotes,
# which two translations mark differently).
_CLAUSE_MARK = re.compile(r"[,;:()]| [–—] ")


def by_clause(sw: list[Word], bw: list[Word], src: list[Word], bt: list[Word], left: Link | None,
               right: Link | None, text_of: dict[int, str]) -> list[tuple[list[Word], list[Word]]]:
    """The gap's words paired clause by clause: when both sides put the same number of clause marks
    between the two anchors ("posters, celebrate" / "posters that show old ships, recount"), the words
    before the k-th mark on one side correspond to those before the k-th mark on the other, so the gap
    is one difference per clause ("show old ships" inserted; "celebrate" / "recount"). Otherwise,
    one difference."""
    whole = [(sw, bw)]
    if left is None or right is None or not sw and not bw:
        return whole
    s_left, s_right, b_left, b_right = src[left.src], src[right.src], bt[left.bt], bt[right.bt]
    if b_left.seg != b_right.seg or any(w.seg != b_left.seg for w in bw):
        return whole
    s_text, b_text = text_of[-1], text_of[b_left.seg]
    marks = len(_CLAUSE_MARK.findall(s_text[s_left.end:s_right.start]))
    if not marks or marks != len(_CLAUSE_MARK.findall(b_text[b_left.end:b_right.start])):
        return _by_shared_pair(sw, bw, s_text[:s_right.start], s_left.end, b_text[:b_right.start], b_left.end)

    def clause(text: str, anchor_end: int, w: Word) -> int:
        return len(_CLAUSE_MARK.findall(text[anchor_end:w.start]))

    parts: dict[int, tuple[list[Word], list[Word]]] = {}
    for w in sw:
        parts.setdefault(clause(s_text, s_left.end, w), ([], []))[0].append(w)
    for w in bw:
        parts.setdefault(clause(b_text, b_left.end, w), ([], []))[1].append(w)
    return [parts[k] for k in sorted(parts)]


def _function_pairs(text: str, lo: int) -> dict[tuple[str, str], list[int]]:
    """Where each pair of adjacent function words of ``text[lo:]`` starts (only a space between them)."""
    toks = en_words(text[lo:])
    out: dict[tuple[str, str], list[int]] = {}
    for a, b in zip(toks, toks[1:], strict=False):
        if not a.content and not b.content and not text[lo + a.end:lo + b.start].strip():
            out.setdefault((a.text.lower(), b.text.lower()), []).append(lo + a.start)
    return out


def _by_shared_pair(sw: list[Word], bw: list[Word], s_text: str, s_lo: int, b_text: str,
                    b_lo: int) -> list[tuple[list[Word], list[Word]]]:
    """The gap's words split where both sides have the same two function words, once each, in the same
    order ("routine [for all] over" / "obligatory [for all] women over"): they bracket the words as
    an anchor would, so "routine" / "obligatory" is one difference and "women" another. A single
    function word is too common to mark a place; without such a pair, one difference."""
    whole = [(sw, bw)]
    if not sw or not bw or len(sw) + len(bw) < 3:
        return whole
    s_pairs, b_pairs = _function_pairs(s_text, s_lo), _function_pairs(b_text, b_lo)
    shared = sorted((s_pairs[k][0], b_pairs[k][0]) for k in s_pairs.keys() & b_pairs.keys()
                    if len(s_pairs[k]) == 1 and len(b_pairs[k]) == 1)
    cuts: list[tuple[int, int]] = []
    for s_at, b_at in shared:  # the pairs in the source's order that keep the back-translation's order
        if not cuts or b_at > cuts[-1][1]:
            cuts.append((s_at, b_at))
    if not cuts:
        return whole
    parts: dict[int, tuple[list[Word], list[Word]]] = {}
    for w in sw:
        parts.setdefault(sum(w.start > s for s, _ in cuts), ([], []))[0].append(w)
    for w in bw:
        parts.setdefault(sum(w.start > b for _, b in cuts), ([], []))[1].append(w)
    return [parts[k] for k in sorted(parts)]
