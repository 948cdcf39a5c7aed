"""Markdown report (for pull-request comments and CI job summaries): a heading, summary counts, a
findings table, the article with spans marked in bold with their number (**[1]**), the signature."""

from __future__ import annotations

import re

from ..offsets import line_col
from ..results import Report
from .sidebyside import unplaced, unplaced_note
from .spans import numbered, pieces, probability_text, severity_counts

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown could read as syntax."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return escape_markdown(" ".join(text.split()))


def _bold(escaped: str) -> str:
    """Bold each line of already-escaped text separately (bold cannot span a line break), keeping the
    whitespace around it outside the markers (``** x**`` is not bold in CommonMark)."""
    out = []
    for line in escaped.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        out.append(f"{lead}**{core}**{trail}")
    return "\n".join(out)


def _article(report: Report, sort: str) -> str:
    """The article with every run of flagged text in bold, footnote numbers inside the run."""
    parts: list[str] = []
    run: list[str] = []  # escaped text of the current run of flagged pieces
    for piece in pieces(report.text, numbered(report, sort)):
        chunk = escape_markdown(report.text[piece.start : piece.end])
        marks = "".join(f"\\[{n}\\]" for n in piece.ends)
        if piece.numbers:
            run.append(chunk + marks)
            continue
        if run:
            parts.append(_bold("".join(run)))
            run = []
        parts.append(f"**{marks}**{chunk}" if marks else chunk)
    if run:
        parts.append(_bold("".join(run)))
    body = "".join(parts).replace("\r\n", "\n")
    # Keep single line breaks inside a paragraph: a trailing backslash is a hard break.
    return re.sub(r"(?<!\n)\n(?!\n)", lambda _: "\\\n", body)


def render_markdown(report: Report, sort: str = "position") -> str:
    """The report as GitHub-flavoured Markdown; ``sort`` orders and numbers the findings table
    (:func:`~backcheck.report.spans.numbered`)."""
    title = report.article_path or report.article_id
    lines = [f"# backcheck: {escape_markdown(title)}", ""]
    if report.error:
        lines += [f"**Error:** {escape_markdown(report.error)}", ""]
    counts = severity_counts(report.findings)
    lines.append(
        f"**{len(report.findings)} findings**: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    lines.append("")
    items = numbered(report, sort)
    if items:
        lines.append("| # | Severity | p(error) | Category | Line:Col | Span | Message | Fix |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for n, f in items:
            line, col = line_col(report.text, f.start)
            p = probability_text(f) or ""
            lines.append(
                f"| {n} | {f.severity.value} | {p} | {f.category.value} | {line}:{col} | {_cell(f.text)} "
                f"| {_cell(f.message)} | {_cell(f.fix_text() or '')} |"
            )
        lines.append("")
    if report.text:
        lines += ["## Article", "", _article(report, sort), ""]
    if (note := unplaced_note(report, listed=True)) is not None:
        lines += ["## Source sentences placed nowhere", "", escape_markdown(note), ""]
        lines += [f"- sentence {n}: {escape_markdown(sentence)}" for n, sentence in unplaced(report)]
        lines.append("")
    if report.skipped:
        lines += ["## Skipped checks", ""]
        lines += [f"- `{s.check}`: {escape_markdown(s.reason)}" for s in report.skipped]
        lines.append("")
    if report.signature:
        lines += [f"Signature: `{report.signature}`", ""]
    return "\n".join(lines)
