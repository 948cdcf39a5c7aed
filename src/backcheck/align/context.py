"""How well each side of a word-alignment gap is said anywhere in the other side's sentence, read in
context: the gap's content words, token by token, against every token of the other sentence, with the
contextual token vectors of the embedding model (BERTScore's greedy matching: Zhang et al. 2020,
"BERTScore: Evaluating Text Generation with BERT"). A paraphrase or a word the translation moved finds
its meaning in the other sentence ("the talks" against "the negotiations"); a wrong word or a dropped
one does not. Where the out-of-context phrase similarity compares the two phrases alone, this reads
each word as its sentence uses it and looks for it in the whole other sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .tokens import Word

if TYPE_CHECKING:
    from ..translate.base import Translation
    from .words import Gap, WordAlignment


def _rows(offsets: list[tuple[int, int]], words: list[Word]) -> list[int]:
    """The tokens (by their character offsets) that fall inside any of ``words``."""
    if not words:
        return []
    lo, hi = min(w.start for w in words), max(w.end for w in words)  # a token outside them meets none
    return [k for k, (a, b) in enumerate(offsets)
            if a < hi and lo < b and any(a < w.end and w.start < b for w in words)]


def _found(own: Any, rows: list[int], other: Any) -> float | None:
    """The mean over ``own[rows]`` of each token's best cosine with any token of ``other``."""
    if not rows or not len(other):
        return None
    return float((own[rows] @ other.T).max(1).mean())


def found_in_context(gaps: list[tuple[Gap, WordAlignment]], translation: Translation,
                     vectors: Mapping[str, tuple[Any, list[tuple[int, int]]]] | None
                     ) -> list[tuple[float | None, float | None]]:
    """For each gap: how well its source words are found in its back-translation window, and its
    back-translation words in its source unit (``None`` for a side without words, or without the
    embedding model). ``vectors``: the token vectors and offsets of each gap's source unit and
    back-translation segments, by text (:func:`backcheck.knowledge.embeddings.token_vectors`), or
    ``None`` without the model."""
    import numpy as np

    if vectors is None:
        return [(None, None)] * len(gaps)
    segs = translation.segments
    out = []
    for gap, wa in gaps:
        s_vec, s_off = vectors[wa.match.source]
        parts = [vectors[segs[k].en] for k in wa.match.segments]
        b_vec = np.concatenate([v for v, _ in parts]) if parts else np.zeros((0, s_vec.shape[1]), np.float32)
        b_rows, base = [], 0
        for k, (vec, off) in zip(wa.match.segments, parts, strict=True):
            b_rows += [base + r for r in _rows(off, [w for w in gap.bt_words if w.seg == k])]
            base += len(vec)
        out.append((_found(s_vec, _rows(s_off, gap.source_words), b_vec), _found(b_vec, b_rows, s_vec)))
    return out
