"""Calques: an English idiom put into Italian word for word.

"Spill the beans" means "reveal a secret"; written word for word in Italian («rovesciare i fagioli») it
speaks of beans, and the Italian reader takes it literally. The back-translation shows it: a literal
reading of such Italian gives the English idiom back, image and all. So this check looks for the
figurative idioms of Wiktionary (:mod:`backcheck.knowledge.idioms`) in the back-translation, and
keeps one when the Italian of that segment translates the idiom's content words one by one
(MultiWordNet: the Italian holds a rendering of each, near each other). Then:

- a source unit is aligned there and uses the same idiom (it or a neighbour: an alignment may be one
  sentence off): the translator copied the image -> a candidate with the source as evidence;
- a source unit is aligned there and does not use it: the image is the back-translation's own (an
  Italian idiom read back into an English one), nothing is reported;
- no source is aligned there: a candidate without source.

Always **minor**: Italian shares some idioms with English ("rompere il ghiaccio"), and an established
one read literally is not an error; the message says what the idiom means, so a reviewer can tell.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.idioms import Idioms, Match
from ..knowledge.lexicon import Lexicon
from ..lang import Word, fold, words
from ..lang.en import lemma as en_lemma
from ..lang.it import lemma as it_lemma
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@dataclass(frozen=True)
class CalqueSettings:
    """The settings of this check (they enter the report signature)."""

    # The Italian words that render the idiom lie at most this many words apart (first to last).
    max_span_words: int = 8
    # Characters of the idiom's meaning quoted in the message.
    meaning_chars: int = 120


CONFIG = CalqueSettings()


def _located(match: Match, bt: str, italian: list[Word], lexicon: Lexicon) -> list[Word] | None:
    """The Italian words (of ``italian``) that render the match's content words, one per content word
    in the idiom's order; ``None`` unless every content word has one."""
    out = []
    for start, end in match.content:
        english = bt[start:end]
        renderings = lexicon.it_for_en(en_lemma(english)) | {fold(english)}
        hit = next((w for w in italian if w not in out and (it_lemma(w.text) in renderings
                                                             or fold(w.text) in renderings)), None)
        if hit is None:
            return None
        out.append(hit)
    return out


@register
class CalquesCheck(Check):
    name = "calques"
    needs = frozenset({Need.BACK_TRANSLATION, Need.LEXICON, Need.IDIOMS})
    description = "English idioms put into Italian word for word (calques), found through the back-translation."
    config = CONFIG
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        idioms: Idioms | None = ctx.resources.idioms
        lexicon = ctx.resources.lexicon
        assert idioms is not None and lexicon is not None and ctx.translation is not None
        text = ctx.article.text
        out: list[Candidate] = []
        for seg in ctx.translation.segments:
            sent = ctx.article.sentence_at(seg.start)
            if sent is not None and sent.paragraph in ctx.boilerplate:
                continue
            italian = words(text, seg.start, seg.end)
            for match in idioms.find(seg.en):
                found = _located(match, seg.en, italian, lexicon)
                if not found:
                    continue
                start, end = min(w.start for w in found), max(w.end for w in found)
                if len(words(text, start, end)) > CONFIG.max_span_words:
                    continue
                candidate = self._propose(ctx, idioms, match, seg.en, start, end)
                if candidate is not None:
                    out.append(candidate)
        return out

    def _propose(self, ctx: CheckContext, idioms: Idioms, match: Match, bt: str, start: int,
                 end: int) -> Candidate | None:
        idiom = match.idiom
        # the units placed here and their neighbours: a unit placed one sentence off must not hide the idiom
        sources, window = ctx.source_window(start, end)
        used = [s for s in window if any(m.idiom == idiom for m in idioms.find(s))]
        if sources and not used:
            return None  # the source says it otherwise: the image is the back-translation's own
        meaning = idiom.meaning.rstrip(". ")
        if len(meaning) > CONFIG.meaning_chars:
            meaning = meaning[:CONFIG.meaning_chars].rsplit(" ", 1)[0] + " …"
        if meaning[1:2].islower():
            meaning = meaning[0].lower() + meaning[1:]
        kinds = ("back-translation", "lexicon", "source") if used else ("back-translation", "lexicon")
        evidence = Evidence(kinds=kinds, source=used[0] if used else None,
                            details={"idiom": idiom.headword, "meaning": idiom.meaning,
                                     "read_back": bt[match.start:match.end]},
                            features={"confirmed": float(bool(used))})
        italian = ctx.article.text[start:end]
        origin = "the source's idiom" if used else "the English idiom"
        return self.candidate(
            ctx, start, end, Category.MISTRANSLATION, Claim.CALQUE,
            f"'{italian}' renders {origin} '{idiom.headword}' word for word (read back as "
            f"'{bt[match.start:match.end]}'), which means '{meaning}'. An Italian reader takes the words "
            f"literally unless Italian uses the same image: say what it means.",
            evidence,
        )
