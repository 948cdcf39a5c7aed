"""calendar: weekday and month names in the Italian that the aligned English source does not have.

The names are the Unicode CLDR's through Babel, in both languages (:mod:`backcheck.lang.calendar`).
An Italian name counts when written in lower case, as Italian writes them (or opening a sentence):
a capitalised one inside a sentence is part of a name ("Piazza Venti Settembre", the surname
"Maggio"). On the English side, abbreviations count ("Sept.", "Tue", "Thurs"), and so does the
Italian word itself (a street or a festival kept in its Italian name).

For each Italian name, against the source units the alignment placed on its sentence:

* the source has the same weekday or month, or a unit next to them has it (a sentence placed one
  off): nothing;
* the source certainly names another weekday (or month) and none of the same: a changed date. A
  month inside a date the source also dates ("3 marzo" / "April 3") is left to the numbers check;
* the source names no weekday (month) at all: an addition, minor when the source dates the event
  otherwise (a relative day such as "yesterday", a date) or names that weekday elsewhere, since a
  translator may have resolved it; major otherwise.
"""

from __future__ import annotations

from ..lang.calendar import english_calendar_names, italian_calendar_names, month_names, weekday_list
from ..lang.quantities import extract
from ..lang.relative import find_relative
from ..lang.tokens import strip_accents
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


def _en_name(kind: str, index: int) -> str:
    names = month_names("en") if kind == "month" else weekday_list("en")
    return names[index].capitalize()


def _it_name(kind: str, index: int) -> str:
    return (month_names("it") if kind == "month" else weekday_list("it"))[index]


@register
class CalendarCheck(Check):
    name = "calendar"
    needs = frozenset({Need.SOURCE})
    description = "Weekdays and months in the Italian that the aligned source does not have, or has otherwise."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        whole = "\n".join(ctx.sources)
        _, anywhere = english_calendar_names(whole)
        for sent, found, aligned, near in ctx.sentences_with(italian_calendar_names):
            whole_sentence = ctx.covers(sent, aligned)
            src = "\n".join(aligned)
            certain, _ = english_calendar_names(src)
            _, near_loose = english_calendar_names("\n".join(near))
            kept = strip_accents("\n".join(near).lower())
            it_dates = [q for q in extract(sent.text, "it") if q.kind == "date"]
            src_dated = any(q.kind == "date" for q in extract(src, "en"))
            for start, end, kind, index in found:
                word = sent.text[start:end]
                if (kind, index) in near_loose or strip_accents(word.lower()) in kept:
                    continue
                in_date = any(q.start <= start < q.end for q in it_dates)
                if in_date and src_dated:
                    continue  # the numbers check compares the two dates
                others = sorted(i for k, i in certain if k == kind)
                a, b = sent.start + start, sent.start + end
                if others:
                    said = " or ".join(f"'{_en_name(kind, i)}'" for i in others)
                    out.append(self.candidate(
                        ctx, a, b, Category.NUMBER, Claim.CALENDAR_CHANGED,
                        f"«{word}» is not in the source, which says {said}.",
                        Evidence(kinds=("source", "calendar"), source=src,
                                 details={"italian": word, "calendar": kind,
                                          "source_value": [_en_name(kind, i) for i in others]}),
                        suggestion=_it_name(kind, others[0]) if len(others) == 1 else None))
                    continue
                if not whole_sentence:
                    continue  # a snippet of part of the sentence: the rest is no addition
                dated_otherwise = src_dated or (kind == "weekday" and any(
                    r.unit == "day" for r in find_relative(src, "en")))
                soft = dated_otherwise or (kind, index) in anywhere
                what = "weekday" if kind == "weekday" else "month"
                why = (" (it dates the event otherwise)" if dated_otherwise
                       else " (it names it elsewhere)" if soft else "")
                out.append(self.candidate(
                    ctx, a, b, Category.ADDITION, Claim.CALENDAR_ADDED,
                    f"«{word}» is not in the source, which gives no {what} here{why}.",
                    Evidence(kinds=("source", "calendar"), source=src,
                             details={"italian": word, "calendar": kind},
                             features={"soft": float(soft)})))
        return out
