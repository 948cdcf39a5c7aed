"""causality: cause and effect swapped. The source says X happened because of Y; the back-translation
of the Italian says Y happened because of X.

A source unit and its back-translation each with one cause marker ("because", "because of", "due to",
"owing to", "as a result of", "thanks to") are split into the cause (what the marker introduces: up to
the first comma when the marker opens the sentence, else to the end) and the effect (the rest). The
word alignment's links then say where each source word went: a link from the source's cause to the
back-translation's effect, or back, crosses. Mostly crossing links (at least
:data:`MIN_CROSSING` of them, and twice as many as the links that stay on their side) mean the two
clauses changed roles. The finding sits on the Italian cause marker («perché», «a causa di»), or where
there is not exactly one, on the Italian words of the back-translation's marker.
"""

from __future__ import annotations

import re

from ..align.tokens import en_words
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

# Markers that introduce a cause (Quirk et al., A Comprehensive Grammar, 15.45-46: reason and cause).
CAUSE_MARKER = re.compile(r"\b(?:because\s+of|because|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to)\b",
                          re.IGNORECASE)
MIN_CROSSING = 3


def cause_span(text: str) -> tuple[int, int, re.Match[str]] | None:
    """(start, end) of the cause clause of ``text`` and its marker, when it has exactly one marker."""
    found = list(CAUSE_MARKER.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    opens = not any(w.content for w in en_words(text[:m.start()]))
    if opens:
        comma = re.search(r"[,;]", text[m.end():])
        if comma is None:
            return None
        return m.end(), m.end() + comma.start(), m
    return m.end(), len(text), m


# The Italian markers of a cause (Serianni, Grammatica italiana XIV.130-135: causal conjunctions and
# locutions).
IT_CAUSE_MARKER = re.compile(r"(?<!\w)(?:perché|poiché|giacché|siccome|dato\s+che|visto\s+che|a\s+causa\s+d\w*|"
                             r"per\s+via\s+d\w*|grazie\s+a\w*|in\s+seguito\s+a\w*|a\s+seguito\s+d\w*)(?!\w)",
                             re.IGNORECASE)


@register
class CausalityCheck(Check):
    name = "causality"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE})
    description = "Cause and effect swapped: the back-translation makes the source's effect the cause."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        out: list[Candidate] = []
        for wa, seg in ctx.sentence_alignments():
            m = wa.match
            src = cause_span(m.source)
            if src is None:
                continue
            bt_text = ctx.translation.segments[seg].en
            bt = cause_span(bt_text)
            if bt is None:
                continue
            crossing = staying = 0
            for k in wa.links:
                s_cause = src[0] <= wa.source[k.src].start < src[1]
                b_cause = bt[0] <= wa.bt[k.bt].start < bt[1]
                crossing += s_cause != b_cause
                staying += s_cause == b_cause
            if crossing < MIN_CROSSING or crossing < 2 * staying:
                continue
            found = [(f.start(), f.end()) for f in IT_CAUSE_MARKER.finditer(ctx.translation.segments[seg].it)]
            span = ctx.marker_span(seg, found, bt[2].start(), bt[2].end())
            if span is None:
                continue
            start, end = span
            cause_s = m.source[src[0]:src[1]].strip(" ,.;")
            message = (f"«{ctx.article.text[start:end]}» makes the wrong clause the cause: the source says "
                       f"“{src[2].group()} {cause_s}”, the back-translation has cause and effect the other way round")
            out.append(self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.CAUSE_SWAPPED, message,
                Evidence(kinds=("source", "word-alignment"), source=m.source, back_translation=bt_text,
                         phrases=(("source", cause_s), ("back_translation", bt_text[bt[0]:bt[1]].strip(" ,.;"))),
                         details={"crossing": crossing, "staying": staying})))
        return out
