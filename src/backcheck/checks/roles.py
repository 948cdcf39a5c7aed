"""roles: who does what to whom swapped. The source says the challenger defeated the champion; the
back-translation of the Italian says the champion defeated the challenger.

Each source unit and its back-translation (one segment) are parsed (spaCy). For a source verb linked by
the word alignment to a back-translation verb, each side's *agent* (the subject of an active verb, the
"by" phrase of a passive one) and *patient* (the object of an active verb, the subject of a passive
one) are read; a voice change ("was defeated by" / "defeated") keeps them. When the source's agent is
linked to the back-translation's patient and the source's patient to its agent, the two participants
changed places: a reversal (critical, like a converse verb). The finding sits on the Italian words of
the back-translation's verb. Only a unit where two linked words changed sides around a third, or where
a linked verb is passive on one side only, is parsed: a swap with neither cannot happen; its
back-translation only when a verb of the source's parse and its agent and patient are all linked words.

A route reversed is the same kind of swap without a verb to hang it on: the source goes "from Paris to
Rome", the back-translation "from Rome to Paris". Both English sides name the origin and the destination
(capitalised words after "from" and "to"); when the back-translation has the source's two names the
other way round, the finding sits on the Italian «da … a …» (the only one of its region), with the
names put back in order when both prepositions are bare («da Parigi a Roma»).
"""

from __future__ import annotations

import re
from typing import Any

from ..lang.determiners import preposition_pattern
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

# An origin and a destination named: "from (the) Paris to (the) Rome"; «da Roma a Parigi», «dal Cairo all'Avana».
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_ROUTE_EN = re.compile(rf"\bfrom\s+(?:the\s+)?({_NAME})\s+to\s+(?:the\s+)?({_NAME})")
_ROUTE_IT = re.compile(rf"(?<![\w'’])({preposition_pattern('da')})\s*({_NAME})\s+"
                       rf"({preposition_pattern('a')})\s*({_NAME})")
# A passive clause: a form of "be" and a past participle (Quirk et al. 3.63), with or without "by".
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|t)\b", re.IGNORECASE)


def _passive(text: str) -> bool:
    return _PASSIVE.search(text) is not None


def _swapped_around_a_link(wa: Any, lex: Any = None) -> bool:
    """Some link that can be a verb has a word before it in the source that comes after it in the
    back-translation, and one after it that comes before: what an active clause with its two participants
    swapped looks like. A link "can be a verb" when WordNet lists a verb sense of its lemma or of the word
    as written (the parse's verb is the link the check compares); without the lexicon, every link can."""
    # for each source position, the latest back-translation position linked before it and the earliest
    # linked after it: one pass each way instead of every pair of links
    bts: dict[int, list[int]] = {}
    for k in wa.links:
        bts.setdefault(k.src, []).append(k.bt)
    latest_before: dict[int, float] = {}
    earliest_after: dict[int, float] = {}
    latest, earliest = float("-inf"), float("inf")
    for s in sorted(bts):
        latest_before[s] = latest
        latest = max(latest, *bts[s])
    for s in sorted(bts, reverse=True):
        earliest_after[s] = earliest
        earliest = min(earliest, *bts[s])
    for v in wa.links:
        if (latest_before[v.src] > v.bt and earliest_after[v.src] < v.bt
                and (lex is None or _can_be_verb(lex, wa.source[v.src]))):
            return True
    return False


def _can_be_verb(lex: Any, word: Any) -> bool:
    return "v" in lex.pos(word.norm, "english") or "v" in lex.pos(word.text.lower(), "english")


def _voice_changed_at_a_link(wa: Any, bt: str) -> bool:
    """One side is passive and the other is not, and a passive participle of that side is a linked word
    with a linked word before it and one after it on both sides: the verb of a clause whose voice
    changed is linked to the other side's (as the check needs), and its two participants, linked too,
    stay on either side of it when the roles swap without the words changing sides ("the champion was
    beaten by the challenger" / "the champion beat the challenger"; a swap that moves them is
    :func:`_swapped_around_a_link`'s). A voice change only elsewhere in the unit cannot hide a swap."""
    src_passive, bt_passive = _passive(wa.match.source), _passive(bt)
    if src_passive == bt_passive:
        return False
    text, words, side = (wa.match.source, wa.source, "src") if src_passive else (bt, wa.bt, "bt")
    ends = {m.end() for m in _PASSIVE.finditer(text)}
    return any(words[getattr(v, side)].end in ends
               and any(k.src < v.src and k.bt < v.bt for k in wa.links)
               and any(k.src > v.src and k.bt > v.bt for k in wa.links) for v in wa.links)


def _routes(text: str) -> list[tuple[str, str]]:
    """(origin, destination) as written, for each "from … to …" of ``text``."""
    return [(m.group(1), m.group(2)) for m in _ROUTE_EN.finditer(text)]


def participants(verb: Any) -> tuple[Any | None, Any | None]:
    """(agent, patient) head tokens of a spaCy verb token (``None`` where the clause has none)."""
    agent = patient = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            agent = child
        elif child.dep_ == "nsubjpass":
            patient = child
        elif child.dep_ == "dobj":
            patient = child
        elif child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), agent)
    return agent, patient


def _linked_clause(wa: Any, src_doc: Any) -> bool:
    """Some verb of the source's parse is a linked word whose agent and patient are linked words too:
    what a swap needs on the source's side before the back-translation is worth parsing."""
    s_at = {w.start: i for i, w in enumerate(wa.source)}
    linked = {k.src for k in wa.links}
    for v in (t for t in src_doc if t.pos_ == "VERB"):
        sa, sp = participants(v)
        if sa is not None and sp is not None and all(s_at.get(t.idx, -1) in linked for t in (v, sa, sp)):
            return True
    return False


@register
class RolesCheck(Check):
    name = "roles"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.PARSER})
    description = ("Who does what to whom swapped: the source's agent is the back-translation's patient and back; "
                   "a route run the other way (from Paris to Rome as «da Roma a Parigi»).")
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        parser = ctx.resources.parser
        if parser is None:
            return []
        out: list[Candidate] = self._routes_reversed(ctx)
        todo = [(wa, ctx.translation.segments[seg].en) for wa, seg in ctx.sentence_alignments()]
        # nothing changed sides around a word and no linked verb changed voice: no swap to look for
        todo = [(wa, bt) for wa, bt in todo
                if _swapped_around_a_link(wa, ctx.resources.lexicon) or _voice_changed_at_a_link(wa, bt)]
        src_docs = parser.parse([wa.match.source for wa, _ in todo]) if todo else None
        if not src_docs:
            return out
        # the back-translation is parsed only where a linked source verb has both participants linked
        clauses = [(wa, bt, doc) for (wa, bt), doc in zip(todo, src_docs, strict=True) if _linked_clause(wa, doc)]
        bt_docs = parser.parse([bt for _, bt, _ in clauses]) if clauses else None
        for (wa, bt_text, src_doc), bt_doc in zip(clauses, bt_docs or [], strict=True):
            # token start offset → content-word index, each side; source index → back-translation index
            s_at = {w.start: i for i, w in enumerate(wa.source)}
            b_at = {w.start: j for j, w in enumerate(wa.bt)}
            linked = {k.src: k.bt for k in wa.links}
            b_tok = {t.idx: t for t in bt_doc}
            for v in (t for t in src_doc if t.pos_ == "VERB"):
                j = linked.get(s_at.get(v.idx, -1))
                bv = b_tok.get(wa.bt[j].start) if j is not None else None
                if j is None or bv is None or bv.pos_ != "VERB":
                    continue
                (sa, sp), (ba, bp) = participants(v), participants(bv)
                if sa is None or sp is None or ba is None or bp is None:
                    continue
                to_patient, to_agent = b_at.get(bp.idx), b_at.get(ba.idx)
                if (to_patient is None or to_agent is None or linked.get(s_at.get(sa.idx, -1)) != to_patient
                        or linked.get(s_at.get(sp.idx, -1)) != to_agent):
                    continue
                span = ctx.first_span([wa.bt[j]])
                if span is None:
                    continue
                start, end = span
                message = (f"«{ctx.article.text[start:end]}» swaps who does what to whom: in the source “{sa.text}” "
                           f"does it (“{v.text}”) to “{sp.text}”, in the back-translation “{ba.text}” does it to "
                           f"“{bp.text}”")
                out.append(self.candidate(
                    ctx, start, end, Category.MISTRANSLATION, Claim.REVERSED, message,
                    Evidence(kinds=("word-alignment",), source=wa.match.source, back_translation=bt_text,
                             phrases=(("source", f"{sa.text} {v.text} {sp.text}"),
                                      ("back_translation", f"{ba.text} {bv.text} {bp.text}")),
                             details={"relation": "roles"})))
        return out

    def _routes_reversed(self, ctx: CheckContext) -> list[Candidate]:
        """A route the back-translation runs the other way (see module doc)."""
        assert ctx.alignment is not None
        out = []
        for m in ctx.alignment.matches:
            read = {(o.lower(), d.lower()) for o, d in _routes(m.bt)} if m.bt else set()
            swapped = [(o, d) for o, d in _routes(m.source) if o.lower() != d.lower()
                       and (d.lower(), o.lower()) in read and (o.lower(), d.lower()) not in read]
            it_region = ctx.article.text[m.it_start:m.it_end]
            found = list(_ROUTE_IT.finditer(it_region))
            if not swapped or len(found) != 1:
                continue
            (origin, destination), it = swapped[0], found[0]
            start, end = m.it_start + it.start(), m.it_start + it.end()
            fix = f"da {it.group(4)} a {it.group(2)}" if (it.group(1), it.group(3)) == ("da", "a") else None
            message = (f"«{it.group(0)}» runs the route the other way: the source goes from “{origin}” to "
                       f"“{destination}”, the back-translation from “{destination}” to “{origin}”")
            out.append(self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.REVERSED, message,
                Evidence(kinds=("word-alignment",), source=m.source, back_translation=m.bt,
                         phrases=(("source", f"from {origin} to {destination}"),
                                  ("back_translation", f"from {destination} to {origin}")),
                         details={"relation": "roles"}),
                suggestion=fix))
        return out
