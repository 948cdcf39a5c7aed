"""What the transformers and CTranslate2 engines share: one MarianMT model folder read the same way.

Subclasses set ``engine`` and ``quant``, and implement ``_load_unlocked`` (load the weights),
``_translate`` (decode sentences that fit the model) and ``force`` (score a given English).
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from ..defaults import DEFAULT_BATCH_SIZE
from ..errors import BackcheckError
from ..knowledge.models import ResolvedModel
from .base import SegmentTranslation, Token
from .marian import MarianVocab, model_settings, source_limit, split_spans, translate_with_split


class MarianEngine:
    """A MarianMT engine. ``beam`` None = the model's generation config (6 for opus-mt-it-en).

    ``max_new_tokens``/``min_new_tokens`` fix the output length (the benchmark uses them); by default
    the output may be up to min(model max_length, 3 × source subwords + 16) tokens.
    """

    engine: ClassVar[str] = ""
    quant: str = "float32"

    def __init__(self, model: ResolvedModel, *, beam: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_new_tokens: int | None = None, min_new_tokens: int = 0) -> None:
        self.model_info = model
        self.vocab = MarianVocab(model.path)
        self.settings = model_settings(model.path)
        self.beam = beam or self.settings["num_beams"]
        if self.beam < 1:
            raise BackcheckError(f"--beam must be at least 1, got {self.beam}", "use --beam 1 for greedy")
        self.batch_size = batch_size
        self.max_new_tokens = max_new_tokens
        self.min_new_tokens = min_new_tokens
        self.max_source_tokens = source_limit(self.settings["max_positions"])
        # `corpus --jobs N` shares one engine between threads: the weights must load once
        self._load_lock = threading.Lock()

    # -- Translator protocol -------------------------------------------------------------------
    def signature(self) -> dict[str, str]:
        sig = {
            "model": self.model_info.hub_id, "revision": self.model_info.revision, "engine": self.engine,
            "quant": self.quant, "beam": str(self.beam),
            "max_length": str(self.max_new_tokens) if self.max_new_tokens else "auto",
        }
        if self.min_new_tokens:
            sig["min_length"] = str(self.min_new_tokens)
        return sig

    def split(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` short enough for the model (one span for most sentences)."""
        return split_spans(text, self.vocab.count, self.max_source_tokens)

    def fits(self, it: str, en: str) -> bool:
        """Whether a given pair is short enough for a forced-decoding pass."""
        limit = self.max_source_tokens
        return self.vocab.count(it) <= limit and len(self.vocab.tgt.encode(en)) <= limit

    def translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        return translate_with_split(sentences, self.split, self._translate)

    def force(self, sources: list[str], targets: list[str]) -> list[SegmentTranslation]:
        raise NotImplementedError

    # -- internals -----------------------------------------------------------------------------
    def _load(self) -> Any:
        with self._load_lock:
            return self._load_unlocked()

    def _load_unlocked(self) -> Any:
        raise NotImplementedError

    def _translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        raise NotImplementedError

    @staticmethod
    def _result(it: str, it_tokens: list[Token], en: str, en_tokens: list[Token],
                logprobs_with_eos: list[float], alignment: list[int]) -> SegmentTranslation:
        lps = logprobs_with_eos[: len(en_tokens)]
        alignment = (alignment + [alignment[-1] if alignment else 0] * len(en_tokens))[: len(en_tokens)]
        score = sum(lps) / len(lps) if lps else (logprobs_with_eos[-1] if logprobs_with_eos else None)
        return SegmentTranslation(start=0, end=len(it), it=it, en=en, it_tokens=it_tokens, en_tokens=en_tokens,
                                  en_logprobs=lps, score=score, alignment=alignment)
