"""institutions: a multi-word name of the source ("Supreme Court", "Security Council", "White House")
whose standard Italian form MultiWordNet gives, where the Italian writes it another way («tribunale
supremo» for «Corte Suprema»).

Names of institutions, bodies and places have one accepted Italian form, which a reader recognises and
a search finds; a word-by-word rendering of them reads as a description, not the name. A source unit's
runs of two or three capitalised words (a leading function word set aside) that MultiWordNet lists as
a noun with Italian lemmas are checked; only multi-word names, where the name is the unit of meaning
(MultiWordNet's single words are common nouns and take part in every paraphrase). Nothing is reported
when the Italian sentence, or the one on each side, has one of the renderings (accents, case and the
dots of an abbreviation aside: «Ue» for «U.E.»), or keeps the English name as it is, or writes it
capitalised as a name («Assemblea Generale»: an established form MultiWordNet may lack), or when no Italian
words there translate the name's words (the place of the name cannot be found: the name may have been
left out, which is the missingnames check's).
"""

from __future__ import annotations

import re

from ..lang import TITLE_WORDS, fold
from ..lang import it as it_lang
from ..lang.en import FUNCTION_WORDS as EN_FUNCTION_WORDS
from ..lang.en import lemma as en_lemma
from ..lang.it import FUNCTION_WORDS as IT_FUNCTION_WORDS
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

_RUN = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+(?![\w’'-])")
_IT_WORD = re.compile(r"[^\W\d_]+")  # an elided article is a word of its own


def _names(source: str) -> list[str]:
    """The source's runs of capitalised words, leading function words set aside: the whole run, and for
    a run that opens the sentence also its last three and last two words."""
    out = []
    for m in _RUN.finditer(source):
        words = m.group().split()
        while words and words[0].lower() in EN_FUNCTION_WORDS:
            words = words[1:]
        # a run that opens the sentence may start with a word capitalised only for that ("Yesterday
        # Supreme Court"); inside a sentence the run is one name ("United Nations General Assembly")
        opens = not source[:m.start()].strip() or source[:m.start()].rstrip()[-1] in ".!?:\"“'‘"
        for k in range(max(0, len(words) - 3) if opens else 0, (len(words) - 1) if opens else 1):
            part = words[k:]
            if len(part) >= 2 and part[-1].lower() not in TITLE_WORDS:  # "Prime Minister" is a title
                out.append(" ".join(part))
    return out


def _plain(text: str) -> str:
    return fold(text).replace(".", "")


def _has(region: str, rendering: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_plain(rendering))}(?!\w)", region) is not None


def _capitalised(rendering: str) -> str:
    """The rendering written as a name: its content words capitalised («corte suprema» → «Corte Suprema»)."""
    return " ".join(w if w in IT_FUNCTION_WORDS else w[:1].upper() + w[1:] for w in rendering.split())


@register
class InstitutionsCheck(Check):
    name = "institutions"
    needs = frozenset({Need.SOURCE, Need.LEXICON})
    description = "Multi-word names of the source (institutions, bodies) not in their standard Italian form."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        lex = ctx.resources.lexicon
        if lex is None:
            return []
        content = ctx.content_sentences()
        out: list[Candidate] = []
        seen: set[tuple[int, int]] = set()
        for k, sent in enumerate(content):
            aligned, _near = ctx.source_window(sent.start, sent.end)
            if not aligned:
                continue
            lo, hi = ctx.around(content, k, k)
            region = _plain(ctx.article.text[lo:hi])
            for name in dict.fromkeys(n for unit in aligned for n in _names(unit)):
                renderings = sorted(lex.it_for_en_pos(name.lower(), "n"))
                if not renderings or _has(region, name) or any(_has(region, r) for r in renderings):
                    continue
                span = self._place(ctx, sent.start, sent.end, name, lex)
                if span is None or span in seen:
                    continue
                seen.add(span)
                a, b = span
                if all(w[:1].isupper() for w in _IT_WORD.findall(ctx.article.text[a:b]) if w not in IT_FUNCTION_WORDS):
                    continue  # written as a name: the translator gives it as the institution's Italian name
                best = next((r for r in renderings if "." not in r), renderings[0])
                out.append(self.candidate(
                    ctx, a, b, Category.TERMINOLOGY, Claim.NAME_NOT_STANDARD,
                    f"«{ctx.article.text[a:b]}» stands for the source's '{name}', whose Italian name is "
                    + " or ".join(f"«{_capitalised(r)}»" for r in renderings[:2]) + " (MultiWordNet).",
                    Evidence(kinds=("source", "lexicon"), source="\n".join(aligned),
                             phrases=(("source", name),), details={"renderings": renderings[:4]}),
                    suggestion=_capitalised(best)))
        return out

    @staticmethod
    def _place(ctx: CheckContext, start: int, end: int, name: str, lex) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
        """The Italian words of the sentence that translate the name's words (MultiWordNet) or share their
        first five letters («supremo» for "Supreme"), from the first to the last (at most two other words
        between them); ``None`` when fewer than two are found."""
        wanted: set[str] = set()
        for w in name.split():
            wanted |= {fold(t) for t in lex.it_for_en(en_lemma(w.lower())) | lex.it_for_en(w.lower())}
        stems = [fold(w)[:5] for w in name.split() if len(w) >= 5]
        text = ctx.article.text
        hits = [m for m in _IT_WORD.finditer(text, start, end)
                if fold(m.group()) in wanted or it_lang.lemma(m.group()) in wanted
                or any(fold(m.group()).startswith(s) for s in stems)]
        if len(hits) < 2:
            return None
        best: tuple[int, int] | None = None
        run = [hits[0]]
        for m in hits[1:]:
            if len(text[run[-1].end():m.start()].split()) <= 2:
                run.append(m)
            else:
                run = [m]
            if len(run) >= 2 and (best is None or run[-1].end() - run[0].start() > best[1] - best[0]):
                best = (run[0].start(), run[-1].end())
        return best
