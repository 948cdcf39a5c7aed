"""Corpus-level sacrebleu scores of the back-translation against the English source."""

from __future__ import annotations

from typing import Any

from ..offsets import paragraph_spans
from ..results import Report


def score_pairs(report: Report, sources: list[str]) -> list[tuple[str, str]]:
    """(back-translation, source) segment pairs of one article.

    Line-aligned when the article's paragraphs and the source lines match one to one (the back-
    translation segments are grouped by the Italian paragraph they cover); otherwise one pair of the
    whole back-translation against the whole source.
    """
    segs = sorted(report.back_translation, key=lambda s: s.get("start", 0))
    src_lines = [" ".join(s.split()) for src in sources for s in src.splitlines() if s.strip()]
    bt_text = " ".join(" ".join(str(s.get("en", "")).split()) for s in segs).strip()
    if not bt_text or not src_lines:
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
    return [(bt_text, " ".join(src_lines))]


def corpus_scores(pairs: list[tuple[str, str]], articles: int) -> dict[str, dict[str, Any]]:
    """BLEU, chrF and TER of the back-translation (hypothesis) against the source (reference), with
    each metric's sacrebleu signature. Empty when there is nothing to score."""
    if not pairs:
        return {}
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = [h for h, _ in pairs]
    refs = [[r for _, r in pairs]]
    out = {}
    for name, metric in (("BLEU", BLEU()), ("chrF", CHRF()), ("TER", TER())):
        score = metric.corpus_score(hyps, refs)
        out[name] = {
            "score": round(float(score.score), 2),
            "signature": str(metric.get_signature()),
            "articles": articles,
            "segments": len(pairs),
        }
    return out
