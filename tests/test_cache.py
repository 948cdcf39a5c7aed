"""The SQLite translation cache: hits never reach the engine, keys follow the signature."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backcheck.text.document import segment
from backcheck.translate import SegmentTranslation, load_translator, translate_article
from backcheck.translate.cache import CACHE_FILE, CachedTranslator, TranslationCache, cache_key


class Counting:
    """A fake engine that counts the sentences it is asked to translate."""

    def __init__(self, beam: str = "4") -> None:
        self.calls: list[list[str]] = []
        self.beam = beam

    def translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        self.calls.append(list(sentences))
        return [SegmentTranslation(0, len(s), s, s.upper(), en_logprobs=[-0.5], score=-0.5) for s in sentences]

    def signature(self) -> dict[str, str]:
        return {"model": "fake", "revision": "r1", "engine": "fake", "beam": self.beam}


@pytest.mark.parametrize(
    "first, second, expected_misses",
    [
        (["a", "b"], ["a", "b"], []),
        (["a", "b"], ["b", "c", "a"], [["c"]]),
        ([], ["x", "x", "y"], [["x", "y"]]),
    ],
    ids=["all-hits", "one-miss", "duplicates-sent-once"],
)
def test_only_misses_reach_the_engine(first: list[str], second: list[str],
                                      expected_misses: list[list[str]], tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedTranslator(inner, tmp_path)
    if first:
        cached.translate(first)
    inner.calls.clear()
    out = cached.translate(second)
    assert inner.calls == expected_misses
    assert [r.en for r in out] == [s.upper() for s in second]


def test_persists_across_instances_and_processes_share_the_file(tmp_path: Path) -> None:
    CachedTranslator(Counting(), tmp_path).translate(["uno", "due"])
    inner = Counting()
    out = CachedTranslator(inner, tmp_path).translate(["due", "uno"])
    assert inner.calls == [] and [r.it for r in out] == ["due", "uno"]
    assert len(TranslationCache(tmp_path)) == 2
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_signature_change_is_a_miss(tmp_path: Path) -> None:
    CachedTranslator(Counting(beam="4"), tmp_path).translate(["uno"])
    inner = Counting(beam="6")
    CachedTranslator(inner, tmp_path).translate(["uno"])
    assert inner.calls == [["uno"]]
    assert cache_key({"beam": "4"}, "uno") != cache_key({"beam": "6"}, "uno")


def test_unwritable_cache_dir_is_a_backcheck_error(tmp_path: Path) -> None:
    from backcheck.errors import BackcheckError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackcheckError, match="--no-cache"):
        CachedTranslator(Counting(), blocker / "sub")


@pytest.mark.slow
def test_rerun_on_unchanged_article_does_not_load_the_model(tiny_marian: Path, isolated_caches: Path) -> None:
    article = segment("Il governo ha approvato la legge. Roma è bella.\n\nIl ministro ha parlato.")
    cache = isolated_caches / "tcache"
    first = load_translator("transformers", str(tiny_marian), cache_dir=cache)
    a = translate_article(article, first)
    second = load_translator("transformers", str(tiny_marian), cache_dir=cache)
    b = translate_article(article, second)
    assert isinstance(second, CachedTranslator)
    assert second.inner._model is None  # type: ignore[attr-defined]  # never loaded
    assert second.hits == 3 and second.misses == 0
    assert [s.to_dict() for s in a.segments] == [s.to_dict() for s in b.segments]
