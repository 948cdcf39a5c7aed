"""divergence: the source and the back-translation disagree on a content phrase.

For each source unit placed on the back-translation, English phrases with no counterpart on the
other side are candidates (see :mod:`backcheck.align`). A back-translation phrase that replaces a
source phrase is projected onto the Italian words it came from and reported as ``mistranslation``
or ``terminology``; with a whole English article as source, unmatched back-translation phrases are
also reported as ``addition``. Phrase pairs that a sentence-embedding model finds to be paraphrases
are dropped (when that optional model is installed), and so are pairs whose source words the Italian
itself supports (MultiWordNet, see :mod:`backcheck.knowledge.support`): then the back-translation drifted, not
the translator. What is left is minor: a phrase difference alone is a symptom; major findings come
from the specific detectors, which report the same words with their own evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..align import Divergence, phrase_divergences, project
from ..knowledge.embeddings import phrase_similarity
from ..knowledge.support import ItalianRegion, lexicon
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@dataclass(frozen=True)
class DivergenceSettings:
    """The settings of this check (they enter the report signature)."""

    # Phrase pairs at least this similar (cosine of sentence embeddings) are paraphrases, not errors.
    paraphrase_similarity: float = 0.80
    # Below this they are far apart (recorded as "embedding" evidence).
    far_below: float = 0.45
    # A difference the Italian word can support is kept only below this similarity (another sense).
    sense_below: float = 0.8
    # Phrases longer than this (content words) are alignment trouble, not a mistranslated phrase.
    max_phrase_words: int = 5
    # Additions (whole-article sources only) need at least this many content words.
    min_addition_words: int = 3
    # At most this many divergences per source unit, the least similar first: a sentence with many
    # differences is a paraphrase, and its worst difference is the one worth a reviewer's time.
    max_per_unit: int = 2
    # A whole English article as source is usually closer to the translation than snippets are, so its
    # paraphrase noise is filtered harder: one divergence per sentence, "far" below a lower similarity.
    whole_article_max_per_unit: int = 1
    whole_article_far_below: float = 0.30
    # "faithful-back-translation" evidence is only weighed for short phrases (content words per side).
    max_faithful_words: int = 3


CONFIG = DivergenceSettings()

# Verbs whose meaning comes from their object; a back-translation reading one of them is no sense.
LIGHT_VERBS = frozenset({"make", "do", "have", "take", "get", "give", "go", "be", "put", "set"})


def _is_name_only(words: list) -> bool:  # type: ignore[type-arg]
    """Names and numbers are the entities and numbers checks' business."""
    return bool(words) and all((w.text[:1].isupper() and w.start > 0) or w.norm.isdigit() for w in words)


def _category(div: Divergence) -> Category:
    sw = div.source_words
    verbish = any(w.text.lower().endswith(("ed", "ing")) or w.norm != w.text.lower() for w in sw)
    if 1 <= len(sw) <= 3 and not verbish:
        return Category.TERMINOLOGY
    return Category.MISTRANSLATION


def _in_context(div: Divergence, ctx: CheckContext) -> tuple[str, str]:
    """Both phrases with one word of context on each side (the shared neighbours make
    paraphrases look alike and real changes stand out)."""
    assert ctx.translation is not None

    def widen(text: str, start: int, end: int) -> str:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        idx = [k for k, (a, b) in enumerate(spans) if a < end and start < b]
        if not idx:
            return text[start:end]
        lo, hi = max(0, idx[0] - 1), min(len(spans) - 1, idx[-1] + 1)
        return text[spans[lo][0]:spans[hi][1]]

    bw, sw = div.bt_words, div.source_words
    if bw and all(w.seg == bw[0].seg for w in bw):
        bt = widen(ctx.translation.segments[bw[0].seg].en, bw[0].start, bw[-1].end)
    else:
        bt = div.bt_phrase
    src = widen(div.match.source, sw[0].start, sw[-1].end) if sw else div.match.source
    return bt, src


def _join_close(spans: list[tuple[int, int]], text: str, max_gap_words: int = 3) -> list[tuple[int, int]]:
    """One phrase is one finding: join its projected pieces when few words separate them."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and len(text[out[-1][1]:a].split()) <= max_gap_words and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class _Candidate(NamedTuple):
    div: Divergence
    unsupported: list[str]  # source words the lexicon knows and the Italian does not translate
    unknown: list[str]      # source words the lexicon does not know
    sense: bool = False     # the Italian supports the source: kept only if the readings are far apart


def _precap(candidates: list[_Candidate], ctx: CheckContext) -> list[_Candidate]:
    """A whole source keeps one divergence per unit: rank a unit's candidates by the cheap
    similarity (averaged token vectors) and send only the most distant to the full model."""
    from ..knowledge.embeddings import phrase_similarity as similarity

    by_unit: dict[int, list[int]] = {}
    for n, c in enumerate(candidates):
        by_unit.setdefault(c.div.match.source_index, []).append(n)
    crowded = [n for ns in by_unit.values() if len(ns) > CONFIG.whole_article_max_per_unit for n in ns]
    if not crowded:
        return candidates
    cheap = dict(zip(crowded, similarity([_in_context(candidates[n].div, ctx) for n in crowded], fast=True),
                     strict=True))
    if any(v is None for v in cheap.values()):
        return candidates
    keep = {n for ns in by_unit.values()
            for n in (sorted(ns, key=lambda n: cheap[n] or 0.0)[:CONFIG.whole_article_max_per_unit]
                      if len(ns) > CONFIG.whole_article_max_per_unit else ns)}
    return [c for n, c in enumerate(candidates) if n in keep]


def _light(div: Divergence) -> bool:
    """The back-translation phrase is only light verbs ("make", "take"): too vague to be a sense."""
    return all(w.norm in LIGHT_VERBS for w in div.bt_words if w.content)


def _short(div: Divergence) -> bool:
    """A phrase of a few words on each side: longer runs are usually alignment trouble."""
    return sum(w.content for w in div.source_words) <= CONFIG.max_faithful_words and \
        sum(w.content for w in div.bt_words) <= CONFIG.max_faithful_words


def _bt_faithful(div: Divergence, regions: dict[tuple[int, int], ItalianRegion]) -> bool:
    """Every content word of the back-translation phrase is supported by the Italian region."""
    region = regions[(div.match.it_start, div.match.it_end)]
    words = [w for w in div.bt_words if w.content and not w.norm.isdigit()]
    return bool(words) and all(region.supports(w.text) for w in words)


def _source_support(div: Divergence, region: ItalianRegion) -> tuple[list[str], list[str]]:
    """The divergence's source content words the Italian of the aligned region does not support:
    (unsupported, unknown to the lexicon)."""
    uns: list[str] = []
    unk: list[str] = []
    for w in div.source_words:
        if not w.content or w.norm.isdigit():
            continue
        verdict = region.supports(w.text)
        if verdict is False:
            uns.append(w.text)
        elif verdict is None:
            unk.append(w.text)
    return uns, unk


@register
class DivergenceCheck(Check):
    name = "divergence"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE})
    description = "Source and back-translation disagree on a content phrase the Italian does not support."
    config = CONFIG

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None and ctx.alignment is not None
        found: list[Candidate] = []
        candidates: list[_Candidate] = []
        regions: dict[tuple[int, int], ItalianRegion] = {}
        for match in ctx.alignment.matches:
            key = (match.it_start, match.it_end)
            if key not in regions:
                regions[key] = ItalianRegion(ctx.article.text[match.it_start:match.it_end])
            region = regions[key]
            for div in phrase_divergences(match, ctx.translation):
                if div.kind == "replace" or (
                    div.kind == "addition" and ctx.alignment.whole_article
                    and len(div.bt_words) >= CONFIG.min_addition_words
                ):
                    if _is_name_only(div.bt_words) or not div.bt_words:
                        continue
                    if max(sum(w.content for w in div.source_words), len(div.bt_words)) > CONFIG.max_phrase_words:
                        continue  # a long run on either side is a misplaced pair, not a mistranslation
                    uns, unk = _source_support(div, region)
                    if div.kind == "replace" and not uns and not unk:
                        if _light(div):
                            continue
                        # the Italian can say what the source says: usually the back-translation
                        # drifted; kept only when the two readings are far apart (a word with two
                        # senses, the back-translation reading the other one)
                        candidates.append(_Candidate(div, [], [], sense=True))
                        continue
                    candidates.append(_Candidate(div, uns, unk))
        if ctx.alignment.whole_article:
            candidates = _precap(candidates, ctx)
        sims = phrase_similarity([_in_context(c.div, ctx) for c in candidates])
        per_unit: dict[int, list[tuple[float, int]]] = {}
        for n, (c, sim) in enumerate(zip(candidates, sims, strict=True)):
            if sim is not None and sim >= CONFIG.paraphrase_similarity:
                continue
            if ctx.alignment.whole_article and (sim is None or sim >= CONFIG.whole_article_far_below):
                continue  # a whole source paraphrases freely: only far-apart phrases are worth a look
            if c.sense and (sim is None or sim >= CONFIG.sense_below):
                continue
            per_unit.setdefault(c.div.match.source_index, []).append((sim if sim is not None else 0.0, n))
        whole = ctx.alignment.whole_article
        limit = CONFIG.whole_article_max_per_unit if whole else CONFIG.max_per_unit
        far_below = CONFIG.whole_article_far_below if whole else CONFIG.far_below
        keep = {n for ranked in per_unit.values() for _s, n in sorted(ranked)[:limit]}
        for n, (c, sim) in enumerate(zip(candidates, sims, strict=True)):
            if n not in keep:
                continue
            div, uns = c.div, c.unsupported
            kinds = ["back-translation"]
            if div.kind == "addition":
                category, claim = Category.ADDITION, Claim.PHRASE_ADDED
                message = f"back-translation says “{div.bt_phrase}”, which the source does not"
            else:
                category, claim = _category(div), Claim.PHRASE_DIFFERS
                if uns:
                    kinds.append("lexicon")
                if c.sense:
                    kinds.append("sense")
                far = sim is not None and sim < far_below
                if far:
                    kinds.append("embedding")
                # A phrase difference alone is minor, whatever the lexicon says: on professional
                # translations with a real back-translation most are paraphrase (measured: flores-it,
                # newssyscomb). The evidence kinds are listed so a reviewer can rank them; majors
                # come from the high-precision detectors (polarity, omission, numbers, names, false
                # friends), which report the same words more specifically.
                if uns and not c.unknown and _short(div) and _bt_faithful(div, regions):
                    kinds.append("faithful-back-translation")
                message = f"reads as “{div.bt_phrase}” where the source has “{div.source_phrase}”"
                if uns:
                    message += f"; no Italian word here translates “{', '.join(uns)}”"
            evidence = Evidence(kinds=tuple(kinds), back_translation=div.match.bt, source=div.match.source,
                                phrases=(("back_translation", div.bt_phrase), ("source", div.source_phrase)),
                                similarity=round(sim, 3) if sim is not None else None)
            suggestion = _suggest(div, uns, ctx)
            # numbers are the numbers check's business: project the words around them only
            words = [w for w in div.bt_words if not w.norm.isdigit()] or div.bt_words
            spans = project(words, ctx.translation)
            for start, end in _join_close(spans, ctx.article.text):
                found.append(self.candidate(ctx, start, end, category, claim, message, evidence, suggestion))
        return found


def _suggest(div: Divergence, unsupported: list[str], ctx: CheckContext) -> str | None:
    """Italian lemmas for the source words the Italian lacks (MultiWordNet)."""
    lex = lexicon()
    if lex is None or not unsupported:
        return None
    from ..lang.en import lemma as en_lemma

    options: list[str] = []
    for w in unsupported:
        its = sorted(lex.it_for_en(en_lemma(w)) | lex.it_for_en(w.lower()), key=lambda x: (" " in x, len(x), x))
        if its:
            options.append(f"{w}: " + ", ".join(its[:4]))
    return "; ".join(options) or None
