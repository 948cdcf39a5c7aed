"""omission: a fact of the source that neither the back-translation nor the Italian carries.

Facts are the words that change what a sentence claims when they are dropped: hedges and degree
qualifiers ("partially built", "probably stolen"), epistemic modals ("may cost": a possibility, which
an Italian «costerà» states as a fact), condition clauses ("if the talks fail", "unless…", "as long
as…"; not "even if", which concedes) and deadlines ("by 3 June", "until March", "by Friday"). The
closed-class lists are
``data/qualifiers.tsv`` (origin stated there). A fact is present when the back-translation has the
word (or a word sharing an Italian translation with it) or the Italian has one of its MultiWordNet
translations (or, for a condition, an Italian condition marker; for a modal, «potere», «dovere», the
conditional mood or an adverb of possibility; for a deadline, its numbers, or its month or weekday by
name; for a hedge MultiWordNet gives no Italian, such as "allegedly", the hearsay conditional or the
Italian of any listed hedge). When
both lack it, the finding is placed on the Italian words of the phrase the fact belongs to; a dropped
modal is fixed with «potrebbe» and the verb's infinitive.

Hedges, modals and conditions change the truth of a claim: major. A dropped deadline leaves a true but
vaguer claim: minor. Needs the English source and the parser; the lexicon for the Italian side.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..align import en_words, it_words, italian_words_for, words_under
from ..knowledge.renderings import render_addition
from ..knowledge.support import ItalianRegion
from ..lang import fold, qualifiers
from ..lang.datafiles import word_set
from ..lang.en import is_content as is_en_content
from ..lang.en import lemma as en_lemma
from ..lang.it import FUNCTION_WORDS as IT_FUNCTION_WORDS
from ..lang.qualifiers import CONDITIONAL, POSSIBLY, SAYS_WOULD, TOLD_IN_PAST, has_deadline, possible_fix
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

if TYPE_CHECKING:
    from ..knowledge.lexicon import Lexicon

# Italian verbs too light to anchor a phrase on (lexicon translations of many English verbs).
LIGHT_VERBS = frozenset({"avere", "essere", "fare", "stare", "dare", "andare"})
# A verb's complements that complete its meaning (spaCy's English labels): "make it possible", "keep calm".
COMPLEMENTS = frozenset({"ccomp", "xcomp", "acomp", "oprd"})
# The most words a hedge's quoted phrase spans beyond the hedge ("probably make it possible").
MAX_PHRASE = 5


def _kind(word: str) -> frozenset[str]:
    return word_set("qualifiers.tsv", "en", word)


@lru_cache(maxsize=1)
def _fact_pattern() -> re.Pattern[str]:
    words_ = sorted(_kind("hedge") | _kind("condition") | _kind("modal"), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words_) + r")\b|" + qualifiers.DEADLINE.pattern)


def may_hold_fact(text: str) -> bool:
    """Cheap test before parsing: can ``text`` hold a hedge, a condition or a deadline at all?"""
    return bool(_fact_pattern().search(text))


class _Fact:
    def __init__(self, kind: str, key: str, phrase: str, anchors: list[str]) -> None:
        self.kind, self.key, self.phrase, self.anchors = kind, key, phrase, anchors


def facts(doc: Any, text: str) -> list[_Fact]:
    """Hedges, conditions and deadlines of one English sentence, each with its anchor words."""
    out: list[_Fact] = []
    hedges = _kind("hedge")
    for tok in doc:
        low = tok.lower_
        if low in hedges and tok.pos_ in ("ADV", "ADJ"):
            head = tok.head if tok.head.i != tok.i else None
            if head is None:
                out.append(_Fact("hedge", low, tok.text, []))
                continue
            more = []
            # a hedged adjective hangs on its noun ("a largely sleepless [night]"): where the Italian
            # renders the adjective with other words («notte in bianco»), the noun still places the finding
            if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ == "NOUN":
                more.append(head.head)
            # a hedged verb with its complement ("probably make it [possible]"): the Italian may say both
            # in one verb («permetterà»)
            if head.pos_ == "VERB":
                more += [c for c in head.children if c.dep_ in COMPLEMENTS and is_en_content(c.text)]
            anchors = [t.text for t in (head, *more) if is_en_content(t.text)]
            lo, hi = min(t.i for t in (tok, head, *more)), max(t.i for t in (tok, head, *more))
            phrase = doc[lo:hi + 1].text if more and hi - lo <= MAX_PHRASE else f"{tok.text} {head.text}"
            out.append(_Fact("hedge", low, phrase, anchors))
        elif low in _kind("modal") and tok.tag_ == "MD" and (fact := _modal(doc, tok)) is not None:
            out.append(fact)
        elif (cond := qualifiers.condition_at(doc, tok)) is not None:
            key, first, clause = cond
            span = doc[first:clause.right_edge.i + 1].text
            # a clause that opens the sentence ("If the talks fail, the workers will strike") hangs on
            # the main verb it makes conditional
            governor = clause.head if clause.head.i != clause.i else None
            anchors = _before(doc, first) or ([governor.text] if governor is not None and is_en_content(governor.text)
                                              else [])
            out.append(_Fact("condition", key, span, anchors))
    for m in qualifiers.DEADLINE.finditer(text):
        before = [t for t in doc if t.idx + len(t.text) <= m.start()]
        out.append(_Fact("deadline", m.group(0), m.group(0), _before(doc, len(before))))
    return out


def _modal(doc: Any, tok: Any) -> _Fact | None:
    """The possibility an epistemic modal makes of its verb ("may cost"), unless the verb is negated
    ("could not reach": an inability) or the sentence asks (a question states nothing)."""
    verb = tok.head
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return None
    if doc.text.rstrip(" \"'”’»").endswith("?"):
        return None
    # a copula's complement carries the meaning ("might be most likely": where «propenso» stands)
    words = [verb] if is_en_content(verb.text) else [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    lo, hi = min(tok.i, verb.i, *(w.i for w in words)), max(tok.i, verb.i, *(w.i for w in words))
    phrase = doc[lo:hi + 1].text if hi - lo <= MAX_PHRASE else f"{tok.text} {verb.text}"
    return _Fact("modal", tok.lower_, phrase, [w.text for w in words if is_en_content(w.text)])


def _before(doc: Any, i: int, n: int = 2) -> list[str]:
    """Up to ``n`` content words just before token ``i`` (the phrase a clause hangs on)."""
    got = []
    for tok in reversed(doc[:i]):
        if tok.is_punct:
            break
        if is_en_content(tok.text) and not tok.like_num:
            got.append(tok.text)
            if len(got) == n:
                break
    return list(reversed(got))


def _epistemic(bt_doc: Any) -> bool:
    """The back-translation hedges with a modal, a verb of seeming or believing, or "according to":
    the word as that part of speech ("the suspect" is no hedge, "we suspect" is)."""
    cues = _kind("epistemic")
    return any((t.lemma_.lower() in cues or t.lower_ in cues) and (t.pos_ in ("AUX", "VERB") or t.lower_ == "according")
               for t in bt_doc)


def _bt_has(fact: _Fact, bt: str, bt_doc: Any, lex: Lexicon | None) -> bool:
    lemmas = {w.norm for w in en_words(bt)}
    low = bt.lower()
    if fact.kind == "deadline":
        return has_deadline(fact.key, bt, "en")
    if fact.kind == "condition":
        return any(re.search(rf"\b{re.escape(c)}\b", low) for c in _kind("condition"))
    if fact.kind == "modal":
        return _epistemic(bt_doc) or SAYS_WOULD.search(low) is not None
    if en_lemma(fact.key) in lemmas or lemmas & _synonyms(fact.key, lex) or _epistemic(bt_doc):
        return True
    if fact.kind == "hedge" and qualifiers.hearsay(fact.key) and SAYS_WOULD.search(low):
        return True  # "would have been caused": the Italian conditional of hearsay, read back
    if lex is None:
        return False
    its = lex.it_for_en(fact.key)
    return any(its & lex.it_for_en(w) for w in lemmas if len(w) > 3)


def _synonyms(word: str, lex: Lexicon | None) -> frozenset[str]:
    """WordNet synonyms of an English hedge ("probably" / "likely", "in all likelihood"): a hedge is
    matched by meaning, not by one literal word."""
    if lex is None:
        return frozenset()
    return frozenset(w for sid in lex.senses(word) for w in lex.lemmas(sid, "english")) - {word}


def _it_has(fact: _Fact, region: ItalianRegion, it_text: str) -> bool | None:
    if fact.kind == "deadline":
        return has_deadline(fact.key, it_text, "it")
    if fact.kind == "condition":
        low = " " + " ".join(fold(w) for w in re.findall(r"\w+", it_text)) + " "
        return any(f" {fold(c)} " in low for c in word_set("qualifiers.tsv", "it", "condition"))
    if (region.lemmas | region.forms) & word_set("qualifiers.tsv", "it", "epistemic") or (
            fact.kind == "hedge" and qualifiers.hearsay(fact.key) and CONDITIONAL.search(it_text)):
        return True  # hedged by a modal, a reporting phrase or the conditional of hearsay («sarebbe stato»)
    if fact.kind == "modal":
        # the conditional mood («costerebbe») or an adverb of possibility («forse») keeps it a possibility
        return bool(CONDITIONAL.search(it_text)) or any(region.supports(w) is True for w in POSSIBLY)
    verdicts = [region.supports(w) for w in (fact.key, *sorted(_synonyms(fact.key, region.lex)))]
    if any(v is True for v in verdicts):
        return True  # the Italian renders the hedge or one of its synonyms
    if any(v is False for v in verdicts):
        return False
    if region.lex is None:
        return None
    # MultiWordNet has no Italian for the hedge ("allegedly"): kept by the Italian of any hedge of the list
    return any(region.supports(w) is True for w in _kind("hedge"))


@register
class OmissionCheck(Check):
    name = "omission"
    needs = frozenset({Need.SOURCE, Need.PARSER})
    description = "A hedge, epistemic modal, condition or deadline of the source is missing from the Italian."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        parser, lex = ctx.resources.parser, ctx.resources.lexicon
        assert parser is not None  # Need.PARSER
        found: list[Candidate] = []
        cued = [m for m in ctx.alignment.matches if may_hold_fact(m.source)]
        parser.parse([m.source for m in cued] + [m.bt for m in cued if m.bt])  # one batched parse
        for m in cued:
            doc = parser.parse([m.source])
            bt_doc = parser.parse([m.bt])[0] if m.bt else None
            it_text = ctx.article.text[m.it_start:m.it_end]
            region = ItalianRegion(it_text, lex)
            for fact in facts(doc[0], m.source):
                if m.bt and _bt_has(fact, m.bt, bt_doc, lex):
                    continue
                has = _it_has(fact, region, it_text)
                if has is not False:
                    continue  # present, or no evidence either way
                span = self._anchor(ctx, m, fact, it_text, lex)
                if span is None:
                    continue
                start, end = span
                if fact.key == "could" and TOLD_IN_PAST.search(ctx.article.text[start:end]):
                    continue  # "could see" told in the past («vedevano»): an ability, which Italian leaves implied
                kinds = ["omission", "lexicon" if fact.kind == "hedge" else "italian"]
                if m.bt:
                    kinds.append("back-translation")
                claim = Claim.DEADLINE_DROPPED if fact.kind == "deadline" else Claim.QUALIFIER_DROPPED
                message = (f"the source says “{fact.phrase}”; the {fact.kind} “{fact.key}” is missing "
                           f"from the Italian{' and from its back-translation' if m.bt else ''}"
                           + (": what the source gives as possible, the Italian states as a fact"
                              if fact.kind == "modal" else ""))
                evidence = Evidence(kinds=tuple(kinds), source=m.source, back_translation=m.bt,
                                    phrases=(("source", fact.phrase), ("missing", fact.key)))
                suggestion = (possible_fix(ctx.article.text, start, end) if fact.kind == "modal"
                              else self._suggest(fact, m.source, ctx))
                found.append(self.candidate(ctx, start, end, Category.OMISSION, claim, message, evidence,
                                            suggestion))
        return found

    @staticmethod
    def _suggest(fact: _Fact, source: str, ctx: CheckContext) -> str | None:
        if fact.kind != "hedge":
            return None
        r = ctx.resources
        its = render_addition(fact.key, source, lexicon=r.lexicon, parser=r.parser, embeddings=r.embeddings)
        return f"add “{its[0]}”" if its else None

    @staticmethod
    def _anchor(ctx: CheckContext, m: Any, fact: _Fact, it_text: str, lex: Lexicon | None) -> tuple[int, int] | None:
        """Article span of the Italian words for the fact's anchor words."""
        itw = it_words(it_text)
        hits: list[int] = []
        for a in fact.anchors:
            hits.extend(italian_words_for(a, itw, lex, ctx.translation, m.segments, m.it_start, LIGHT_VERBS)[:2])
        if not hits:
            hits = _linked(ctx, m, fact, itw)
        if not hits:
            return None
        lo, hi = min(hits), max(hits)
        if hi - lo > 4:
            lo = hi = hits[-1]
        while lo < hi and _function(itw[hi]):  # «propenso ad»: the preposition a projection brought along
            hi -= 1
        while lo < hi and _function(itw[lo]):
            lo += 1
        return m.it_start + itw[lo].start, m.it_start + itw[hi].end


def _function(w: Any) -> bool:
    return not w.content or w.norm in IT_FUNCTION_WORDS or fold(w.text) in IT_FUNCTION_WORDS


def _linked(ctx: CheckContext, m: Any, fact: _Fact, itw: list[Any]) -> list[int]:
    """Where no anchor word was found in the Italian itself: the Italian of what the back-translation
    reads for an anchor word of the fact's phrase (a gap of the word alignment, projected), or in its
    place beyond one anchor (an insertion beside the phrase's deletion), else of the last anchor before
    the phrase (the source word the word alignment linked, projected)."""
    translation = ctx.translation
    if translation is None:
        return []
    at = m.source.find(fact.phrase)
    wa = next((w for w in ctx.word_alignments() if w.match is m), None)
    if wa is None or at < 0:
        return []

    def under(words: list[Any]) -> list[int]:
        return words_under(words, translation, itw, m.it_start)[:2]

    def in_phrase(gap: Any) -> bool:
        return any(w.start >= at and w.text in fact.anchors for w in gap.source_words)

    # an anchor word the back-translation words otherwise: the Italian of what it reads there
    for gap in wa.gaps:
        if gap.bt_words and in_phrase(gap) and (got := under(gap.bt_words)):
            return got
    # the phrase a deletion, and what the back-translation says in its place an insertion on the other
    # side of one anchor: a word moved past the verb ("will probably make it possible, the Honda" read
    # as "will allow the Honda"): the Italian of the inserted words, not of the anchor between them
    for gap in wa.gaps:
        if gap.bt_words or not in_phrase(gap):
            continue
        for ins in wa.gaps:
            beside = ((ins.right is not None and ins.right == gap.left)
                      or (ins.left is not None and ins.left == gap.right))
            if ins.kind == "insertion" and beside and (got := under(ins.bt_words)):
                return got
    before = [k for k in wa.anchors if wa.source[k.src].end <= at]
    return under([wa.bt[before[-1].bt]]) if before else []
