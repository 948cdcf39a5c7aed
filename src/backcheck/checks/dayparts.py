"""dayparts: a part of the day in the Italian opposed to the one the aligned source gives: "the talks
resumed on Tuesday morning" written «martedì sera» moves the event by half a day.

The parts of the day are CLDR's (:mod:`backcheck.lang.dayparts`). Reported only for an Italian part of
the day *opposed* to every one the source units placed on the sentence name (morning / evening,
afternoon / night); a neighbour ("night" as «sera») is how the two languages divide the day. Nothing is
reported when a source unit next to them names the Italian's part of the day (a sentence placed one
off), when the Italian sentence also names the source's (a range, «dalla mattina alla sera»), or when the
back-translation reads the source's (the Italian says it some way the names do not show). Major by rule
(the claim of a changed weekday or month, which is critical: a part of the day is a smaller shift); a
mistranslation, so that a reversal the word alignment also finds on the same word ("afternoon" /
«notte») gives way to it.
"""

from __future__ import annotations

from ..lang.dayparts import dayparts, english_name, is_cldr_name, italian_name, opposed
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


def _italian(text: str) -> list[tuple[int, int, frozenset[int]]]:
    return dayparts(text, "it")


def _periods(text: str) -> set[int]:
    return {p for _, _, ps in dayparts(text, "en") for p in ps}


@register
class DaypartsCheck(Check):
    name = "dayparts"
    needs = frozenset({Need.SOURCE})
    description = "A part of the day (morning, «sera») opposed to the one the aligned source gives."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent, found, aligned, near in ctx.sentences_with(_italian):
            src = "\n".join(aligned)
            said = dayparts(src, "en")
            periods = {p for _, _, ps in said for p in ps}
            if not periods or periods & {p for _, _, ps in found for p in ps}:
                continue  # the source names none, or the Italian names the source's too
            if periods & _periods(ctx.back_translation_of(sent.start, sent.end)):
                continue
            nearby = _periods("\n".join(near))
            said_text = ", ".join(f"“{src[a:b]}”" for a, b, _ in said)
            for start, end, ps in found:
                if ps & nearby or not all(opposed(p, q) for p in ps for q in periods):
                    continue
                word = sent.text[start:end]
                # the fix replaces a CLDR name by another; a compound («stasera») would lose its «sta-»
                fix = italian_name(next(iter(periods))) if len(periods) == 1 and is_cldr_name(word, "it") else None
                out.append(self.candidate(
                    ctx, sent.start + start, sent.start + end, Category.MISTRANSLATION, Claim.CALENDAR_CHANGED,
                    f"«{word}» is the {' or '.join(english_name(p) for p in sorted(ps))}, where the source says "
                    f"{said_text}: another part of the day.",
                    Evidence(kinds=("source", "calendar"), source=src,
                             details={"italian": word, "calendar": "period",
                                      "source_value": [src[a:b] for a, b, _ in said]}),
                    suggestion=fix))
        return out
