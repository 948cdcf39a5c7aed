"""False friends: an Italian word that looks like an English word it does not mean.

Candidates come from data, not from a word list: :mod:`backcheck.knowledge.cognates` spells each Italian word
the English way by regular correspondences ("attualmente" -> "actually") and keeps the look-alike
when it is a frequent English word that MultiWordNet does not give among the Italian word's
translations. Context then decides:

- the back-translation of the sentence uses the look-alike: the word was read in that sense, which
  it has, so nothing is reported;
- an aligned source sentence uses the look-alike and the Italian sentence holds none of its
  MultiWordNet renderings: the translator copied the form, not the meaning -> **major**
  (**minor** when MultiWordNet does not know the Italian word, renders the look-alike with a word
  of the same family, or with a word that shares one of the Italian word's meanings: the senses
  may touch, or the lexicon may have a gap);
- an aligned source sentence does not use the look-alike: the Italian word is used in its own sense,
  nothing is reported;
- no aligned source: **minor**, only for a look-alike spelled through a derivational suffix (not a
  bare final vowel) and only for an uncommon Italian word (Zipf below
  :data:`CONFIG.max_it_zipf_alone`): common Italian words are overwhelmingly used in their Italian sense,
  while a rare word mirroring a common English one is what literal translation leaves behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.cognates import FalseFriend, false_friend, it_lemmas, related
from ..lang import fold, words
from ..lang.en import lemma as en_lemma
from ..lang.it import elided_tail
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@dataclass(frozen=True)
class FalseFriendSettings:
    """The settings of this check (they enter the report signature)."""

    # Without a source, only Italian words rarer than this (wordfreq Zipf; 3.5 is about three uses per
    # million words) are reported: the common ones are ordinary Italian in their Italian sense.
    max_it_zipf_alone: float = 3.5
    # Meanings and renderings quoted in a message.
    shown: int = 3


CONFIG = FalseFriendSettings()


def _it_zipf(forms: tuple[str, ...]) -> float:
    from ..lang.frequency import zipf

    return max(zipf(f, "it") for f in forms)


def _source_using(look: str, sources: list[str]) -> str | None:
    """The first source unit that uses the look-alike (any inflection)."""
    for s in sources:
        if any(related(en_lemma(w.text), look) or w.lower == look for w in words(s)):
            return s
    return None


def _word_in(look: str, source: str) -> str:
    """The source's own word for the look-alike ("pretended" for "pretend"); the look-alike when absent."""
    return next((w.text for w in words(source) if related(en_lemma(w.text), look) or w.lower == look), look)


def _rendered(ff: FalseFriend, sentence: str) -> bool:
    """Does the Italian sentence hold a MultiWordNet rendering of the look-alike?"""
    folded = f" {fold(sentence)} "
    lemmas = {lem for w in words(sentence) for lem in it_lemmas(elided_tail(w.text))}
    return any(r in lemmas if " " not in r else f" {fold(r)} " in folded for r in ff.renderings)


@register
class FalseFriendsCheck(Check):
    name = "falsefriends"
    needs = frozenset({Need.LEXICON})
    description = "Italian words that look like an English word they do not mean (false friends)."
    config = CONFIG
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        lexicon = ctx.resources.lexicon
        assert lexicon is not None
        text = ctx.article.text
        out: list[Candidate] = []
        for sent in ctx.content_sentences():
            sentence = text[sent.start : sent.end]
            sources: list[str] | None = None
            bt: str | None = None
            for i, w in enumerate(words(text, sent.start, sent.end)):
                tail = elided_tail(w.text)
                if tail[:1].isupper() and i > 0:
                    continue  # a name
                if sources is None:
                    sources = ctx.sources_for(sent.start, sent.end)
                ff = false_friend(tail, lexicon, allow_unknown=bool(sources))
                if ff is None:
                    continue
                if bt is None:
                    bt = ctx.back_translation_of(sent.start, sent.end)
                if bt and _source_using(ff.lookalike_lemma, [bt]):
                    continue  # the back-translation reads the word as its look-alike: a sense it has
                if ff.broad and not bt:
                    continue  # renderings from the look-alike's broader words alone: a back-translation must witness
                start = w.end - len(tail)
                found = self._propose(ctx, ff, start, w.end, sentence, sources, lexicon.signature)
                if found is not None:
                    out.append(found)
        return out

    def _propose(self, ctx: CheckContext, ff: FalseFriend, start: int, end: int, sentence: str,
               sources: list[str], signature: str) -> Candidate | None:
        meanings = ", ".join(f"'{m}'" for m in ff.meanings[:CONFIG.shown])
        renderings = " or ".join(f"'{r}'" for r in ff.renderings[:CONFIG.shown])
        kinds = ["false-friend", "lexicon"] if ff.meanings else ["false-friend"]
        details = {"lookalike": ff.lookalike, "italian_meanings": list(ff.meanings),
                   "lookalike_renderings": list(ff.renderings), "lexicon": signature}
        word = ctx.article.text[start:end]
        if sources:
            src = _source_using(ff.lookalike_lemma, sources)
            if src is None or _rendered(ff, sentence) or (ff.kin and not ff.meanings):
                return None  # the source does not mean the look-alike, or the Italian renders it too
            kinds.append("source")
            sense = f"in Italian it means {meanings}" if ff.meanings else "it is not a translation of it"
            strong = ff.strong
            fix, detail = ctx.fix(start, end, _word_in(ff.lookalike_lemma, src), src)
            evidence = Evidence(kinds=tuple(kinds), source=src, details=details | ({"fix": detail} if detail else {}),
                                features={"strong": float(strong)})
            return self.candidate(
                ctx, start, end, Category.MISTRANSLATION, Claim.FALSE_FRIEND,
                f"'{word}' {'is' if strong else 'may be'} a false friend of '{ff.lookalike_lemma}' in the "
                f"source: {sense}; "
                f"'{ff.lookalike_lemma}' is {renderings}.",
                evidence, suggestion=fix,
            )
        if not ff.alone or _it_zipf(it_lemmas(word)) >= CONFIG.max_it_zipf_alone:
            return None
        evidence = Evidence(kinds=tuple(kinds), details=details)
        return self.candidate(
            ctx, start, end, Category.MISTRANSLATION, Claim.FALSE_FRIEND_SUSPECTED,
            f"'{word}' looks like '{ff.lookalike_lemma}' but means {meanings} in Italian; if the original "
            f"meant '{ff.lookalike_lemma}', use {renderings}.",
            evidence,  # no source: what the original meant is unknown, so no fix
        )
