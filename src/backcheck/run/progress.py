"""Progress of one article's check, for a caller that shows it (``backcheck check``'s progress line).

The pipeline names each step as it starts (:func:`step`); whoever wants to know installs a reporter
for the duration of a call with :func:`reporting`. The reporter lives in a context variable, so it
sees only the steps of the code it wraps (another thread's articles are not reported to it), and
without one a step costs a lookup. The library itself never prints (GUIDE rule 3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (what is being done, steps done, steps in all; 0, 0 when not counted)
Reporter = Callable[[str, int, int], None]

_REPORTER: ContextVar[Reporter | None] = ContextVar("backcheck_progress", default=None)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Send the steps of the code run inside the ``with`` block to ``reporter``."""
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)


def step(what: str, done: int = 0, total: int = 0) -> None:
    """Tell the reporter, if there is one, that ``what`` starts (``done`` of ``total`` when counted)."""
    reporter = _REPORTER.get()
    if reporter is not None:
        reporter(what, done, total)
