"""nationality: countries and nationality adjectives in the Italian that the aligned source does not
name, or names otherwise ("francese" for "German").

Country names and adjectives of both languages, each read as the countries it can name, come from
:mod:`backcheck.knowledge.nations` (CLDR through Babel, MultiWordNet's country synsets and
pertainyms, ``data/nations.tsv``). An Italian one is in the source when the source units of its
sentence, or the units next to them, name one of its countries, write the Italian word itself, or
have a word MultiWordNet translates with it ("Jewish" for "ebraico"). A word that with its neighbour
forms a MultiWordNet compound ("montagne russe", "bagno turco") is the compound's, not a nationality,
and one in a name a source acronym abbreviates («Autorità palestinese» for "PA") is the acronym's.

Otherwise: when the aligned source names another country or nationality (one no other Italian word
of the sentence renders), the Italian changed it (major, the source's in Italian as the fix); when it
names none, the Italian added it (major; minor when the source names that country elsewhere, an
explicitation the translator took from the story, or when the word is the name of the source's own
language, CLDR's "inglese": "il termine inglese" for "the phrase").
"""

from __future__ import annotations

import re

from ..knowledge.nations import NationMention, find_nations, folded, italian_name
from ..lang import en as en_lang
from ..lang import it as it_lang
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_WORD = re.compile(r"[^\W\d_]+")


def _italian_name_of_english() -> frozenset[str]:
    from babel import Locale

    return frozenset({str(Locale.parse("it").languages["en"]).lower()})


_SOURCE_LANGUAGE = _italian_name_of_english()


def _compound(ctx: CheckContext, text: str, m: NationMention) -> bool:
    """The word is part of a MultiWordNet compound with the word before or after it."""
    lex = ctx.resources.lexicon
    if lex is None:
        return False
    before = _WORD.findall(text[: m.start])[-1:]
    after = _WORD.findall(text[m.end :])[:1]
    grams = [f"{w} {m.text}" for w in before] + [f"{m.text} {w}" for w in after]
    return any(lex.known_it(g.lower()) or lex.known_it(" ".join(it_lang.lemma(x) for x in g.split())) for g in grams)


def _translated(ctx: CheckContext, m: NationMention, source_words: set[str]) -> bool:
    """A source word MultiWordNet translates with the Italian word ("Jewish" / "ebraica")."""
    lex = ctx.resources.lexicon
    if lex is None:
        return False
    meanings = lex.en_for_it(it_lang.lemma(m.text)) | lex.en_for_it(m.text.lower())
    return bool(meanings & source_words)


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


def _acronym_spelled_out(text: str, m: NationMention, source: str) -> bool:
    """The word is part of a name that a source acronym abbreviates («Autorità palestinese» for "PA",
    «Unione europea» for "EU"): the content words of up to three words around it have the acronym's
    initials, in any order (Italian puts the adjective after the noun)."""
    acronyms = {"".join(sorted(a)) for a in _ACRONYM.findall(source)}
    if not acronyms:
        return False
    words = [(w.group(), w.start()) for w in _WORD.finditer(text)]
    k = next((i for i, (_, at) in enumerate(words) if at == m.start), None)
    if k is None:
        return False
    for lo in range(max(0, k - 3), k + 1):
        for hi in range(k + 1, min(len(words), k + 4) + 1):
            content = [w for w, _ in words[lo:hi] if w.lower() not in it_lang.FUNCTION_WORDS]
            if len(content) >= 2 and "".join(sorted(w[0].upper() for w in content)) in acronyms:
                return True
    return False


@register
class NationalityCheck(Check):
    name = "nationality"
    needs = frozenset({Need.SOURCE, Need.LEXICON})
    description = "Countries and nationalities in the Italian that the source does not name, or names otherwise."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        elsewhere = {c for n in find_nations("\n".join(ctx.sources), "en") for c in n.codes}
        for sent, found, aligned, near in ctx.sentences_with(lambda text: find_nations(text, "it")):
            whole_sentence = ctx.covers(sent, aligned)
            src, near_text = "\n".join(aligned), "\n".join(near)
            near_codes = {c for n in find_nations(near_text, "en") for c in n.codes}
            kept = folded(near_text)
            words = {en_lang.lemma(w) for w in _WORD.findall(near_text)} | {w.lower() for w in _WORD.findall(near_text)}
            words |= {w[:-1] for w in words if w.endswith("s")}  # "Turks"
            said = find_nations(src, "en")
            # a source nation the Italian names is taken: only one left over is what the Italian changed
            said = [n for n in said if not any(n.codes & m.codes for m in found)]
            for m in found:
                if m.codes & near_codes or re.search(rf"(?<!\w){re.escape(folded(m.text))}(?!\w)", kept):
                    continue
                if _translated(ctx, m, words) or _compound(ctx, sent.text, m):
                    continue
                if _acronym_spelled_out(sent.text, m, near_text):
                    continue
                a, b = sent.start + m.start, sent.start + m.end
                details = {"italian": m.text, "countries": sorted(m.codes)[:8]}
                if said:
                    names = list(dict.fromkeys(n.text for n in said))
                    countries = sorted(c for c in said[0].codes if not c.startswith("lang:"))
                    fix = italian_name(countries[0], m.country) if len(names) == 1 and len(countries) == 1 else None
                    out.append(self.candidate(
                        ctx, a, b, Category.MISTRANSLATION, Claim.NATIONALITY_CHANGED,
                        f"«{m.text}» is not in the source, which says " + " or ".join(f"'{n}'" for n in names) + ".",
                        Evidence(kinds=("source", "nationality"), source=src,
                                 details={**details, "source_value": names}), suggestion=fix))
                    continue
                if not m.country and it_lang.lemma(m.text) in _SOURCE_LANGUAGE:
                    continue  # the source's own language ("il termine inglese") is implicit in every English source
                if not whole_sentence:
                    continue  # a snippet of part of the sentence: the rest is no addition
                soft = bool(m.codes & elsewhere)
                why = " (it names that country elsewhere)" if soft else ""
                out.append(self.candidate(
                    ctx, a, b, Category.ADDITION, Claim.NATIONALITY_ADDED,
                    f"«{m.text}» is not in the source, which names no country here{why}.",
                    Evidence(kinds=("source", "nationality"), source=src, details=details,
                             features={"soft": float(soft)})))
        return out
