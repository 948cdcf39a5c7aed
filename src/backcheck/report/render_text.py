"""Terminal report (rich), a reviewer's list: a summary line, then one block per finding grouped by
paragraph (location, severity, category, the Italian span in its context, back-translation vs source
phrases, the suggested fix), fitted to the terminal width; ``verbosity`` -1 (``--quiet``) prints only
the summary and the gate line, 1 (``-v``) adds the evidence kinds, sentences and details, the skipped
checks and the signature. Without colour the span is marked ⟦like this⟧ (brackets no Italian text
uses, unlike «»); with colour it is styled instead. Renders to a string; the CLI decides where it goes
and whether it has colour."""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

from ..offsets import line_col, paragraph_spans
from ..results import Finding, Report, Severity
from . import evidence
from .corpus_summary import article_rows, scores_line, unplaced_line
from .sidebyside import rows, unplaced, unplaced_note
from .spans import category_counts, likelihood, numbered, summary_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..corpus_results import CorpusReport

SEVERITY_STYLE = {
    Severity.MINOR: "underline yellow",
    Severity.MAJOR: "bold black on dark_orange",
    Severity.CRITICAL: "bold white on red",
}
OPEN, CLOSE = "⟦", "⟧"  # the span's markers without colour
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


INDENT = 6


def wrap_signature(signature: str, width: int, prefix: str = "signature: ") -> list[str]:
    """The signature on lines of at most ``width``, broken after a ``|`` (a field longer than a whole
    line, like a long ``checks:`` list, is broken after a ``+`` or, failing that, anywhere)."""
    room = max(10, width - len(prefix))
    fields = signature.split("|")
    pieces = [f + "|" for f in fields[:-1]] + fields[-1:]
    parts: list[str] = []
    for piece in pieces:
        while len(piece) > room:
            cut = piece.rfind("+", 0, room) + 1 or room
            parts.append(piece[:cut])
            piece = piece[cut:]
        parts.append(piece)
    lines, line = [], ""
    for part in parts:
        if line and len(line) + len(part) > room:
            lines.append(line)
            line = ""
        line += part
    lines.append(line)
    return [(prefix if i == 0 else " " * len(prefix)) + text for i, text in enumerate(lines)]


def _context(report: Report, f: Finding, color: bool, room: int) -> Text:
    """The span inside as much of its paragraph as fits in ``room`` characters, cut at spaces."""
    from rich.text import Text

    text = report.text
    para_start, para_end = next(((a, b) for a, b in paragraph_spans(text) if a <= f.start <= b), (0, len(text)))
    para_end = max(para_end, f.end)
    side = max(12, (room - len(f.text) - 6) // 2)
    a = max(para_start, f.start - side)
    b = min(para_end, f.end + side)
    if a > para_start and (sp := text.find(" ", a, f.start)) >= 0:
        a = sp + 1
    if b < para_end and (sp := text.rfind(" ", f.end, b)) >= 0:
        b = sp
    left, right = " ".join(text[a : f.start].split()), " ".join(text[f.end : b].split())
    out = Text("…" if a > para_start else "")
    out.append(left + (" " if left and text[a : f.start][-1:].isspace() else ""))
    span = " ".join(f.text.split()) or "(here)"
    out.append(span if color else f"{OPEN}{span}{CLOSE}", style=SEVERITY_STYLE[f.severity] if color else "")
    out.append((" " if right and text[f.end : b][:1].isspace() else "") + right)
    out.append("…" if b < para_end else "")
    return out


def _block(report: Report, n: int, f: Finding, *, color: bool, verbosity: int, width: int,
           paragraph: int | None = None) -> list[Text]:
    from rich.text import Text

    line, col = line_col(report.text, f.start)
    where = (f"¶{paragraph} " if paragraph is not None else "") + f"{line}:{col}"
    p = likelihood(f)
    head = Text.assemble(f"[{n}] ", (f.severity.value, SEVERITY_STYLE[f.severity]),
                         f" {f.category.value} · {where} · {f.check}" + (f" · {p}" if p else ""))
    out = [head, _context(report, f, color, width - INDENT), Text(f.message)]
    phrases = evidence.phrases(f)
    if phrases and not all(text in f.message for _, text in phrases):  # else the message says it
        out.append(Text(" vs ".join(f"{label} “{text}”" if label else text for label, text in phrases)))
    if f.suggestion:
        out.append(Text.assemble(("fix: ", "bold green"), f.fix_text() or ""))
    if verbosity > 0:
        kinds = evidence.kinds(f)
        if kinds:
            out.append(Text("evidence: " + ", ".join(kinds), style="dim"))
        bt, src = evidence.sentences(f)
        if bt:
            out.append(Text(f"back-translation: {bt}", style="dim"))
        if src:
            out.append(Text(f"source: {src}", style="dim"))
        out.extend(Text(f"{k}: {v}", style="dim") for k, v in evidence.other(f, report))
    return out


def gate_line(report: Report, fail_on: Severity) -> str:
    """``gate: FAIL (13 at or above --fail-on major, exit 1)`` or ``gate: ok (…)``, for ``check``."""
    n = report.count(fail_on)
    verdict = "FAIL" if n else "ok"
    return f"gate: {verdict} ({n} at or above --fail-on {fail_on.value}, exit {1 if n else 0})"


def _skipped_note(report: Report) -> str | None:
    """Without -v: one line when checks were skipped for want of any back-translation (most checks
    then did not run); nothing when only the model's own checks were skipped next to a given one."""
    if not report.skipped or report.back_translation:
        return None
    n = len(report.skipped)
    return f"{n} check{'s' if n != 1 else ''} skipped: no back-translation (give -b FILE or a model; -v lists them)"


def render_text(report: Report, *, color: bool = False, width: int | None = None, verbosity: int = 0,
                fail_on: Severity | None = None, min_severity: Severity | None = None,
                sort: str = "position") -> str:
    """The report for a terminal (``color=True``: ANSI styles) or a plain-text file (``color=False``);
    see the module docstring for ``verbosity``. ``fail_on`` adds the gate line; ``min_severity`` lists
    only the findings at least that severe (the summary line counts all and says how many are hidden).
    ``sort="severity"``: one list, the most severe and likeliest first, each finding with its paragraph
    (:func:`~backcheck.report.spans.numbered`), instead of the findings grouped by paragraph."""
    from rich.text import Text

    console = _console(color, width)
    title = report.article_path or report.article_id
    summary = summary_line(report.findings)
    cats = category_counts(report.findings)
    if verbosity >= 0:
        console.print(Text(f"backcheck: {title}", style="bold"))
    if report.error:
        console.print(Text(f"error: {report.error}", style="bold red"))
    floor = min_severity.rank if min_severity else 0
    hidden = sum(1 for f in report.findings if f.severity.rank < floor)
    if hidden and verbosity >= 0 and min_severity is not None:
        summary += f" ({hidden} below {min_severity.value} not listed: --min-severity)"
    console.print(Text(summary, style="bold"))
    if cats and verbosity >= 0:
        console.print(Text("by category: " + ", ".join(f"{k} {v}" for k, v in cats.items())))
    if verbosity >= 0 and report.text and sort == "severity":
        listed = [(n, f) for n, f in numbered(report, sort) if f.severity.rank >= floor]
        if listed:
            console.print()
            console.print(Text("most severe first; within a severity, the likeliest first (p(error), the judge's "
                               "probability; those without one were decided by rule)", style="bold"))
        for n, f in listed:
            _print_block(console, _block(report, n, f, color=color, verbosity=verbosity, width=console.width,
                                         paragraph=evidence.paragraph_number(report, f.start)))
    elif verbosity >= 0 and report.text:
        items = numbered(report)
        for k, row in enumerate((r for r in rows(report, items) if r.is_paragraph), start=1):
            listed = [(n, f) for n, f in row.findings if f.severity.rank >= floor]
            if not listed:
                continue
            line, _ = line_col(report.text, row.start)
            first = " ".join(report.text[row.start : row.end].split())
            console.print()
            console.print(Text(f"¶{k} · line {line} · {first}", style="bold"), no_wrap=True, overflow="ellipsis")
            for n, f in listed:
                _print_block(console, _block(report, n, f, color=color, verbosity=verbosity, width=console.width))
    if verbosity >= 0 and report.text and (note := unplaced_note(report, listed=verbosity > 0)) is not None:
        console.print()
        console.print(Text(note, style="dim"))
        if verbosity > 0:
            for number, sentence in unplaced(report):
                console.print(Text(f"  {number}: {sentence}", style="dim"), no_wrap=True, overflow="ellipsis")
    if verbosity >= 0 and report.text:
        if report.skipped and verbosity > 0:
            console.print()
            for s in report.skipped:
                console.print(Text(f"skipped {s.check}: {s.reason}", style="dim"))
        elif (note := _skipped_note(report)) is not None:
            console.print()
            console.print(Text(note, style="dim"))
    if fail_on is not None:
        console.print(Text(gate_line(report, fail_on), style="bold red" if report.count(fail_on) else "green"))
    if report.signature and verbosity > 0:
        for sig_line in wrap_signature(report.signature, console.width):
            console.print(Text(sig_line, style="dim"), no_wrap=True, overflow="ignore")
    return _text_of(console)


def _print_block(console: Console, lines: list[Text]) -> None:
    from rich.padding import Padding

    console.print(Padding(lines[0], (0, 0, 0, 2), expand=False))
    for extra in lines[1:]:
        console.print(Padding(extra, (0, 0, 0, INDENT), expand=False))


def _text_of(console: Console) -> str:
    file = console.file
    if not isinstance(file, StringIO):  # pragma: no cover - _console always gives a StringIO
        raise TypeError("console was not built by _console")
    # rich pads the lines it wraps to the width: a reviewer's copy-paste must not carry the spaces
    return "\n".join(line.rstrip() for line in file.getvalue().split("\n"))


def render_corpus_text(corpus: CorpusReport, fail_on: Severity, *, color: bool = False,
                       width: int | None = None, verbosity: int = 0) -> str:
    """One line per article, worst first (status and counts), then every new finding at or above
    ``fail_on`` as ``file:line:col: severity category "span": message``, then the corpus scores; with
    ``verbosity`` 1 (``-v``) the signature too."""
    from rich.table import Table
    from rich.text import Text

    console = _console(color, width)
    table = Table(title=f"backcheck corpus: {corpus.path}", title_justify="left")
    for heading in ("article", "status", "critical", "major", "minor", "new", "chrF"):
        table.add_column(heading, overflow="fold")
    ordered = article_rows(corpus, fail_on)  # worst first, as in the HTML and Markdown reports
    for row in ordered:
        status = {"error": "error", "fail": "FAIL", "ok": "ok"}[row.status]
        style = {"error": "bold red", "FAIL": "bold dark_orange", "ok": "green"}[status]
        c = row.counts
        table.add_row(row.report.article_id, Text(status, style=style), str(c["critical"]), str(c["major"]),
                      str(c["minor"]), str(row.new), "—" if row.chrf is None else f"{row.chrf:.1f}")
    console.print(table)
    for r in (row.report for row in ordered):
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
    console.print(Text(scores_line(corpus), style="dim"), soft_wrap=True)
    if (unplaced := unplaced_line(corpus)) is not None:
        console.print(Text(unplaced, style="dim"), soft_wrap=True)
    if verbosity > 0:
        for name, s in corpus.scores.items():
            console.print(Text(f"{name}: {s['signature']}", style="dim"), soft_wrap=True)
    if corpus.signature and verbosity > 0:
        for sig_line in wrap_signature(corpus.signature, console.width):
            console.print(Text(sig_line, style="dim"), no_wrap=True, overflow="ignore")
    return _text_of(console)
