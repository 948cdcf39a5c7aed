"""stance: a likelihood stated as a certainty, or a certainty as a likelihood.

The source qualifies a statement with an epistemic adverb: "apparently", "reportedly", "probably" (the
writer does not vouch for it: a guess, hearsay) or "certainly", "obviously", "clearly" (the writer
does). When the back-translation of the Italian has an adverb of the other kind in the same place and
none of the source's kind, the Italian vouches for what the source only reports, or doubts what it
asserts: "the «some» apparently referring to the definition" read as «Ovviamente»
("obviously"). The adverbs: ``lang/data/stance.tsv`` (Huddleston & Pullum's modal and evidential
adjuncts; Serianni's avverbi di giudizio). Two adverbs are paired when every link of the word alignment
keeps its side of them (:meth:`~backcheck.align.words.WordAlignment.same_place`), or when each side has
just that one (a sentence adverb moved to the front: "The fire apparently started" / «Ovviamente
l'incendio è partito»). A likelihood made a certainty is major (a
claim becomes a fact); the reverse, minor. The finding sits on the Italian adverb when the sentence has
exactly one of that kind (the fix: the source's adverb in Italian, a dictionary's first equivalent),
else on the Italian words the back-translation's adverb projects onto; an Italian sentence with no
adverb of that kind (by the Italian list) is not reported: the back-translation read more into it
(«evidentemente», "apparently" or "obviously" by context, read as "obviously").
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..lang.datafiles import entries, table
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

KINDS = ("likely", "certain")
_SAYS = {"likely": "a likelihood", "certain": "a certainty"}


class Marker(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    groups = []
    for kind in KINDS:
        words = sorted(entries("stance.tsv", lang, kind), key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        groups.append(f"(?P<{kind}>{alternation})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE)


def markers(text: str, lang: str) -> list[Marker]:
    """The epistemic adverbs of ``text`` (``lang`` "en" or "it"), in order."""
    return [Marker(str(m.lastgroup), m.group(0), m.start(), m.end()) for m in _pattern(lang).finditer(text)]


@register
class StanceCheck(Check):
    name = "stance"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE})
    description = ("The Italian vouches for what the source only reports or guesses, or doubts what it asserts "
                   "('apparently' read as «ovviamente»).")
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        out: list[Candidate] = []
        for wa in ctx.word_alignments():
            src = markers(wa.match.source, "en")
            if not src or not wa.links:
                continue
            # the source unit may be translated as two sentences: the adverb may be in either
            bt = [(seg, m) for seg in wa.match.segments for m in markers(ctx.translation.segments[seg].en, "en")]
            found = [(s, seg, b) for s in src for seg, b in bt if s.kind != b.kind
                     and not any(k.kind == s.kind for _, k in bt) and not any(k.kind == b.kind for k in src)
                     and (wa.same_place(s.start, b.start, seg) or len(src) == len(bt) == 1)]
            if len(found) != 1:
                continue  # none in the same place, or more than one reading of which is which
            s, seg, b = found[0]
            segment = ctx.translation.segments[seg]
            italian = [(m.start, m.end) for m in markers(segment.it, "it") if m.kind == b.kind]
            if not italian:
                continue  # the Italian has no adverb of that kind: the back-translation drifted («evidentemente»)
            span = ctx.marker_span(seg, italian, b.start, b.end)
            if span is None:
                continue
            start, end = span
            fix = ctx.marker_fix(span, italian, table("stance.tsv", "en", s.kind).get(s.text.lower()))
            to_certain = b.kind == "certain"
            effect = ("the Italian vouches for what the source does not" if to_certain
                      else "the Italian doubts what the source asserts")
            message = (f"«{ctx.article.text[start:end]}» reads as “{b.text}”, {_SAYS[b.kind]}, where the source says "
                       f"“{s.text}”, {_SAYS[s.kind]}: {effect}")
            out.append(self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.STANCE_CHANGED, message,
                Evidence(kinds=("source", "word-alignment"), source=wa.match.source, back_translation=segment.en,
                         phrases=(("source", s.text), ("back_translation", b.text)),
                         details={"source_stance": s.kind, "stance": b.kind},
                         features={"to_certain": float(to_certain)}),
                suggestion=fix))
        return out
