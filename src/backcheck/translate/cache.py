"""A persistent translation cache: SQLite, one row per (engine signature, sentence).

The key covers every setting in the translator's signature (model id and revision, engine,
quantisation, beam, length limits) plus the exact sentence text, so a cached result is only reused
when the engine would produce the same one. WAL mode and a busy timeout make it safe for several
backcheck processes sharing one cache folder.

The cache heals: on open it checks the file is a backcheck cache of this schema version
(``PRAGMA user_version``, the ``translations`` table's columns). A file it cannot use (garbage bytes,
another program's tables, a half-written or corrupted file, a newer schema) is moved aside as
``translations.sqlite3.corrupt-<time>`` with a warning and rebuilt, so the run goes on with correct
results; a cache is only a copy of what the engine computes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..defaults import default_cache_dir
from ..errors import BackcheckError
from .base import SegmentTranslation, Translator

CACHE_FILE = "translations.sqlite3"
CACHE_SCHEMA = 1
SQLITE_TIMEOUT_S = 60.0
_LOOKUP_CHUNK = 500
_COLUMNS = ["key", "signature", "sentence", "result", "created"]
_CREATE = ("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, signature TEXT, "
           "sentence TEXT, result TEXT, created REAL)")

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class _Unusable(Exception):
    """The cache file is not a usable backcheck cache of this version (the reason is the message)."""


def cache_key(signature: dict[str, str], sentence: str) -> str:
    sig = json.dumps(signature, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{CACHE_SCHEMA}\x00{sig}\x00{sentence}".encode()).hexdigest()


class TranslationCache:
    """Key → SegmentTranslation dict, in ``<cache_dir>/translations.sqlite3``."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.path = self.dir / CACHE_FILE
        self.quarantined: Path | None = None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackcheckError(f"cannot create the translation cache folder {self.dir}: {exc.strerror}",
                                 "pass --cache-dir to a writable folder, or --no-cache") from None
        self._open()

    def _open(self) -> None:
        """Check the file (creating it when new); move an unusable one aside and start afresh."""
        try:
            _when_free(self._validate)
            return
        except (_Unusable, sqlite3.DatabaseError) as exc:
            if _is_busy(exc):
                raise self._error(exc) from None
            self._quarantine(str(exc))
        try:
            _when_free(self._validate)
        except (_Unusable, sqlite3.Error) as exc:
            raise self._error(exc) from None

    def _error(self, exc: BaseException) -> BackcheckError:
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc).replace(" ", "").lower():
            hint = "pass --cache-dir to a writable folder, or --no-cache"
        else:
            hint = "--no-cache runs without it; --cache-dir uses another folder"
        return BackcheckError(f"cannot use the translation cache {self.path}: {exc}", hint)

    def _validate(self) -> None:
        with self._connect() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:  # a new (or empty) file
                db.execute(_CREATE)
                db.execute(f"PRAGMA user_version = {CACHE_SCHEMA}")
                return
            if "translations" not in tables:
                raise _Unusable(f"not a backcheck cache (tables: {', '.join(sorted(tables))})")
            columns = [r[1] for r in db.execute("PRAGMA table_info(translations)")]
            if columns != _COLUMNS:
                raise _Unusable(f"unexpected translations columns {columns}")
            if version not in (0, CACHE_SCHEMA):  # 0: written before the version was recorded
                raise _Unusable(f"cache schema version {version}, this backcheck uses {CACHE_SCHEMA}")
            if version == 0:
                db.execute(f"PRAGMA user_version = {CACHE_SCHEMA}")
            db.execute("SELECT key, result FROM translations LIMIT 1").fetchall()

    def _quarantine(self, reason: str) -> None:
        """Move the unusable file (and its WAL/SHM companions) aside, keeping it for inspection."""
        stamp = time.strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{CACHE_FILE}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{CACHE_FILE}.corrupt-{stamp}-{n}")
        try:
            self.path.rename(target)
        except FileNotFoundError:  # another process moved it first
            return
        except OSError as exc:
            raise BackcheckError(f"the translation cache {self.path} is unusable ({reason}) and cannot be moved "
                                 f"aside: {exc.strerror}", "delete it, or pass --no-cache") from None
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(CACHE_FILE + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
        self.quarantined = target
        log.warning("translation cache %s was unusable (%s): moved it to %s and started a new one",
                    self.path, reason, target)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=SQLITE_TIMEOUT_S)
        try:
            # WAL is a property of the file: set once. Switching needs the lock a rollback-mode writer
            # holds, and SQLite answers "locked" at once there instead of waiting (see _when_free).
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            with db:  # one transaction
                yield db
        finally:
            db.close()

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """Cached results by key; an entry that cannot be decoded is a miss. A cache corrupted since it
        was opened is moved aside and everything is a miss."""
        try:
            return _when_free(lambda: self._get_many(keys))
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise self._error(exc) from None
            self._quarantine(str(exc))
            self._open()
            return {}

    def _get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        with self._connect() as db:
            for i in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[i:i + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, result in db.execute(f"SELECT key, result FROM translations WHERE key IN ({marks})",
                                              chunk):
                    try:
                        value = json.loads(result)
                    except (TypeError, ValueError):
                        continue
                    if isinstance(value, dict):
                        found[key] = value
        return found

    def put_many(self, rows: list[tuple[str, dict[str, str], str, dict[str, Any]]]) -> None:
        try:
            _when_free(lambda: self._put_many(rows))
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                raise self._error(exc) from None
            self._quarantine(str(exc))
            self._open()
            self._put_many(rows)

    def _put_many(self, rows: list[tuple[str, dict[str, str], str, dict[str, Any]]]) -> None:
        now = time.time()
        with self._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO translations (key, signature, sentence, result, created) "
                "VALUES (?, ?, ?, ?, ?)",
                [(k, json.dumps(sig, sort_keys=True), s, json.dumps(r, ensure_ascii=False), now)
                 for k, sig, s, r in rows])

    def __len__(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])


def _when_free(operation: Callable[[], _T]) -> _T:
    """Run an idempotent cache operation, retrying while another process holds the lock.

    SQLite's busy timeout covers most waits but not all: switching a new file to WAL while another
    process writes it in rollback mode, or upgrading a read to a write on a stale WAL snapshot, fail
    at once with "database is locked". Those are retried with backoff up to SQLITE_TIMEOUT_S.
    """
    deadline = time.monotonic() + SQLITE_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if not ("locked" in text or "busy" in text) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _is_busy(exc: BaseException) -> bool:
    """Locked or read-only: the file may be fine, so it is not moved aside."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and any(
        w in text for w in ("locked", "busy", "readonly", "read-only", "unable to open", "disk i/o"))


class CachedTranslator:
    """Wraps a Translator: looks up every sentence, sends only misses to it, stores what it returns.

    The inner translator is only used for misses; the model behind a lazily-loading engine is
    therefore never loaded when everything is cached.
    """

    def __init__(self, inner: Translator, cache_dir: Path | None = None) -> None:
        self.inner = inner
        self.cache = TranslationCache(cache_dir)
        self.hits = 0
        self.misses = 0

    def signature(self) -> dict[str, str]:
        return self.inner.signature()

    def split(self, text: str) -> list[tuple[int, int]]:
        split = getattr(self.inner, "split", None)
        return split(text) if split else [(0, len(text))]

    def fits(self, it: str, en: str) -> bool:
        fits = getattr(self.inner, "fits", None)
        return bool(fits(it, en)) if fits else True

    def force(self, sources: list[str], targets: list[str]) -> list[SegmentTranslation]:
        force = getattr(self.inner, "force", None)
        if force is None:
            raise BackcheckError(f"the {self.signature().get('engine', '?')} engine cannot score a given "
                                 "translation", "use --engine transformers or ctranslate2")
        return list(force(sources, targets))

    def translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        sig = self.signature()
        keys = [cache_key(sig, s) for s in sentences]
        found = {}
        for k, v in self.cache.get_many(sorted(set(keys))).items():
            try:
                SegmentTranslation.from_dict(v)
            except (KeyError, TypeError, ValueError):  # an entry that cannot be read is a miss
                continue
            found[k] = v
        missing: dict[str, str] = {}
        for k, s in zip(keys, sentences, strict=True):
            if k not in found:
                missing.setdefault(k, s)
        self.hits += len(sentences) - sum(1 for k in keys if k in missing)
        self.misses += len(missing)
        if missing:
            miss_keys = list(missing)
            results = self.inner.translate([missing[k] for k in miss_keys])
            if len(results) != len(miss_keys):
                raise BackcheckError(f"engine returned {len(results)} results for {len(miss_keys)} sentences",
                                     "report this bug; --no-cache avoids the cache")
            new = {k: r.to_dict() for k, r in zip(miss_keys, results, strict=True)}
            self.cache.put_many([(k, sig, missing[k], new[k]) for k in miss_keys])
            found.update(new)
        return [SegmentTranslation.from_dict(found[k]) for k in keys]
