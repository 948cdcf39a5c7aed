"""Which English source unit an Italian region translates, for the source-comparing parts of the
rule-based checks: the alignment's matches when there is one, otherwise the source line sharing the
most anchors (numbers and names spelled alike in both languages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import CALENDAR_WORDS, words
from ..lang.it import elided_tail
from ..lang.quantities import extract

if TYPE_CHECKING:
    from ..checks.base import CheckContext

# An anchor score of at least this much makes a match: a shared number counts 2; a shared name, and a
# shared kind of quantity (a percentage, an amount in one currency, a date in one month), 1 each.
MIN_ANCHOR_SCORE = 2


def source_units(sources: list[str]) -> list[str]:
    """Non-empty source lines (snippets, or the sentences of a whole article one per line)."""
    return [s.strip() for s in sources if s.strip()]


def anchors(text: str, lang: str) -> tuple[set[tuple[object, ...]], set[str]]:
    """(number keys, lower-cased names) of ``text``."""
    nums: set[tuple[object, ...]] = set()
    for q in extract(text, lang):
        nums.add(("v", round(q.value, 4)))
        if q.kind == "date":
            nums.add(("d", q.month, round(q.value)))
            nums.add(("k", "month", q.month))
        elif q.kind in ("percent", "amount"):
            nums.add(("k", q.kind, q.currency))
    names = set()
    ws = words(text)
    for i, w in enumerate(ws):
        tail = elided_tail(w.text)
        if tail[:1].isupper() and len(tail) >= 3 and tail.lower() not in CALENDAR_WORDS:
            if i > 0 or w.is_acronym:
                names.add(tail.lower().removesuffix("'s").removesuffix("’s"))
    return nums, names


def score(it_text: str, en_text: str) -> int:
    it_nums, it_names = anchors(it_text, "it")
    en_nums, en_names = anchors(en_text, "en")
    shared = it_nums & en_nums
    values = sum(1 for n in shared if n[0] == "v")
    kinds = sum(1 for n in shared if n[0] == "k")
    return 2 * values + kinds + len(it_names & en_names)


def aligned_sources(ctx: CheckContext, start: int, end: int) -> list[str]:
    """The source units that translate ``article.text[start:end]`` ([] when none is clear)."""
    if ctx.alignment is not None:
        return [m.source for m in ctx.alignment.covering(start, end)]
    units = source_units(ctx.sources)
    if not units:
        return []
    it_text = ctx.article.text[start:end]
    scored = sorted(((score(it_text, u), i) for i, u in enumerate(units)), reverse=True)
    best, i = scored[0]
    if best < MIN_ANCHOR_SCORE or (len(scored) > 1 and scored[1][0] == best):
        return []
    return [units[i]]
