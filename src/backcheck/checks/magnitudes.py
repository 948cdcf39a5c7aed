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

from collections.abc import Callable, Iterator
from typing import Any

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
        for sent, src, said, order, a, b, o in _replaced(ctx, round_numbers):
            times = 10 ** abs(o - order)
            more = "more" if o > order else "fewer"
            message = (f"«{sent.text[a:b]}» where the source says “{said}”: about {times:,} times {more} than the "
                       f"source's figure")
            out.append(self._candidate(ctx, sent, src, said, a, b, message, numeral_for(int(order), "it")))
        for sent, src, said, factor, a, b, f in _replaced(ctx, multiples):
            message = f"«{sent.text[a:b]}» where the source says “{said}”: {_times(f)} instead of {_times(factor)}"
            fix = _same_form(multiple_for(factor, sent.text[a:b]), sent.text[a:b])
            out.append(self._candidate(ctx, sent, src, said, a, b, message, fix))
        return out

    def _candidate(self, ctx: CheckContext, sent: Any, src: str, said: str, a: int, b: int, message: str,
                   fix: str | None) -> Candidate:
        italian = sent.text[a:b]
        evidence = Evidence(kinds=("source-number",), source=src, phrases=(("source", said), ("italian", italian)),
                            details={"italian": italian, "kind": "count", "source_value": said})
        return self.candidate(ctx, sent.start + a, sent.start + b, Category.NUMBER, Claim.NUMBER_CHANGED, message,
                              evidence, fix)


def _replaced(ctx: CheckContext, find: Callable[[str, str], list[tuple[int, int, Any]]]
              ) -> Iterator[tuple[Any, str, str, Any, int, int, Any]]:
    """(sentence, its source, the source's words, the source's value, start, end and value of an Italian
    word standing for it) where the source units placed on the sentence have exactly one value the Italian
    lacks and the back-translation does not read it (``find``: the values of a text in a language)."""
    for sent in ctx.content_sentences():
        its = find(sent.text, "it")
        if not its:
            continue
        src = " ".join(ctx.sources_for(sent.start, sent.end))
        ens = find(src, "en")
        values = {v for _, _, v in ens}
        missing = values - {v for _, _, v in its}
        if len(missing) != 1:
            continue
        (value,) = missing
        if value in {v for _, _, v in find(ctx.back_translation_of(sent.start, sent.end), "en")}:
            continue  # the back-translation reads the source's value: the Italian says it its own way
        said = next(src[a:b] for a, b, v in ens if v == value)
        for a, b, v in its:
            if v not in values:
                yield sent, src, said, value, a, b, v


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
