"""Where a corpus is checked: in this process or on N worker processes (:mod:`.processes`), or on Ray
actors (:mod:`.ray_actors`); both feed one :class:`~.worker.Worker` per process or actor."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...errors import BackcheckError
from .worker import CheckerFactory, Item, default_factory, share_threads

if TYPE_CHECKING:
    from ...results import Report
    from ...run.options import CheckOptions

BACKENDS = ("local", "ray")


def run_reports(items: Iterable[Item], options: CheckOptions, *, jobs: int = 1, backend: str = "local",
                ray_address: str | None = None, factory: CheckerFactory | None = None) -> Iterator[Report]:
    """Check every :class:`ArticleInput` in ``items`` (a :class:`Report` passes through unchanged) and
    yield the reports in input order. ``jobs``: worker processes (local) or actors (Ray; 0 = one per
    cluster CPU). ``factory(options)`` builds a Checker in each worker (default: :class:`Checker`); it
    must be picklable (a module-level class or function). An article that cannot be checked becomes a
    report with ``error`` set; a Checker that cannot be built raises :class:`BackcheckError`.
    """
    if backend not in BACKENDS:
        raise BackcheckError(f"unknown backend {backend!r}", f"use --backend {' or '.join(BACKENDS)}")
    if jobs < 0 or (jobs == 0 and backend == "local"):
        raise BackcheckError(f"--jobs must be at least 1, got {jobs}", "use --jobs 1 or more")
    factory = factory or default_factory()
    if backend == "ray":
        from .ray_actors import ray_reports

        return ray_reports(items, options, jobs=jobs, address=ray_address, factory=factory)
    from .processes import process_reports, serial_reports

    if jobs == 1:
        return serial_reports(items, factory(options))
    return process_reports(items, share_threads(options, jobs), jobs, factory)


__all__ = ["BACKENDS", "default_factory", "run_reports", "share_threads"]
