"""intensity: the back-translation reads a stronger or a weaker evaluative word than the source's.

Machine translation sometimes sharpens or softens a judgement, mostly in accusations and criticism:
"worried" becomes «indignati» ("outraged"), "adequate" «eccezionale». Between
two anchors of the word alignment (:mod:`backcheck.align.words`), or across a link the aligner made
between two different words it took as equivalent (a synonym, a paraphrase), the source says one word
and the back-translation another. Both are graded by VADER's valence lexicon
(:mod:`backcheck.lang.valence`, −4 … +4, the mean of ten raters): a candidate when

- both carry the same sign, both are rated at least :data:`MARGIN` away from neutral, and their
  magnitudes differ by at least :data:`MARGIN`, or
- one is strongly evaluative (magnitude at least :data:`STRONG`) and the other neutral or within one
  margin of it ("adequate" +0.9 against "outstanding" +3.0); a neutral word is a common word that neither
  VADER nor any of its WordNet synonyms lists, and it counts only where one word replaced another,

unless the Italian itself also carries a translation of the source word (then the back-translation
drifted, not the translator). Opposite signs are a reversal, not a change of degree: the reversal and
polarity checks own them. The judge decides severity from the graded evidence.

The lexicon decides what counts as a change of degree: VADER rates "criticised" −1.8 and "attacked" −2.0,
closer than the margin, so that shift is not flagged; "concerned" is unlisted but its synonym "worried"
is (−1.2), so it cannot be graded as neutral.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from ..align.words import SAME
from ..knowledge.relations import zipf
from ..knowledge.support import ItalianRegion
from ..knowledge.support import region as support_region
from ..lang.en import paraphrase
from ..lang.it import is_content as is_it_content
from ..lang.valence import table, valence
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

if TYPE_CHECKING:
    from ..align.tokens import Word
    from ..align.words import WordAlignment
    from ..knowledge.lexicon import Lexicon

@dataclass(frozen=True)
class IntensitySettings:
    """The settings of this check (they enter the report signature)."""

    # Two words whose VADER magnitudes differ by at least this are graded apart: one point on the −4 … +4
    # scale, more than the raters' median standard deviation for one word (0.83 in vader_lexicon.txt),
    # so the difference is more than ten raters' usual disagreement about one word.
    margin: float = 1.0
    # An evaluative word against a neutral one: at least two margins. The neutral side is an absence
    # from the lexicon (a word the raters may not have been shown), weaker evidence than two ratings.
    strong: float = 2.0
    # A word VADER does not list counts as neutral only when it is at least this common in English
    # (wordfreq's Zipf scale: once in a million words), so that the raters would have met it; VADER's
    # candidate words came from established sentiment word banks (LIWC, ANEW, GI) and social-media usage.
    common_zipf: float = 3.0


CONFIG = IntensitySettings()
MARGIN, STRONG, COMMON_ZIPF = CONFIG.margin, CONFIG.strong, CONFIG.common_zipf


def _pairs(wa: WordAlignment, lex: Lexicon | None) -> list[tuple[Word, Word, str]]:
    """(source word, back-translation word, how they were paired) for the words that stand in each
    other's place: the two words of a one-for-one substitution gap (in a longer gap, which word took
    which one's place is a guess), and the aligner's links between two different words it took as
    equivalent. Both words share a part of speech when the lexicon knows them."""
    out = [(g.source_words[0], g.bt_words[0], "gap") for g in wa.gaps
           if len(g.source_words) == 1 and len(g.bt_words) == 1]
    out += [(wa.source[k.src], wa.bt[k.bt], "link") for k in wa.links
            if k.score < SAME and wa.source[k.src].norm != wa.bt[k.bt].norm]
    return [(s, b, how) for s, b, how in out if s.norm.isalpha() and b.norm.isalpha()
            and not paraphrase(s.norm, b.norm) and _same_pos(s, b, lex)]


def _shared_pos(s: Word, b: Word, lex: Lexicon | None) -> frozenset[str]:
    """The WordNet parts of speech both words can have (all of one word's when the other is unknown)."""
    if lex is None:
        return frozenset()
    ps, pb = lex.pos(s.norm, "english"), lex.pos(b.norm, "english")
    return ps & pb if ps and pb else ps | pb


def _same_pos(s: Word, b: Word, lex: Lexicon | None) -> bool:
    if lex is None:
        return True
    ps, pb = lex.pos(s.norm, "english"), lex.pos(b.norm, "english")
    return not ps or not pb or bool(ps & pb)


def _rated(w: Word, lex: Lexicon | None, pos: frozenset[str]) -> float | None:
    """VADER's valence of ``w``; 0 (neutral) for a common word that neither VADER nor any of its WordNet
    synonyms in the parts of speech ``pos`` is listed in; ``None`` when the word cannot be graded: a
    name, a rare word, an unlisted word with a listed synonym (VADER's raters were not shown every word:
    "unlawful" is unlisted, "illegal" is −2.6; a synonym of another sense says nothing of this one), a
    comparative or superlative whose lemma alone is rated ("finest" is not "fine")."""
    v = valence(w.text)
    low = w.text.lower()
    if v is not None:
        return None if low != w.norm and low.endswith(("er", "est")) and low not in table() else v
    if w.text[:1].isupper() and w.start > 0:
        return None  # a name
    if lex is None or zipf(w.norm) < COMMON_ZIPF or not lex.known_en(w.norm):
        return None
    return None if _rated_synonym(lex, w.norm, pos) else 0.0


@lru_cache(maxsize=16384)
def _rated_synonym(lex: Lexicon, lemma: str, pos: frozenset[str]) -> bool:
    """Some other lemma of a WordNet sense of ``lemma`` in the parts of speech ``pos`` has a VADER
    valence (memoised: the same words are graded sentence after sentence)."""
    return any(sid[:1] in pos and x != lemma and valence(x) is not None for sid, x in lex.kin(lemma))


def grade(s: Word, b: Word, lex: Lexicon | None) -> tuple[float, float] | None:
    """(source valence, back-translation valence) when the two differ in degree (see module doc), a
    neutral word counting 0; ``None`` otherwise."""
    pos = _shared_pos(s, b, lex)
    vs = _rated(s, lex, pos)
    vb = _rated(b, lex, pos) if vs is not None else None
    if vs is None or vb is None or vs * vb < 0:
        return None
    if min(abs(vs), abs(vb)) >= MARGIN:
        return (vs, vb) if abs(abs(vb) - abs(vs)) >= MARGIN else None
    # one word is neutral or within one margin of it (its raters' usual disagreement spans neutral)
    return (vs, vb) if max(abs(vs), abs(vb)) >= STRONG else None


def _message(italian: str, b: Word, s: Word, vs: float, vb: float) -> str:
    if vs == 0.0:
        how = f"an evaluative word where the source's “{s.text}” is neutral"
    elif vb == 0.0:
        how = f"a neutral word where the source's “{s.text}” is evaluative"
    else:
        how = f"{'stronger' if abs(vb) > abs(vs) else 'weaker'} than the source's “{s.text}”"
    return f"«{italian}» reads as “{b.text}”, {how}"


def _with_fix(ctx: CheckContext, source_word: str, source: str, bt_word: str, c: Candidate) -> Candidate:
    """``c`` with a suggested rendering of the source word, when one is known."""
    fix, detail = ctx.fix(c.start, c.end, source_word, source, bt_word)
    if not detail:
        return replace(c, complete=None)
    return replace(c, suggestion=fix, evidence=replace(c.evidence, details={**c.evidence.details, "fix": detail}),
                   complete=None)


@register
class IntensityCheck(Check):
    name = "intensity"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.LEXICON})
    description = ("The back-translation reads a stronger or weaker evaluative word than the source's "
                   "(\"worried\" read as \"outraged\"; VADER valence).")
    specific = True
    exclusive = True
    config = CONFIG

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        lex = ctx.resources.lexicon
        text = ctx.article.text
        out: list[Candidate] = []
        for wa in ctx.word_alignments():
            m = wa.match
            region: ItalianRegion | None = None
            for s, b, how in _pairs(wa, lex):
                graded = grade(s, b, lex)
                if graded is None:
                    continue
                if region is None:
                    region = support_region(text[m.it_start:m.it_end], lex)
                vs, vb = graded
                neutral = vs == 0.0 or vb == 0.0
                if neutral and how != "gap":
                    continue  # a neutral reading is weighed only where one word replaced another
                supported = region.supports(s.text)
                if supported or (neutral and supported is None):
                    continue  # the Italian has the source's word (the back-translation drifted), or may have
                span = ctx.first_span([b])
                if span is None:
                    continue
                start, end = span
                if not is_it_content(text[start:end]):
                    continue  # the projection fell on a function word: no reading of the word
                stronger = abs(vb) > abs(vs)
                shift = abs(abs(vb) - abs(vs))
                features = {"intensity_shift": round(shift, 2), "intensity_strong": float(shift >= 2 * MARGIN),
                            "intensity_stronger": float(stronger),
                            "intensity_neutral": float(neutral),
                            "intensity_bt_supported": float(region.supports(b.text) is True)}
                evidence = Evidence(kinds=("valence", "word-alignment"), source=m.source, back_translation=m.bt,
                                    phrases=(("back_translation", b.text), ("source", s.text)),
                                    details={"valence_source": vs, "valence_back_translation": vb,
                                             "valence_difference": round(abs(vb) - abs(vs), 2), "paired_by": how},
                                    features=features)
                cand = self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.INTENSITY_CHANGED,
                                      _message(text[start:end], b, s, vs, vb), evidence)
                out.append(replace(cand, complete=partial(_with_fix, ctx, s.text, m.source, b.text)))
        return out
