"""Running a corpus: one checker per worker, per-article reports in corpus order, then the scores."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus_results import CorpusReport
from ..errors import BackcheckError
from ..results import Report
from .backends.worker import auto_jobs
from .discovery import discover
from .scores import article_chrf, corpus_scores, score_pairs

if TYPE_CHECKING:
    from ..run.options import ArticleInput, CheckOptions

log = logging.getLogger(__name__)


def _raising_checker(options: CheckOptions) -> Any:
    """A Checker that lets an unexpected exception through (``--debug``: the traceback)."""
    from ..run.checker import Checker

    return Checker(options, raise_internal=True)


def check_corpus(
    path: Path,
    options: CheckOptions,
    *,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    follow_symlinks: bool = False,
    raise_internal: bool = False,
    backend: str = "local",
    ray_address: str | None = None,
    checker_factory: Callable[[CheckOptions], Any] | None = None,
    exclude: Sequence[str] = (),
) -> CorpusReport:
    """Check every article of the corpus at ``path``.

    Articles are read here and checked by :class:`backcheck.run.checker.Checker` instances built once
    per worker (:mod:`backcheck.corpus.backends.processes`): in this process (``jobs=1``), on ``jobs``
    worker processes, or on Ray actors (``backend="ray"``, ``ray_address``); ``jobs=None``: as many
    as :func:`~backcheck.corpus.backends.worker.auto_jobs` says (one with ``raise_internal``; one per
    cluster CPU on Ray). Reports keep corpus order either way.
    ``progress`` is called with ``(0, total)`` once the articles are found (before any model loads),
    then with ``(done, total)`` after each article. ``exclude`` globs leave article folders (or
    manifest ids) out. ``checker_factory`` replaces
    :class:`Checker` (it must be picklable for ``jobs > 1``). Raises :class:`BackcheckError` for an
    unusable corpus or options; a broken article (unreadable, over a limit, a symlink out of the
    corpus without ``follow_symlinks``, a malformed manifest line) becomes a report with ``error``
    set. An unexpected exception (a bug) in one article does too, and is listed in
    ``internal_errors`` (exit code 3), unless ``raise_internal`` (then it propagates; one process).
    """
    from ..run.checker import INTERNAL_ERROR, error_report
    from .backends import run_reports

    if jobs is not None and (jobs < 0 or (jobs == 0 and backend == "local")):
        raise BackcheckError(f"--jobs must be at least 1, got {jobs}", "use --jobs 1 or more")
    started = time.perf_counter()
    options.validate()
    entries = discover(path, follow_symlinks=follow_symlinks, max_bytes=options.limits.max_file_bytes,
                       exclude=exclude)
    if jobs is None:
        jobs = 0 if backend == "ray" else 1 if raise_internal else auto_jobs(
            options, len(entries), back_translated=all(e.back_translated for e in entries),
            text_size=sum(e.size for e in entries))
    log.info("corpus %s: %d articles, %s", path, len(entries),
             f"{jobs} worker{'s' if jobs > 1 else ''}" if backend == "local" else "Ray")
    if progress:
        progress(0, len(entries))
    sources: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    if raise_internal and checker_factory is None and jobs == 1 and backend == "local":
        checker_factory = _raising_checker

    def items() -> Iterator[ArticleInput | Report]:
        for entry in entries:
            try:
                inp = entry.load()
            except BackcheckError as exc:
                yield error_report(entry.id, entry.path, exc)
                continue
            sources[entry.id] = inp.sources
            kinds[entry.id] = options.source_kind_for(inp)
            yield inp

    reports: list[Report] = []
    for report in run_reports(items(), options, jobs=jobs, backend=backend, ray_address=ray_address,
                              factory=checker_factory):
        reports.append(report)
        if progress:
            progress(len(reports), len(entries))
    internal = [r.article_id for r in reports if r.error and r.error.startswith(INTERNAL_ERROR)]
    pairs: list[tuple[str, str]] = []
    chrf: dict[str, float] = {}
    for report in reports:
        kind = kinds.get(report.article_id, options.source_kind)
        if not report.error and (p := score_pairs(report, sources.get(report.article_id, []), kind)):
            pairs += p
            chrf[report.article_id] = article_chrf(p)
    return CorpusReport(
        path=str(path),
        reports=reports,
        scores=corpus_scores(pairs, len(chrf)),
        chrf=chrf,
        manifest_lines={e.id: e.manifest_line for e in entries if e.manifest_line is not None},
        seconds=time.perf_counter() - started,
        internal_errors=[e.id for e in entries if e.id in set(internal)],
    )
