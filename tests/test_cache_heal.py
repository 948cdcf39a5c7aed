"""The translation cache heals: a file it cannot use is moved aside and rebuilt (never a traceback,
never a wrong result), and two processes writing one cache at once leave it consistent."""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from backcheck.translate.cache import CACHE_FILE, CACHE_SCHEMA, CachedTranslator, TranslationCache
from test_cache import Counting


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all " * 100)


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (id INTEGER, name TEXT)")
        db.execute("INSERT INTO users VALUES (1, 'x')")


def _other_columns(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE translations (k TEXT, v TEXT)")


def _newer_schema(path: Path) -> None:
    TranslationCache(path.parent)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {CACHE_SCHEMA + 1}")


def _half_written(path: Path) -> None:
    CachedTranslator(Counting(), path.parent).translate([f"frase numero {i} " * 20 for i in range(300)])
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        path.with_name(CACHE_FILE + suffix).unlink(missing_ok=True)


def _bad_entry(path: Path) -> None:
    TranslationCache(path.parent)
    from backcheck.translate.cache import cache_key

    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO translations VALUES (?, '{}', 'uno', 'not json', 0)",
                   (cache_key(Counting().signature(), "uno"),))


@pytest.mark.parametrize(
    ("spoil", "moved"),
    [(_garbage, True), (_foreign, True), (_other_columns, True), (_newer_schema, True), (_half_written, True),
     (_bad_entry, False)],
    ids=["garbage-bytes", "other-tables", "other-columns", "newer-schema", "half-written", "bad-entry"],
)
def test_unusable_cache_is_moved_aside_and_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                   spoil, moved: bool) -> None:  # type: ignore[no-untyped-def]
    spoil(tmp_path / CACHE_FILE)
    inner = Counting()
    with caplog.at_level(logging.WARNING):
        out = CachedTranslator(inner, tmp_path).translate(["uno", "due"])
    assert [s.en for s in out] == ["UNO", "DUE"]  # computed by the engine, not read from the bad file
    assert inner.calls == [["uno", "due"]]
    aside = list(tmp_path.glob(f"{CACHE_FILE}.corrupt-*"))
    assert bool(aside) is moved
    if moved:
        assert "moved it to" in caplog.text
    again = Counting()
    CachedTranslator(again, tmp_path).translate(["uno", "due"])
    assert again.calls == []  # the rebuilt cache works


def _writer(args: tuple[str, int]) -> None:
    cache_dir, worker = args
    cache = CachedTranslator(Counting(), Path(cache_dir))
    for batch in range(20):
        cache.translate([f"w{worker} b{batch} s{i}" for i in range(10)] + [f"shared {batch}"])


def test_two_processes_writing_one_cache_stay_consistent(tmp_path: Path) -> None:
    TranslationCache(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_writer, [(str(tmp_path), 0), (str(tmp_path), 1)])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == 2 * 20 * 10 + 20
    assert not list(tmp_path.glob(f"{CACHE_FILE}.corrupt-*"))


def test_opening_a_new_cache_waits_for_a_writer_in_rollback_mode(tmp_path: Path) -> None:
    """Two workers opening one new cache at once: while one writes the fresh file (still in rollback
    mode), the other's switch to WAL is answered "database is locked" at once, without SQLite's busy
    wait. The cache must wait for the writer, not fail (this failed a CI run of the two-worker test)."""
    writer = sqlite3.connect(tmp_path / CACHE_FILE, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")  # the RESERVED lock a rollback-mode writer holds
    release = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        cache = TranslationCache(tmp_path)
    finally:
        release.join()
        writer.close()
    cache.put_many([("k", {"model": "m"}, "Una frase.", {"english": "A sentence."})])
    assert cache.get_many(["k"]) == {"k": {"english": "A sentence."}}
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
