"""Scores of the back-translation against a *whole-article* English source: chrF per article and
corpus-level BLEU and chrF, with their sacrebleu signatures.

Only an article whose source is the whole original is scored: its source lines match its paragraphs
one to one, or the source has about as many words as the back-translation (within
:data:`WHOLE_ARTICLE_RATIO`). A few snippets measure nothing a reviewer can use (the back-translation
of the rest of the article counts as "wrong"; planted-dev's snippets gave TER 171.86), so such an
article gets no score. TER is not reported: over 100 it says only that the texts differ in length.
"""

from __future__ import annotations

from typing import Any

from ..offsets import paragraph_spans
from ..results import Report

# a source with fewer words than this share of the back-translation's (or more than its inverse) is
# snippets, not the whole article: measured, whole-article sources (flores-it, wmt25-dev, newssyscomb)
# range 0.73-1.15, snippet sources (planted-dev, austin-shoigu) 0.31-0.65
WHOLE_ARTICLE_RATIO = 0.7


def score_pairs(report: Report, sources: list[str], kind: str = "auto") -> list[tuple[str, str]]:
    """(back-translation, source) segment pairs of one article, or none when its source is snippets
    (``kind``, as ``--source-kind`` says: told from the lengths, or said).

    Line-aligned when the article's paragraphs and the source lines match one to one (the back-
    translation segments are grouped by the Italian paragraph they cover); otherwise one pair of the
    whole back-translation against the whole source, when they are about as long.
    """
    segs = sorted(report.back_translation, key=lambda s: s.get("start", 0))
    src_lines = [" ".join(s.split()) for src in sources for s in src.splitlines() if s.strip()]
    bt_text = " ".join(" ".join(str(s.get("en", "")).split()) for s in segs).strip()
    if not bt_text or not src_lines or kind == "snippets":
        return []
    paras = paragraph_spans(report.text)
    if len(paras) == len(src_lines) > 1:
        grouped = ["" for _ in paras]
        for s in segs:
            start = int(s.get("start", 0))
            idx = next((i for i, (a, b) in enumerate(paras) if a <= start < b), None)
            if idx is None:
                break
            grouped[idx] = f"{grouped[idx]} {' '.join(str(s.get('en', '')).split())}".strip()
        else:
            return list(zip(grouped, src_lines, strict=True))
    source = " ".join(src_lines)
    ratio = len(source.split()) / len(bt_text.split())
    if kind == "auto" and not WHOLE_ARTICLE_RATIO <= ratio <= 1 / WHOLE_ARTICLE_RATIO:
        return []
    return [(bt_text, source)]


def article_chrf(pairs: list[tuple[str, str]]) -> float:
    """chrF of one article's (back-translation, source) pairs, 0–100."""
    from sacrebleu.metrics import CHRF

    return round(float(CHRF().corpus_score([h for h, _ in pairs], [[r for _, r in pairs]]).score), 2)


def corpus_scores(pairs: list[tuple[str, str]], articles: int) -> dict[str, dict[str, Any]]:
    """chrF and BLEU of the back-translation (hypothesis) against the source (reference), with each
    metric's sacrebleu signature and how many articles and segments they cover. Empty when there is
    nothing to score."""
    if not pairs:
        return {}
    from sacrebleu.metrics import BLEU, CHRF

    hyps = [h for h, _ in pairs]
    refs = [[r for _, r in pairs]]
    out = {}
    for name, metric in (("chrF", CHRF()), ("BLEU", BLEU())):
        score = metric.corpus_score(hyps, refs)
        out[name] = {
            "score": round(float(score.score), 2),
            "signature": str(metric.get_signature()),
            "articles": articles,
            "segments": len(pairs),
        }
    return out
