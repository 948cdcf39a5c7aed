"""Numbers, dates, clock times and measures that differ from the aligned English source or from
the article's own headline.

Against the source (numbers_norm normalises both languages), an Italian quantity is reported when
the aligned source has none of the same value and a clear counterpart that differs: a date in the
same month (or the only date on both sides), the only year, time, percentage or money amount on both
sides, or the one count or measure left on each side once equal numbers are paired off. Three
special cases name what went wrong: a 12-hour time read as 24-hour ("8 p.m." → "ore 8"), a measure
whose number was kept but whose unit was changed without converting it ("30,000 acres" →
"30.000 ettari"), and percentage points given as a relative percent ("0.4 percentage points" →
"0,4%"). A source that merely lacks the number (snippets are partial) is never reported.

Inside the article, without any source: a news lead restates its headline's figures, so the first
body quantity of the headline's kind (same currency, unit, and for counts the same counted noun)
that has the headline's digits permuted or another scale word ("48 milioni" / "48 miliardi"), when
the body never states the headline's value, is reported with the headline's value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lang import cased_like
from ..lang.bounds import bound_before, bounded_it, italian_bound, italian_for, opposed
from ..lang.currencies import english_plural, swap_currency
from ..lang.measures import convert, unit_of
from ..lang.quantities import Quantity, extract, format_it, format_it_like, garbled, same_value, slot
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register


@dataclass(frozen=True)
class NumberSettings:
    """The settings of this check (they enter the report signature)."""

    # A measure converted between units matches within this relative tolerance (translators round:
    # "30 miles" → "circa 50 km").
    conversion_tolerance: float = 0.05


CONFIG = NumberSettings()


def _values(q: Quantity) -> list[float]:
    return [q.value] + ([q.alt] if q.alt is not None else [])


def _matches(it: Quantity, en: Quantity) -> bool:
    if "year" in (it.kind, en.kind):
        # a year is exact: the rounding tolerance (1%) would make 1989 the same as 1998
        return any(abs(a - b) < 1e-6 for a in _values(it) for b in _values(en))
    if it.kind == "date" and en.kind == "date":
        return it.month == en.month and same_value(it.value, en.value)
    if "time" in (it.kind, en.kind):
        return it.kind == en.kind and any(abs(a - b) < 1e-6 for a in _values(it) for b in _values(en))
    if it.currency and en.currency and it.currency != en.currency:
        return False  # another currency: "$5 million" is not «5 milioni di euro»
    if it.unit and en.unit and it.unit != en.unit:
        conv = convert(en.value, en.unit, it.unit)
        if conv is None:
            return False
        if it.unit.startswith("temperature:"):
            return abs(conv - it.value) <= 1.0
        return same_value(it.value, conv, CONFIG.conversion_tolerance)
    return any(same_value(a, b) for a in _values(it) for b in _values(en))


# Quantities a bound can qualify (not dates, years or clock times).
BOUNDED_KINDS = ("count", "percent", "amount", "measure")
# The source bounds checked: a floor, a strict comparison, "nearly" (data/bounds.tsv says why not the
# others).
CHECKED_BOUNDS = ("min", "more", "less", "nearly")


def _dimension(q: Quantity) -> str | None:
    return q.unit.split(":")[0] if q.unit else None


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
    elif it.kind == "measure":
        pool_en = [en for en in en_all if _dimension(en) == _dimension(it)]
        pool_it = [q for q in it_all if _dimension(q) == _dimension(it)]
    else:
        pool_en = [en for en in en_all if en.kind == it.kind]
        pool_it = [q for q in it_all if q.kind == it.kind]
    left_it = [q for q in pool_it if not any(_matches(q, en) for en in en_all)]
    left_en = [en for en in pool_en if not any(_matches(q, en) for q in it_all)]
    if len(left_it) == 1 and len(left_en) == 1:
        return left_en[0]
    return None


def _clock_it(hours: float) -> str:
    h, m = int(hours) % 24, round((hours - int(hours)) * 60)
    return f"ore {h}" if m == 0 else f"ore {h}:{m:02d}"


def _unit_not_converted(it: Quantity, en_all: list[Quantity]) -> tuple[Quantity, str | None] | None:
    """(source measure, suggestion) when ``it`` keeps a source measure's number in another unit, or a
    source amount's in another currency the source never names ("$5 million" as «5 milioni di euro»)."""
    if not (it.unit or it.currency) or any(_matches(it, en) for en in en_all):
        return None
    if it.unit is None and it.currency is not None:
        other = [en for en in en_all if en.kind == "amount" and en.currency and same_value(it.value, en.value)]
        if not other or any(en.currency == it.currency for en in en_all):
            return None
        return other[0], swap_currency(it.text, it.currency, other[0].currency)
    for en in en_all:
        if en.unit and it.unit and en.unit != it.unit and _dimension(en) == _dimension(it) \
                and same_value(it.value, en.value):
            conv = convert(en.value, en.unit, it.unit)
            word = re.sub(r"^[\d.,]+\s*", "", it.text) if it.scale == 1.0 else ""
            value = format_it(Quantity("count", round(conv or 0.0), 0, 0, ""))
            return en, f"{value} {word}".strip() if word else value
    return None


def _points_as_percent(it: Quantity, en_all: list[Quantity]) -> Quantity | None:
    """The source's "percentage points" that ``it`` (a relative "%") renders."""
    if it.kind != "percent" or it.points:
        return None
    pts = [en for en in en_all if en.points and same_value(it.value, en.value)]
    plain = [en for en in en_all if en.kind == "percent" and not en.points and same_value(it.value, en.value)]
    return pts[0] if pts and not plain else None


def _source_bounds(q: Quantity, en_all: list[Quantity], src: str) -> Iterator[tuple[Quantity, str, str]]:
    """(source quantity, bound phrase, class) for each source number of ``q``'s that a bound comes right before."""
    for en in en_all:
        bound = bound_before(src, en.start, "en") if en.kind in BOUNDED_KINDS and _matches(q, en) else None
        if bound is not None:
            yield en, *bound


_BASIS_POINTS = re.compile(r"\s*(?:basis[- ]points?|bps?|b\.p\.)(?!\w)", re.I)


def _basis_points(it: Quantity, en_all: list[Quantity], src: str) -> Quantity | None:
    """The source's basis points (hundredths of a point) that ``it``, a percentage or whole percentage
    points of the same number, renders a hundred times too large."""
    if it.kind != "percent":
        return None
    return next((en for en in en_all if en.kind == "count" and same_value(it.value, en.value)
                 and _BASIS_POINTS.match(src, en.end)), None)


@register
class NumbersCheck(Check):
    name = "numbers"
    needs = frozenset()
    description = "Amounts, percentages, dates, times and measures that differ from the source or the headline."
    config = CONFIG
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        # the source comes first: of two candidates on one number the judge keeps the first (exclusive)
        return (self._against_source(ctx) if ctx.sources else []) + self._against_headline(ctx)

    def _against_source(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent in ctx.content_sentences():
            it_all = extract(sent.text, "it")
            if not it_all:
                continue
            for src in ctx.sources_for(sent.start, sent.end):
                en_all = extract(src, "en")
                for q in it_all:
                    out.extend(self._compare(ctx, sent.start, q, it_all, en_all, src))
                    out.extend(self._bound_lost(ctx, sent.start, sent.text, q, en_all, src))
        return out

    def _bound_lost(self, ctx: CheckContext, base: int, sentence: str, q: Quantity, en_all: list[Quantity],
                    src: str) -> list[Candidate]:
        """The source bounds the number ("at least 50%") and the Italian states it bare («il 50%»), or
        bounds it the other way («meno di» for "more than"; :func:`_bound_reversed`)."""
        if q.kind not in BOUNDED_KINDS:
            return []
        if bounded_it(sentence, q.start, q.end):
            return self._bound_reversed(ctx, base, sentence, q, en_all, src)
        for en, phrase, cls in _source_bounds(q, en_all, src):
            if cls not in CHECKED_BOUNDS:
                continue
            bt = ctx.back_translation_of(base + q.start, base + q.end)
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", bt, re.I):
                return []  # the Italian bounds it in a form the list does not know
            italian = italian_for(cls)
            return [self.candidate(
                ctx, base + q.start, base + q.end, Category.OMISSION, Claim.QUALIFIER_DROPPED,
                f"The source says '{phrase} {en.text}'; «{q.text}» drops '{phrase}' and states the figure as exact.",
                Evidence(kinds=("source-number", "bound"), source=src,
                         phrases=(("source", f"{phrase} {en.text}"), ("missing", phrase)),
                         details={"italian": q.text, "kind": q.kind, "source_value": en.text, "bound": phrase}),
                suggestion=f"add “{italian}”" if italian else None)]
        return []

    def _bound_reversed(self, ctx: CheckContext, base: int, sentence: str, q: Quantity, en_all: list[Quantity],
                        src: str) -> list[Candidate]:
        """The Italian bounds the number the opposite way to the source ("more than 200" / «meno di 200»):
        the figure is reversed (critical), on the Italian bound, fixed with the source's in Italian."""
        it_bound = italian_bound(sentence, q.start, q.end)
        if it_bound is None:
            return []
        a, b, it_cls = it_bound
        for en, phrase, cls in _source_bounds(q, en_all, src):
            if not opposed(cls, it_cls):
                continue
            italian = italian_for(cls)
            return [self.candidate(
                ctx, base + a, base + b, Category.NUMBER, Claim.REVERSED,
                f"The source says '{phrase} {en.text}'; «{sentence[a:b]} {q.text}» bounds it the other way: the "
                f"figure is reversed.",
                Evidence(kinds=("source-number", "bound"), source=src,
                         phrases=(("source", f"{phrase} {en.text}"), ("italian", sentence[a:b])),
                         details={"italian": q.text, "kind": q.kind, "source_value": en.text, "bound": phrase}),
                suggestion=cased_like(italian, sentence[a:b]) if italian else None)]
        return []

    def _compare(self, ctx: CheckContext, base: int, q: Quantity, it_all: list[Quantity], en_all: list[Quantity],
                 src: str) -> list[Candidate]:
        start, end = base + q.start, base + q.end

        def ev(kinds: tuple[str, ...], source_value: str) -> Evidence:
            return Evidence(kinds=kinds, source=src,
                            details={"italian": q.text, "kind": q.kind, "source_value": source_value})

        if (conv := _unit_not_converted(q, en_all)) is not None:
            other, suggestion = conv
            unit = unit_of(other.unit)
            what = (f"{unit.name if unit else other.unit}), not converted" if other.unit
                    else f"in {english_plural(other.currency)})")
            return [self.candidate(
                ctx, start, end, Category.NUMBER, Claim.UNIT_NOT_CONVERTED,
                f"Same number, different {'unit' if other.unit else 'currency'}: the source has '{other.text}' "
                f"({what}.", ev(("source-number", "unit"), other.text), suggestion=suggestion)]
        if (pts := _points_as_percent(q, en_all)) is not None:
            return [self.candidate(
                ctx, start, end, Category.NUMBER, Claim.POINTS_AS_PERCENT,
                f"The source has percentage points ('{pts.text}'), the Italian a relative percentage.",
                ev(("source-number", "percentage-points"), pts.text),
                suggestion=re.sub(r"\s*(?:%|per\s?cento)$", "", q.text) + " punti percentuali")]
        if (bps := _basis_points(q, en_all, src)) is not None:
            number = re.match(r"[\d.,]+", q.text)
            return [self.candidate(
                ctx, start, end, Category.NUMBER, Claim.NUMBER_CHANGED,
                f"The source has basis points ('{bps.text} basis points', hundredths of a percentage point); "
                f"«{q.text}» makes them whole points: a hundred times the figure.",
                ev(("source-number", "percentage-points"), f"{bps.text} basis points"),
                suggestion=f"{number.group(0)} punti base" if number else None)]
        en = _counterpart(q, it_all, en_all)
        if en is None:
            return []
        if q.kind == "time":
            twelve = any(abs(v - q.value - 12) < 1e-6 for v in _values(en))
            msg = (f"A 12-hour time read as 24-hour: '{q.text}' for '{en.text}'." if twelve
                   else f"The time differs from the source: '{q.text}' vs '{en.text}'.")
            target = en.value if en.alt is None else (en.alt if twelve else en.value)
            return [self.candidate(ctx, start, end, Category.NUMBER, Claim.NUMBER_CHANGED, msg,
                                   ev(("source-number", "time"), en.text),
                                 suggestion=_clock_it(target))]
        what = "date" if q.kind in ("date", "year") else "number"
        return [self.candidate(
            ctx, start, end, Category.NUMBER, Claim.NUMBER_CHANGED,
            f"The {what} differs from the source: '{q.text}' vs '{en.text}'.",
            ev(("source-number",), en.text), suggestion=format_it_like(en, q))]

    def _against_headline(self, ctx: CheckContext) -> list[Candidate]:
        art = ctx.article
        if len(art.paragraphs) < 2 or len(art.paragraphs[0].sentences) != 1:
            return []
        head = art.paragraphs[0]
        head_q = [q for q in extract(head.text, "it") if q.kind in ("percent", "amount", "count", "measure")]
        body = [(p.start + q.start, q, slot(p.text, q)) for p in art.paragraphs[1:] if p.index not in ctx.boilerplate
                for q in extract(p.text, "it")]
        out = []
        for h in head_q:
            head_slot = slot(head.text, h)
            same_slot = [(s, q) for s, q, sl in body if sl == head_slot]
            if not same_slot or any(_matches(h, q) for _, q in same_slot):
                continue
            start, first = same_slot[0]
            if not garbled(h, first):
                continue
            out.append(self.candidate(
                ctx, start, start + len(first.text), Category.NUMBER, Claim.HEADLINE_DISAGREES,
                f"Disagrees with the headline: '{first.text}' here, '{h.text}' in the headline.",
                Evidence(kinds=("article-internal",),
                         details={"italian": first.text, "headline": h.text, "kind": first.kind}),
                suggestion=h.text))
        return out

