"""modality: an English modal perfect ("we must have asked", "they should have warned") that the Italian
renders as a real past obligation or ability («abbiamo dovuto chiedere», «hanno dovuto avvertire»).

The source judges how likely a past act is, or says it ought to have happened and did not; the Italian
says it had to happen, or could, and did (:mod:`backcheck.lang.modality`). Reported when a source unit
placed on the sentence has a modal perfect and no form of a real obligation or ability of its own
("had to", "was able to", "could" with a plain verb), and the Italian sentence has the compound past
or past historic of *dovere* / *potere* with an infinitive and no form that renders a modal perfect
(«deve aver chiesto», «avrebbero dovuto», «forse»). The fix puts the Italian verb in the form the
source's modal asks for, when its person and participle are known.
"""

from __future__ import annotations

import re

from ..lang.inflect import participle
from ..lang.modality import EN_FACTUAL, factual_modals, modal_perfects, renders_modal_perfect, suggested
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_SAYS = {"probably": "only that it probably happened", "possibly": "only that it may have happened",
         "impossible": "that it cannot have happened", "ought": "that it ought to have happened and did not"}


@register
class ModalityCheck(Check):
    name = "modality"
    needs = frozenset({Need.SOURCE})
    description = ("An English modal perfect (must / should / might have done) rendered as a real past "
                   "obligation or ability (ha dovuto / ha potuto fare).")
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent, found, aligned, _near in ctx.sentences_with(factual_modals):
            src = "\n".join(aligned)
            perfects = modal_perfects(src)
            if not perfects or EN_FACTUAL.search(src) or renders_modal_perfect(sent.text):
                continue
            said = perfects[0]
            for f in found[:len(perfects)]:
                a, b = sent.start + f.start, sent.start + f.end
                negated = bool(re.search(r"(?<!\w)non\s+(?:\w+\s+)?$", sent.text[max(0, f.start - 12):f.start],
                                         re.IGNORECASE))
                fix = suggested(f, said.reading, participle(f.infinitive), negated)
                if fix is not None and ctx.article.text[a:a + 1].isupper():
                    fix = fix[:1].upper() + fix[1:]
                reading = "a real obligation ('had to')" if f.verb == "dovere" else "a real ability ('was able to')"
                out.append(self.candidate(
                    ctx, a, b, Category.MISTRANSLATION, Claim.MODALITY_CHANGED,
                    f"«{f.text}» states {reading} and that the act took place; the source's "
                    f"“{said.text}” says {_SAYS[said.reading]}.",
                    Evidence(kinds=("source", "modality"), source=src,
                             phrases=(("source", said.text), ("italian", f.text)),
                             details={"reading": said.reading}),
                    suggestion=fix))
        return out
