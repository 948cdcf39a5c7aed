"""connectives: the Italian links two clauses by another relation than the source. The source says
"inspected every week, **but** it has never been opened"; the back-translation of the Italian says
"inspected every week **until** it was opened": a contrast became a time limit, and the sentence a
different fact.

Each source unit and its back-translation are searched for the connectives of four relations
(``lang/data/connectives.tsv``: contrast, time, cause, condition; only connectives of one relation).
A finding needs a connective of the back-translation whose relation the source has none of (the only
one of that relation), in the place of a source connective of another relation that the
back-translation does not keep there. Two connectives are in the same place when every link of the
word alignment keeps its side of them (:meth:`~backcheck.align.words.WordAlignment.same_place`). The
source's relation may still be said elsewhere («Ma secondo il ministero … fino a quando …»); what
stands in its place is another. A time read as a condition, or back ("when" / «se»), is a paraphrase
more often than not and is left alone. The finding sits on the Italian connective of the
back-translation's relation when the segment has exactly one (the fix: the source's connective in
Italian, where one rendering fits every use: "but" «ma»), else on the Italian words the
back-translation's connective projects onto. Major: the clauses' link is the sentence's claim.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lang.datafiles import entries, table
from ..lang.en import MONTHS, WEEKDAYS
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

RELATIONS = ("contrast", "time", "cause", "condition")
# Relations a translator may trade without changing what happened ("when it rains" / «se piove»).
INTERCHANGEABLE = frozenset({frozenset({"time", "condition"})})

# Uses of a connective's words that are not the connective (Quirk et al. 13.46 "not only ... but
# also", 15.6 "all but"; an "if" or "when" after a verb of asking or knowing opens an indirect
# question; Italian «se» before a clitic or «stesso» is the pronoun).
_NOT_CONNECTIVE = {
    "en": re.compile(r"(?:\b(?:all|nothing|anything|not\s+only\b[^.;]*)\s+but\b|\bbut\s+(?:also|for)\b|"
                     r"\b(?:ask|asks|asked|asking|wonder\w*|know\w*|knew|see|saw|check\w*|decid\w*|determin\w*|"
                     r"unclear|sure|whether)\s+(?:if|when)\b)", re.IGNORECASE),
    "it": re.compile(r"\bse\s+(?:ne|lo|la|li|le|stess[oaie])\b", re.IGNORECASE),
}


# "since" is a time or a cause (PDTB: Temporal.Asynchronous or Contingency.Cause); it is read as a time
# only when a date or a time word follows it ("since 2019", "since March", "since then").
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_TIME_AFTER_SINCE = frozenset({"then", "last", "early", "late", "yesterday", "childhood"})


def _time_since(text: str) -> list[tuple[int, int]]:
    """The spans of the "since" of ``text`` that say a time (see :data:`_SINCE`)."""
    out = []
    for m in _SINCE.finditer(text):
        after = [w.strip(",.;:()").lower() for w in text[m.end():].split()[:2]]
        if any(w[:1].isdigit() or w in MONTHS or w in WEEKDAYS or w in _TIME_AFTER_SINCE for w in after):
            out.append((m.start(), m.end()))
    return out


class Connective(NamedTuple):
    relation: str
    start: int
    end: int
    text: str


def _alternation(words: tuple[str, ...], lang: str) -> str:
    """Longest first ("even though" before "though"); an Italian locution ending in «di» also matches
    the preposition fused with an article («a causa della»)."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        body = re.escape(w).replace(r"\ ", r"\s+")
        if lang == "it" and w.endswith(" di"):
            body = body[:-2] + r"d(?:i|[ae]\w*['’]?)"
        out.append(body)
    return "|".join(out)


@lru_cache(maxsize=2)
def _pattern(lang: str) -> re.Pattern[str]:
    """One named group per relation; a match's group is its relation (a longer connective of one
    relation that starts earlier wins: "even if" is a contrast, not "if")."""
    groups = "|".join(f"(?P<{r}>{_alternation(entries('connectives.tsv', lang, r), lang)})" for r in RELATIONS)
    return re.compile(rf"(?<!\w)(?:{groups})(?:(?<=['’])|(?!\w))", re.IGNORECASE)


def connectives(text: str, lang: str) -> list[Connective]:
    """The connectives of ``text`` (``lang`` "en" or "it"), each with its relation."""
    excluded = [(m.start(), m.end()) for m in _NOT_CONNECTIVE[lang].finditer(text)]
    found = [Connective(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _pattern(lang).finditer(text)
             if not any(a <= m.start() < b for a, b in excluded)]
    if lang == "en":
        found += [Connective("time", a, b, text[a:b]) for a, b in _time_since(text)]
    return sorted(found, key=lambda c: c.start)


def added_relations(source: list[Connective], bt: list[Connective]) -> list[Connective]:
    """The back-translation's connectives of a relation the source has none of, one per relation (a
    relation it signals twice is left alone: no one place to compare)."""
    s_rel = {c.relation for c in source}
    b_rel = [c.relation for c in bt]
    return [c for c in bt if c.relation not in s_rel and b_rel.count(c.relation) == 1]


@register
class ConnectivesCheck(Check):
    name = "connectives"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE})
    description = ("The Italian links two clauses by another relation than the source (a contrast read as a time "
                   "limit: 'but' / «fino a quando»).")
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        out: list[Candidate] = []
        for wa, seg in ctx.sentence_alignments():
            m = wa.match
            src = connectives(m.source, "en")
            if not src:
                continue
            bt_text = ctx.translation.segments[seg].en
            bt_all = connectives(bt_text, "en")
            lost = [c for c in src
                    if not any(k.relation == c.relation and wa.same_place(c.start, k.start) for k in bt_all)]
            found = [(s, b) for b in added_relations(src, bt_all) for s in lost
                     if frozenset({s.relation, b.relation}) not in INTERCHANGEABLE and wa.same_place(s.start, b.start)]
            if len(found) != 1:
                continue  # none in the same place, or more than one reading of which is which
            s, b = found[0]
            italian = [(c.start, c.end) for c in connectives(ctx.translation.segments[seg].it, "it")
                       if c.relation == b.relation]
            span = ctx.marker_span(seg, italian, b.start, b.end)
            if span is None:
                continue
            start, end = span
            fix = ctx.marker_fix(span, italian, table("connectives.tsv", "en", s.relation).get(s.text.lower()))
            message = (f"«{ctx.article.text[start:end]}» reads as “{b.text}”, a {b.relation} link, where the source "
                       f"says “{s.text}”, a {s.relation} link: the clauses are related otherwise than in the source")
            out.append(self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.CONNECTIVE_CHANGED, message,
                Evidence(kinds=("source", "word-alignment"), source=m.source, back_translation=bt_text,
                         phrases=(("source", s.text), ("back_translation", b.text)),
                         details={"source_relation": s.relation, "relation": b.relation}),
                suggestion=fix))
        return out
