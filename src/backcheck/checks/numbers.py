"""Numbers and dates that differ from the aligned English source.

Italian and English quantities are normalised (numbers_norm) and compared per slot: an Italian
quantity is reported only when the aligned source has none of the same value, and a clear
counterpart that differs: a date in the same month (or the only date on both sides), the only year,
percentage or money amount on both sides, or the one count left on each side once equal numbers
are paired off. A source that merely lacks the number (snippets are partial) is never reported.
Without a source the check finds nothing.
"""

from __future__ import annotations

from ..anchors import aligned_sources
from ..numbers_norm import Quantity, extract, format_it, same_value
from ..report.findings import Category, Finding, Severity
from .base import Check, CheckContext, register

# A changed date or amount is critical; a changed count is major.
SEVERITY = {"date": Severity.CRITICAL, "year": Severity.CRITICAL, "percent": Severity.CRITICAL,
            "amount": Severity.CRITICAL, "count": Severity.MAJOR}


def _matches(it: Quantity, en: Quantity) -> bool:
    if it.kind == "date" and en.kind == "date":
        return it.month == en.month and same_value(it.value, en.value)
    it_values = [it.value] + ([it.alt] if it.alt is not None else [])
    en_values = [en.value] + ([en.alt] if en.alt is not None else [])
    return any(same_value(a, b) for a in it_values for b in en_values)


def _counterpart(it: Quantity, it_all: list[Quantity], en_all: list[Quantity]) -> Quantity | None:
    """The source quantity in the same slot as ``it``, when there is exactly one and it differs."""
    if any(_matches(it, en) for en in en_all):
        return None
    if it.kind == "date":
        same_month = [en for en in en_all if en.kind == "date" and en.month == it.month]
        if len(same_month) == 1:
            return same_month[0]
        dates_it = [q for q in it_all if q.kind == "date"]
        dates_en = [q for q in en_all if q.kind == "date"]
        return dates_en[0] if len(dates_it) == 1 and len(dates_en) == 1 and not same_month else None
    if it.kind == "amount" and it.currency:
        pool_en = [en for en in en_all if en.kind == "amount" and en.currency == it.currency]
        pool_it = [q for q in it_all if q.kind == "amount" and q.currency == it.currency]
    else:
        pool_en = [en for en in en_all if en.kind == it.kind]
        pool_it = [q for q in it_all if q.kind == it.kind]
    left_it = [q for q in pool_it if not any(_matches(q, en) for en in en_all)]
    left_en = [en for en in pool_en if not any(_matches(q, en) for q in it_all)]
    if len(left_it) == 1 and len(left_en) == 1:
        return left_en[0]
    return None


@register
class NumbersCheck(Check):
    name = "numbers"
    needs = frozenset()
    description = "Amounts, percentages, dates and counts that differ from the aligned source."

    def run(self, ctx: CheckContext) -> list[Finding]:
        if not ctx.sources:
            return []
        from .boilerplate import boilerplate_paragraphs

        skip = boilerplate_paragraphs(ctx.article)
        out = []
        for sent in ctx.article.sentences:
            if sent.paragraph in skip:
                continue
            it_all = extract(sent.text, "it")
            if not it_all:
                continue
            for src in aligned_sources(ctx, sent.start, sent.end):
                en_all = extract(src, "en")
                for q in it_all:
                    en = _counterpart(q, it_all, en_all)
                    if en is None:
                        continue
                    what = "date" if q.kind in ("date", "year") else "number"
                    out.append(
                        self.finding(
                            ctx, sent.start + q.start, sent.start + q.end, Category.NUMBER, SEVERITY[q.kind],
                            f"The {what} differs from the source: '{q.text}' vs '{en.text}'.",
                            {"source": src, "italian": q.text, "source_value": en.text, "kind": q.kind},
                            suggestion=format_it(en),
                        )
                    )
        return out
