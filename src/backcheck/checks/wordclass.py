"""wordclass: a source noun that names a participant, read back as the adverb made from it ("the
critic praised the play" / «ha criticamente lodato lo spettacolo», "he critically praised the play"):
who acts, or what is acted on, is lost and a manner stands in its place.

The word alignment pairs the source word with the back-translation's (a link of one stem, or two words
of one gap); the source's parse (spaCy) says the source word is a noun with a role in its clause
(subject, object, or a preposition's object), and the back-translation's word is that noun's adverb
("official" → "officially", "public" → "publicly", "critic" → "critically": -ly / -ally, Quirk et al.,
A Comprehensive Grammar, App. I.36). Nothing is reported when the back-translation also has the noun,
or when the Italian itself has a word that translates it (the back-translation drifted).
"""

from __future__ import annotations

from ..knowledge.parser import token_at
from ..knowledge.support import ItalianRegion
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

# The clause roles of a participant (spaCy's English dependency labels).
PARTICIPANT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "iobj", "attr", "appos"})
ROLE = {"nsubj": "the subject", "nsubjpass": "the subject", "dobj": "the object", "iobj": "the object",
        "pobj": "a participant", "attr": "a participant", "appos": "a participant"}


def adverb_of(noun: str, word: str) -> bool:
    """``word`` is the -ly adverb made from ``noun`` ("official" / "officially", "critic" /
    "critically")."""
    n, w = noun.lower(), word.lower()
    return len(n) >= 4 and w in {n + "ly", n + "ally", n[:-1] + "ily", n[:-2] + "ly"}


@register
class WordClassCheck(Check):
    name = "wordclass"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.PARSER})
    description = "A source noun that names a participant read back as its adverb (\"the official\" → \"officially\")."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        parser = ctx.resources.parser
        out: list[Candidate] = []
        for wa in ctx.word_alignments():
            pairs = [(wa.source[k.src], wa.bt[k.bt]) for k in wa.links]
            pairs += [(s, b) for g in wa.gaps for s in g.source_words for b in g.bt_words]
            pairs = [(s, b) for s, b in pairs if adverb_of(s.text, b.text)]
            if not pairs:
                continue
            docs = parser.parse([wa.match.source]) if parser is not None else None
            if not docs:
                continue
            doc = docs[0]
            m = wa.match
            bt_norms = {w.norm for w in wa.bt}
            text = ctx.article.text
            for s, b in pairs:
                tok = token_at(doc, s.start)
                if tok is None or tok.pos_ != "NOUN" or tok.dep_ not in PARTICIPANT or s.norm in bt_norms:
                    continue  # not a participant, or the back-translation has the noun too
                span = ctx.first_span([b])
                if span is None:
                    continue
                start, end = span
                # the Italian elsewhere than the adverb's own word translates the noun: the back-translation
                # drifted (the adverb's word is a cognate of the noun, so it does not count)
                rest = text[m.it_start:start] + " " * (end - start) + text[end:m.it_end]
                inside = m.it_start <= start and end <= m.it_end
                if inside and ItalianRegion(rest, ctx.resources.lexicon).supports(s.text):
                    continue
                italian = text[start:end]
                head = tok.head.text if tok.head is not tok else ""
                role = ROLE[tok.dep_] + (f" of “{head}”" if head and tok.dep_ in ("nsubj", "nsubjpass", "dobj") else "")
                message = (f"«{italian}» reads as “{b.text}”, an adverb, where the source's “{s.text}” is a noun, "
                           f"{role}: who or what it names is lost")
                out.append(self.candidate(
                    ctx, start, end, Category.MISTRANSLATION, Claim.PARTICIPANT_LOST, message,
                    Evidence(kinds=("source", "word-alignment"), source=m.source, back_translation=m.bt,
                             phrases=(("back_translation", b.text), ("source", s.text)),
                             details={"role": tok.dep_})))
        return out
