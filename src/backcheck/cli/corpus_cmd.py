"""``backcheck corpus``: check every article of a corpus and gate CI on new findings."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..defaults import DEFAULT_ENGINE, DEFAULT_FAIL_ON
from ..errors import BackcheckError
from . import app, fail

if TYPE_CHECKING:
    from ..corpus import CorpusReport
    from ..report.findings import Severity

SEVERITIES = ("minor", "major", "critical")

HELP = """Check every article of a corpus; exit 1 when there are new findings at or above --fail-on.

PATH is a corpus folder, one folder per article (<PATH>/<id>/article.it.txt, with optional
source.en.txt and back.en.txt), or a JSONL manifest with one article per line:
{"id": "...", "it": "...", "source": "..." or ["...", ...], "back_translation": "..."}.

The model is loaded once per worker (--jobs processes, or Ray actors with --backend ray). A
per-article summary goes to stdout, progress and a one-line result to stderr; --json, --junit and
--sarif write machine-readable reports. Under GitHub Actions (GITHUB_ACTIONS=true) every new finding
is also printed as an annotation.

Exit codes:

  0  no new finding at or above --fail-on (findings in the --baseline do not count)

  1  new findings at or above --fail-on, or an article could not be read (empty, not UTF-8, binary,
     missing): the gate never passes on unreadable input; the other articles are still checked

  2  bad usage or an unusable corpus (no such path, no articles, a bad manifest line)

Examples:

  backcheck corpus news/ --fail-on major --junit junit.xml --sarif backcheck.sarif

  backcheck corpus news.jsonl --json report.json

  backcheck corpus news/ --baseline .backcheck-baseline.json --update-baseline   # accept today's findings

  backcheck corpus news/ --baseline .backcheck-baseline.json                    # fail only on new ones

  backcheck corpus news/ --jobs 4                                  # 4 worker processes, one model each

  backcheck corpus news/ --backend ray --ray-address auto --cache-dir /shared/backcheck-cache
"""


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr (articles/s), or nothing when disabled."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = bar.add_task("corpus", total=None, rate="")
    started = time.perf_counter()

    def update(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        bar.update(task, completed=done, total=total, rate=f"{rate:.1f} articles/s")

    with bar:
        yield update


def _write(path: Path, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BackcheckError(f"cannot write {what} {path}: {exc.strerror}", "check the path") from None


@app.command(help=HELP)
def corpus(
    path: Path = typer.Argument(..., help="Corpus folder (<id>/article.it.txt …) or JSONL manifest."),
    fail_on: str = typer.Option(DEFAULT_FAIL_ON, "--fail-on",
                                help="Fail on new findings at least this severe: minor | major | critical."),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="JSON file of accepted findings; only findings not in it fail the run."),
    update_baseline: bool = typer.Option(
        False, "--update-baseline",
        help="Write every current finding to --baseline FILE (replacing it), then gate against it."),
    json_out: Path | None = typer.Option(None, "--json",
                                         help="Write every report and the summary as JSON."),
    junit_out: Path | None = typer.Option(None, "--junit",
                                          help="Write JUnit XML (one testcase per article)."),
    sarif_out: Path | None = typer.Option(None, "--sarif",
                                          help="Write SARIF 2.1.0 (one result per finding)."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1,
        help="Worker processes (local) or Ray actors, each loading the model once. Default: 1 locally, "
             "one per cluster CPU with Ray."),
    backend: str = typer.Option("local", "--backend",
                                help="local (this machine) | ray (a Ray cluster; pip install 'backcheck[ray]')."),
    ray_address: str | None = typer.Option(
        None, "--ray-address", help="Ray cluster to join (e.g. auto, or ray://head:10001); default: a local Ray."),
    beam: int | None = typer.Option(None, "--beam", help="Beam size (default: the model's own)."),
    engine: str = typer.Option(DEFAULT_ENGINE, "--engine", "-e",
                               help="auto (a local model if any) | transformers | ctranslate2 | none."),
    model: str | None = typer.Option(None, "--model", "-m",
                                     help="models.txt name, hub id or local folder of the it→en model."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the translation cache."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Translation cache folder."),
    glossary: list[Path] = typer.Option(
        [], "--glossary", "-g", exists=True, dir_okay=False, help="Extra term base (TSV). Repeatable."),
) -> None:
    from ..baseline import Baseline
    from ..corpus import check_corpus
    from ..pipeline import CheckOptions
    from ..report.findings import Severity
    from ..report.github import annotation_lines
    from ..report.junit import render_junit
    from ..report.render_json import render_corpus_json
    from ..report.render_text import render_corpus_text
    from ..report.sarif import render_sarif

    try:
        if fail_on.lower() not in SEVERITIES:
            raise BackcheckError(f"unknown --fail-on {fail_on!r}", f"use one of {', '.join(SEVERITIES)}")
        threshold = Severity.parse(fail_on)
        if update_baseline and baseline is None:
            raise BackcheckError("--update-baseline needs --baseline FILE", "add --baseline FILE")
        accepted = Baseline.load(baseline) if baseline is not None and not update_baseline else None
        if ray_address and backend != "ray":
            raise BackcheckError("--ray-address needs --backend ray", "add --backend ray")
        options = CheckOptions(engine=engine, model=model, beam=beam, use_cache=not no_cache,
                               cache_dir=cache_dir, glossaries=list(glossary))
        show_bar = sys.stderr.isatty() and not os.environ.get("CI")
        with _progress(show_bar) as progress:
            result = check_corpus(path, options, jobs=jobs if jobs is not None else (0 if backend == "ray" else 1),
                                  progress=progress, backend=backend, ray_address=ray_address)
        if update_baseline and baseline is not None:
            accepted = Baseline.from_reports(result.reports)
            accepted.save(baseline)
            n = sum(len(r.findings) for r in result.reports)
            typer.echo(f"wrote baseline {baseline} ({n} findings accepted)", err=True)
        if accepted is not None:
            accepted.apply(result)
        if json_out:
            _write(json_out, render_corpus_json(result, threshold), "JSON report")
        if junit_out:
            _write(junit_out, render_junit(result, threshold), "JUnit report")
        if sarif_out:
            _write(sarif_out, render_sarif(result), "SARIF report")
    except BackcheckError as exc:
        raise fail(exc) from None

    typer.echo(render_corpus_text(result, threshold, color=sys.stdout.isatty()), nl=False)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in annotation_lines(result):
            typer.echo(line)
    code = result.exit_code(threshold)
    typer.echo(_summary_line(result, threshold, code), err=True)
    raise typer.Exit(code=code)


def _summary_line(result: CorpusReport, threshold: Severity, code: int) -> str:
    """The one line on stderr every run ends with, progress bar or not."""
    s = result.summary
    n = s["articles"]
    at_or_above = sum(r.count(threshold) for r in result.reports)
    new = sum(len(result.new_findings(r, threshold)) for r in result.reports)
    rate = n / result.seconds if result.seconds > 0 else 0.0
    parts = [f"{n} article{'s' if n != 1 else ''}"]
    if s["errors"]:
        parts.append(f"{s['errors']} unreadable")
    found = f"{at_or_above} finding{'s' if at_or_above != 1 else ''} at or above {threshold.value}"
    if result.baseline_states is not None:
        found += f" ({new} new, {at_or_above - new} baselined)"
    parts.append(found)
    verdict = "FAIL" if code else "ok"
    return (f"backcheck corpus: {', '.join(parts)} in {result.seconds:.1f}s ({rate:.1f} articles/s): "
            f"{verdict} (exit {code})")
