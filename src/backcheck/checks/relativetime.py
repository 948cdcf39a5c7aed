"""relativetime: a relative time in the Italian ("ieri", "la settimana scorsa", "l'anno prossimo")
that the aligned source says otherwise or not at all.

Expressions are the CLDR relative date fields of both languages through Babel, read as a unit and
its offsets from today (:mod:`backcheck.lang.relative`). Italian and source expressions naming the
same time are paired off first (so the source's "yesterday" answers one Italian "ieri" only); then,
for an Italian expression left over:

* the source units of its sentence have a relative time left over too, and no unit next to them has
  the Italian one: a changed fact ("ieri" for "today"; major), with the source's time in Italian as
  the fix;
* the source has none: an addition (minor), unless the Italian names the present ("oggi",
  "quest'anno"), which Italian also uses for "now" and "nowadays".
"""

from __future__ import annotations

from ..lang.relative import Relative, find_relative, italian_expression
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


def _pair_off(it: list[Relative], en: list[Relative]) -> tuple[list[Relative], list[Relative]]:
    """(Italian expressions, source expressions) that no expression on the other side names."""
    left_en = list(en)
    left_it = []
    for r in it:
        twin = next((e for e in left_en if r.compatible(e)), None)
        if twin is None:
            left_it.append(r)
        else:
            left_en.remove(twin)
    return left_it, left_en


@register
class RelativeTimeCheck(Check):
    name = "relativetime"
    needs = frozenset({Need.SOURCE})
    description = "Relative times (ieri, la settimana scorsa...) that the aligned source says otherwise or not at all."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for sent, found, aligned, near in ctx.sentences_with(lambda text: find_relative(text, "it")):
            if not ctx.covers(sent, aligned):
                continue
            src = "\n".join(aligned)
            left_it, left_en = _pair_off(found, find_relative(src, "en"))
            near_en = find_relative("\n".join(near), "en")
            for r in left_it:
                if any(r.compatible(e) for e in near_en):
                    continue
                a, b = sent.start + r.start, sent.start + r.end
                details = {"italian": r.text, "unit": r.unit}
                if left_en:
                    said = " or ".join(f"'{e.text}'" for e in left_en)
                    fix = italian_expression(left_en[0].unit, left_en[0].offsets) if len(left_en) == 1 else None
                    out.append(self.candidate(
                        ctx, a, b, Category.MISTRANSLATION, Claim.RELATIVE_TIME_CHANGED,
                        f"«{r.text}» is not in the source, which says {said}.",
                        Evidence(kinds=("source", "relative-time"), source=src,
                                 details={**details, "source_value": [e.text for e in left_en]}),
                        suggestion=fix))
                elif 0 not in r.offsets:
                    out.append(self.candidate(
                        ctx, a, b, Category.ADDITION, Claim.RELATIVE_TIME_ADDED,
                        f"«{r.text}» is not in the source, which gives no such time here.",
                        Evidence(kinds=("source", "relative-time"), source=src, details=details)))
        return out
