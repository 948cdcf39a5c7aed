"""GitHub Actions workflow-command annotations (``::error file=…,line=…::message``), one per new
finding and one per broken article; the CLI prints them to stdout when ``GITHUB_ACTIONS=true``.

The level follows the gate: a new finding at or above ``--fail-on`` is an ``error`` (it fails the run),
as is a broken article; a major or critical finding below it is a ``warning``; a minor one a ``notice``,
written only when asked for (``corpus -v``), since minors are pointers and GitHub shows only
:data:`MAX_PER_LEVEL` annotations of each level per step. Worst first (level, severity, the article
order of every corpus report), each level capped at :data:`MAX_PER_LEVEL`, then one plain line saying
how many were left out. Values are escaped as the Actions toolkit does: ``%``, CR and LF in the
message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..offsets import line_col
from ..results import Finding, Report, Severity
from .corpus_summary import article_rows

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport, Location

LEVELS = ("error", "warning", "notice")
MAX_PER_LEVEL = 10  # GitHub shows no more error, warning or notice annotations than this per step


def level(f: Finding, fail_on: Severity) -> str:
    """``error`` at or above ``fail_on``, else ``warning`` for major and critical, ``notice`` for minor."""
    if f.severity.rank >= fail_on.rank:
        return "error"
    return "notice" if f.severity is Severity.MINOR else "warning"


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


def _annotation(report: Report, f: Finding, loc: Location, name: str) -> str:
    message = f'"{f.text}": {f.message}'
    if f.suggestion:
        message += f"\nfix: {f.fix_text()}"
    if loc.col is None:  # an article inside a JSONL manifest: name the place inside the article
        line, col = line_col(report.text, f.start)
        message = f"[{report.article_id} {line}:{col}] {message}"
    return command(
        name, message,
        file=loc.file, line=loc.line, col=loc.col, endLine=loc.end_line, endColumn=loc.end_col,
        title=f"backcheck {f.category.value} ({f.severity.value})",
    )


def annotation_lines(corpus: CorpusReport, fail_on: Severity, *, minors: bool = False,
                     max_per_level: int = MAX_PER_LEVEL) -> list[str]:
    """Annotation lines for every broken article and every new finding (minor ones only with
    ``minors``, unless they are at or above ``fail_on``), worst first, at most ``max_per_level`` of
    each level, then a plain line counting what was left out (see the module docstring)."""
    ranked: list[tuple[tuple[int, int, int, int], str, str]] = []
    for k, row in enumerate(article_rows(corpus, fail_on)):
        r = row.report
        if r.error:
            loc = corpus.locate(r)
            ranked.append(((0, -4, k, 0), "error", command("error", r.error, file=loc.file, line=loc.line,
                                                             title="backcheck: article not checked")))
            continue
        for f in corpus.new_findings(r):
            name = level(f, fail_on)
            if name == "notice" and not minors:
                continue
            ranked.append(((LEVELS.index(name), -f.severity.rank, k, f.start), name,
                           _annotation(r, f, corpus.locate(r, f), name)))
    shown: Counter[str] = Counter()
    left: Counter[str] = Counter()
    lines = []
    for _, name, line in sorted(ranked, key=lambda x: x[0]):
        if shown[name] < max_per_level:
            shown[name] += 1
            lines.append(line)
        else:
            left[name] += 1
    if left:
        what = ", ".join(f"{left[n]} {n}{'s' if left[n] != 1 else ''}" for n in LEVELS if left[n])
        lines.append(f"backcheck: {sum(left.values())} more annotations left out ({what}; GitHub shows "
                     f"{max_per_level} of each level per step): every finding is in "
                     "--sarif, --json and --html")
    return lines
