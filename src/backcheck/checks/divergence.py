"""divergence: the source and the back-translation disagree on a content phrase.

For each source unit placed on the back-translation, English phrases with no counterpart on the
other side are candidates (see :mod:`backcheck.align`). A back-translation phrase that replaces a
source phrase is projected onto the Italian words it came from and reported as ``mistranslation``
or ``terminology``; with a whole English article as source, unmatched back-translation phrases are
also reported as ``addition``. Phrase pairs that a sentence-embedding model finds to be paraphrases
are dropped (when that optional model is installed), and the rest are graded by how far apart they are.
"""

from __future__ import annotations

import re

from ..align import Divergence, phrase_divergences, project
from ..report.findings import Category, Finding, Severity
from ..semantic import phrase_similarity
from .base import NEED_BACK_TRANSLATION, NEED_SOURCE, Check, CheckContext, register

# Phrase pairs at least this similar (cosine of sentence embeddings) are paraphrases, not errors.
PARAPHRASE_SIMILARITY = 0.80
# Below this they are far apart: a major finding.
MAJOR_BELOW = 0.45
# Additions (whole-article sources only) need at least this many content words.
MIN_ADDITION_WORDS = 3
# At most this many divergences per source unit, the least similar first: a sentence with many
# differences is a paraphrase, and its worst difference is the one worth a reviewer's time.
MAX_PER_UNIT = 2
# A whole English article as source is usually closer to the translation than snippets are, so its
# paraphrase noise is filtered harder: one divergence per sentence, major only when far apart.
WHOLE_ARTICLE_MAX_PER_UNIT = 1
WHOLE_ARTICLE_MAJOR_BELOW = 0.30


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


@register
class DivergenceCheck(Check):
    name = "divergence"
    needs = frozenset({NEED_BACK_TRANSLATION, NEED_SOURCE})
    description = "source and back-translation disagree on a content phrase"

    def run(self, ctx: CheckContext) -> list[Finding]:
        assert ctx.translation is not None and ctx.alignment is not None
        found: list[Finding] = []
        candidates: list[Divergence] = []
        for match in ctx.alignment.matches:
            for div in phrase_divergences(match, ctx.translation):
                if div.kind == "replace" or (
                    div.kind == "addition" and ctx.alignment.whole_article
                    and len(div.bt_words) >= MIN_ADDITION_WORDS
                ):
                    if _is_name_only(div.bt_words) or not div.bt_words:
                        continue
                    candidates.append(div)
        sims = phrase_similarity([_in_context(d, ctx) for d in candidates])
        per_unit: dict[int, list[tuple[float, int]]] = {}
        for n, (div, sim) in enumerate(zip(candidates, sims, strict=True)):
            if sim is not None and sim >= PARAPHRASE_SIMILARITY:
                continue
            per_unit.setdefault(div.match.source_index, []).append((sim if sim is not None else 0.0, n))
        whole = ctx.alignment.whole_article
        limit = WHOLE_ARTICLE_MAX_PER_UNIT if whole else MAX_PER_UNIT
        major_below = WHOLE_ARTICLE_MAJOR_BELOW if whole else MAJOR_BELOW
        keep = {n for ranked in per_unit.values() for _s, n in sorted(ranked)[:limit]}
        for n, (div, sim) in enumerate(zip(candidates, sims, strict=True)):
            if n not in keep:
                continue
            if div.kind == "addition":
                category, severity = Category.ADDITION, Severity.MINOR
                message = f"back-translation says “{div.bt_phrase}”, which the source does not"
            else:
                category = _category(div)
                far = (sim is not None and sim < major_below) or (
                    sim is None and (len(div.bt_words) > 1 or len(div.source_words) > 1))
                severity = Severity.MAJOR if far and not div.edge else Severity.MINOR
                message = f"reads as “{div.bt_phrase}” where the source has “{div.source_phrase}”"
            evidence: dict[str, object] = {
                "back_translation": div.match.bt,
                "source": div.match.source,
                "phrases": {"back_translation": div.bt_phrase, "source": div.source_phrase},
            }
            if sim is not None:
                evidence["similarity"] = round(sim, 3)
            suggestion = ctx.suggest(div.source_phrase) if (ctx.suggest and div.source_phrase) else None
            spans = project(div.bt_words, ctx.translation)
            for start, end in _join_close(spans, ctx.article.text):
                found.append(self.finding(ctx, start, end, category, severity, message, evidence, suggestion))
        return found
