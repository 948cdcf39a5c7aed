"""attribution: a statement the source attributes to someone that the Italian states as a fact.

"The group claims it carried out the attack" written «il gruppo ha compiuto l'attacco»: the claim is
gone, and the newspaper now vouches for it. News reports what its sources say; dropping the verb that
says so is one of the errors of stance issue #16 lists.

For each source unit whose parse (spaCy) has a verb of saying or believing (``data/reporting.tsv``:
Levin's classes of communication and belief verbs) governing a clause, and whose back-translation (one
segment) has no such word at all (read without a parse, a word after an article, "the suspect", being a
noun; the list for the back-translation is wider), no "according to", no epistemic adverb of likelihood
(``data/stance.tsv``), no modal ("would", "may": the Italian conditional of hearsay, «avrebbe
compiuto») and no quotation marks (a quoted statement keeps its speaker's voice): when the clause's head
verb is linked by the word alignment to a back-translation word, the finding sits on the Italian words
that word projects onto. Major by rule (a report becomes a fact, as a likelihood read as a certainty).
"""

from __future__ import annotations

import re
from functools import cache

from ..lang import en as en_lang
from ..lang.datafiles import word_set
from ..lang.tense import IT_AUX, IT_PASSIVE
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register
from .stance import markers

# what keeps a statement reported in a back-translation besides a verb of saying
_KEPT = re.compile(r"(?<![\w'’])(?:according|would|could|might|may|reportedly|allegedly|supposedly)(?![\w'’])|"
                   r"[\"“”«»]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# the auxiliaries an Italian verb group opens with («ha compiuto», «sta crescendo», «è stato arrestato»)
_IT_AUXILIARIES = IT_AUX | IT_PASSIVE | {"sta", "stanno", "stava", "stavano"}
_LAST_WORD = re.compile(r"(\w+)\s+$")
_NEXT_WORD = re.compile(r"^\s+(\w+)")


def _verb_group(text: str, start: int) -> int:
    """Where the Italian verb group ending in the word at ``start`` begins (its auxiliaries before it)."""
    for _ in range(3):
        m = _LAST_WORD.search(text[max(0, start - 20):start])
        if m is None or m.group(1).lower() not in _IT_AUXILIARIES:
            break
        start = max(0, start - 20) + m.start(1)
    return start


def _verb_end(text: str, start: int, end: int) -> int:
    """Where the Italian verb group of ``text[start:end]`` ends: past its auxiliaries, when the span is only
    auxiliaries («è stato» of «è stato appiccato»)."""
    for _ in range(2):
        if not all(w.lower() in _IT_AUXILIARIES for w in re.findall(r"\w+", text[start:end])):
            break
        m = _NEXT_WORD.match(text[end:end + 30])
        if m is None:
            break
        end += m.end(1)
    return end


def _reporting() -> frozenset[str]:
    return word_set("reporting.tsv", "en", "report")


def _reads_as_reported() -> frozenset[str]:
    return _reporting() | word_set("reporting.tsv", "en", "also")


@cache
def _irregular() -> frozenset[str]:
    """The irregular forms of the reporting verbs ("said", "told", "thought"; the parser's verb table)."""
    from ..knowledge.parser import verb_forms

    return frozenset(form for form, lemma in verb_forms().items() if lemma in _reporting())


@cache
def _cue() -> re.Pattern[str]:
    """The reporting verbs' stems and irregular forms: a cheap look before any word is lemmatised."""
    stems = {w[:-1] if w.endswith("e") else w for w in _reporting()}
    return re.compile(rf"(?i)\b(?:{'|'.join(sorted(stems | _irregular(), key=len, reverse=True))})")


def _reports(text: str) -> bool:
    return _cue().search(text) is not None and any(
        m.group(0).lower() in _irregular() or en_lang.lemma(m.group(0)) in _reporting() for m in _WORD.finditer(text))


_DETERMINER = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+$")


def _still_reported(text: str) -> bool:
    """The back-translation has a word that reports: a verb of saying or believing, "according", whatever
    the parser would call it ("Acme states that"), but not after an article or a possessive (a noun:
    "the suspect", "a report")."""
    return any(en_lang.lemma(m.group(0)) in _reads_as_reported() and not _DETERMINER.search(text[:m.start()])
               for m in _WORD.finditer(text))


@register
class AttributionCheck(Check):
    name = "attribution"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION, Need.PARSER})
    description = "A statement the source attributes to someone (says, claims, believes) stated as a fact."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        parser = ctx.resources.parser
        assert parser is not None  # Need.PARSER
        todo = []
        for wa, seg in ctx.sentence_alignments():
            bt = ctx.translation.segments[seg].en
            if _reports(wa.match.source) and not _KEPT.search(bt) and not _KEPT.search(wa.match.source) \
                    and not _still_reported(bt) and not any(m.kind == "likely" for m in markers(bt, "en")):
                todo.append((wa, bt))
        docs = parser.parse([wa.match.source for wa, _ in todo]) if todo else []
        out = []
        for (wa, bt), doc in zip(todo, docs, strict=True):
            s_at = {w.start: i for i, w in enumerate(wa.source)}
            linked = {k.src: k.bt for k in wa.links}
            for v in doc:
                if v.pos_ != "VERB" or v.lemma_.lower() not in _reporting() \
                        or any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
                    continue  # not a verb of saying, or one the source itself leaves open ("should consider")
                clause = next((c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
                j = linked.get(s_at.get(clause.idx, -1)) if clause is not None else None
                span = ctx.first_span([wa.bt[j]]) if j is not None else None
                if j is None or span is None:
                    continue
                start = _verb_group(ctx.article.text, span[0])
                end = _verb_end(ctx.article.text, start, span[1])
                sayer = next((c for c in v.children if c.dep_ == "nsubj"), None)
                said = " ".join(t.text for t in doc[(sayer.left_edge.i if sayer is not None else v.i):v.i + 1])
                message = (f"«{ctx.article.text[start:end]}» states as a fact what the source attributes (“{said}”): "
                           f"the back-translation has no verb of saying or believing, and no hedge")
                out.append(self.candidate(
                    ctx, start, end, Category.OMISSION, Claim.STANCE_CHANGED, message,
                    Evidence(kinds=("source", "back-translation"), source=wa.match.source, back_translation=bt,
                             phrases=(("source", said), ("back_translation", wa.bt[j].text)),
                             details={"verb": v.lemma_.lower()}, features={"to_certain": 1.0})))
                break
        return out
