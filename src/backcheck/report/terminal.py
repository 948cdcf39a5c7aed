"""Untrusted text on a terminal: control characters made visible, one character for one, so offsets
into the text stay valid and an escape sequence in an article can never drive the terminal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport
    from ..results import Report

# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides/isolates that can
# reorder what a terminal shows (the "Trojan Source" characters).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if ch == "\r":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """``text`` with every control character replaced by a visible one of the same length."""
    return _CONTROL.sub(_visible, text)


def display_copy(report: Report) -> Report:
    """A copy of ``report`` whose every string is :func:`printable` (same lengths, so offsets hold), for
    the human-readable formats (terminal, Markdown) and CI logs."""
    from dataclasses import replace

    from ..results import SkippedCheck

    def opt(s: str | None) -> str | None:
        return None if s is None else printable(s)

    return replace(
        report,
        article_id=printable(report.article_id),
        article_path=opt(report.article_path),
        text=printable(report.text),
        error=opt(report.error),
        findings=[replace(f, text=printable(f.text), message=printable(f.message), suggestion=opt(f.suggestion),
                          context=printable(f.context)) for f in report.findings],
        skipped=[SkippedCheck(s.check, printable(s.reason)) for s in report.skipped],
    )


def display_corpus(corpus: CorpusReport) -> CorpusReport:
    """A copy of ``corpus`` with every report :func:`display_copy`'d (ids remapped consistently)."""
    from dataclasses import replace

    states = corpus.baseline_states
    return replace(
        corpus,
        path=printable(corpus.path),
        reports=[display_copy(r) for r in corpus.reports],
        baseline_states=None if states is None else {printable(k): v for k, v in states.items()},
        manifest_lines={printable(k): v for k, v in corpus.manifest_lines.items()},
        chrf={printable(k): v for k, v in corpus.chrf.items()},
    )
