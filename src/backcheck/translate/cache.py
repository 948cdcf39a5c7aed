"""A persistent translation cache: SQLite, one row per (engine signature, sentence).

The key covers every setting in the translator's signature (model id and revision, engine,
quantisation, beam, length limits) plus the exact sentence text, so a cached result is only reused
when the engine would produce the same one. WAL mode and a busy timeout make it safe for several
backcheck processes sharing one cache folder.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..defaults import default_cache_dir
from ..errors import BackcheckError
from .base import SegmentTranslation, Translator

CACHE_FILE = "translations.sqlite3"
CACHE_SCHEMA = 1
SQLITE_TIMEOUT_S = 60.0
_LOOKUP_CHUNK = 500


def cache_key(signature: dict[str, str], sentence: str) -> str:
    sig = json.dumps(signature, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{CACHE_SCHEMA}\x00{sig}\x00{sentence}".encode()).hexdigest()


class TranslationCache:
    """Key → SegmentTranslation dict, in ``<cache_dir>/translations.sqlite3``."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.path = self.dir / CACHE_FILE
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, signature TEXT, "
                           "sentence TEXT, result TEXT, created REAL)")
        except (OSError, sqlite3.Error) as exc:
            raise BackcheckError(f"cannot use the translation cache {self.path}: {exc}",
                                 "pass --cache-dir to a writable folder, or --no-cache") from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=SQLITE_TIMEOUT_S)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            with db:  # one transaction
                yield db
        finally:
            db.close()

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        with self._connect() as db:
            for i in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[i:i + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, result in db.execute(f"SELECT key, result FROM translations WHERE key IN ({marks})",
                                              chunk):
                    found[key] = json.loads(result)
        return found

    def put_many(self, rows: list[tuple[str, dict[str, str], str, dict[str, Any]]]) -> None:
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
        found = self.cache.get_many(sorted(set(keys)))
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
