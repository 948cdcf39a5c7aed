"""tense: an event the source puts in the future that the Italian reports as done, or the other way.

"The minister will visit the towns" written «il ministro ha visitato le città» tells the reader that a
visit still to come took place; "the council approved the budget" written «il consiglio approverà il
bilancio» turns a decision taken into one still open. Machine translation does this where the source's
time reference rests on an auxiliary alone.

For each source unit whose back-translation has more or fewer futures than the source, both are parsed
(spaCy) and each verb lemma's tense read (:mod:`backcheck.lang.tense`). A lemma the source uses only
in the future and the back-translation only in the past (or the source only in the past and the
back-translation only in the future) is a swap when the Italian word that renders it
(:func:`~backcheck.align.italian_words_for`: MultiWordNet, else the back-translation's projection) is
itself in that tense: a compound past, past historic or imperfect, or a future. A present is never
read as either: Italian says a near future in the present («visita domani»), and English headlines
tell past events in the present. A lemma used in two tenses on one side is left alone.

The fix, for a compound past read in place of a future, is the future of the same person («ha
visitato» → «visiterà», «è stato approvato» → «sarà approvato»), where the dictionary lists the form.
"""

from __future__ import annotations

from typing import Any

from ..align import it_words, italian_words_for
from ..lang import it as italian
from ..lang.inflect import Form, inflect
from ..lang.tense import FUTURE, FUTURE_CUE, IT_AUX_PERSON, IT_PASSIVE, PAST, italian_tense, may_swap, tenses
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_ESSERE_FUTURE = ("sarò", "sarai", "sarà", "saremo", "sarete", "saranno")


def _group(t: Any) -> str:
    """The verb with its auxiliaries and negation, as written ("will not visit", "was approved")."""
    parts = [c for c in t.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < t.i]
    start = min([c.i for c in parts], default=t.i)
    return str(t.doc[start : t.i + 1].text)


def _first(lemma: str, doc: Any) -> Any:
    return next(t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() == lemma)


def _future_fix(words: list[str], i: int, k: int) -> str | None:
    """The future of the compound past ``words[i..k]`` in the person of its auxiliary."""
    person = IT_AUX_PERSON.get(words[i].lower())
    if person is None:
        return None
    if k - i == 2 and words[i + 1].lower() in IT_PASSIVE:
        return f"{_ESSERE_FUTURE[person]} {words[k]}"
    if k - i != 1:
        return None
    return inflect(italian.lemma(words[k]), "v", Form("verb", slot=("future", person)))


@register
class TenseCheck(Check):
    name = "tense"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION, Need.PARSER})
    description = "A future event reported as done in the Italian, or a past one as still to come."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        parser, lex = ctx.resources.parser, ctx.resources.lexicon
        assert parser is not None  # Need.PARSER
        # a swap changes how many futures a side has, and leaves a future's verb inflected on the other side:
        # only such a unit is parsed
        units = [m for m in ctx.alignment.matches
                 if m.bt and len(FUTURE_CUE.findall(m.source)) != len(FUTURE_CUE.findall(m.bt))
                 and may_swap(m.source, m.bt)]
        if units:
            parser.parse([m.source for m in units] + [m.bt for m in units])  # one batched parse
        out: list[Candidate] = []
        for m in units:
            src_doc, bt_doc = parser.parse([m.source, m.bt])
            said, read = tenses(src_doc), tenses(bt_doc)
            for lemma in sorted(said.keys() & read.keys()):
                swap = (said[lemma], read[lemma])
                if swap not in (({FUTURE}, {PAST}), ({PAST}, {FUTURE})):
                    continue
                src_t, bt_t = _first(lemma, src_doc), _first(lemma, bt_doc)
                found = self._italian(ctx, m, bt_t.text, lex, next(iter(swap[1])))
                if found is not None:
                    out.append(self._candidate(ctx, m, found, _group(src_t), _group(bt_t), next(iter(swap[0]))))
        return out

    @staticmethod
    def _italian(ctx: CheckContext, m: Any, bt_word: str, lex: Any, tense: str) -> tuple[int, int, str | None] | None:
        """(start, end, fix) of the Italian verb group rendering ``bt_word`` when it is in ``tense``."""
        itw = it_words(ctx.article.text[m.it_start:m.it_end])
        hits = italian_words_for(bt_word, itw, lex, ctx.translation, m.segments, m.it_start)
        if not hits:
            return None
        words = [w.text for w in itw]
        k = hits[0]
        got, i = italian_tense(words, k)
        if got != tense:
            return None
        fix = _future_fix(words, i, k) if tense == PAST else None
        return m.it_start + itw[i].start, m.it_start + itw[k].end, fix

    def _candidate(self, ctx: CheckContext, m: Any, found: tuple[int, int, str | None], said: str, read: str,
                   source_tense: str) -> Candidate:
        start, end, fix = found
        italian_text = ctx.article.text[start:end]
        if source_tense == FUTURE:
            message = (f"«{italian_text}» reports as done what the source says will happen (“{said}”): the "
                       f"back-translation reads “{read}”")
        else:
            message = (f"«{italian_text}» puts in the future what the source reports as done (“{said}”): the "
                       f"back-translation reads “{read}”")
        evidence = Evidence(kinds=("source", "back-translation", "italian"), source=m.source, back_translation=m.bt,
                            phrases=(("source", said), ("back_translation", read)),
                            details={"source_tense": source_tense})
        return self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.TENSE_CHANGED, message, evidence,
                              fix)
