"""Terminal report (rich): the article with highlighted, numbered spans, a findings table, skipped
checks and the signature. Renders to a string; the CLI decides where it goes and whether it has colour."""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

from .findings import Report, Severity
from .spans import line_col, numbered, pieces, summary_line, worst

if TYPE_CHECKING:
    from rich.console import Console

    from ..corpus import CorpusReport

SEVERITY_STYLE = {
    Severity.MINOR: "underline yellow",
    Severity.MAJOR: "bold black on dark_orange",
    Severity.CRITICAL: "bold white on red",
}
DEFAULT_WIDTH = 100


def _console(color: bool, width: int | None) -> Console:
    from rich.console import Console

    return Console(
        file=StringIO(),
        force_terminal=color,
        no_color=not color,
        color_system="truecolor" if color else None,
        width=width or DEFAULT_WIDTH,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def render_text(report: Report, *, color: bool = False, width: int | None = None) -> str:
    """The report for a terminal (``color=True``: ANSI styles) or a plain-text file (``color=False``)."""
    from rich.table import Table
    from rich.text import Text

    console = _console(color, width)
    title = report.article_path or report.article_id
    console.print(Text(f"backcheck: {title}", style="bold"))
    if report.error:
        console.print(Text(f"error: {report.error}", style="bold red"))
    items = numbered(report)
    by_number = dict(items)

    if report.text:
        article = Text()
        for piece in pieces(report.text, items):
            chunk = report.text[piece.start : piece.end]
            if piece.numbers:
                sev = worst([by_number[n] for n in piece.numbers])
                article.append(chunk, style=SEVERITY_STYLE[sev])
            else:
                article.append(chunk)
            for n in piece.ends:
                article.append(f"[{n}]", style="bold magenta")
        console.print()
        console.print(article)
        console.print()

    console.print(Text(summary_line(report.findings), style="bold"))
    if items:
        table = Table(show_lines=False, expand=False)
        for heading in ("#", "severity", "category", "line:col", "span", "message", "suggestion"):
            table.add_column(heading, overflow="fold")
        for n, f in items:
            line, col = line_col(report.text, f.start)
            table.add_row(
                str(n),
                Text(f.severity.value, style=SEVERITY_STYLE[f.severity]),
                f.category.value,
                f"{line}:{col}",
                Text(f.text),
                Text(f.message),
                Text(f.suggestion or ""),
            )
        console.print(table)
    if report.skipped:
        console.print(Text("Skipped checks:", style="bold"))
        for s in report.skipped:
            console.print(Text(f"  {s.check}: {s.reason}"))
    if report.signature:
        console.print(Text(f"signature: {report.signature}", style="dim"))
    return _text_of(console)


def _text_of(console: Console) -> str:
    file = console.file
    if not isinstance(file, StringIO):  # pragma: no cover - _console always gives a StringIO
        raise TypeError("console was not built by _console")
    return file.getvalue()


def render_corpus_text(corpus: CorpusReport, fail_on: Severity, *, color: bool = False,
                       width: int | None = None) -> str:
    """One line per article (status and counts), then every new finding at or above ``fail_on`` as
    ``file:line:col: severity category "span": message``, then corpus scores and the signature."""
    from rich.table import Table
    from rich.text import Text

    console = _console(color, width)
    table = Table(title=f"backcheck corpus: {corpus.path}", title_justify="left")
    for heading in ("article", "status", "critical", "major", "minor", "new"):
        table.add_column(heading, overflow="fold")
    failing = {r.article_id for r in corpus.failing(fail_on)}
    for r in corpus.reports:
        status = "error" if r.error else ("FAIL" if r.article_id in failing else "ok")
        style = {"error": "bold red", "FAIL": "bold dark_orange", "ok": "green"}[status]
        counts = {s: sum(1 for f in r.findings if f.severity is s) for s in Severity}
        table.add_row(
            r.article_id, Text(status, style=style), str(counts[Severity.CRITICAL]),
            str(counts[Severity.MAJOR]), str(counts[Severity.MINOR]),
            str(len(corpus.new_findings(r))),
        )
    console.print(table)
    for r in corpus.reports:
        if r.error:
            loc = corpus.locate(r)
            console.print(Text(f"{loc.file}: error: {r.error}", style="red"), soft_wrap=True)
            continue
        for f in corpus.new_findings(r, at_least=fail_on):
            loc = corpus.locate(r, f)
            where = f"{loc.file}:{loc.line}" + (f":{loc.col}" if loc.col else "")
            sev = Text(f.severity.value, style=SEVERITY_STYLE[f.severity])
            console.print(Text.assemble(f"{where}: ", sev, f' {f.category.value} "{f.text}": {f.message}'),
                          soft_wrap=True)
    for name, s in corpus.scores.items():
        console.print(Text(f"{name} (back-translation vs source) = {s['score']:.2f}  {s['signature']}",
                           style="dim"), soft_wrap=True)
    if corpus.signature:
        console.print(Text(f"signature: {corpus.signature}", style="dim"), soft_wrap=True)
    return _text_of(console)
