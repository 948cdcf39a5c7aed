"""What the local worker processes and the Ray actors share: one :class:`Worker` (a Checker built once,
fed articles), the items they are fed, and how a worker's start-up error reaches the parent."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Union

from ...errors import BackcheckError

if TYPE_CHECKING:
    from ...results import Report
    from ...run.options import ArticleInput, CheckOptions

# At most jobs × this many articles are in flight, so memory stays flat on a corpus of any size.
WINDOW_PER_JOB = 4
# What one worker checking given back-translations holds at its peak (the embedding model, the parser,
# the lexicon: 0.6 GB measured on newssyscomb), with room to spare; --jobs by default starts no more
# workers than the memory available holds.
WORKER_MEMORY = 1 << 30
# A worker more pays for its start (loading the parser, the embedding model and the lexicon: about
# 2.4 s more for a second worker on 2 cores) once the corpus has this much Italian text: the checks take
# about 28 ms per sentence of about 134 characters (newssyscomb and flores-it, one and two workers side
# by side), so a second worker breaks even near 23,000 characters; the bar keeps a margin above that.
CHARS_PER_WORKER = 30_000
# An item to check, or a report that is already final (an article that could not be read).
Item = Union["ArticleInput", "Report"]
CheckerFactory = Callable[["CheckOptions"], Any]
# A start-up error: (message, hint); the hint INTERNAL marks an unexpected exception (a bug).
InitError = tuple[str, "str | None"]
INTERNAL = "\x00internal"


def default_factory() -> CheckerFactory:
    """:class:`backcheck.run.checker.Checker`, looked up when called (tests substitute a fake there)."""
    from ...run import checker

    return checker.Checker  # type: ignore[no-any-return]


def share_threads(options: CheckOptions, workers: int) -> CheckOptions:
    """``options`` with an equal share of this machine's cores per worker (unless set explicitly)."""
    if options.threads:
        return options
    return replace(options, threads=max(1, (os.cpu_count() or 1) // max(workers, 1)))


def auto_jobs(options: CheckOptions, articles: int, *, back_translated: bool = False, text_size: int = 0) -> int:
    """How many local workers ``corpus`` starts when ``--jobs`` is not given. When no model translates
    (``--engine none``, or ``auto`` with every article's back-translation given: ``back_translated``),
    the checks are single-threaded Python, so one worker per core checks a large corpus about that many
    times faster: no more workers than the articles, than the Italian text pays for
    (``text_size`` characters, :data:`CHARS_PER_WORKER` a worker), nor than the available memory holds
    at :data:`WORKER_MEMORY` each. When a model translates, translation dominates and already uses every
    core, while each worker would load the model again (docs/corpus.md): one worker."""
    if not (options.engine == "none" or (options.engine == "auto" and back_translated)):
        return 1
    jobs = min(os.cpu_count() or 1, articles, text_size // CHARS_PER_WORKER)
    memory = available_memory()
    if memory is not None:
        jobs = min(jobs, memory // WORKER_MEMORY)
    return max(1, jobs)


def available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux's MemAvailable), or ``None`` where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def is_report(item: Item) -> bool:
    return hasattr(item, "findings")


class Worker:
    """One Checker, built once by ``factory(options)``, checking article after article. A Checker that
    cannot be built is not an exception here: every call returns the error, which the parent re-raises
    (:func:`raise_init_error`), so a pool never dies of it."""

    def __init__(self, factory: CheckerFactory, options: CheckOptions) -> None:
        self.error: InitError | None = None
        self.checker: Any = None
        try:
            self.checker = factory(options)
        except BackcheckError as exc:
            self.error = (exc.message, exc.hint)
        except Exception as exc:  # a bug: report it once, in the parent, instead of a dead pool
            import traceback

            self.error = (f"a worker could not start: {type(exc).__name__}: {exc}\n{traceback.format_exc()}",
                          INTERNAL)

    def check(self, inp: ArticleInput) -> Report | InitError:
        if self.error is not None:
            return self.error
        return self.checker.check_or_error(inp)  # type: ignore[no-any-return]


def raise_init_error(error: InitError) -> None:
    """Re-raise a worker's start-up error in the parent (BackcheckError: bad options, model, glossary)."""
    message, hint = error
    if hint == INTERNAL:
        raise RuntimeError(message)
    raise BackcheckError(message, hint)
