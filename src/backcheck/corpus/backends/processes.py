"""The local backend: a :class:`~backcheck.run.checker.Checker` over many articles in this process or
on N worker processes (the Ray backend is :mod:`.ray_actors`). Reports always come back in input order.

Each worker builds its Checker (engine, glossary, resources) once, in its initializer, and then checks
many articles. Articles travel to the workers as :class:`~backcheck.run.options.ArticleInput` (the text,
not a path), so workers need no access to the corpus; reports come back pickled. At most
``jobs * WINDOW_PER_JOB`` articles are in flight, so memory stays flat on a corpus of any size.

Worker processes use the ``forkserver`` start method where there is one (else ``spawn``): never
``fork``, which is unsafe once torch or CTranslate2 have started threads. Each worker gets an equal
share of the CPU cores for its engine (``CheckOptions.threads``), so N workers do not oversubscribe.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ...errors import BackcheckError
from ...run.checker import error_report
from .worker import WINDOW_PER_JOB, CheckerFactory, InitError, Item, Worker, is_report, raise_init_error

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ...results import Report
    from ...run.options import ArticleInput, CheckOptions

# Environment variables the BLAS/OpenMP runtimes read at import: set in a worker before torch loads.
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def serial_reports(items: Iterable[Item], checker: Any) -> Iterator[Report]:
    """Check in this process, one article after another."""
    for item in items:
        yield item if is_report(item) else checker.check_or_error(item)  # type: ignore[misc]


# ---------------------------------------------------------------------------------------- worker processes

_WORKER: Worker | None = None


# glibc malloc arenas per worker: its default (8 per core) lets the model's and the checks' threads each
# grow an arena of their own, about 100 MB of RSS per worker for no speed (measured by `make bench`);
# MALLOC_ARENA_MAX in the environment, when set, wins.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter number
# Freed memory at the top of the heap goes back to the system above this many bytes. glibc starts at
# 128 kB but raises it with every large block freed (the embedding model's batches), and then keeps
# tens of MB it no longer uses: a single-article check peaked 30-40 MB higher (issue #18).
# MALLOC_TRIM_THRESHOLD_ in the environment, when set, wins.
TRIM_THRESHOLD = 128 * 1024
_M_TRIM_THRESHOLD = -1


def limit_malloc_arenas() -> bool:
    """Cap this process's glibc malloc arenas at :data:`MALLOC_ARENAS` (before the model and resources
    load), unless ``MALLOC_ARENA_MAX`` is set, and fix its trim threshold at :data:`TRIM_THRESHOLD`,
    unless ``MALLOC_TRIM_THRESHOLD_`` is set; False where there is no glibc (macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        if not os.environ.get("MALLOC_TRIM_THRESHOLD_"):
            libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        if os.environ.get("MALLOC_ARENA_MAX"):
            return False
        return bool(libc.mallopt(_M_ARENA_MAX, MALLOC_ARENAS))
    except (OSError, AttributeError):
        return False


def _init_worker(factory: CheckerFactory, options: CheckOptions, environ: dict[str, str]) -> None:
    """Process initializer: take the parent's environment as it is now (a forkserver was started with
    an older one), then build this worker's Checker once (errors are reported on every task)."""
    global _WORKER
    os.environ.clear()
    os.environ.update(environ)
    if options.threads:
        for var in THREAD_ENV:
            os.environ.setdefault(var, str(options.threads))
    limit_malloc_arenas()
    _WORKER = Worker(factory, options)


def _check_in_worker(inp: ArticleInput) -> Report | InitError:
    assert _WORKER is not None, "the pool's initializer builds the worker"
    return _WORKER.check(inp)


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class _Pool:
    """A process pool fed in order; a crashed worker turns every unfinished article into an error row."""

    def __init__(self, options: CheckOptions, jobs: int, factory: CheckerFactory) -> None:
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context(start_method())
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                        initargs=(factory, options, dict(os.environ)))
        self.crashed: str | None = None

    def submit(self, inp: ArticleInput) -> Future[Any] | None:
        from concurrent.futures.process import BrokenProcessPool

        if self.crashed is None:
            try:
                return self.pool.submit(_check_in_worker, inp)
            except BrokenProcessPool as exc:
                self.crashed = str(exc) or "a worker process died"
        return None

    def result(self, inp: ArticleInput, fut: Future[Any] | None) -> Report:
        from concurrent.futures.process import BrokenProcessPool

        if fut is not None and self.crashed is None:
            try:
                result = fut.result()
            except BrokenProcessPool as exc:
                self.crashed = str(exc) or "a worker process died"
            else:
                if isinstance(result, tuple):  # the worker could not build its Checker
                    raise_init_error(result)
                return result  # type: ignore[no-any-return]
        return error_report(inp.id, inp.path, BackcheckError(
            f"not checked: a worker process died while this article or one checked at the same time was "
            f"being checked ({self.crashed})", "rerun with --jobs 1 to see the error"))


def process_reports(items: Iterable[Item], options: CheckOptions, jobs: int,
                    factory: CheckerFactory) -> Iterator[Report]:
    """Check on ``jobs`` worker processes; reports in input order."""
    workers = _Pool(options, jobs, factory)
    pending: deque[tuple[Item, Future[Any] | None]] = deque()

    def finish(item: Item, fut: Future[Any] | None) -> Report:
        return item if is_report(item) else workers.result(item, fut)  # type: ignore[return-value,arg-type]

    try:
        for item in items:
            pending.append((item, None if is_report(item) else workers.submit(item)))  # type: ignore[arg-type]
            while len(pending) >= jobs * WINDOW_PER_JOB:
                yield finish(*pending.popleft())
        while pending:
            yield finish(*pending.popleft())
    finally:
        workers.pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["limit_malloc_arenas", "process_reports", "serial_reports", "start_method"]
