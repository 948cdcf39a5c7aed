"""dropped: a sentence of the English source that the Italian does not have.

With a whole English article, the monotone alignment (:mod:`backcheck.align.units`) places every source
sentence on the back-translation. A sentence the Italian dropped is placed nowhere (a possible
omission), or beside a neighbour on that neighbour's window (the alignment takes it for two sentences
the translation joined). Either way it has no window of its own, and it is a dropped sentence when the
back-translation around its place says none of it: of its content words (at least :data:`MIN_WORDS`),
at most a share of :data:`MAX_PRESENT` have a counterpart (the word alignment's matching: lemma,
synonym, number, name, see :func:`backcheck.align.tokens.words_match`) in its window and those of the
source sentences before and after it, among the words those sentences do not account for themselves
(news sentences share their topic words: each is evidence once). A sentence the translation rewrote or
merged keeps its names, numbers and some of its nouns, so it is not reported; a sentence with fewer
content words (a dateline, "8.") is too short to tell.

A dropped sentence loses every fact it states (major, :mod:`backcheck.judge.rules`). The finding sits
on the Italian sentence after which the source sentence would come (before which, when it shares the
next sentence's window or opens the article), and quotes the source sentence to translate.
"""

from __future__ import annotations

from ..align.tokens import Word, en_words, words_match
from ..align.units import Alignment, SourceMatch
from ..results import Category, Evidence
from ..translate.base import SegmentTranslation, Translation
from .base import Candidate, Check, CheckContext, Claim, Need, register

# A source sentence needs this many content words to be judged missing.
MIN_WORDS = 5
# At most this share of them may have a counterpart in the back-translation around its place.
MAX_PRESENT = 0.25
# Absent words quoted in a message.
SHOWN = 4


# Both sentence checks (this one and :mod:`.added`) read the sentence alignment of a whole source (with
# snippets, most of the article has no source sentence, and the report says the checks were skipped and
# why), which tells a rewritten sentence from a missing one by the sentence embeddings, and the words by
# their WordNet synonyms: without them a paraphrase too often looks like a gap.
SENTENCE_NEEDS = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.WHOLE_SOURCE, Need.EMBEDDINGS, Need.LEXICON})


def whole_article(ctx: CheckContext) -> tuple[Alignment, Translation] | None:
    """The alignment and back-translation of an article checked against its whole source (``None``: snippets,
    or no source), as :data:`Need.WHOLE_SOURCE` tells it."""
    if not ctx.has(Need.WHOLE_SOURCE):
        return None
    assert ctx.alignment is not None and ctx.translation is not None
    return ctx.alignment, ctx.translation


def few_of(present: int, absent: list[str], whose: str = "its") -> str:
    """"none of its words (“a”, “b”, …)": how many of a sentence's words are found, and the first absent."""
    shown = ", ".join(f"“{w}”" for w in absent[:SHOWN]) + (", …" if len(absent) > SHOWN else "")
    return f"{'none' if not present else 'few'} of {whose} words ({shown})"


def claim_word(word: Word, pool: list[Word]) -> Word | None:
    """Take from ``pool`` the first word that matches ``word`` (``None``: none does)."""
    for k, w in enumerate(pool):
        if words_match(word, w):
            return pool.pop(k)
    return None


def _runs(missing: list[tuple[int, SegmentTranslation, str, int, list[str]]]
          ) -> list[list[tuple[int, SegmentTranslation, str, int, list[str]]]]:
    """``missing`` (by source index) grouped by the place they belong at: one finding per place, since
    the findings of one place would sit on the same Italian sentence and the judge keeps one of those (a
    translation that stops early misses every source sentence after its last one, some of which share
    a word or two with it and so are not counted: the others are one group, not several)."""
    runs: dict[tuple[int, str], list[tuple[int, SegmentTranslation, str, int, list[str]]]] = {}
    for m in missing:
        runs.setdefault((m[1].start, m[2]), []).append(m)
    return list(runs.values())


def unclaimed(bt: list[Word], neighbours: list[Word]) -> list[Word]:
    """The back-translation words left once the neighbouring source sentences took theirs, one each: a
    topic word both sentences say ("feathers") is evidence for the dropped one only when the
    back-translation says it twice."""
    pool = list(bt)
    for w in neighbours:
        claim_word(w, pool)
    return pool


@register
class DroppedCheck(Check):
    name = "dropped"
    needs = SENTENCE_NEEDS
    description = "A sentence of the whole English source that the Italian does not have."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        whole = whole_article(ctx)
        if whole is None:
            return []
        aln, tr = whole
        placed = {m.source_index: m for m in aln.matches}
        missing: list[tuple[int, SegmentTranslation, str, int, list[str]]] = []
        for i in range(len(aln.units)):
            own = placed.get(i)
            sharing = [m for m in aln.matches if own is not None and m.source_index != i
                       and set(m.segments) & set(own.segments)]
            if own is not None and not sharing:
                continue  # a window of its own
            # the nearest placed sentences before and after it (a run of dropped sentences has no placed
            # neighbour inside it)
            before = next((placed[j] for j in range(i - 1, -1, -1) if j in placed), None)
            after = next((placed[j] for j in range(i + 1, len(aln.units)) if j in placed), None)
            if before is None and after is None:
                continue
            words = [w for w in en_words(aln.units[i]) if w.content]
            if len(words) < MIN_WORDS:
                continue
            near = [m for m in (before, after, *sharing) if m is not None]
            segments = sorted({k for m in (own, *near) if m is not None for k in m.segments})
            around = [w for k in segments for w in en_words(tr.segments[k].en, k) if w.content]
            neighbours = [w for m in near for w in en_words(m.source) if w.content]
            free = unclaimed(around, neighbours)
            absent = [w.text for w in words if claim_word(w, free) is None]
            if len(words) - len(absent) > MAX_PRESENT * len(words):
                continue
            seg, where = self._place(tr, own, before, after)
            missing.append((i, seg, where, len(words) - len(absent), absent))
        return [self._finding(ctx, aln, run) for run in _runs(missing)]

    def _finding(self, ctx: CheckContext, aln: Alignment,
                 run: list[tuple[int, SegmentTranslation, str, int, list[str]]]) -> Candidate:
        """One finding for a run of consecutive dropped source sentences that belong at one place."""
        first, seg, where, present, absent = run[0]
        units = [aln.units[i].strip() for i, *_ in run]
        if len(run) == 1:
            said = (f"The source sentence “{units[0]}” is missing from the Italian: {few_of(present, absent)} are in "
                    f"this sentence or those around it. In the source it comes {where} this sentence.")
        else:
            last = run[-1][0]
            among = "" if last - first + 1 == len(run) else f" (of the {last - first + 1} from the first to the last)"
            said = (f"{len(run)} source sentences are missing from the Italian{among}, from “{units[0]}” to "
                    f"“{units[-1]}”: at most a quarter of the words of each are in this sentence or those around "
                    f"it ({few_of(present, absent, 'the first one’s')}). In the source they "
                    f"come {where} this sentence.")
        return self.candidate(
            ctx, seg.start, seg.end, Category.OMISSION, Claim.SENTENCE_MISSING, said,
            Evidence(kinds=("source", "alignment"), source=" ".join(units),
                     details={"source_index": first, "sentences": len(run), "present": present},
                     features={"present": present / max(present + len(absent), 1)}))

    @staticmethod
    def _place(tr: Translation, own: SourceMatch | None, before: SourceMatch | None,
               after: SourceMatch | None) -> tuple[SegmentTranslation, str]:
        """The back-translation segment the finding sits on, and whether the sentence comes "after" or
        "before" it: next to the neighbour whose window it shares, else after the sentence before it."""
        if own is not None and before is not None and set(before.segments) & set(own.segments):
            return tr.segments[own.segments[-1]], "after"
        if own is not None:
            return tr.segments[own.segments[0]], "before"
        if before is not None:
            return tr.segments[before.segments[-1]], "after"
        assert after is not None
        return tr.segments[after.segments[0]], "before"
