"""magnitudes: a round number said without a figure ("dozens of people", «centinaia di persone») of
another order of magnitude than the source's: "dozens" read as «centinaia» tells the reader of ten
times as many dead (:mod:`backcheck.lang.magnitudes`, ``data/magnitudes.tsv``).

For each Italian sentence with such a number and a source unit placed on it that has one too: when the
source has exactly one order the Italian lacks, each Italian round number of an order the source does
not have stands for it. Nothing is reported when the back-translation has the source's order (the
Italian says it some way the table does not know). A changed count: major (the rules; the judge's
model weighs it as the numbers check's).
"""

from __future__ import annotations

from ..lang.magnitudes import numeral_for, round_numbers
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@register
class MagnitudesCheck(Check):
    name = "magnitudes"
    needs = frozenset({Need.SOURCE})
    description = "A round number said without a figure (dozens, «centinaia») of another order than the source's."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out: list[Candidate] = []
        for sent in ctx.content_sentences():
            its = round_numbers(sent.text, "it")
            if not its:
                continue
            src = " ".join(ctx.sources_for(sent.start, sent.end))
            ens = round_numbers(src, "en")
            en_orders = {o for _, _, o in ens}
            missing = en_orders - {o for _, _, o in its}
            if len(missing) != 1:
                continue
            (order,) = missing
            if order in {o for _, _, o in round_numbers(ctx.back_translation_of(sent.start, sent.end), "en")}:
                continue  # the back-translation reads the source's order: the Italian says it its own way
            said = next(src[a:b] for a, b, o in ens if o == order)
            for a, b, o in its:
                if o in en_orders:
                    continue
                italian = sent.text[a:b]
                times = 10 ** abs(o - order)
                more = "more" if o > order else "fewer"
                message = (f"«{italian}» where the source says “{said}”: about {times:,} times {more} than the "
                           f"source's figure")
                evidence = Evidence(kinds=("source-number",), source=src, phrases=(("source", said),
                                                                                   ("italian", italian)),
                                    details={"italian": italian, "kind": "count", "source_value": said})
                out.append(self.candidate(ctx, sent.start + a, sent.start + b, Category.NUMBER, Claim.NUMBER_CHANGED,
                                          message, evidence, numeral_for(order, "it")))
        return out
