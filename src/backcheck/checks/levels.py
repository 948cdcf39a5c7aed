"""levels: a level the source says was reached read as a change by that much, or the other way:
"unemployment rose to 8%" written «la disoccupazione è aumentata dell'8%» (by 8%: from 5% that is 13%),
"prices fell by 3%" written «i prezzi sono scesi al 3%».

English marks the level reached with "to" and the size of a change with "by" before the figure
(Huddleston & Pullum, *The Cambridge Grammar of the English Language*, ch. 7 §4: "to" of goal, "by" of
difference); Italian with «a» (al, all', alla, ai, agli, alle) and «di» (del, dell', della, dei, degli,
delle; Serianni, *Grammatica italiana*, VIII §§ 79, 88). Reported when a percentage, amount or count of
the source follows one of the two, the Italian figure of the same value follows the other, and the
back-translation reads that other one before the same value (figures written with digits): three sides
agree on what the Italian says, so no verb list is needed (a "sentenced to 5 years" read back as
"sentenced to" is never a candidate). Major by rule.
"""

from __future__ import annotations

import re

from ..lang.determiners import preposition_pattern, with_preposition
from ..lang.quantities import Quantity, extract, same_value
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

KINDS = ("percent", "amount", "count")
_EN = re.compile(r"(?<![\w'’])(to|by)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


# «a» and «di», bare or fused with the article, right before the figure
_IT = re.compile(rf"(?<![\w'’])(?:({preposition_pattern('a')})|({preposition_pattern('di')}))\s*$",
                 re.IGNORECASE)
_READS = {"to": "the level reached", "by": "the size of the change"}
# a cheap look before any figure is read: "to" or "by" before a figure written with a digit or a currency
_CUE = re.compile(r"(?i)\b(?:to|by)\s+(?:the\s+|a\s+)?[$€£]?\d")


def _en_marks(text: str) -> list[tuple[Quantity, str]]:
    """(figure, "to" or "by") for each figure of ``text`` right after one of the two."""
    out = []
    for q in extract(text, "en"):
        m = _EN.search(text[max(0, q.start - 12):q.start]) if q.kind in KINDS else None
        if m is not None:
            out.append((q, m.group(1).lower()))
    return out


def _it_mark(text: str, q: Quantity) -> tuple[str, int, str] | None:
    """("to" or "by", where the Italian preposition before ``q`` starts, the fix: the other preposition)."""
    lo = max(0, q.start - 8)
    m = _IT.search(text[lo:q.start])
    if m is None:
        return None
    prep = m.group(0).strip()
    other = with_preposition(prep, "di" if m.group(1) else "a")
    assert other is not None  # the pattern holds only «a» and «di» forms
    other = other[:1].upper() + other[1:] if prep[:1].isupper() else other
    return ("to" if m.group(1) else "by"), lo + m.start(), other + ("" if other[-1] in "'’" else " ") + q.text


@register
class LevelsCheck(Check):
    name = "levels"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION})
    description = "A level reached ('rose to 8%') read as a change by that much («dell'8%»), or the other way."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent in ctx.content_sentences():
            sources = [src for src in ctx.sources_for(sent.start, sent.end) if _CUE.search(src)]
            bt_text = ctx.back_translation_of(sent.start, sent.end) if sources else ""
            if not _CUE.search(bt_text):
                continue
            its = [(q, _it_mark(sent.text, q)) for q in extract(sent.text, "it") if q.kind in KINDS]
            bt = _en_marks(bt_text)
            for src in sources:
                said = _en_marks(src)
                for q, found in its:
                    same = [(e, p) for e, p in said if e.kind == q.kind and same_value(e.value, q.value)]
                    read = {p for e, p in bt if e.kind == q.kind and same_value(e.value, q.value)}
                    if found is None or len(same) != 1 or same[0][1] == found[0] or read != {found[0]}:
                        continue
                    mark, at, fix = found
                    en, prep = same[0]
                    start, end = sent.start + at, sent.start + q.end
                    out.append(self.candidate(
                        ctx, start, end, Category.NUMBER, Claim.LEVEL_CHANGED,
                        f"«{sent.text[at:q.end]}» reads as {_READS[mark]} (“{mark} {en.text}”), where the "
                        f"source's “{prep} {en.text}” gives {_READS[prep]}.",
                        Evidence(kinds=("source-number", "back-translation"), source=src,
                                 phrases=(("source", f"{prep} {en.text}"), ("back_translation", f"{mark} {en.text}")),
                                 details={"italian": q.text, "kind": q.kind, "source_value": en.text}),
                        suggestion=fix))
        return out
