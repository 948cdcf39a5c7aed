"""Terminology: a known wrong Italian rendering of a glossary term.

A wrong rendering found in a sentence is reported when the aligned source snippet holds the English
term, in the sense the accepted renderings translate (when the wrong rendering translates another
sense of it: "arms" as limbs is «braccia»), and the sentence holds none of the accepted renderings.
Without an aligned source, only entries flagged ``no-source`` (wrong in any context) are reported. The glossary is
``ctx.glossary``, or the starter glossary when the pipeline gave none.
"""

from __future__ import annotations

from functools import lru_cache

from ..knowledge.glossary import Glossary, GlossaryEntry, load_glossary
from ..knowledge.renderings import accepted_fix
from ..knowledge.senses import uses_sense
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register


def _default_glossary() -> Glossary:
    global _STARTER
    if _STARTER is None:
        _STARTER = load_glossary([], starter=True)
    return _STARTER


_STARTER: Glossary | None = None


@lru_cache(maxsize=4096)
def _required(term: str) -> str:
    """What every match of :func:`~backcheck.knowledge.glossary.italian_pattern` of ``term`` contains, in
    lower case: its first word up to an apostrophe, less the final vowel the pattern lets vary."""
    word = term.replace("’", "'").split()[0].lower()
    if len(word) >= 5 and word[-1] in "aeio" and word.isalpha():
        word = word[:-1]
    return word.split("'")[0]


def _source_with_term(entry: GlossaryEntry, sources: list[str]) -> str | None:
    pat = entry.english_pattern()
    return next((s for s in sources if pat.search(s)), None)


def _unaligned_evidence(entry: GlossaryEntry, ctx: CheckContext) -> str | None:
    """With no aligned snippet: a source line using the term, when the whole article never uses an
    accepted rendering and has no more wrong renderings than the sources have the term."""
    text = ctx.article.text
    if any(p.search(text) for p in entry.italian_patterns("accepted")):
        return None
    pat = entry.english_pattern()
    n_en = sum(len(pat.findall(s)) for s in ctx.sources)
    n_it = sum(len(p.findall(text)) for p in entry.italian_patterns("wrong"))
    if n_en == 0 or n_it > n_en:
        return None
    return _source_with_term(entry, ctx.sources)


def _other_sense(entry: GlossaryEntry, source: str, ctx: CheckContext) -> bool | None:
    """Whether the source uses the term in a sense its wrong rendering translates ("arms" as limbs, where
    «braccia» is right): WordNet definitions compared with the sentence (:mod:`~backcheck.knowledge.senses`).
    ``None`` when that cannot be checked (no lexicon or no embedding model)."""
    m = entry.english_pattern().search(source)
    if m is None:
        return False
    if ctx.resources.lexicon is None or ctx.resources.embeddings is None:
        return None
    verdict = uses_sense(ctx.resources.lexicon, ctx.resources.embeddings, m.group(0), source, entry.accepted,
                         entry.wrong)
    return verdict is False


@register
class GlossaryCheck(Check):
    name = "glossary"
    needs = frozenset()
    description = "Known wrong renderings of glossary terms (starter news glossary plus --glossary files)."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        glossary = ctx.glossary if ctx.glossary is not None else _default_glossary()
        out: list[Candidate] = []
        entries = [(entry, entry.italian_patterns("wrong"), [_required(t) for t in entry.wrong])
                   for entry in glossary if entry.wrong]
        for sent in ctx.content_sentences():
            sources: list[str] | None = None
            lowered = sent.text.lower()
            for entry, wrong, required in entries:
                if not any(r in lowered for r in required):
                    continue  # none of its wrong renderings can be here (a substring test, not a search)
                hits = [m for p in wrong for m in p.finditer(sent.text)]
                if not hits:
                    continue
                if any(p.search(sent.text) for p in entry.italian_patterns("accepted")):
                    # an accepted rendering that contains the wrong one ("bilancio" in "bilancio
                    # delle vittime") or stands beside it: the term is rendered right here
                    continue
                if sources is None:
                    sources = ctx.sources_for(sent.start, sent.end)
                src = _source_with_term(entry, sources) if sources else None
                if sources and src is None:
                    continue  # the aligned source does not use the term: the Italian may be right
                if not sources and ctx.sources:
                    src = _unaligned_evidence(entry, ctx)
                if src is None and not entry.no_source:
                    continue
                other = _other_sense(entry, src, ctx) if src else False
                if other:
                    continue  # the source uses the term in the sense the "wrong" rendering translates
                for m in hits:
                    s, e = sent.start + m.start(), sent.start + m.end()
                    details = {"term": entry.english, "accepted": list(entry.accepted), "glossary": entry.origin}
                    if entry.note:
                        details["note"] = entry.note
                    fix, detail = accepted_fix(entry.accepted, ctx.article.text, s, e, f"glossary {entry.origin}")
                    # the term's sense could not be checked (no lexicon or embeddings): a word of several
                    # senses may be right here, and the rules make it minor
                    evidence = Evidence(source=src or None, details=details | ({"fix": detail} if detail else {}),
                                        features={"sense_unchecked": 1.0} if other is None else {})
                    out.append(
                        self.candidate(
                            ctx, s, e, Category.TERMINOLOGY, Claim.TERM_WRONG,
                            f"'{m.group()}' is a wrong rendering of '{entry.english}'; "
                            f"use '{fix or entry.accepted[0]}'.",
                            evidence, suggestion=fix or entry.accepted[0],
                        )
                    )
        return out
