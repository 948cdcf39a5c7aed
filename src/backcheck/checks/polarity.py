"""polarity: the source negates a statement and the Italian asserts it (or the reverse is implied).

For every aligned source unit, spaCy's dependency parse finds the negated predicates: a verb with a
``neg`` dependent ("did not sign", "has never met") and the complement of a negative implicative
verb ("declined to comment"). The predicate's Italian counterpart is found through MultiWordNet
(an Italian word that translates it), or through the back-translation word with the same lemma
projected onto the Italian. The finding is raised when no Italian negator or negative verb stands
in front of that counterpart, and the back-translation, when there is one, does not negate the
predicate either (it is a second witness: the Italian reads as the affirmative). A noun the source
denies with "no" ("found no problems", "there are no plans") is checked the same way on the Italian noun,
when it is the unit's one negation (not "we don't need no permits") and its one mention of the
noun (which Italian word renders the denied mention is unknown otherwise).

A high-precision detector: every finding is critical. Needs the English source and the parser
(en_core_web_sm); the lexicon or a back-translation locates the Italian words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..align import it_words, italian_words_under
from ..knowledge.renderings import negated_fix
from ..lang import fold
from ..lang.datafiles import word_set
from ..lang.it import verb_lemmas
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

if TYPE_CHECKING:
    from ..knowledge.lexicon import Lexicon


@dataclass(frozen=True)
class PolaritySettings:
    """The settings of this check (they enter the report signature)."""

    # Italian tokens looked at in front of the predicate for a negator ("non è ancora stato firmato").
    negator_window: int = 6


CONFIG = PolaritySettings()

# Verbs too light to locate in Italian: their complement carries the meaning.
LIGHT_VERBS = frozenset({"be", "have", "do", "get"})
# Italian auxiliaries: a lexicon translation of many English verbs, never the predicate's counterpart.
ITALIAN_AUXILIARIES = frozenset({"essere", "avere"})


def _cues(lang: str, kind: str) -> frozenset[str]:
    return word_set("polarity.tsv", lang, kind)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    stems = sorted(_cues("en", "particle") | _cues("en", "implicative") | _cues("en", "quantifier"), key=len,
                   reverse=True)
    # implicative verbs inflect ("declined", "denies"): match their stem without a final -e or -y
    alts = [re.escape(w[:-1] if w.endswith(("e", "y")) and len(w) > 4 else w) for w in stems]
    return re.compile(r"(?i)(?:\b(?:" + "|".join(alts) + r")|n't\b)")


def may_negate(text: str) -> bool:
    """Cheap test before parsing: can ``text`` hold a negation cue at all?"""
    return bool(_cue_pattern().search(text))


def negated_predicates(doc: Any) -> list[tuple[Any, str, str]]:
    """(predicate token, cue text, kind) for each negated predicate of an English parse."""
    out = []
    implicative = _cues("en", "implicative")
    for tok in doc:
        if tok.dep_ == "neg" and not _not_negation(doc, tok.i):
            pred = _content_predicate(tok.head)
            if pred is not None:
                out.append((pred, tok.text, "particle"))
        elif tok.lemma_.lower() in implicative and tok.pos_ == "VERB":
            comp = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if comp and not any(c.dep_ == "neg" for c in tok.children):
                out.append((comp[0], tok.text, "implicative"))
        elif (verb := _quantified(tok)) is not None and not _not_negation(doc, tok.i):
            pred = _content_predicate(verb)
            if pred is not None and not any(c.dep_ == "neg" for c in verb.children):
                out.append((pred, tok.text, "quantifier"))
    return out


# the argument a negative quantifier negates its verb's clause from: the subject. On an object its
# scope may be the object alone ("signals no rush to cut": «segnala di non avere fretta»)
_ARGUMENTS = ("nsubj", "nsubjpass")


def _quantified(tok: Any) -> Any | None:
    """The verb whose clause ``tok`` negates as a negative quantifier on its subject ("None [of them]
    voted", "No member voted", "Nobody was hurt"), else ``None``."""
    if tok.lower_ not in _cues("en", "quantifier"):
        return None
    if tok.dep_ in _ARGUMENTS and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.dep_ == "det" and tok.head.dep_ in _ARGUMENTS and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _not_negation(doc: Any, i: int) -> bool:
    """Whether the cue at ``doc[i]`` opens a phrase that negates nothing ("not only", "no longer than")."""
    return any(" ".join(t.lower_ for t in doc[i:i + len(p.split())]) == p for p in _cues("en", "not-negation"))


# The English determiners that deny their noun ("no problems"); "neither" and "none" pick from a set.
NEGATIVE_DETERMINERS = frozenset({"no"})


def denied(tok: Any) -> bool:
    """Whether ``tok`` is a noun that a negative determiner denies outright ("there are no problems", "found
    no evidence"), other than a subject, whose negation is its verb's ("No member voted": a quantifier)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS
                                      and not _not_negation(tok.doc, c.i) for c in tok.children)


def _bt_denies(bt_doc: Any, lemma: str) -> bool | None:
    """Whether the back-translation denies a noun with ``lemma``, by a determiner or its verb's negation
    (``None``: the noun is not there)."""
    nouns = [t for t in bt_doc if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]
    if not nouns:
        return None
    return any(denied(t) or any(c.dep_ == "neg" for c in t.head.children) for t in nouns)


def _content_predicate(head: Any) -> Any | None:
    """The word a negation is about: the verb, or for a copula its complement ("is not sure" → sure),
    or for the "going to" future its infinitive ("not going to listen" → listen); ``None`` for a bare
    auxiliary or an ellipsis ("the other two are not")."""
    if head.lemma_.lower() == "go":
        inf = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if inf and any(t.lower_ == "to" for t in inf[0].children):
            return inf[0]
    if head.lemma_.lower() not in LIGHT_VERBS:
        return head if head.pos_ in ("VERB", "ADJ", "NOUN") else None
    comp = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd") and c.pos_ in ("ADJ", "NOUN")]
    return comp[0] if comp else None


def _phrasal(tok: Any) -> str:
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return f"{tok.lemma_.lower()} {prt[0]}" if prt else tok.lemma_.lower()


def _bt_negates(bt_doc: Any, lemma: str) -> bool | None:
    """Whether the back-translation negates a predicate with ``lemma`` (``None``: not there)."""
    seen = False
    for tok in bt_doc:
        if tok.lemma_.lower() != lemma:
            continue
        seen = True
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(_quantified(c) is tok or any(_quantified(d) is tok for d in c.children) for c in tok.children):
            return True  # "Nobody voted", "No member voted"
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in _cues("en", "implicative"):
            return True
        if any(c.dep_ == "neg" for c in head.children) and head.pos_ in ("AUX", "VERB") and tok.dep_ in (
                "xcomp", "ccomp", "conj") and head.i < tok.i:
            return True
    return False if seen else None


@lru_cache(maxsize=4)
def _italian_negative_verbs(lex: Lexicon | None) -> frozenset[str]:
    """Italian translations (MultiWordNet) of the English negative implicative verbs."""
    if lex is None:
        return frozenset()
    return frozenset(w for verb in _cues("en", "implicative") for w in lex.it_for_en_pos(verb, "v") if " " not in w)


class ItalianClause:
    """The Italian words of one aligned region and its negative cues."""

    def __init__(self, text: str, offset: int, lex: Lexicon | None) -> None:
        self.text, self.offset, self.lex = text, offset, lex
        self.words = it_words(text)
        self.neg_verbs = _italian_negative_verbs(lex)

    def find(self, lemma: str) -> int | None:
        if self.lex is None:
            return None
        cands = self.lex.it_for_en(lemma) - ITALIAN_AUXILIARIES
        for k, w in enumerate(self.words):
            if w.norm in cands or fold(w.text) in cands:
                return k
        return None

    def negated_before(self, k: int, anywhere: bool = False) -> bool:
        """A negator or negative verb in the few words before word ``k`` (``anywhere``: any word before
        it, for a negation carried by the subject, «Nessuno dei membri del consiglio ha votato»)."""
        return self.negator_before(k, anywhere) is not None

    def negator_before(self, k: int, anywhere: bool = False) -> int | None:
        """The index of the nearest negator or negative verb before word ``k`` (see :meth:`negated_before`)."""
        lo = 0 if anywhere else max(0, k - CONFIG.negator_window)
        particles = _cues("it", "particle")
        for j in range(k - 1, lo - 1, -1):
            w = self.words[j]
            if verb_lemmas(w.text) & self.neg_verbs:
                return j
            bare = w.text.lower().rstrip("'’")
            # as written too: folding "né" gives the clitic "ne", which negates nothing
            if bare in particles or fold(bare) in particles:
                before = " ".join(fold(x.text) for x in self.words[max(0, j - 3):j + 2])
                if any(fold(e) in before for e in _cues("it", "expletive")):
                    continue
                return j
        return None

    def span(self, k: int) -> tuple[int, int]:
        """The predicate with the auxiliaries just before it ("è stato firmato")."""
        start = k
        while start > 0 and self.words[start - 1].norm in ("avere", "essere") and k - start < 2:
            start -= 1
        return self.offset + self.words[start].start, self.offset + self.words[k].end


@register
class PolarityCheck(Check):
    name = "polarity"
    needs = frozenset({Need.SOURCE, Need.PARSER})
    description = "The source negates a statement that the Italian asserts."
    config = CONFIG
    specific = True

    def missing(self, ctx: CheckContext) -> set[Need]:
        miss = super().missing(ctx)
        if ctx.alignment is None or not ctx.alignment.matches:
            miss.add(Need.SOURCE)
        return miss

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        parser = ctx.resources.parser
        assert parser is not None  # Need.PARSER
        found: list[Candidate] = []
        negated = [m for m in ctx.alignment.matches if may_negate(m.source)]
        # one batched parse of every unit that can hold a negation, and of its back-translation
        parser.parse([m.source for m in negated] + [m.bt for m in negated if m.bt])
        for m in negated:
            docs = parser.parse([m.source] + ([m.bt] if m.bt else []))
            src_doc, bt_doc = docs[0], (docs[1] if len(docs) > 1 else None)
            italian = ItalianClause(ctx.article.text[m.it_start:m.it_end], m.it_start, ctx.resources.lexicon)
            for pred, cue, kind in negated_predicates(src_doc):
                if any(t.lower_ in _cues("en", "limit") for t in pred.subtree if t.i > pred.i or (
                        t.lower_ == "yet" and "ancora" in italian.text)):
                    continue  # a limit: "not known until Monday" is «si saprà solo lunedì», "not yet" «deve ancora»
                located = self._locate(ctx, m, italian, bt_doc, _phrasal(pred), pred.lemma_.lower())
                if located is None or italian.negated_before(located[0], anywhere=kind == "quantifier"):
                    continue
                k, found_by = located
                kinds = ["polarity", found_by]
                if bt_doc is not None:
                    bt_neg = _bt_negates(bt_doc, pred.lemma_.lower())
                    if bt_neg:
                        continue  # the back-translation reads a negation we could not locate
                    if bt_neg is False:
                        kinds.append("back-translation-affirms")
                start, end = italian.span(k)
                phrase = src_doc[min(pred.i, *(t.i for t in src_doc if t.text == cue)):pred.i + 1].text
                message = (f"the source negates “{phrase}” ({cue}); the Italian “{ctx.article.text[start:end]}” "
                           f"has no negation: the meaning is reversed")
                suggestion, fix = negated_fix(ctx.article.text, start, end) if kind == "particle" else (None, {})
                evidence = Evidence(kinds=tuple(kinds), source=m.source, back_translation=m.bt,
                                    phrases=(("source", phrase), ("italian", ctx.article.text[start:end])),
                                    details={"fix": fix} if fix else {})
                found.append(self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.NEGATION_LOST,
                                            message, evidence, suggestion))
            found += self._denied_nouns(ctx, m, src_doc, bt_doc, italian)
        return found

    def _denied_nouns(self, ctx: CheckContext, m: Any, src_doc: Any, bt_doc: Any,
                      italian: ItalianClause) -> list[Candidate]:
        """A noun the source denies ("found no problems") that the Italian affirms («ha trovato problemi»): the
        unit's one negation, and its only mention of the noun."""
        out: list[Candidate] = []
        if negated_predicates(src_doc):
            return out  # another negation in the unit: "we don't need no permits" negates once
        for noun in (t for t in src_doc if denied(t) and t.dep_ not in _ARGUMENTS):
            lemma = noun.lemma_.lower()
            if sum(t.lemma_.lower() == lemma for t in src_doc) > 1:
                continue  # "no delay … the delay it caused": which Italian word renders which is unknown
            located = self._locate(ctx, m, italian, bt_doc, lemma, lemma)
            if located is None or italian.negated_before(located[0]) or (bt_doc is not None
                                                                         and _bt_denies(bt_doc, lemma)):
                continue
            k, found_by = located
            w = italian.words[k]
            start, end = italian.offset + w.start, italian.offset + w.end
            phrase = src_doc[min(c.i for c in noun.children if c.dep_ == "det"):noun.i + 1].text
            message = (f"the source denies “{phrase}”; the Italian «{w.text}» has no negation: the meaning is "
                       f"reversed")
            out.append(self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.NEGATION_LOST, message,
                                      Evidence(kinds=("polarity", found_by), source=m.source, back_translation=m.bt,
                                               phrases=(("source", phrase), ("italian", w.text)))))
        return out

    @staticmethod
    def _locate(ctx: CheckContext, m: Any, italian: ItalianClause, bt_doc: Any, lemma: str,
                bt_lemma: str) -> tuple[int, str] | None:
        """The index of the Italian word that renders the source's ``lemma``, and how it was found: a word
        the lexicon translates it by, else the one the back-translation word with ``bt_lemma`` projects
        onto; ``None`` when neither."""
        k = italian.find(lemma)
        if k is not None:
            return k, "lexicon"
        if ctx.translation is not None and bt_doc is not None:
            under = italian_words_under(ctx.translation, m.segments, bt_lemma, italian.words, italian.offset)
            if under:
                return under[0], "back-translation"
        return None
