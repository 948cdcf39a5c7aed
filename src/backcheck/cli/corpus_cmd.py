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

from ..errors import BackcheckError
from ..text.limits import LIMITS_HELP
from . import app, use_color, verbosity
from . import options as opt

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport
    from ..results import Severity

# Without a terminal (a CI log), a plain progress line every this many articles or seconds.
PROGRESS_EVERY_ARTICLES = 25
PROGRESS_EVERY_SECONDS = 30.0

HELP = """Check every article of a corpus; exit 1 when there are new findings at or above --fail-on.

PATH is a corpus folder, one folder per article (<PATH>/<id>/article.it.txt, with optional
source.en.txt and back.en.txt), or a JSONL manifest with one article per line:
{"id": "...", "it": "...", "source": "..." or ["...", ...], "back_translation": "..."}.

The model is loaded once per worker (--jobs processes, or Ray actors with --backend ray). A
per-article table (worst first) goes to stdout, progress and a one-line result to stderr; --json,
--junit and --sarif write machine-readable reports. A folder that holds no article (assets/, drafts)
is an unreadable article unless --exclude skips it.

Under GitHub Actions (GITHUB_ACTIONS=true) new findings are also printed as annotations, worst first:
::error for those at or above --fail-on (they fail the run) and for unreadable articles, ::warning
for majors below it, ::notice for minors only with -v; at most 10 of each level (GitHub shows no
more per step), then one line counting what was left out.

Exit codes:

  0  no new finding at or above --fail-on (findings in the --baseline do not count)

  1  new findings at or above --fail-on, or an article could not be checked (empty, not UTF-8, binary,
     missing, over a limit, a symlink out of the corpus, a malformed manifest line, a source or
     back-translation of another article or in Italian: an error row naming the file or file:line); the gate
     never passes on an article it could not check; the other articles are still checked

  2  bad usage or an unusable corpus (no such path, no articles, an unwritable output path: checked
     before any work)

  3  internal error (a bug: one line on stderr; rerun with --debug for the traceback); a bug in one
     article is an error row and the other articles are still checked and reported

Symlinks: an article folder or file that links outside the corpus folder is refused (an error row
naming the link) unless --follow-symlinks is given, so a pull request cannot make CI print outside files.

The baseline records the signature of the run that made it; a gate run whose signature differs (another
model, engine or embedding setting) prints a warning naming the setting.

Without a terminal (CI logs), a plain line goes to stderr as soon as the articles are found, then
one every 25 articles or 30 seconds.

{limits}

Examples:

  backcheck corpus news/ --fail-on major --junit junit.xml --sarif backcheck.sarif

  backcheck corpus news/ --exclude assets --exclude 'draft-*' --skip-check divergence

  backcheck corpus news.jsonl --json report.json

  backcheck corpus news/ --baseline .backcheck-baseline.json --update-baseline   # accept today's findings

  backcheck corpus news/ --baseline .backcheck-baseline.json                    # fail only on new ones

  backcheck corpus news/ --jobs 4                                  # 4 worker processes, one model each

  backcheck corpus news/ --backend ray --ray-address auto --cache-dir /shared/backcheck-cache
"""


@contextmanager
def _progress(enabled: bool, quiet: bool = False) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr (articles/s), or plain lines for a log when disabled; nothing
    with ``quiet``."""
    if quiet:
        yield None
        return
    if not enabled:
        yield _plain_progress()
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


def _plain_progress() -> Callable[[int, int], None]:
    """``backcheck corpus: checking 300 articles`` on stderr as soon as they are found (a CI log is not
    silent while the model loads), then ``backcheck corpus: 25/300 articles (2.1/s, 12s)`` every N
    articles or seconds."""
    started = last = time.perf_counter()
    last_done = 0

    def update(done: int, total: int) -> None:
        nonlocal last, last_done
        now = time.perf_counter()
        if done == 0:
            typer.echo(f"backcheck corpus: checking {total} article{'s' if total != 1 else ''} (the first "
                       "waits for the model and resources to load)", err=True)
            return
        if done == total or (done - last_done < PROGRESS_EVERY_ARTICLES and now - last < PROGRESS_EVERY_SECONDS):
            return
        last, last_done = now, done
        elapsed = now - started
        typer.echo(f"backcheck corpus: {done}/{total} articles ({done / max(elapsed, 1e-9):.1f}/s, "
                   f"{elapsed:.0f}s)", err=True)

    return update


@app.command(help=HELP.replace("{limits}", LIMITS_HELP))
def corpus(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="Corpus folder (<id>/article.it.txt …) or JSONL manifest (- reads "
                                          "it from standard input)."),
    fail_on: str = opt.fail_on_option("a new finding (not in --baseline) is"),
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
    html_out: Path | None = typer.Option(
        None, "--html", help="Write an HTML dashboard (plots, article table, every article side by side)."),
    markdown_out: Path | None = typer.Option(
        None, "--markdown", help="Write a Markdown summary (for pull-request comments)."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No per-article table on stdout; only the one-line result on stderr "
                                    "(and, under GitHub Actions, the annotations)."),
    verbose: int = opt.verbose_option("adds the signature after the table and, under GitHub Actions, "
                                      "::notice annotations for new minor findings"),
    exclude: list[str] = typer.Option(
        [], "--exclude", metavar="GLOB",
        help="Skip article folders (or manifest ids) whose name matches GLOB, e.g. --exclude assets "
             "--exclude 'draft-*'. Repeatable."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1,
        help="Worker processes (local) or Ray actors, each loading the model once. Default: when no "
             "model translates (--engine none, or auto with every back-translation given) one per core, "
             "as many as the articles, the text (30,000 characters a worker) and the free memory "
             "(about 1 GB each) allow; when a model may translate 1, since translation already uses every "
             "core; one per cluster CPU with Ray."),
    backend: str = opt.choice(("local", "ray"), "local", "--backend", metavar="BACKEND",
                              help="this machine, or a Ray cluster (pip install 'backcheck[ray]')."),
    ray_address: str | None = typer.Option(
        None, "--ray-address", help="Ray cluster to join (e.g. auto, or ray://head:10001); default: a local Ray."),
    engine: str = opt.ENGINE,
    model: str | None = opt.MODEL,
    beam: int | None = opt.BEAM,
    no_cache: bool = opt.NO_CACHE,
    cache_dir: Path | None = opt.CACHE_DIR,
    source_kind: str = opt.SOURCE_KIND,
    glossary: list[Path] = opt.GLOSSARY,
    no_starter_glossary: bool = opt.NO_STARTER_GLOSSARY,
    only: list[str] = opt.CHECKS,
    skip: list[str] = opt.SKIP_CHECKS,
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks",
                                         help="Read article folders and files that link outside the corpus."),
    max_article_chars: int = opt.MAX_ARTICLE_CHARS,
    max_source_units: int = opt.MAX_SOURCE_UNITS,
    max_sentence_tokens: int = opt.MAX_SENTENCE_TOKENS,
) -> None:
    from ..corpus import check_corpus
    from ..corpus.backends.processes import limit_malloc_arenas
    from ..corpus.baseline import Baseline
    from ..report.github import annotation_lines
    from ..report.junit import render_junit
    from ..report.render_json import render_corpus_json
    from ..report.render_text import render_corpus_text
    from ..report.sarif import render_sarif
    from ..report.terminal import display_corpus, printable
    from ..results import Severity
    from ..run.options import CheckOptions
    from ..text.limits import Limits
    from ..text.outputs import check_writable, write_text

    limit_malloc_arenas()  # this process loads the model and resources: see backcheck.corpus.backends.processes

    level = verbosity(ctx, verbose)
    threshold = Severity.parse(fail_on)
    if update_baseline and baseline is None:
        raise BackcheckError("--update-baseline needs --baseline FILE", "add --baseline FILE")
    if ray_address and backend != "ray":
        raise BackcheckError("--ray-address needs --backend ray", "add --backend ray")
    accepted = Baseline.load(baseline) if baseline is not None and not update_baseline else None
    for out, what in ((json_out, "JSON report"), (junit_out, "JUnit report"), (sarif_out, "SARIF report"),
                      (html_out, "HTML report"), (markdown_out, "Markdown report"),
                      (baseline if update_baseline else None, "baseline")):
        if out is not None:
            check_writable(out, what)  # before any work: fail in a second, not after an hour
    options = CheckOptions(engine=engine, model=model, beam=beam, use_cache=not no_cache, cache_dir=cache_dir,
                           glossaries=list(glossary), starter_glossary=not no_starter_glossary,
                           checks=opt.check_selection(only, skip), source_kind=source_kind,
                           limits=Limits(max_article_chars, max_source_units, max_sentence_tokens))
    show_bar = sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("GITHUB_ACTIONS")
    with _progress(show_bar, quiet) as progress:
        result = check_corpus(path, options, jobs=jobs,
                              progress=progress, follow_symlinks=follow_symlinks,
                              raise_internal=bool(ctx.find_root().params.get("debug")),
                              backend=backend, ray_address=ray_address, exclude=exclude)
    if update_baseline and baseline is not None:
        accepted = Baseline.from_reports(result.reports, signature=result.signature)
        accepted.save(baseline)
        n = sum(len(r.findings) for r in result.reports)
        typer.echo(f"wrote baseline {printable(str(baseline))} ({n} findings accepted)", err=True)
    elif accepted is not None and (diff := accepted.signature_differences(result.signature)):
        typer.echo(printable(f"warning: baseline {baseline} was made with different settings: {'; '.join(diff)}; "
                             "its findings may show as new (rerun with the same settings, or regenerate it "
                             "with --update-baseline)"), err=True)
    if accepted is not None:
        accepted.apply(result)
    if json_out:
        write_text(json_out, render_corpus_json(result, threshold), "JSON report")
    if junit_out:
        write_text(junit_out, render_junit(result, threshold), "JUnit report")
    if sarif_out:
        write_text(sarif_out, render_sarif(result), "SARIF report")
    _write_summaries(result, threshold, html_out, markdown_out)

    # Article text and ids are untrusted: control characters are shown as visible symbols.
    if not quiet:
        shown = display_corpus(result)
        typer.echo(render_corpus_text(shown, threshold, color=use_color(sys.stdout), verbosity=level), nl=False)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in annotation_lines(result, threshold, minors=level > 0):
            typer.echo(printable(line))
    code = result.exit_code(threshold)
    typer.echo(_summary_line(result, threshold, code), err=True)
    raise typer.Exit(code=code)


def _write_summaries(result: CorpusReport, threshold: Severity, html_out: Path | None,
                     markdown_out: Path | None) -> None:
    """--html, --markdown, and the Markdown summary appended to $GITHUB_STEP_SUMMARY when it is set."""
    from ..report.corpus_html import render_corpus_html
    from ..report.corpus_markdown import render_corpus_markdown
    from ..text.outputs import write_text

    if html_out:
        write_text(html_out, render_corpus_html(result, threshold), "HTML report")
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if markdown_out or step_summary:
        markdown = render_corpus_markdown(result, threshold)
        if markdown_out:
            write_text(markdown_out, markdown, "Markdown report")
        if step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8") as fh:
                    fh.write(markdown + "\n")
            except OSError as exc:
                raise BackcheckError(f"cannot append to $GITHUB_STEP_SUMMARY {step_summary}: {exc.strerror}",
                                     "unset GITHUB_STEP_SUMMARY or fix the path") from None


def _summary_line(result: CorpusReport, threshold: Severity, code: int) -> str:
    """The one line on stderr every run ends with, progress bar or not."""
    s = result.summary
    n = s["articles"]
    at_or_above = sum(r.count(threshold) for r in result.reports)
    new = sum(len(result.new_findings(r, threshold)) for r in result.reports)
    rate = n / result.seconds if result.seconds > 0 else 0.0
    parts = [f"{n} article{'s' if n != 1 else ''}"]
    if s["errors"]:
        parts.append(f"{s['errors']} not checked")
    if result.internal_errors:
        parts.append(f"{len(result.internal_errors)} internal error(s), a bug: rerun with --debug")
    found = f"{at_or_above} finding{'s' if at_or_above != 1 else ''} at or above {threshold.value}"
    if result.baseline_states is not None:
        found += f" ({new} new, {at_or_above - new} baselined)"
    parts.append(found)
    verdict = "FAIL" if code else "ok"
    return (f"backcheck corpus: {', '.join(parts)} in {result.seconds:.1f}s ({rate:.1f} articles/s): "
            f"{verdict} (exit {code})")
