"""``corpus --jobs N`` on worker processes: ordered streaming, a crashed worker, the shared sqlite cache."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from backcheck.corpus import check_corpus
from backcheck.corpus.backends import run_reports, share_threads
from backcheck.corpus.backends.processes import start_method
from backcheck.errors import BackcheckError
from backcheck.results import Report
from backcheck.run.options import ArticleInput, CheckOptions
from conftest_models import IT_WORDS
from corpus_fakes import ARTICLES
from parallel_helpers import LOG_ENV, CrashingChecker, logging_checker


@pytest.mark.parametrize(
    ("threads", "workers", "cpus", "expected"),
    [(0, 2, 2, 1), (0, 1, 2, 2), (0, 3, 8, 2), (0, 4, 2, 1), (3, 2, 2, 3)],
    ids=["2-on-2", "1-on-2", "3-on-8", "more-workers-than-cores", "explicit-threads-kept"],
)
def test_each_worker_gets_its_share_of_the_cores(monkeypatch: pytest.MonkeyPatch, threads: int, workers: int,
                                                  cpus: int, expected: int) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cpus)
    assert share_threads(CheckOptions(threads=threads), workers).threads == expected


def test_never_fork() -> None:
    assert start_method() in ("forkserver", "spawn")


def test_reports_stream_in_input_order_with_error_rows_in_place() -> None:
    inputs: list[ArticleInput | Report] = [
        ArticleInput(id=f"a{i}", text=f"Articolo {i}.\n\nLEGGI ANCHE: altro {i}\n") for i in range(9)]
    inputs[4] = Report("broken", None, "", [], "", error="not valid UTF-8")
    reports = list(run_reports(inputs, CheckOptions(engine="none"), jobs=2, factory=CrashingChecker))
    assert [r.article_id for r in reports] == [getattr(i, "id", "broken") for i in inputs]
    assert [r.error for r in reports].count("not valid UTF-8") == 1
    assert all(len(r.findings) == 1 for r in reports if not r.error)


def test_a_crashed_worker_loses_no_article() -> None:
    inputs = [ArticleInput(id=f"a{i}", text="CRASH\n" if i == 3 else f"Articolo {i}.\n") for i in range(8)]
    reports = list(run_reports(inputs, CheckOptions(engine="none"), jobs=2, factory=CrashingChecker))
    assert [r.article_id for r in reports] == [i.id for i in inputs]  # every article has a row
    assert "worker process died" in (reports[3].error or "")
    # the others either finished before the crash or are error rows naming it (which depends on timing)
    assert all(r.error is None or "worker process died" in r.error for r in reports)
    assert all(len(r.findings) == 0 for r in reports)


def test_a_checker_that_cannot_be_built_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "terms.tsv"
    bad.write_text("english\taccepted_it\nonly-one-column\n", encoding="utf-8")
    with pytest.raises(BackcheckError, match="terms.tsv:2"):
        check_corpus(ARTICLES, CheckOptions(engine="none", glossaries=[bad]), jobs=2)


def _articles(root: Path, n: int, per: int) -> set[str]:
    """``n`` article folders of ``per`` distinct sentences each (no back-translation: the engine runs)."""
    rng = random.Random(5)
    sentences: set[str] = set()
    for a in range(n):
        lines = []
        for _ in range(per):
            s = " ".join(rng.choice(IT_WORDS) for _ in range(rng.randint(5, 9)))
            s = f"{s[0].upper()}{s[1:]} {a}-{len(sentences)}."
            sentences.add(s)
            lines.append(s)
        (root / f"art-{a:02d}").mkdir(parents=True)
        (root / f"art-{a:02d}" / "article.it.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")
    return sentences


@pytest.mark.slow  # two worker processes load the tiny model
def test_two_workers_share_one_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_marian: Path,
                                     isolated_caches: Path) -> None:
    log = tmp_path / "engine.log"
    monkeypatch.setenv(LOG_ENV, str(log))
    corpus = tmp_path / "corpus"
    sentences = _articles(corpus, 8, 4)
    cache = tmp_path / "shared-cache"
    options = CheckOptions(engine="transformers", model=str(tiny_marian), cache_dir=cache,
                           checks=["confidence", "boilerplate"])

    first = check_corpus(corpus, options, jobs=2, checker_factory=logging_checker)
    lines = [line.split("\t", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    computed = Counter(s for _, s in lines)
    assert set(computed) == sentences and set(computed.values()) == {1}  # each translation computed once
    assert len({pid for pid, _ in lines}) == 2  # by both workers
    with sqlite3.connect(cache / "translations.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == len(sentences)

    again = check_corpus(corpus, options, jobs=1, checker_factory=logging_checker)
    assert len(log.read_text(encoding="utf-8").splitlines()) == len(lines)  # all from the cache
    assert [r.error for r in first.reports] == [None] * 8
    assert [[f.fingerprint() for f in r.findings] for r in first.reports] == \
        [[f.fingerprint() for f in r.findings] for r in again.reports]
    assert [r.back_translation for r in first.reports] == [r.back_translation for r in again.reports]


def test_malloc_arenas_are_capped_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    import platform
    import sys

    from backcheck.corpus.backends.processes import limit_malloc_arenas

    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas() is False  # the user's setting wins
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert limit_malloc_arenas() is glibc


GIB = 1 << 30


BIG = 10 ** 6  # characters of Italian: enough text to pay for any number of workers here


@pytest.mark.parametrize(
    ("engine", "given", "cpus", "articles", "text", "memory", "expected"),
    [("none", False, 2, 12, BIG, 20 * GIB, 2), ("none", False, 8, 3, BIG, 20 * GIB, 3),
     ("none", False, 8, 40, BIG, 3 * GIB, 3), ("none", False, 4, 40, BIG, None, 4),
     ("none", False, 4, 40, BIG, GIB // 2, 1), ("none", False, 8, 40, 65_000, 20 * GIB, 2),
     ("none", False, 8, 40, 15_000, 20 * GIB, 1), ("ctranslate2", True, 8, 40, BIG, 20 * GIB, 1),
     ("auto", False, 8, 40, BIG, 20 * GIB, 1), ("auto", True, 8, 40, BIG, 20 * GIB, 8),
     ("none", False, 4, 0, 0, 20 * GIB, 1)],
    ids=["a-core-each", "no-more-than-the-articles", "no-more-than-the-memory-holds", "memory-unknown",
         "too-little-memory-still-one", "no-more-than-the-text-pays-for", "a-small-corpus-in-one-process",
         "a-named-engine-uses-every-core-itself", "auto-may-translate", "auto-with-every-back-translation-given",
         "an-empty-corpus"],
)
def test_default_jobs(monkeypatch: pytest.MonkeyPatch, engine: str, given: bool, cpus: int, articles: int,
                      text: int, memory: int | None, expected: int) -> None:
    """Without --jobs: one worker per core for the single-threaded checks when no model translates,
    bounded by the articles, by the text (a worker's start pays off past CHARS_PER_WORKER characters:
    65,000 pay for two, 15,000 for one) and by the memory available at WORKER_MEMORY (1 GiB) a worker."""
    from backcheck.corpus.backends import worker

    monkeypatch.setattr("os.cpu_count", lambda: cpus)
    monkeypatch.setattr(worker, "available_memory", lambda: memory)
    assert worker.auto_jobs(CheckOptions(engine=engine), articles, back_translated=given,
                            text_size=text) == expected


def test_available_memory_is_read_on_linux() -> None:
    from backcheck.corpus.backends.worker import available_memory

    got = available_memory()
    if not Path("/proc/meminfo").exists():
        assert got is None
    else:
        assert got is not None and got > 0


def test_no_jobs_given_uses_the_default_and_debug_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """check_corpus(jobs=None) asks auto_jobs (here: one worker, so the checks run in this process and a
    fake pipeline is seen); raise_internal keeps one process whatever auto_jobs would say."""
    from backcheck.corpus import run as corpus_run
    from corpus_fakes import install_fake_pipeline

    calls = install_fake_pipeline(monkeypatch)
    asked: list[int] = []
    monkeypatch.setattr(corpus_run, "auto_jobs",
                        lambda options, n, back_translated, text_size: asked.append((n, back_translated)) or 1)
    result = check_corpus(ARTICLES, CheckOptions(engine="none"), jobs=None)
    assert asked == [(3, True)] and calls == {"build": 1, "check": 3} and len(result.reports) == 3
    monkeypatch.setattr(corpus_run, "auto_jobs", lambda options, n, back_translated, text_size: 8)
    calls.clear()
    check_corpus(ARTICLES, CheckOptions(engine="none"), jobs=None, raise_internal=True)
    assert calls == {"build": 1, "check": 3}
