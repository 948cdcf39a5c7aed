"""Text left in English (or another language) inside the Italian.

Each sentence is cut into chunks at brackets and quotation marks; inside a chunk, every window of
:data:`WINDOW` words that holds at least two lower-case words is scored by lingua. Windows that are
confidently not Italian mark their words; marked words form runs, and a run is reported when it
holds at least :data:`MIN_RUN_WORDS` words (or is the whole sentence), at least two of them
lower-case words that are not common English loanwords, and lingua is still confident about the
run as a whole. Names, acronyms, URLs, handles and single loanwords are never reported on their own;
title-case runs ("House of Cards") are taken as titles or names. Paragraphs that the boilerplate
check reports are skipped.

Short English runs that lingua cannot judge ("la situazione è fully resolved, ha detto") are found
word by word with wordfreq: a lower-case word is *English-only* when it is frequent in English and
rare in Italian (accepted anglicisms such as "team" or "app" are frequent in Italian too, so they
stay quiet). Two or more English-only words in a row (English function words may join them) are
major; a single one is minor, and only when it is a common English word (technical terms borrowed
whole are rare in English as well). A quotation that starts with a capital (a title or a slogan)
is minor; a one-word quotation, or a word glossed in brackets right after it, is a deliberate term
and is not reported. An English quotation that the article attributes to a speaker is speech, and
Italian news translates what people say: direct speech is introduced by a colon or followed by an
*inciso* with the speaker (Serianni, *Grammatica italiana* XIV.6: «...», ha aggiunto Rossi). Such a
quotation is major like any untranslated text; a quotation in a third language stays minor (the
English source most likely quoted it so too).
"""

from __future__ import annotations

import re

from ..knowledge.foreign_runs import find_untranslated
from ..knowledge.foreign_words import find_english_words
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register

# The speaker after a quotation: a comma, one to four lower-case words (the verb and a title: "ha
# aggiunto", "ha detto il ministro") and a capitalised word (the name).
_INCISO = re.compile(r"\s*,\s*(?:[a-zà-ù’']+\s+){1,4}[A-ZÀ-Ý]")
_INTRODUCED = re.compile(r":\s*$")


def attributed(text: str, start: int, end: int) -> bool:
    """Is the quotation ``text[start:end]`` (its quotation marks included) direct speech with its speaker?"""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_INCISO.match(text, end) or _INTRODUCED.search(text[line_start:start]))


@register
class UntranslatedCheck(Check):
    name = "untranslated"
    needs = frozenset()
    description = "Runs of English (or other non-Italian) words left untranslated in the Italian."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        text = ctx.article.text
        for s, e, lang, conf, quoted in find_untranslated(text, ctx.content_sentences()):
            speech = quoted and lang == "en" and attributed(text, s, e)
            if speech:
                message = "Quoted speech left in English; translate what the speaker says into Italian."
            elif quoted:
                message = (f"Quoted text in another language ({lang}); translate it unless the quotation is "
                           "meant to stay.")
            else:
                message = f"Text left untranslated ({lang}); translate it into Italian."
            out.append(
                self.candidate(
                    ctx, s, e, Category.UNTRANSLATED, Claim.UNTRANSLATED, message,
                    Evidence(kinds=("lingua",), details={"detected_language": lang, "confidence": conf,
                                                         "quoted": quoted and not speech}),
                )
            )
        for s, e, n, capital_quote in find_english_words(text, ctx.content_sentences()):
            message = (
                "English words left untranslated; translate them into Italian." if n >= 2
                else "An English word left untranslated; use the Italian word unless it is an accepted loanword."
            )
            out.append(
                self.candidate(
                    ctx, s, e, Category.UNTRANSLATED, Claim.UNTRANSLATED, message,
                    Evidence(kinds=("word-frequency",), details={"detected_language": "en", "english_only_words": n,
                                                                 "quoted": capital_quote}),
                )
            )
        return out  # the lingua runs first: a word run overlapping one is the same text (exclusive)
