"""What every translation engine returns, and the protocol engines implement.

A :class:`SegmentTranslation` covers one *segment* of the article: normally one Italian sentence; a
piece of one when a sentence is too long for the model (split, never truncated); or, for a given
back-translation, the group of Italian sentences that the length-based pairing matched to English.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class Token:
    """A subword token with character offsets into the text of its own segment side."""

    text: str
    start: int
    end: int


@dataclass
class SegmentTranslation:
    """One Italian segment and its English back-translation.

    ``start``/``end`` are character offsets of the Italian segment in the article text.
    ``alignment[j]`` is the index in ``it_tokens`` that English token ``j`` attends to most
    (cross-attention, averaged over heads of the chosen layers); ``None`` when no model was used.
    ``en_logprobs[j]`` is the log-probability of English token ``j``; ``score`` is their mean.
    """

    start: int
    end: int
    it: str
    en: str
    it_tokens: list[Token] = field(default_factory=list)
    en_tokens: list[Token] = field(default_factory=list)
    en_logprobs: list[float] | None = None
    score: float | None = None
    alignment: list[int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SegmentTranslation:
        d = dict(d)
        d["it_tokens"] = [Token(**t) for t in d.get("it_tokens", [])]
        d["en_tokens"] = [Token(**t) for t in d.get("en_tokens", [])]
        return cls(**d)


@dataclass
class Translation:
    """An article's back-translation: segments in article order, plus the engine's signature."""

    segments: list[SegmentTranslation]
    signature: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(s.en for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        return {"signature": self.signature, "segments": [s.to_dict() for s in self.segments]}


@runtime_checkable
class Translator(Protocol):
    """A back-translation engine."""

    def translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        """Translate Italian sentences; one result per input, in input order.

        Result offsets ``start``/``end`` are relative to each input sentence (0, len); callers that
        translate article sentences shift them to article offsets.
        """
        ...

    def signature(self) -> dict[str, str]:
        """Every setting that changes the output: model id, revision, engine, quantisation, beam..."""
        ...
