"""quantifiers: how much of a set a statement covers changed: "most residents supported the plan" written
«tutti i residenti», "not all schools will close" written «nessuna scuola».

The quantifying determiners of both languages on Horn's scale none < few < some < many < most < all
(:mod:`backcheck.lang.quantifiers`). For each source unit with one class of quantifier whose
back-translation (one class too) reads another class far from it on the scale (two steps, or one end of
it: "all", "none"), reported when the Italian has a quantifier of the back-translation's class and none of
the source's: the Italian says it, not a reading of the back-translation. Neighbours ("many" / "most")
are a translator's latitude and are left alone. Major by rule.
"""

from __future__ import annotations

from ..lang.quantifiers import SCALE, far_apart, quantifiers
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@register
class QuantifiersCheck(Check):
    name = "quantifiers"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION})
    description = "How much of a set a statement covers changed (most → «tutti», not all → «nessuno»)."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        out = []
        for m in ctx.alignment.matches:
            said = quantifiers(m.source, "en")
            if not said or not m.bt:
                continue
            read = quantifiers(m.bt, "en")
            s_cls, b_cls = {c for c, _, _ in said}, {c for c, _, _ in read}
            if len(s_cls) != 1 or len(b_cls) != 1 or not far_apart(*s_cls, *b_cls):
                continue
            (s,), (b,) = s_cls, b_cls
            region = ctx.article.text[m.it_start:m.it_end]
            italian = quantifiers(region, "it")
            if s in {c for c, _, _ in italian}:
                continue
            at = next(((a, e) for c, a, e in italian if c == b), None)
            if at is None:
                continue
            start, end = m.it_start + at[0], m.it_start + at[1]
            source_words = m.source[said[0][1]:said[0][2]]
            more = "more" if SCALE.index(b) > SCALE.index(s) else "less"
            message = (f"«{ctx.article.text[start:end]}» says {b} of them, where the source says “{source_words}” "
                       f"({s}): the Italian claims {more} than the source")
            out.append(self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.QUANTIFIER_CHANGED, message,
                Evidence(kinds=("source", "back-translation", "italian"), source=m.source, back_translation=m.bt,
                         phrases=(("source", source_words), ("back_translation", m.bt[read[0][1]:read[0][2]])),
                         details={"source_class": s, "italian_class": b})))
        return out
