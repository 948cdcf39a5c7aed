"""magnitudes: a round number said without a figure ("dozens of people", «centinaia di persone») of
another order of magnitude than the source's: "dozens" read as «centinaia» tells the reader of ten
times as many dead (:mod:`backcheck.lang.magnitudes`, ``data/magnitudes.tsv``). Likewise a change said
as a factor: "sales doubled" read as «le vendite sono triplicate», "halved" as «raddoppiati».

For each Italian sentence with such a number and a source unit placed on it that has one too: when the
source has exactly one order the Italian lacks, each Italian round number of an order the source does
not have stands for it. Nothing is reported when the back-translation has the source's order (the
Italian says it some way the table does not know). A changed count: major (the rules; the judge's
model weighs it as the numbers check's).
"""

from __future__ import annotations

from ..lang.inflect import analyse, inflect
from ..lang.magnitudes import multiple_for, multiples, numeral_for, round_numbers
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@register
class MagnitudesCheck(Check):
    name = "magnitudes"
    needs = frozenset({Need.SOURCE})
    description = ("A round number said without a figure (dozens, «centinaia») of another order than the source's; "
                   "a factor (doubled, «triplicate») other than the source's.")
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
        return out + self._multiples(ctx)

    def _multiples(self, ctx: CheckContext) -> list[Candidate]:
        """The same for a change said as a factor: the source has one factor the Italian lacks, and
        the back-translation does not read it."""
        out: list[Candidate] = []
        for sent in ctx.content_sentences():
            its = multiples(sent.text, "it")
            if not its:
                continue
            src = " ".join(ctx.sources_for(sent.start, sent.end))
            ens = multiples(src, "en")
            missing = {f for _, _, f in ens} - {f for _, _, f in its}
            if len(missing) != 1:
                continue
            (factor,) = missing
            if factor in {f for _, _, f in multiples(ctx.back_translation_of(sent.start, sent.end), "en")}:
                continue
            said = next(src[a:b] for a, b, f in ens if f == factor)
            for a, b, f in its:
                if f in {g for _, _, g in ens}:
                    continue
                italian = sent.text[a:b]
                message = f"«{italian}» where the source says “{said}”: {_times(f)} instead of {_times(factor)}"
                evidence = Evidence(kinds=("source-number",), source=src, phrases=(("source", said),
                                                                                   ("italian", italian)),
                                    details={"italian": italian, "kind": "count", "source_value": said})
                fix = _same_form(multiple_for(factor, italian), italian)
                out.append(self.candidate(ctx, sent.start + a, sent.start + b, Category.NUMBER, Claim.NUMBER_CHANGED,
                                          message, evidence, fix))
        return out


_TIMES = {0.5: "half", 2.0: "twice", 3.0: "three times", 4.0: "four times", 5.0: "five times", 10.0: "ten times"}


def _times(factor: float) -> str:
    return _TIMES.get(factor, f"{factor:g} times")


def _same_form(lemma: str | None, like: str) -> str | None:
    """``lemma`` (a verb or adjective) in the form of the Italian word it replaces."""
    if lemma is None:
        return None
    pos = "v" if lemma.endswith(("are", "ere", "ire")) else "n" if lemma.endswith(("io", "mento")) else "a"
    form = analyse(like, pos)
    return inflect(lemma, pos, form) if form is not None else None
