"""``backcheck corpus --backend ray``: check articles on Ray actors, one Checker per actor.

Uses Ray's own primitives: ``jobs`` actors (default: one per CPU of the cluster), each building its
:class:`~backcheck.run.checker.Checker` once in its constructor, fed through a :class:`ray.util.ActorPool`
whose ``get_next`` returns results in submission order. At most ``jobs * WINDOW_PER_JOB`` articles are
in flight. Articles travel as text, so the actors need no access to the corpus; they do need backcheck
(and its model extras) installed, the model on their machine (or a shared ``--model PATH``) and the
``--cache-dir``/``--glossary`` paths where they run (see docs/corpus.md).

``ray`` is imported only here (extra ``[ray]``). When no Ray runtime is connected yet, one is started
(or joined, with ``address``) and shut down at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...errors import BackcheckError
from ...run.checker import error_report
from .worker import WINDOW_PER_JOB, CheckerFactory, Item, Worker, is_report, raise_init_error

if TYPE_CHECKING:
    from ...results import Report
    from ...run.options import ArticleInput, CheckOptions


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise BackcheckError("--backend ray needs the ray package", "pip install 'backcheck[ray]'") from None
    return ray


def ray_reports(items: Iterable[Item], options: CheckOptions, *, jobs: int = 0, address: str | None = None,
                factory: CheckerFactory) -> Iterator[Report]:
    """Check on Ray actors, one :class:`~.worker.Worker` each; reports in input order."""
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        try:
            ray.init(address=address, include_dashboard=False, logging_level="warning",
                     log_to_driver=False)
        except ConnectionError as exc:
            raise BackcheckError(f"cannot connect to the Ray cluster at {address}: {exc}",
                                 "start it with `ray start --head`, or drop --ray-address") from None
    try:
        yield from _run(ray, items, options, jobs, factory)
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, items: Iterable[Item], options: CheckOptions, jobs: int,
         factory: CheckerFactory) -> Iterator[Report]:
    from ray.util import ActorPool

    actors_n = jobs or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # one CPU per actor, and the engine sized to it (unless --threads says otherwise)
    actor_options = options if options.threads else replace(options, threads=1)
    actor_cls = ray.remote(num_cpus=1)(Worker)
    pool = ActorPool([actor_cls.remote(factory, actor_options) for _ in range(actors_n)])
    pending: deque[Item | None] = deque()  # None: the next result of the pool, in order

    def finish(item: Item | None, inp: ArticleInput | None) -> Report:
        if item is not None:
            return item  # type: ignore[return-value]
        try:
            result = pool.get_next()
        except ray.exceptions.RayError as exc:  # an actor died: this article is an error row
            return error_report(inp.id if inp else "?", inp.path if inp else None, BackcheckError(
                f"not checked: the Ray actor checking it failed ({type(exc).__name__})",
                "see the Ray logs, or rerun with --backend local"))
        if isinstance(result, tuple):
            raise_init_error(result)
        return result  # type: ignore[no-any-return]

    inputs: deque[ArticleInput] = deque()
    for item in items:
        if is_report(item):
            pending.append(item)
        else:
            pool.submit(lambda actor, inp: actor.check.remote(inp), item)
            pending.append(None)
            inputs.append(item)  # type: ignore[arg-type]
        while len(pending) >= actors_n * WINDOW_PER_JOB:
            head = pending.popleft()
            yield finish(head, inputs.popleft() if head is None else None)
    while pending:
        head = pending.popleft()
        yield finish(head, inputs.popleft() if head is None else None)


__all__ = ["import_ray", "ray_reports"]
