"""modality: an English modal perfect ("we must have asked", "they should have warned") that the Italian
renders as a real past obligation or ability («abbiamo dovuto chiedere», «hanno dovuto avvertire»).

The source judges how likely a past act is, or says it ought to have happened and did not; the Italian
says it had to happen, or could, and did (:mod:`backcheck.lang.modality`). Reported when a source unit
placed on the sentence has a modal perfect and no form of a real obligation or ability of its own
("had to", "was able to", "could" with a plain verb), and the Italian sentence has the compound past
or past historic of *dovere* / *potere* with an infinitive and no form that renders a modal perfect
(«deve aver chiesto», «avrebbero dovuto», «forse»). The fix puts the Italian verb in the form the
source's modal asks for, when its person and participle are known.

Also a necessity read as a possibility, or back: "companies must report the data" as «le aziende possono
segnalare i dati» (allowed, not required), "visitors may bring food" as «devono portare» (required, not
allowed): the source unit has modals of one class only (:mod:`backcheck.lang.deontic`), the
back-translation of the other only, and the Italian a form of *potere* or *dovere* of the
back-translation's class and none of the source's; fixed with the other verb in the same person.

Also a negated necessity read the other way: "they don't have to pay" (no obligation) as «non devono
pagare» (a prohibition), fixed as «non devono necessariamente»; "they must not pay" (a prohibition) as
«non sono tenuti a pagare» (no obligation). Either turns what is allowed into what is forbidden or back.
"""

from __future__ import annotations

import re

from ..lang import cased_like
from ..lang.deontic import NECESSITY, modal_classes, swapped
from ..lang.inflect import participle
from ..lang.modality import (
    EN_FACTUAL,
    en_negated_necessity,
    factual_modals,
    it_negated_necessity,
    modal_perfects,
    renders_modal_perfect,
    suggested,
)
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_SAYS = {"probably": "only that it probably happened", "possibly": "only that it may have happened",
         "impossible": "that it cannot have happened", "ought": "that it ought to have happened and did not"}


@register
class ModalityCheck(Check):
    name = "modality"
    needs = frozenset({Need.SOURCE})
    description = ("An English modal perfect (must / should / might have done) rendered as a real past "
                   "obligation or ability (ha dovuto / ha potuto fare); 'don't have to' as 'must not', or back; "
                   "'must' as «può», or back.")
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
                fix = cased_like(fix, ctx.article.text[a:b]) if fix is not None else None
                reading = "a real obligation ('had to')" if f.verb == "dovere" else "a real ability ('was able to')"
                out.append(self.candidate(
                    ctx, a, b, Category.MISTRANSLATION, Claim.MODALITY_CHANGED,
                    f"«{f.text}» states {reading} and that the act took place; the source's "
                    f"“{said.text}” says {_SAYS[said.reading]}.",
                    Evidence(kinds=("source", "modality"), source=src,
                             phrases=(("source", said.text), ("italian", f.text)),
                             details={"reading": said.reading}),
                    suggestion=fix))
        out += self._negated_necessity(ctx)
        return out + self._necessity_swapped(ctx)

    def _necessity_swapped(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        out = []
        for m in ctx.alignment.matches:
            said = modal_classes(m.source, "en")
            read = modal_classes(m.bt, "en") if m.bt and len(said) == 1 else {}
            if len(read) != 1 or read.keys() == said.keys():
                continue
            (s_cls, s_spans), (b_cls,) = next(iter(said.items())), read.keys()
            italian = modal_classes(ctx.article.text[m.it_start:m.it_end], "it")
            if s_cls in italian or b_cls not in italian:
                continue
            a, b = (m.it_start + x for x in italian[b_cls][0])
            word, source_word = ctx.article.text[a:b], m.source[s_spans[0][0]:s_spans[0][1]]
            if s_cls == NECESSITY:
                message = f"«{word}» allows or deems possible what the source requires (“{source_word}”)."
            else:
                message = f"«{word}» requires what the source only allows or deems possible (“{source_word}”)."
            fix = swapped(word)
            out.append(self.candidate(
                ctx, a, b, Category.MISTRANSLATION, Claim.MODALITY_CHANGED, message,
                Evidence(kinds=("source", "modality"), source=m.source, back_translation=m.bt,
                         phrases=(("source", source_word), ("italian", word)),
                         details={"reading": f"{s_cls}-as-{b_cls}"}),
                suggestion=cased_like(fix, word) if fix is not None else None))
        return out

    def _negated_necessity(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent, found, aligned, _near in ctx.sentences_with(it_negated_necessity):
            src = "\n".join(aligned)
            source_side = en_negated_necessity(src)
            said = {n.kind for n in source_side}
            kinds = {n.kind for n in found}
            if len(said) != 1 or said == kinds or len(kinds) != 1:
                continue  # nothing to compare, or both readings on a side (two clauses)
            source_kind, source_text = source_side[0].kind, source_side[0].text
            for n in found:
                a, b = sent.start + n.start, sent.start + n.end
                if source_kind == "no-obligation":
                    message = (f"«{n.text}» forbids the act ('must not'); the source's “{source_text}” says only "
                               "that it is not required.")
                    fix = n.text + " necessariamente"
                else:
                    message = (f"«{n.text}» says only that the act is not required; the source's “{source_text}” "
                               "forbids it.")
                    fix = None
                out.append(self.candidate(
                    ctx, a, b, Category.MISTRANSLATION, Claim.MODALITY_CHANGED, message,
                    Evidence(kinds=("source", "modality"), source=src,
                             phrases=(("source", source_text), ("italian", n.text)),
                             details={"reading": source_kind}),
                    suggestion=fix))
        return out
