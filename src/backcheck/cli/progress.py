"""``backcheck check``'s progress line on stderr: a long check says what it is doing (issue #18).

It goes to stderr only, so it never mixes with a report on stdout (JSON included), and a check that
ends quickly prints nothing:

* on a terminal, once the check has taken :data:`TTY_DELAY` seconds, one line rewritten in place
  (the step, its number, the time so far), refreshed every :data:`TICK` seconds and erased when the
  check ends, before the report is printed;
* elsewhere (a CI log, a file), once it has taken :data:`LOG_DELAY` seconds, a plain line for each new
  step and, while a step goes on, every :data:`LOG_REPEAT` seconds.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..run.progress import reporting

TTY_DELAY = 1.0
LOG_DELAY = 10.0
LOG_REPEAT = 30.0
TICK = 0.5
_ERASE = "\r\x1b[K"


def elapsed_text(seconds: float) -> str:
    """``"7 s"``, ``"2 min 05 s"``."""
    s = int(seconds)
    return f"{s} s" if s < 60 else f"{s // 60} min {s % 60:02d} s"


class ProgressLine:
    """A reporter for :func:`backcheck.run.progress.reporting` that writes to ``stream``."""

    def __init__(self, label: str, stream: TextIO | None = None, *, tty: bool | None = None,
                 delay: float | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.delay = delay if delay is not None else (TTY_DELAY if self.tty else LOG_DELAY)
        self.start = time.monotonic()
        self.step = ""
        self._written_step = ""
        self._last_write = 0.0
        self._shown = False  # a terminal line is on screen
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._ticker = threading.Thread(target=self._tick, name="backcheck-progress", daemon=True)
        self._ticker.start()

    def __call__(self, what: str, done: int, total: int) -> None:
        with self._lock:
            self.step = f"{what} ({done + 1}/{total})" if total else what
            self._update(time.monotonic())

    def text(self, now: float) -> str:
        return f"backcheck: {self.label}: {self.step}, {elapsed_text(now - self.start)}"

    def _update(self, now: float) -> None:
        if not self.step or now - self.start < self.delay:
            return
        if self.tty:
            text = self.text(now)[:_columns() - 1]
            if text == self._written_step:
                return
            self.stream.write(_ERASE + text)
            self._written_step, self._shown = text, True
        elif self.step != self._written_step or now - self._last_write >= LOG_REPEAT:
            self.stream.write(self.text(now) + "\n")
            self._written_step, self._last_write = self.step, now
        else:
            return
        self.stream.flush()

    def _tick(self) -> None:
        while not self._done.wait(TICK):
            with self._lock:
                self._update(time.monotonic())

    def close(self) -> None:
        """Stop refreshing and erase the terminal line (the report comes next)."""
        self._done.set()
        self._ticker.join()
        with self._lock:
            if self._shown:
                self.stream.write(_ERASE)
                self.stream.flush()
                self._shown = False


def _columns() -> int:
    import shutil

    return max(20, shutil.get_terminal_size().columns)


@contextmanager
def progress_line(label: str, stream: TextIO | None = None) -> Iterator[ProgressLine]:
    """Report the steps of the check run inside the block on ``stream`` (default stderr)."""
    line = ProgressLine(label, stream)
    try:
        with reporting(line):
            yield line
    finally:
        line.close()
