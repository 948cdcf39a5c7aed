"""superlatives: a superlative the source restricts stated as the top: "one of the largest companies"
written «la più grande azienda», "the second largest city" written «la città più grande».

The source's superlative (spaCy: JJS, or "most" before an adjective) is restricted when it stands after
an ordinal ("the second largest") or in the noun phrase of a partitive ("one of the largest", "among the
most expensive": Huddleston & Pullum, *The Cambridge Grammar of the English Language*, ch. 6 §3.4, the
partitive and the ordinal modifiers of superlatives). Reported when the back-translation has the same
superlative unrestricted (and not also restricted), and the Italian sentence has no partitive («uno dei»,
«tra i», «fra le») and no ordinal («seconda»), but a superlative («più grande», «maggiore»), on which the
finding sits. Major by rule (a claim of first place the source does not make).
"""

from __future__ import annotations

import re
from typing import Any

from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_CUE = re.compile(r"(?i)\b(?:one|two|three|some|several|many|among)\b.*\b(?:\w+est|most|best|worst|least)\b|"
                  r"\b(?:second|third|fourth|fifth|\d+(?:nd|rd|th))[\s-]+(?:\w+est|most|best|worst|least)\b")
_ORDINAL = re.compile(r"(?i)^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))$")
_PARTITIVE_HEADS = frozenset({"one", "two", "three", "four", "five", "some", "several", "many", "few", "each"})
# the Italian that keeps a restriction: a partitive or an ordinal
_IT_KEPT = re.compile(r"(?i)\b(?:un[oa]?|un['’]|alcun[ie]|due|tre|quattro|cinque)\s+(?:d(?:ei|egli|elle|ella|el|i)|"
                      r"fra|tra)\b|\b(?:tra|fra)\s+(?:i|gli|le)\b|\b(?:second|terz|quart|quint|sest)[oaie]\b")
_IT_SUPERLATIVE = re.compile(r"(?i)\bpiù\s+(\w+)|\b(maggior[ei]?|massim[oaie]|miglior[ei]?|peggior[ei]?|minim[oaie])\b")
# the Italian organic superlatives and comparatives (Serianni V §§ 75-80) by the English adjective they grade
_ORGANIC = {"good": "miglior", "best": "miglior", "well": "miglior", "bad": "peggior", "worst": "peggior",
            "large": "maggior", "big": "maggior",
            "great": "maggior", "high": "massim", "small": "minim", "low": "minim"}


def _italian_superlative(region: str, key: str, lex: Any) -> re.Match[str] | None:
    """The Italian superlative of ``region`` that grades the English adjective ``key``: «più» and an Italian
    word MultiWordNet gives for it, or its organic form («migliore» for "best"); else the only one there."""
    from ..knowledge.support import translations
    from ..lang import it as italian

    found = list(_IT_SUPERLATIVE.finditer(region))
    its = translations(lex, key) if lex is not None else frozenset()
    for m in found:
        if (m.group(1) and italian.lemma(m.group(1)) in its) or (m.group(2) and key in _ORGANIC
                                                                   and m.group(2).lower().startswith(_ORGANIC[key])):
            return m
    return found[0] if len(found) == 1 else None


def _superlatives(doc: Any) -> dict[str, tuple[bool, str]]:
    """Adjective lemma → (restricted, the words as written) for each superlative of a parse."""
    out: dict[str, tuple[bool, str]] = {}
    for t in doc:
        if t.tag_ == "JJS":
            key, first = t.lemma_.lower(), t
        elif t.tag_ == "RBS" and t.lower_ == "most" and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "JJ":
            key, first = doc[t.i + 1].lemma_.lower(), t
        else:
            continue
        before = [w for w in doc[max(0, first.i - 2):first.i] if w.tag_ != "HYPH"]
        ordinal = bool(before) and _ORDINAL.match(before[-1].text) is not None
        noun = t.head if t.tag_ == "JJS" else doc[t.i + 1].head
        prep = noun.head if noun.dep_ == "pobj" else None
        partitive = prep is not None and (prep.lower_ == "among" or (
            prep.lower_ == "of" and (prep.head.tag_ == "CD" or prep.head.lower_ in _PARTITIVE_HEADS)))
        start = before[-1].i if ordinal else first.i
        written = str(doc[start:t.i + 1 if t.tag_ == "JJS" else t.i + 2].text)
        if partitive and prep is not None:
            written = f"{'among' if prep.lower_ == 'among' else prep.head.text + ' of'} the {written}"
        restricted = ordinal or partitive
        if key not in out or (restricted and not out[key][0]):
            out[key] = (restricted, written)
    return out


@register
class SuperlativesCheck(Check):
    name = "superlatives"
    needs = frozenset({Need.SOURCE, Need.BACK_TRANSLATION, Need.PARSER})
    description = "A superlative the source restricts (one of the largest, the second largest) stated as the top."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        parser = ctx.resources.parser
        assert parser is not None  # Need.PARSER
        units = [m for m in ctx.alignment.matches if m.bt and _CUE.search(m.source)]
        docs = parser.parse([m.source for m in units] + [m.bt for m in units]) if units else []
        out = []
        for m, src_doc, bt_doc in zip(units, docs[:len(units)], docs[len(units):], strict=True):
            said, read = _superlatives(src_doc), _superlatives(bt_doc)
            region = ctx.article.text[m.it_start:m.it_end]
            if _IT_KEPT.search(region):
                continue
            for key, (restricted, written) in said.items():
                if not restricted or key not in read or read[key][0]:
                    continue
                it = _italian_superlative(region, key, ctx.resources.lexicon)
                if it is None:
                    continue
                start, end = m.it_start + it.start(), m.it_start + it.end()
                message = (f"«{it.group(0)}» states the top, where the source says “{written}”: the Italian "
                           f"claims a first place the source does not")
                out.append(self.candidate(
                    ctx, start, end, Category.MISTRANSLATION, Claim.RANK_CHANGED, message,
                    Evidence(kinds=("source", "back-translation", "italian"), source=m.source,
                             back_translation=m.bt, phrases=(("source", written), ("back_translation", read[key][1])))))
                break
        return out
