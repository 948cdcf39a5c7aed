"""``backcheck check``: one article → report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..defaults import DEFAULT_ENGINE, DEFAULT_FAIL_ON, DEFAULT_FORMAT
from ..errors import BackcheckError
from . import app, fail

FORMATS = ("text", "json", "markdown", "html")
SEVERITIES = ("minor", "major", "critical")


@app.command()
def check(
    article: Path = typer.Argument(..., help="The Italian article (UTF-8, paragraphs separated by blank lines)."),
    source: list[Path] = typer.Option(
        [], "--source", "-s",
        help="English source: one snippet per line, or the whole original. Repeat for several files."),
    back_translation: Path | None = typer.Option(
        None, "--back-translation", "-b",
        help="A given English back-translation, paragraph-mirrored with the article (skips the model)."),
    glossary: list[Path] = typer.Option(
        [], "--glossary", "-g", help="Extra term base (TSV: english, accepted_it, wrong_it, ...). Repeatable."),
    no_starter_glossary: bool = typer.Option(False, "--no-starter-glossary",
                                             help="Do not load the bundled news glossary."),
    engine: str = typer.Option(DEFAULT_ENGINE, "--engine", "-e",
                               help="auto (a local model if there is one) | transformers | ctranslate2 | none."),
    model: str | None = typer.Option(None, "--model", "-m",
                                     help="models.txt name, hub id or local folder of the it→en model."),
    beam: int | None = typer.Option(None, "--beam", help="Beam size (default: the model's own)."),
    fmt: str = typer.Option(DEFAULT_FORMAT, "--format", "-f", help="text | json | markdown | html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    fail_on: str = typer.Option(DEFAULT_FAIL_ON, "--fail-on",
                                help="Exit 1 when a finding is at least this severe: minor | major | critical."),
    only: list[str] = typer.Option([], "--check", help="Run only this check (repeatable)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the translation cache."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Translation cache folder."),
) -> None:
    """Flag likely mistranslations in one Italian article.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad input or usage.

    Examples:

      backcheck check article.it.txt --source source.en.txt --back-translation back.en.txt

      backcheck check article.it.txt -s source.en.txt --format html -o report.html

      backcheck check article.it.txt --engine ctranslate2 --model ./opus-mt-it-en
    """
    from ..checker import Checker
    from ..pipeline import CheckOptions, load_article_input
    from ..report import render
    from ..report.findings import Severity

    try:
        if fmt not in FORMATS:
            raise BackcheckError(f"unknown --format {fmt!r}", f"use one of {', '.join(FORMATS)}")
        if fail_on not in SEVERITIES:
            raise BackcheckError(f"unknown --fail-on {fail_on!r}", f"use one of {', '.join(SEVERITIES)}")
        options = CheckOptions(engine=engine, model=model, beam=beam, use_cache=not no_cache,
                               cache_dir=cache_dir, glossaries=list(glossary),
                               starter_glossary=not no_starter_glossary, checks=list(only) or None)
        inp = load_article_input(article, list(source), back_translation)
        report = Checker(options).check(inp)
        to_terminal = output is None and sys.stdout.isatty()
        text = render(report, fmt, color=to_terminal) if fmt == "text" else render(report, fmt)
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {output} ({len(report.findings)} findings)", err=True)
        else:
            typer.echo(text)
    except BackcheckError as exc:
        raise fail(exc) from None
    threshold = Severity.parse(fail_on)
    raise typer.Exit(code=1 if report.count(threshold) else 0)
