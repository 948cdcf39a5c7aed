"""Alignment: English source units ↔ back-translation segments ↔ Italian spans.

Three steps, each a plain function:

1. :func:`align_sources` places every source unit (a snippet, or a sentence of a whole English
   article) on a window of 1–3 consecutive back-translation segments. Snippets are placed
   independently (best chrF + content-word recall); a whole article is aligned with a monotonic
   dynamic program. A unit that matches nothing is kept in ``Alignment.unmatched``; in a whole
   article, a unit the program places on a segment of its own between two placed neighbours is placed
   at a lower score (a sentence the translation rewrote).
2. :func:`phrase_divergences` aligns the English words of a source unit with those of its
   back-translation window (lemma, paraphrase-set and name matching, then a diff over content
   words); source phrases and back-translation phrases with no counterpart are the candidates.
3. :func:`project` maps a back-translation phrase onto Italian characters: through the engine's
   cross-attention token alignment when there is one, otherwise through anchors (identical
   tokens, numbers, cognates) and relative position inside the segment.

One module per step (:mod:`.units`, :mod:`.phrases`, :mod:`.projection`) over the words and word
matching they share (:mod:`.tokens`); this package re-exports what the checks and the pipeline use.
"""

from __future__ import annotations

from .phrases import Divergence, phrase_divergences
from .projection import anchors, italian_words_for, italian_words_under, project, project_attention, words_under
from .tokens import Word, en_words, it_words, words_match
from .units import (
    MATCH_THRESHOLD,
    Alignment,
    SourceMatch,
    align_sources,
    align_sources_without_bt,
    similarity_matrix,
    source_units,
)

__all__ = [
    "MATCH_THRESHOLD", "Alignment", "Divergence", "SourceMatch", "Word", "align_sources", "align_sources_without_bt",
    "anchors", "en_words", "it_words", "italian_words_for", "italian_words_under", "phrase_divergences", "project",
    "project_attention", "similarity_matrix", "source_units", "words_match", "words_under",
]
