"""Model fixes (issue #17, item 3): the en-it MarianMT translates the source unit and the Italian words
its cross-attention aligns to the source phrase are the fix. The mechanics run on the tiny random-weight
MarianMT the tests build (its output is garbage: structure is asserted, not content); the real pinned
model cannot be downloaded here, so that test skips with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcheck.errors import BackcheckError
from backcheck.knowledge.models import resolve_model
from backcheck.translate.base import SegmentTranslation, Token
from backcheck.translate.en_it import aligned_words, renderer_for


def _segment() -> SegmentTranslation:
    """"his Russian counterpart" → "la sua controparte russa", aligned by hand (target token → source token)."""
    src = "his Russian counterpart"
    it_tokens = [Token("his", 0, 3), Token("Russian", 4, 11), Token("counter", 12, 19), Token("part", 19, 23)]
    en = "la sua controparte russa"
    en_tokens = [Token("la", 0, 2), Token("sua", 3, 6), Token("contro", 7, 13), Token("parte", 13, 18),
                 Token("russa", 19, 24)]
    return SegmentTranslation(0, len(src), src, en, it_tokens, en_tokens, alignment=[0, 0, 2, 3, 1])


@pytest.mark.parametrize("start,end,expected", [
    (12, 23, "controparte"),   # both pieces of the phrase → the two pieces of one Italian word
    (4, 11, "russa"),
    (0, 3, "la sua"),
], ids=["word-of-two-pieces", "adjective", "determiner-pair"])
def test_aligned_words(start: int, end: int, expected: str) -> None:
    assert aligned_words(_segment(), start, end) == expected


def test_aligned_words_without_alignment_is_none() -> None:
    seg = _segment()
    seg.alignment = None
    assert aligned_words(seg, 12, 23) is None


def test_no_renderer_without_a_model_engine() -> None:
    assert renderer_for(None) is None


@pytest.mark.slow
def test_renderer_on_the_tiny_model(tiny_marian: Path) -> None:
    """The whole path on a real MarianMT folder: load, translate, align, take the aligned words."""
    from backcheck.translate.en_it import EnItRenderer

    renderer = EnItRenderer(resolve_model(str(tiny_marian)), beam=1)
    sentence = "the minister said peace"
    result = renderer.translate(sentence)
    assert result.alignment is not None and len(result.alignment) == len(result.en_tokens)
    got = renderer.render(sentence, sentence.index("peace"), len(sentence))
    assert got is None or (got in result.en and got.strip() == got)
    assert renderer.translate(sentence) is result  # one translation per source unit


@pytest.mark.slow
def test_renderer_for_a_model_engine_without_the_en_it_model(tiny_marian: Path, isolated_caches: Path) -> None:
    """A model engine, but the en-it model is not in the (empty) cache: no renderer, no download."""
    from backcheck.translate.transformers_engine import TransformersTranslator

    engine = TransformersTranslator(resolve_model(str(tiny_marian)))
    assert renderer_for(engine, model="en-it-absent-for-this-test") is None


def test_pinned_en_it_model() -> None:
    try:
        model = resolve_model("en-it")
    except BackcheckError as exc:
        pytest.skip(f"the pinned en-it model is not in the Hugging Face cache ({exc.message}); "
                    "`backcheck models pull en-it` fetches it where the network allows")
    assert model.hub_id == "Helsinki-NLP/opus-mt-en-it"
