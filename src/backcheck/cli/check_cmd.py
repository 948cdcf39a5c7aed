"""``backcheck check``: one article → report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import BackcheckError
from ..report.spans import SORTS
from ..text.limits import LIMITS_HELP
from . import EXIT_CODES_HELP, app, use_color, verbosity
from . import options as opt


def _width(to_terminal: bool) -> int | None:
    """The terminal's width when writing to one (the text report fits it), else the default."""
    if not to_terminal:
        return None
    import shutil

    return max(60, shutil.get_terminal_size().columns)


@app.command(help=f"""Flag likely mistranslations in one Italian article.

{EXIT_CODES_HELP}

Input: UTF-8 (with or without a BOM) or UTF-16/UTF-32 with a BOM; - for ARTICLE, --source or
--back-translation reads standard input (one of them).

{LIMITS_HELP}

Examples:

  backcheck check article.it.txt --source source.en.txt --back-translation back.en.txt

  backcheck check article.it.txt -s source.en.txt -o report.html     # the format from the extension

  backcheck check article.it.txt -b back.en.txt --min-severity major --skip-check divergence

  cat article.it.txt | backcheck check - --engine ctranslate2 --model ./opus-mt-it-en

Many articles one by one: a check run from a terminal starts `backcheck serve` in the background, and
the next checks take about 1 s instead of 3 (same output; BACKCHECK_AUTOSERVE=0 never starts it).
""")
def check(
    ctx: typer.Context,
    article: Path = typer.Argument(..., help="The Italian article (UTF-8, paragraphs separated by blank lines); "
                                   "- reads standard input."),
    source: list[Path] = typer.Option(
        [], "--source", "-s",
        help="English source: one snippet per line, or the whole original. Repeat for several files. A source "
             "and back-translation that do not match (two or more source sentences that the back-translation "
             "matches not at all, or only as closely as unrelated text) are refused (exit 2)."),
    back_translation: Path | None = typer.Option(
        None, "--back-translation", "-b",
        help="A given English back-translation, paragraph-mirrored with the article (skips the model): a blank "
             "line between paragraphs, or one line per paragraph. One in Italian (the article given in its "
             "place) is refused (exit 2)."),
    source_kind: str = opt.SOURCE_KIND,
    glossary: list[Path] = opt.GLOSSARY,
    no_starter_glossary: bool = opt.NO_STARTER_GLOSSARY,
    engine: str = opt.ENGINE,
    model: str | None = opt.MODEL,
    beam: int | None = opt.BEAM,
    fmt: str | None = opt.FORMAT,
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Write the report here instead of stdout; a .html, .json or .md "
                                            "name picks the format (a name of another kind of file, .pdf or "
                                            ".csv, needs --format)."),
    fail_on: str = opt.fail_on_option("a finding is"),
    min_severity: str | None = opt.choice(
        opt.SEVERITIES, None, "--min-severity", metavar="SEVERITY",
        help="text report: list only findings at least this severe (the summary line still counts every "
             "finding; the exit code still follows --fail-on)."),
    sort: str = opt.choice(
        SORTS, "position", "--sort", metavar="ORDER",
        help="text and Markdown reports: position lists the findings in reading order, by paragraph; "
             "severity lists the most severe first and, within a severity, the likeliest errors first (the "
             "judge's probability, shown as p(error) on each finding)."),
    only: list[str] = opt.CHECKS,
    skip: list[str] = opt.SKIP_CHECKS,
    no_cache: bool = opt.NO_CACHE,
    cache_dir: Path | None = opt.CACHE_DIR,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Text report: only the summary and the gate line."),
    verbose: int = opt.verbose_option("adds each finding's evidence kinds and sentences, the skipped checks "
                                      "and the signature to the text report (JSON always has them)"),
    max_article_chars: int = opt.MAX_ARTICLE_CHARS,
    max_source_units: int = opt.MAX_SOURCE_UNITS,
    max_sentence_tokens: int = opt.MAX_SENTENCE_TOKENS,
) -> None:
    from ..corpus.backends.processes import limit_malloc_arenas
    from ..report import render
    from ..report.render_text import render_text
    from ..report.terminal import display_copy, printable
    from ..results import Severity
    from ..run.checker import Checker
    from ..run.options import CheckOptions, load_article_input
    from ..text.limits import Limits
    from ..text.outputs import check_writable, write_text
    from .progress import progress_line

    limit_malloc_arenas()  # this process loads the model and resources: see backcheck.corpus.backends.processes

    level = verbosity(ctx, verbose)
    fmt = opt.report_format(fmt, output)
    if sort != "position" and fmt not in ("text", "markdown"):
        raise BackcheckError(f"--sort applies to the text and Markdown reports, not --format {fmt}",
                             "drop --sort (JSON lists findings in reading order, each with its probability)")
    if min_severity is not None and fmt != "text":
        raise BackcheckError(f"--min-severity applies to the text report, not --format {fmt}",
                             "drop --min-severity (the HTML report filters by severity itself)")
    if output is not None:
        check_writable(output, "report")
    limits = Limits(max_article_chars, max_source_units, max_sentence_tokens)
    options = CheckOptions(engine=engine, model=model, beam=beam, use_cache=not no_cache,
                           cache_dir=cache_dir, glossaries=list(glossary), starter_glossary=not no_starter_glossary,
                           checks=opt.check_selection(only, skip), limits=limits, source_kind=source_kind)
    options.validate()
    inp = load_article_input(article, list(source), back_translation, max_bytes=limits.max_file_bytes)
    # one rule for check and corpus (backcheck.run.checker): a given back-translation loads no model
    # unless --engine names one, which then scores and aligns it
    with progress_line(printable(inp.path if inp.path and inp.path != "-" else "standard input")):
        report = Checker(options).check(inp)
    # Article text is untrusted: no escape sequence of it may reach a terminal or a CI log, so the
    # human-readable formats always show control characters as visible symbols (same offsets).
    shown = display_copy(report) if fmt in ("text", "markdown") else report
    to_terminal = output is None and sys.stdout.isatty()
    if fmt == "text":
        text = render_text(shown, color=to_terminal and use_color(sys.stdout), width=_width(to_terminal),
                           verbosity=-1 if quiet else level, fail_on=Severity.parse(fail_on),
                           min_severity=Severity.parse(min_severity) if min_severity else None, sort=sort)
    else:
        text = render(shown, fmt, sort=sort)
    if output is not None:
        write_text(output, text, "report")
        typer.echo(f"wrote {printable(str(output))} ({len(report.findings)} findings)", err=True)
    else:
        shown_text = printable(text) if to_terminal and fmt not in ("text", "markdown") else text
        typer.echo(shown_text, nl=not shown_text.endswith("\n"))
    threshold = Severity.parse(fail_on)
    raise typer.Exit(code=1 if report.count(threshold) else 0)
