"""Suggested fixes from the pinned en-it MarianMT (``models.txt`` role ``en-it``): translate the source
unit into Italian and take the Italian words the model aligns to the source phrase.

The it-en engine already reads its cross-attention as a token alignment (:mod:`.transformers_engine`:
a forced pass over the beam output, the last :data:`~.marian.ALIGNMENT_LAYERS` decoder layers averaged
over heads, each target token's most attended source token). The same engine class runs the en-it
model: its "source" is the English unit and its output the Italian, so each Italian token points at the
English token it came from, and the Italian tokens pointing into the source phrase are the model's
rendering of it, in the form the sentence needs.

Optional: :func:`renderer_for` returns ``None`` (and says why once in the log) when the model is not in
the local cache — it is never downloaded here (``backcheck models pull en-it`` does that) — or when the
run has no model engine.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from ..errors import BackcheckError
from ..knowledge.models import ResolvedModel, resolve_model
from .base import SegmentTranslation

log = logging.getLogger(__name__)

ROLE = "en-it"
# The model's Italian for a phrase is at most this many tokens longer than the phrase's own.
MAX_EXTRA_TOKENS = 4
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def aligned_words(result: SegmentTranslation, start: int, end: int) -> str | None:
    """The target words of ``result`` whose tokens the alignment points into source characters
    ``[start, end)``: from the first such target token to the last, whole words, edge punctuation
    stripped; ``None`` when none points there or the run is too long to be the phrase's rendering."""
    if result.alignment is None:
        return None
    inside = {i for i, t in enumerate(result.it_tokens) if t.start < end and start < t.end}
    hits = [j for j, i in enumerate(result.alignment) if i in inside]
    if not inside or not hits:
        return None
    lo, hi = min(hits), max(hits)
    if hi - lo + 1 > len(inside) + MAX_EXTRA_TOKENS:
        return None
    text = result.en
    a, b = result.en_tokens[lo].start, result.en_tokens[hi].end
    while a > 0 and not text[a - 1].isspace():
        a -= 1  # whole words: the pieces before the first aligned one
    while b < len(text) and not text[b].isspace():
        b += 1
    words = _EDGE.sub("", text[a:b])
    return words or None


class EnItRenderer:
    """The en-it model as :class:`backcheck.knowledge.renderings.ModelRenderer`: loaded on first use,
    one translation per source sentence (memoised)."""

    def __init__(self, model: ResolvedModel, *, beam: int | None = None) -> None:
        from .transformers_engine import TransformersTranslator

        self.model = model
        self.engine = TransformersTranslator(model, beam=beam)
        self._memo: dict[str, SegmentTranslation] = {}
        self._lock = threading.Lock()

    def signature(self) -> str:
        return f"{self.model.hub_id}@{self.model.revision[:12]}"

    def translate(self, sentence: str) -> SegmentTranslation:
        with self._lock:
            if sentence not in self._memo:
                self._memo[sentence] = self.engine.translate([sentence])[0]
            return self._memo[sentence]

    def render(self, sentence: str, start: int, end: int) -> str | None:
        """The Italian the model gives ``sentence[start:end]`` in its translation of ``sentence``."""
        return aligned_words(self.translate(sentence), start, end)


_LOCK = threading.Lock()
_LOADED: dict[str, EnItRenderer | None] = {}


def renderer_for(translator: Any, model: str | None = ROLE) -> EnItRenderer | None:
    """The en-it renderer for a run whose back-translation engine is ``translator``: ``None`` without a
    model engine, or when the en-it model is not in the local cache (logged once, with the command
    that fetches it)."""
    from .marian_engine import MarianEngine

    if not isinstance(translator, MarianEngine):
        return None
    key = model or ROLE
    with _LOCK:
        if key not in _LOADED:
            try:
                _LOADED[key] = EnItRenderer(resolve_model(key))
            except (BackcheckError, ImportError) as exc:
                log.info("model fixes off: %s", getattr(exc, "message", None) or exc)
                _LOADED[key] = None
        return _LOADED[key]
