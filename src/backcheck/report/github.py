"""GitHub Actions workflow-command annotations (``::error file=…,line=…::message``), one per new
finding and one per broken article; the CLI prints them to stdout when ``GITHUB_ACTIONS=true``.

Severity maps to the command: critical → ``error``, major → ``warning``, minor → ``notice``. Values are
escaped as the Actions toolkit does: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..offsets import line_col
from ..results import Finding, Report, Severity

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport, Location

COMMANDS = {Severity.MINOR: "notice", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: str | int | None) -> str:
    """``::name k=v,…::message`` with every value escaped; properties that are None are left out."""
    prop = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name} {prop}::{escape_data(message)}" if prop else f"::{name}::{escape_data(message)}"


def _annotation(report: Report, f: Finding, loc: Location) -> str:
    message = f'"{f.text}": {f.message}'
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    if loc.col is None:  # an article inside a JSONL manifest: name the place inside the article
        line, col = line_col(report.text, f.start)
        message = f"[{report.article_id} {line}:{col}] {message}"
    return command(
        COMMANDS[f.severity], message,
        file=loc.file, line=loc.line, col=loc.col, endLine=loc.end_line, endColumn=loc.end_col,
        title=f"backcheck {f.category.value} ({f.severity.value})",
    )


def annotation_lines(corpus: CorpusReport, at_least: Severity = Severity.MINOR) -> list[str]:
    """Annotation lines for every new finding at or above ``at_least`` and every broken article."""
    lines = []
    for r in corpus.reports:
        if r.error:
            loc = corpus.locate(r)
            lines.append(command("error", r.error, file=loc.file, line=loc.line,
                                 title="backcheck: unreadable article"))
            continue
        lines.extend(_annotation(r, f, corpus.locate(r, f)) for f in corpus.new_findings(r, at_least))
    return lines
