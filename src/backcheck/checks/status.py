"""status: a modifier of the source that changes what its noun refers to ("former", "alleged",
"attempted", "deputy": ``lang/data/status.tsv``), which the Italian drops. «Il presidente» for
"the former president" names another person, «omicidio» for "attempted murder" another crime, «la
vittima» for "the alleged victim" decides what the source leaves open.

The source's parse (spaCy) finds the modifier on its noun (an adjective or a compound of it); the
finding is raised when the Italian of the unit has no word that keeps such a modifier (the prefixes
«ex», «vice», «presunto», «tentato», «ad interim»..., or MultiWordNet's Italian for the modifier) and the
back-translation, when there is one, has no such English word either (a second witness). It sits on
the Italian of the noun: MultiWordNet's translation of it, else what the back-translation's noun
projects onto. A dropped qualifier: major (the judge's model weighs it as the omission check's).
"""

from __future__ import annotations

import re
from typing import Any

from ..align import it_words, italian_words_for
from ..knowledge.relations import may_name_person
from ..knowledge.support import ItalianRegion
from ..lang import determiners, fold
from ..lang.datafiles import table, word_set
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

# How a modifier hangs on its noun in spaCy's English parse ("former president": amod; "deputy
# minister": compound; "would-be killer": nmod).
ON_NOUN = frozenset({"amod", "compound", "nmod"})


def _modifiers() -> frozenset[str]:
    return word_set("status.tsv", "en", "status") | _person_modifiers()


def _person_modifiers() -> frozenset[str]:
    """Modifiers read only on a noun that can name a person ("acting president", not "acting career")."""
    return word_set("status.tsv", "en", "person")


def keeps(word: str) -> bool:
    """An Italian word that keeps a status modifier: one of the stems of ``status.tsv`` (a stem of two or
    three letters, «ex», «già», only as the whole word or before a hyphen)."""
    w = fold(word)
    for stem in word_set("status.tsv", "it", "keep"):
        if w == stem or (len(stem) >= 4 and w.startswith(stem)) or w.startswith(stem + "-"):
            return True
    return False


def _written(doc: Any, t: Any) -> str:
    """The word ``t`` ends, hyphenated compounds whole ("so-called": spaCy parses "called" as the modifier)."""
    if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].idx + len(doc[t.i - 2].text) == doc[t.i - 1].idx:
        return f"{doc[t.i - 2].lower_}-{t.lower_}"
    return t.lower_


def status_modifiers(doc: Any, lex: Any = None) -> list[tuple[str, Any, Any]]:
    """(modifier as written, its last token, noun) for each status modifier of an English parse (those of
    kind "person" only with the lexicon, on a noun that can name a person)."""
    mods, person = _modifiers(), _person_modifiers()
    return [(_written(doc, t), t, t.head) for t in doc if _written(doc, t) in mods and t.dep_ in ON_NOUN
            and t.head is not t and t.head.pos_ in ("NOUN", "PROPN")
            and (_written(doc, t) not in person or may_name_person(lex, t.head.lemma_.lower()))]


def fix_for(modifier: str, article: str, start: int, end: int) -> tuple[str | None, dict[str, Any]]:
    """The invariable Italian prefix of ``status.tsv`` before the noun at ``article[start:end]`` («ex
    presidente», «vice ministro»), with the determiner before it put in the prefix's form («il
    presidente» → «l'ex presidente»); ``(None, {})`` where the Italian would agree with its noun or
    follow its phrase. The ``fix`` detail says what the suggestion replaces."""
    pattern = table("status.tsv", "en", "status").get(modifier.lower(), "")
    if "_" not in pattern:
        return None, {}
    prefix = pattern.replace("_", "").strip()
    text, a = pattern.replace("_", article[start:end]), start
    det = re.search(r"(\S+)\s+$", article[max(0, start - 12):start])
    if det is not None and determiners.is_determiner(det.group(1)):
        gender, number = determiners.determiner_features([det.group(1)])
        new = determiners.agree_determiners([det.group(1)], gender or "m", number or "sg", prefix)
        if new is not None and new[0] != det.group(1):
            a = start - len(det.group(0))
            text = determiners.spaced([new[0], text])
    return text, {"replaces": article[a:end], "start": a, "end": end,
                  "options": [{"origin": "status.tsv", "form": "as is", "text": text}]}


@register
class StatusCheck(Check):
    name = "status"
    needs = frozenset({Need.SOURCE, Need.PARSER})
    description = "A modifier that changes what its noun refers to (former, alleged, attempted, deputy) dropped."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.alignment is not None
        parser, lex = ctx.resources.parser, ctx.resources.lexicon
        assert parser is not None  # Need.PARSER
        mods = _modifiers()
        units = [m for m in ctx.alignment.matches
                 if any(w.lower().strip(",.;:'\"") in mods for w in m.source.replace("-", " - ").split())
                 or any(w in m.source.lower() for w in mods if "-" in w)]
        out: list[Candidate] = []
        for m in units:
            doc = parser.parse([m.source])[0]
            found = status_modifiers(doc, lex)
            bt = m.bt.lower() if m.bt else ""
            bt_words = {w.strip(",.;:'\"") for w in bt.split()} | {w for w in mods if "-" in w and w in bt}
            it_text = ctx.article.text[m.it_start:m.it_end]
            itw = it_words(it_text)
            if not found or bt_words & mods or any(keeps(w.text) or fold(w.text) in mods for w in itw):
                continue  # the back-translation reads a status modifier, or the Italian keeps one (or the
                # English one, «fake news»): not a drop
            region = ItalianRegion(it_text, lex)
            for written, mod, noun in found:
                if region.supports(written) is True:
                    continue  # the Italian renders this one its way
                k = self._noun(ctx, m, noun, itw, lex)
                if k is None:
                    continue
                start, end = m.it_start + itw[k].start, m.it_start + itw[k].end
                italian = ctx.article.text[start:end]
                phrase = f"{written} {noun.text}" if mod.i + 1 == noun.i else f"{written} … {noun.text}"
                message = (f"the source says “{phrase}”; “{written}” is missing from the Italian"
                           f"{' and from its back-translation' if m.bt else ''}, so «{italian}» reads as "
                           f"“{noun.text}” plain, another person or thing than the source's")
                kinds = ("omission", "italian") + (("back-translation",) if m.bt else ())
                fix, detail = fix_for(written, ctx.article.text, start, end)
                evidence = Evidence(kinds=kinds, source=m.source, back_translation=m.bt or None,
                                    phrases=(("source", phrase), ("missing", written)),
                                    details={"fix": detail} if detail else {})
                out.append(self.candidate(ctx, start, end, Category.OMISSION, Claim.QUALIFIER_DROPPED, message,
                                          evidence, fix))
        return out

    @staticmethod
    def _noun(ctx: CheckContext, m: Any, noun: Any, itw: list[Any], lex: Any) -> int | None:
        """The Italian word of the modified noun (:func:`~backcheck.align.projection.italian_words_for`)."""
        hits = italian_words_for(noun.text, itw, lex, ctx.translation, m.segments, m.it_start)
        return hits[0] if hits else None
