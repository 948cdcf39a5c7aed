"""confidence: back-translation words the model itself was unsure of (very low log-probability).

A model that struggles to translate an Italian phrase back to English often signals garbled or
unidiomatic Italian. The English words whose mean token log-probability is below
:data:`CONFIG.logprob_threshold` are projected onto the Italian through the cross-attention alignment and
reported as ``low-confidence``, always minor: it is a hint for a reviewer, not evidence of an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..align import en_words, project
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@dataclass(frozen=True)
class ConfidenceSettings:
    """The settings of this check (they enter the report signature)."""

    logprob_threshold: float = -4.0


CONFIG = ConfidenceSettings()


@register
class ConfidenceCheck(Check):
    name = "confidence"
    needs = frozenset({Need.MODEL})
    description = "Back-translation words the model gave a very low probability."
    config = CONFIG

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        found: list[Candidate] = []
        for k, seg in enumerate(ctx.translation.segments):
            if not seg.en_logprobs or not seg.en_tokens or not seg.alignment:
                continue
            for word in en_words(seg.en, k):
                if not word.content:
                    continue
                lps = [lp for tok, lp in zip(seg.en_tokens, seg.en_logprobs, strict=False)
                       if tok.start < word.end and word.start < tok.end]
                if not lps or sum(lps) / len(lps) >= CONFIG.logprob_threshold:
                    continue
                mean = sum(lps) / len(lps)
                for start, end in project([word], ctx.translation):
                    found.append(self.candidate(
                        ctx, start, end, Category.LOW_CONFIDENCE, Claim.MODEL_UNSURE,
                        f"the model was unsure translating this (back-translated as “{word.text}”)",
                        Evidence(back_translation=seg.en,
                                 details={"word": word.text, "mean_logprob": round(mean, 3)}),
                    ))
        return found
