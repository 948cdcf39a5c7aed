"""added: a sentence of the Italian that the whole English source does not have.

The mirror of :mod:`.dropped`. With a whole English article, the monotone alignment
(:mod:`backcheck.align.units`) places every source sentence on a window of back-translation segments;
a sentence the Italian adds has no source sentence of its own, so the alignment leaves its segment
out, or gives it to a neighbour whose window then holds two segments or more. Such a segment is an
added sentence when the source says none of it: of its back-translation's content words (at least
:data:`~.dropped.MIN_WORDS`), at most a share of :data:`~.dropped.MAX_PRESENT` have a counterpart
(:func:`backcheck.align.tokens.words_match`) in the source sentences placed on or next to it and the
ones before and after those, each source word taken once (news sentences share their topic words). Page
furniture (a scraped link or caption) is the boilerplate check's, not an added sentence.

A sentence the source does not have adds facts the reader takes for the source's (major,
:mod:`backcheck.judge.rules`). The finding sits on the Italian sentence itself.
"""

from __future__ import annotations

from ..align.tokens import en_words
from ..align.units import Alignment, SourceMatch
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register
from .dropped import MAX_PRESENT, MIN_WORDS, SENTENCE_NEEDS, claim_word, few_of, unclaimed, whole_article


@register
class AddedCheck(Check):
    name = "added"
    needs = SENTENCE_NEEDS
    description = "A sentence of the Italian that the whole English source does not have."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        whole = whole_article(ctx)
        if whole is None:
            return []
        aln, tr = whole
        owner: dict[int, SourceMatch] = {}
        for placed in aln.matches:
            for k in placed.segments:
                owner.setdefault(k, placed)
        out: list[Candidate] = []
        for k, seg in enumerate(tr.segments):
            m = owner.get(k)
            if m is not None and len(m.segments) < 2:
                continue  # a segment its source sentence has to itself
            sent = ctx.article.sentence_at(seg.start)
            if sent is None or sent.paragraph in ctx.boilerplate:
                continue
            words = [w for w in en_words(seg.en, k) if w.content]
            if len(words) < MIN_WORDS:
                continue
            near = [w for j in self._near(aln, owner, k, len(tr.segments)) for w in en_words(aln.units[j]) if w.content]
            # the window's other segments take their words first
            others = [w for other in (m.segments if m is not None else []) if other != k
                      for w in en_words(tr.segments[other].en, other) if w.content]
            pool = unclaimed(near, others)
            absent = [w.text for w in words if claim_word(w, pool) is None]
            present = len(words) - len(absent)
            if present > MAX_PRESENT * len(words):
                continue
            out.append(self.candidate(
                ctx, seg.start, seg.end, Category.ADDITION, Claim.SENTENCE_ADDED,
                f"This sentence is not in the source: it reads as “{seg.en.strip()}”, and {few_of(present, absent)} "
                f"are in the source sentences around it.",
                Evidence(kinds=("source", "alignment"), back_translation=seg.en,
                         details={"content_words": len(words), "present": present},
                         features={"present": present / len(words)})))
        return out

    @staticmethod
    def _near(aln: Alignment, owner: dict[int, SourceMatch], k: int, n_segments: int) -> list[int]:
        """The source sentences around segment ``k``: those placed on it, and the nearest placed before
        and after it."""
        before = next((owner[j].source_index for j in range(k - 1, -1, -1) if j in owner), None)
        after = next((owner[j].source_index for j in range(k + 1, n_segments) if j in owner), None)
        on = owner[k].source_index if k in owner else None
        return sorted({j for i in (before, on, after) if i is not None for j in (i - 1, i, i + 1)
                       if 0 <= j < len(aln.units)})
