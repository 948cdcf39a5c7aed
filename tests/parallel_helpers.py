"""Checker factories for the worker-process tests. They live in a module (not in a test) because worker
processes import them by name: a factory must be picklable."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from corpus_fakes import FakeChecker

LOG_ENV = "BACKCHECK_TEST_ENGINE_LOG"


class LoggingEngine:
    """Wraps a real engine and appends ``pid<TAB>sentence`` to the file in $BACKCHECK_TEST_ENGINE_LOG for
    every sentence it translates (O_APPEND: lines from several processes do not mix)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.log = Path(os.environ[LOG_ENV])

    def translate(self, sentences: list[str]) -> list[Any]:
        with self.log.open("a", encoding="utf-8") as f:
            f.write("".join(f"{os.getpid()}\t{s}\n" for s in sentences))
        return list(self.inner.translate(sentences))

    def signature(self) -> dict[str, str]:
        return dict(self.inner.signature())

    def split(self, text: str) -> list[tuple[int, int]]:
        return list(self.inner.split(text))


def logging_checker(options: Any) -> Any:
    """A real Checker whose engine logs what it computes, behind the real shared cache."""
    from backcheck.run.checker import Checker
    from backcheck.run.engine import build_translator
    from backcheck.translate.cache import CachedTranslator

    inner = build_translator(replace(options, use_cache=False))
    return Checker(options, translator=CachedTranslator(LoggingEngine(inner), options.cache_dir))


class CrashingChecker(FakeChecker):
    """Kills its worker process on an article containing CRASH (a segfault or the OOM killer)."""

    def check_or_error(self, inp: Any) -> Any:
        if "CRASH" in inp.text:
            os._exit(3)
        return super().check_or_error(inp)
