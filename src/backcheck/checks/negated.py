"""negated: the Italian negates a statement the source asserts (the mirror of the polarity check).

The word alignment links a source predicate to the same word in the back-translation (one lemma: "signed"
/ "did not sign"); the back-translation's parse (spaCy) negates that word, the Italian has a negator in
front of the word it renders, and the source sentence has no negation at all (no particle, no negative
implicative verb: "declined to sign" is the polarity check's). A different predicate ("stayed away" /
«non è venuto») is a paraphrase and is not linked, so it is never compared. A noun is denied the same way:
the source's "serious problems" read back as "no problems" («non ci sono problemi», «nessun problema»);
the finding then runs from the Italian negator to the noun.

Left alone, because a negation there restates the affirmative: a sentence with a word that turns a
negation into a time, a degree or a limit ("had not spoken since March" for "last spoke in March",
"not discussed enough" for "thinly discussed", "no more than", "only", "hardly"), on either side, and a
source with a word negative in meaning that a negator renders ("a lack of evidence", "zero cases").
A proved reversal: the judge makes it critical. Needs the source, a back-translation and the parser.
"""

from __future__ import annotations

from ..knowledge.parser import token_at
from ..lang import fold, words
from ..lang.datafiles import word_set
from ..lang.en import CONTRACTED_NOT
from ..lang.en import lemma as en_lemma
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register
from .polarity import ItalianClause, denied, may_negate, negated_predicates


def _limits() -> frozenset[str]:
    """The words with which a negation restates an affirmative (limits), or renders a word negative in
    meaning (lexical negatives: "lack", "zero")."""
    return word_set("polarity.tsv", "en", "limit") | word_set("polarity.tsv", "en", "lexical")


def _negates(source: str, said: set[str]) -> bool:
    """Whether the source sentence (``said``: its folded words) holds a negation cue as a word: a negator or
    negative quantifier, "n't", or a negative implicative verb in any form. Not :func:`may_negate`, which
    only screens a text before it is parsed and takes "North", "now" or "November" for a possible "no"."""
    negators = word_set("polarity.tsv", "en", "particle") | word_set("polarity.tsv", "en", "quantifier")
    implicative = word_set("polarity.tsv", "en", "implicative")
    return bool(said & negators) or bool(CONTRACTED_NOT.search(source)) or any(en_lemma(w) in implicative for w in said)


@register
class NegatedCheck(Check):
    name = "negated"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION, Need.PARSER})
    description = "The Italian negates a statement that the source asserts."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        parser = ctx.resources.parser
        assert parser is not None  # Need.PARSER
        limits = _limits()
        segs = ctx.translation.segments
        text = ctx.article.text
        out: list[Candidate] = []
        for wa in ctx.word_alignments():
            m = wa.match
            said = {fold(w.text) for w in words(m.source)}
            if _negates(m.source, said) or said & limits:
                continue  # the source negates something, or limits it
            # only a back-translation sentence that can hold a negation is parsed
            same = [(wa.source[k.src], wa.bt[k.bt]) for k in wa.links if wa.source[k.src].norm == wa.bt[k.bt].norm
                    and may_negate(segs[wa.bt[k.bt].seg].en)]
            region: ItalianClause | None = None  # the unit's Italian, read once and only when a pair gets there
            for s_word, b_word in same:
                doc = parser.parse([segs[b_word.seg].en])
                tok = token_at(doc[0], b_word.start) if doc else None
                if tok is None:
                    continue
                negated = [p for p, _cue, kind in negated_predicates(doc[0]) if p.i == tok.i and kind == "particle"]
                if not negated and not denied(tok):
                    continue
                if {t.lower_ for t in tok.sent} & limits:
                    continue
                span = ctx.first_span([b_word])
                if span is None:
                    continue
                if region is None:
                    region = ItalianClause(text[m.it_start:m.it_end], m.it_start, ctx.resources.lexicon)
                k = next((i for i, w in enumerate(region.words) if region.offset + w.start == span[0]), None)
                j = region.negator_before(k) if k is not None else None
                if k is None or j is None:
                    continue
                if negated:
                    start, end = region.span(k)
                    # the back-translation's negated predicate with its auxiliaries ("did not sign")
                    first = min((c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i),
                                default=tok.i)
                    read = tok.doc[first:tok.i + 1].text
                    message = (f"the Italian negates «{text[start:end]}» (read back as “{read}”) where the source "
                               f"affirms “{s_word.text}”: the meaning is reversed")
                else:
                    # a denied noun: from the negator to the noun («non ci sono problemi», «nessun problema»)
                    start, end = region.offset + region.words[j].start, region.offset + region.words[k].end
                    first = min(c.i for c in tok.children if c.dep_ == "det")
                    read = tok.doc[first:tok.i + 1].text
                    message = (f"the Italian denies «{region.words[k].text}» («{text[start:end]}», read back as "
                               f"“{read}”) where the source says “{s_word.text}”: the meaning is reversed")
                out.append(self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.REVERSED, message,
                                          Evidence(kinds=("polarity", "word-alignment"), source=m.source,
                                                   back_translation=m.bt,
                                                   phrases=(("source", s_word.text), ("italian", text[start:end])),
                                                   details={"negation": "added"})))
        return out
