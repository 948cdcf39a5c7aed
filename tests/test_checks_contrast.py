"""contrast: source words the model finds unlikely given the Italian. The grouping rule is tested on
invented log-probabilities; the mechanics (forced decoding of the source given the Italian, projection
through its attention) on the tiny random MarianMT, whose scores are noise: structure only."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcheck.checks.contrast import CONFIG, unlikely_words
from backcheck.run.options import ArticleInput, CheckOptions
from backcheck.translate.base import Token

TEXT = "The minister refused the offer."


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for w in text.split():
        start = text.index(w, pos)
        out.append(Token(w, start, start + len(w)))
        pos = start + len(w)
    return out


@pytest.mark.parametrize("logprobs,expected", [
    ([-1.0, -1.0, -1.0, -1.0, -1.0], []),
    ([-1.0, -1.0, -9.0, -1.0, -1.0], ["refused"]),
    ([-1.0, -9.0, -1.0, -9.0, -9.0], ["minister", "offer"]),
    ([-9.0, -1.0, -1.0, -1.0, -1.0], []),  # "The" is a function word: never reported
], ids=["all-likely", "one-unlikely", "two-unlikely", "function-word"])
def test_unlikely_words(logprobs: list[float], expected: list[str]) -> None:
    found = unlikely_words(TEXT, _tokens(TEXT), logprobs, reference=-1.0)
    assert [TEXT[a:b] for a, b, _m, _i in found] == expected
    assert all(m < -1.0 - CONFIG.margin for _a, _b, m, _i in found)


def test_contrast_runs_on_a_model_engine(tiny_marian: Path, isolated_caches: Path) -> None:
    from backcheck.run.checker import Checker

    text = "Il ministro ha accettato l'offerta.\n\nIl governo ha parlato ieri a Roma."
    inp = ArticleInput(id="a", text=text, sources=["The minister refused the offer."],
                       back_translation="The minister accepted the offer.\n\nThe government spoke yesterday in Rome.")
    report = Checker(CheckOptions(engine="transformers", model=str(tiny_marian), use_cache=False,
                                  checks=["contrast"])).check(inp)
    assert "contrast" not in {s.check for s in report.skipped}
    for f in report.findings:
        assert text[f.start:f.end] == f.text and f.severity.value == "minor"
        assert f.evidence.kinds == ("model-contrast",) and f.evidence.details["logprob"] < f.evidence.details[
            "back_translation_logprob"] - CONFIG.margin


def test_contrast_is_skipped_without_a_model() -> None:
    from backcheck.run.checker import Checker

    inp = ArticleInput(id="a", text="Il ministro ha parlato.", sources=["The minister spoke."],
                       back_translation="The minister spoke.")
    report = Checker(CheckOptions(engine="none", checks=["contrast"])).check(inp)
    assert "contrast" in {s.check for s in report.skipped}
