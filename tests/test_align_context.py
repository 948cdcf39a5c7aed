"""align/context.py: how well each side of a gap is found, token by token in context, in the other side's
sentence (the judge's source_found / bt_found). Sentence pairs written for this test; the expected
orderings are read off the pairs (a word the back-translation only moved is found where it went; a word
it replaced by an unrelated one is not; a synonym sits between the two)."""

from __future__ import annotations

import os

import pytest

from backcheck.align.context import found_in_context
from backcheck.align.units import Alignment, SourceMatch
from backcheck.align.words import Gap, WordAlignment, align_units
from backcheck.knowledge import embeddings
from backcheck.translate.base import SegmentTranslation, Translation

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="the MiniLM embedding model is not installed")


def _gaps(source: str, bt: str) -> tuple[list[tuple[Gap, WordAlignment]], Translation]:
    translation = Translation([SegmentTranslation(0, 10, "x", bt)])
    alignment = Alignment(units=[source], matches=[SourceMatch(0, source, [0], 0, 10, bt, 1.0)], whole_article=True)
    (wa,) = align_units(alignment, translation)
    return [(g, wa) for g in wa.gaps], translation


def _found(source: str, bt: str) -> tuple[float | None, float | None]:
    gaps, translation = _gaps(source, bt)
    assert len(gaps) == 1, [(g.kind, g.source_phrase, g.bt_phrase) for g in gaps[0:]]
    texts = [source, bt]
    vectors = embeddings.token_vectors(texts)
    assert vectors is not None
    (got,) = found_in_context(gaps, translation, dict(zip(texts, vectors, strict=True)))
    return got


def test_an_unrelated_word_is_found_less_than_a_synonym() -> None:
    source = "The minister met his Russian counterpart in Geneva on Tuesday."
    wrong = _found(source, "The minister met his Russian ally in Geneva on Tuesday.")
    close = _found(source, "The minister met his Russian equivalent in Geneva on Tuesday.")
    assert wrong[0] is not None and close[0] is not None
    assert 0.0 < wrong[0] < close[0] <= 1.0
    assert 0.0 < wrong[1] < close[1] <= 1.0  # type: ignore[operator]


def test_a_deletion_has_no_back_translation_side() -> None:
    source_found, bt_found = _found("The council approved the new budget late on Monday.",
                                    "The council approved the budget late on Monday.")
    assert bt_found is None
    assert source_found is not None and 0.0 < source_found <= 1.0


def test_without_the_model_every_gap_gets_none() -> None:
    gaps, translation = _gaps("The minister met his Russian counterpart in Geneva on Tuesday.",
                              "The minister met his Russian ally in Geneva on Tuesday.")
    assert found_in_context(gaps, translation, None) == [(None, None)] * len(gaps)


def test_token_vectors_carry_offsets_into_the_text_and_leave_the_cache_alone() -> None:
    text = "Prices rose sharply in March."
    embeddings.forget()
    ((vectors, offsets),) = embeddings.token_vectors([text])  # type: ignore[misc]
    assert len(vectors) == len(offsets) > 0
    assert [text[a:b].lower() for a, b in offsets][:3] == ["prices", "rose", "sharply"]
    assert abs(float((vectors * vectors).sum(1).max()) - 1.0) < 1e-4  # each token vector is unit length
    # nothing is cached: what the background thread computes cannot depend on what ran before it
    assert embeddings._VECTORS == {}
    ((again, same_offsets),) = embeddings.token_vectors([text])  # type: ignore[misc]
    assert same_offsets == offsets and (again == vectors).all()


def test_every_text_is_returned_in_order_with_its_own_tokens() -> None:
    texts = ["The bridge opened.", "The mayor spoke at length.", "Rain fell all day.", "The bridge opened."]
    got = embeddings.token_vectors(texts)
    assert got is not None and len(got) == 4
    assert [len(offsets) for _, offsets in got] == [4, 6, 5, 4]  # words and the full stop, no special tokens
    assert (got[0][0] == got[3][0]).all()


def test_work_in_the_background_gives_what_the_caller_would_compute() -> None:
    texts = ["The council approved the budget.", "Talks resumed in the capital on Friday."]
    here = embeddings.token_vectors(texts)
    there = embeddings.in_background(embeddings.token_vectors, texts).result(timeout=60)
    assert here is not None and there is not None
    assert all((a == b).all() and oa == ob for (a, oa), (b, ob) in zip(here, there, strict=True))
    pairs = [("the talks", "the negotiations")]
    assert (embeddings.in_background(embeddings.phrase_similarity, pairs, cached=False).result(timeout=60)
            == embeddings.phrase_similarity(pairs, cached=False))


def test_a_forked_process_gets_its_own_background_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    parents = ThreadPoolExecutor(max_workers=1)
    parents.shutdown()  # what a fork leaves: a pool whose thread is gone
    monkeypatch.setattr(embeddings, "_POOL", (-1, parents))
    assert embeddings.in_background(sum, [1, 2]).result(timeout=60) == 3
    assert embeddings._POOL is not None and embeddings._POOL[1] is not parents



@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_background_work_runs_in_a_really_forked_child() -> None:
    """What a `backcheck serve` worker does: fork after the parent has used the background thread."""
    assert embeddings.in_background(sum, [1]).result(timeout=60) == 1  # the parent's thread is alive
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only if its own background thread does the work
        try:
            ok = embeddings.in_background(sum, [1, 2]).result(timeout=30) == 3
        except BaseException:
            ok = False
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0

def test_divergence_finds_the_same_whether_it_embeds_in_the_background_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    from _checkutil import run_pair
    from backcheck.checks.divergence import DivergenceCheck

    args = ("divergence", "The minister met his Russian counterpart in Geneva on Tuesday to discuss the border.",
            "Il ministro ha incontrato il suo alleato russo a Ginevra martedì per discutere del confine.",
            "The minister met his Russian ally in Geneva on Tuesday to discuss the border.")
    prepared = run_pair(*args)
    monkeypatch.setattr(DivergenceCheck, "prepares", False)
    inline = run_pair(*args)
    assert prepared and [f.to_dict() for f in prepared] == [f.to_dict() for f in inline]
    assert any(f.evidence.features.get("has_found") for f in prepared)  # the background's work reached the judge
