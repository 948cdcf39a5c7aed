"""confidence: back-translation words with very low model log-probability are projected onto the
Italian through the token alignment. Segment values are written for this test."""

from __future__ import annotations

import pytest

from backcheck.checks import CheckContext
from backcheck.checks.confidence import CONFIG, ConfidenceCheck
from backcheck.run.checker import Checker
from backcheck.run.options import ArticleInput, CheckOptions
from backcheck.text.document import segment
from backcheck.translate.base import SegmentTranslation, Token, Translation

IT = "Il ministro ha firmato il trattato."
EN = "The minister signed the treaty."


def _segment(treaty_logprob: float) -> SegmentTranslation:
    it_tokens = [Token(w, IT.index(w), IT.index(w) + len(w)) for w in ("Il", "ministro", "ha", "firmato", "trattato")]
    en_tokens = [Token(w, EN.index(w), EN.index(w) + len(w)) for w in ("The", "minister", "signed", "treaty")]
    return SegmentTranslation(0, len(IT), IT, EN, it_tokens, en_tokens,
                              en_logprobs=[-0.1, -0.2, -0.3, treaty_logprob], score=-0.5, alignment=[0, 1, 3, 4])


def _context(treaty_logprob: float) -> CheckContext:
    return CheckContext(article=segment(IT), translation=Translation([_segment(treaty_logprob)]), model_backed=True)


class _Engine:
    """A model engine whose one back-translation is written for this test (the production path runs
    around it: segmentation, the check, the judge)."""

    def __init__(self, treaty_logprob: float) -> None:
        self.treaty_logprob = treaty_logprob

    def translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        assert sentences == [IT]
        return [_segment(self.treaty_logprob)]

    def signature(self) -> dict[str, str]:
        return {"engine": "test"}


@pytest.mark.parametrize(
    ("logprob", "expected"),
    [(CONFIG.logprob_threshold - 2.0, ["trattato"]), (CONFIG.logprob_threshold + 2.0, [])],
    ids=["unsure-word-flagged", "confident-nothing"],
)
def test_low_probability_word_is_projected_through_alignment(logprob: float, expected: list[str]) -> None:
    checker = Checker(CheckOptions(engine="none", checks=["confidence"], use_cache=False), translator=_Engine(logprob))
    found = checker.check(ArticleInput(id="t", text=IT)).findings
    assert [f.text for f in found] == expected
    assert all(f.severity.value == "minor" and f.category.value == "low-confidence" for f in found)


def test_skipped_without_a_model() -> None:
    ctx = _context(-10.0)
    ctx.model_backed = False
    assert ConfidenceCheck().missing(ctx) == {"model"}
