"""referents: two persons the source sentence names are named nowhere in its Italian, which names other
persons of the same sentence ("Jansen last talked to Berg two days before Rossi's trip with Verdi" /
«Due giorni prima del viaggio di Rossi e Verdi, i due non si sentivano»: the two are now Rossi and
Verdi).

Dropping a name the article has already used is ordinary translation (a pronoun, a dropped subject),
and the missingnames check leaves it alone. Two participants dropped at once, from a sentence that
still names others, cannot be: whatever stands for the two (a plural pronoun, «i due», a verb ending)
now refers to the persons the Italian names, so who did what has changed. Persons are those of
:mod:`backcheck.knowledge.source_names`; a name is in the Italian when the unit's region, or its
back-translation, has it in any form the missingnames check accepts (another spelling, a close one).

The finding sits on the Italian words that render the predicate of the first missing person (through the
word alignment and the back-translation), or on the Italian sentence when none is found. Needs the
source, a back-translation and the parser (spaCy) for the predicate.
"""

from __future__ import annotations

from typing import Any

from ..knowledge.mentions import in_source_text
from ..knowledge.nations import folded
from ..knowledge.source_names import source_names
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register
from .missingnames import name_forms, name_present, name_runs

# Participants dropped at once from one sentence: one is a dropped subject, two a changed referent.
MIN_DROPPED = 2


def _predicate(doc: Any, name: str) -> Any | None:
    """The verb that ``name`` (a token of the parse) is a participant of."""
    tok = next((t for t in doc if t.text == name), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok if tok is not None and tok.pos_ in ("VERB", "AUX") else None


@register
class ReferentsCheck(Check):
    name = "referents"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION, Need.PARSER})
    description = ("Two persons the source sentence names are named nowhere in its Italian, which names "
                   "others of that sentence: who did what has changed.")
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        if ctx.alignment is None:
            return []
        known = source_names(ctx.sources)
        persons = {known.names[low] for low in known.persons if low in known.names}
        text = ctx.article.text
        out: list[Candidate] = []
        for wa in ctx.word_alignments():
            m = wa.match
            named = name_runs(sorted((p for p in persons if in_source_text(p, [m.source])), key=m.source.find),
                              m.source)
            if len(named) <= MIN_DROPPED:
                continue
            region = text[m.it_start:m.it_end]
            tokens, region_folded, bt = name_forms(region), folded(region), [folded(m.bt or "")]
            here = [ws for ws in named if any(name_present(p, tokens, region_folded, frozenset())
                                              or in_source_text(folded(p), bt) for p in ws)]
            gone = [ws for ws in named if ws not in here]
            if len(gone) < MIN_DROPPED or not here:
                continue
            start, end = self._place(ctx, wa, gone[0][-1])
            listed = " and ".join(f"“{' '.join(ws)}”" for ws in gone)
            others = " and ".join(f"“{' '.join(ws)}”" for ws in here)
            none = "neither" if len(gone) == 2 else "none of them"
            message = (f"The source names {listed} here; the Italian sentence names {none} but names {others}, "
                       f"so whoever it means now reads as them: who did what has changed.")
            out.append(self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.REFERENT_CHANGED, message,
                                      Evidence(kinds=("source", "source-name"), source=m.source,
                                               back_translation=m.bt,
                                               details={"missing": [" ".join(ws) for ws in gone],
                                                        "named": [" ".join(ws) for ws in here]})))
        return out

    @staticmethod
    def _place(ctx: CheckContext, wa: Any, name: str) -> tuple[int, int]:
        """The Italian words of the predicate ``name`` is a participant of; the sentence when not found."""
        docs = ctx.resources.parser.parse([wa.match.source]) if ctx.resources.parser is not None else None
        verb = _predicate(docs[0], name) if docs else None
        if verb is not None:
            link = next((k for k in wa.links if wa.source[k.src].start == verb.idx), None)
            span = ctx.first_span([wa.bt[link.bt]]) if link is not None else None
            if span is not None:
                return span
        sent = ctx.article.sentence_at(wa.match.it_start)
        return (sent.start, sent.end) if sent is not None else (wa.match.it_start, wa.match.it_end)
