"""Input limits and long sentences: over-limit input is refused naming the flag; long sentences are
split into pieces of at most N words at clause boundaries, never truncated; the splitter is linear."""

from __future__ import annotations

import time

import pytest

from backcheck.errors import BackcheckError
from backcheck.run.checker import check_article
from backcheck.run.options import ArticleInput, CheckOptions
from backcheck.text.document import segment, sentence_spans
from backcheck.text.limits import Limits


@pytest.mark.parametrize(
    ("words", "max_tokens", "commas_every", "pieces"),
    [(40, 150, 0, 1), (400, 150, 0, 3), (400, 150, 100, 4), (7, 1, 0, 8), (301, 150, 0, 3)],
    ids=["short", "hard-cuts", "clause-cuts", "one-word-pieces", "just-over"],
)
def test_long_sentences_are_split_not_truncated(words: int, max_tokens: int, commas_every: int,
                                                pieces: int) -> None:
    toks = [f"parola{i}" + ("," if commas_every and (i + 1) % commas_every == 0 else "") for i in range(words)]
    text = "Inizio " + " ".join(toks) + "."
    spans = sentence_spans(text, max_tokens=max_tokens)
    assert len(spans) == pieces
    assert all(len(text[a:b].split()) <= max_tokens for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()  # every word kept, in order
    if commas_every and pieces > 1:
        assert text[spans[0][1] - 1] == ","


def test_segment_passes_the_limit_and_keeps_offsets() -> None:
    text = "Titolo\n\n" + " ".join(["parola"] * 500) + ".\n"
    art = segment(text, max_sentence_tokens=100)
    assert all(s.text == text[s.start:s.end] for s in art.sentences)
    assert len(art.sentences) == 1 + 5


def test_splitter_is_linear_on_many_full_stops() -> None:
    """A 400 KB article of short sentences: 8 s before the bounded look-back (quadratic), ~0.2 s now."""
    text = "Il sig. Rossi ha parlato. " * 15_000
    started = time.perf_counter()
    n = len(segment(text).sentences)
    assert n == 15_000
    assert time.perf_counter() - started < 4.0


@pytest.mark.parametrize(
    ("limits", "inp", "flag"),
    [
        (Limits(max_article_chars=50), ArticleInput("a", "Il governo ha parlato. " * 5), "--max-article-chars"),
        (Limits(max_article_chars=50), ArticleInput("a", "Ciao.", back_translation="Hi. " * 50),
         "--max-article-chars"),
        (Limits(max_source_units=2), ArticleInput("a", "Ciao.", sources=["One.\nTwo.\nThree.\n"]),
         "--max-source-units"),
    ],
    ids=["article", "back-translation", "source-units"],
)
def test_over_limit_is_a_backcheck_error_naming_the_flag(limits: Limits, inp: ArticleInput, flag: str) -> None:
    with pytest.raises(BackcheckError) as err:
        check_article(inp, CheckOptions(engine="none", limits=limits, checks=["boilerplate"]))
    assert "too big" in str(err.value) and flag in str(err.value)


def test_bad_limit_value_is_refused() -> None:
    with pytest.raises(BackcheckError, match="--max-source-units must be at least 1"):
        CheckOptions(limits=Limits(max_source_units=0)).validate()
