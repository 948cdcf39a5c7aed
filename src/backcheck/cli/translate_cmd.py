"""``backcheck translate`` and ``backcheck models list|pull|path|convert``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..defaults import DEFAULT_QUANTIZATION, TRANSLATE_ENGINES
from ..errors import BackcheckError
from . import app
from . import options as opt

TOOL_EXIT_CODES = ("Exit codes: 0 done, 2 bad input or usage (one line on stderr naming the fix), 3 internal "
                   "error (a bug: rerun with --debug for the traceback).")

if TYPE_CHECKING:
    from ..translate.base import Translation

TRANSLATE_FORMATS = ("text", "jsonl")
# Show a progress bar (on stderr, when it is a terminal) for articles with more sentences than this.
PROGRESS_MIN_SENTENCES = 20

models_app = typer.Typer(
    name="models",
    help=(
        "Download, locate and convert the translation models listed in models.txt.\n\n"
        "Models are only ever downloaded by `backcheck models pull`; `check` and `translate` use what is "
        "on disk.\n\n"
        "Examples:\n\n"
        "  backcheck models list\n\n"
        "  backcheck models pull it-en\n\n"
        "  backcheck models convert it-en --quantization int8\n\n"
        "  backcheck models path it-en\n\n" + TOOL_EXIT_CODES
    ),
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")



@app.command("translate")
def translate(
    article: Path = typer.Argument(..., help="The Italian article, a UTF-8 .txt file (blank line between "
                                   "paragraphs)."),
    engine: str = opt.engine_option(TRANSLATE_ENGINES, "auto picks ctranslate2 when it is installed."),
    model: str | None = opt.MODEL,
    beam: int | None = opt.BEAM,
    fmt: str = opt.choice(TRANSLATE_FORMATS, "text", "--format", "-f", metavar="FORMAT",
                          help="text is one English line per segment, paragraphs separated by a blank line "
                               "(usable as back.en.txt); jsonl is one segment with tokens, scores and "
                               "alignment per line."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    quantization: str = opt.QUANTIZATION,
    no_cache: bool = opt.NO_CACHE,
    cache_dir: Path | None = opt.CACHE_DIR,
) -> None:
    """Back-translate an Italian article into English with MarianMT.

    Every sentence is translated once and cached, so a re-run on an unchanged article is instant.
    Sentences too long for the model are split at clause boundaries, never truncated. ARTICLE may be
    - (standard input).

    Exit codes: 0 done, 2 bad input or usage (one line on stderr naming the fix), 3 internal error (a bug:
    rerun with --debug for the traceback).

    Examples:

      backcheck translate article.it.txt > back.en.txt

      backcheck translate article.it.txt --engine transformers --beam 4 -f jsonl -o bt.jsonl

      backcheck translate article.it.txt --model ./models/opus-mt-it-en
    """
    from ..text.document import segment
    from ..text.outputs import check_writable, write_text
    from ..text.reading import read_text
    from ..translate import load_translator, translate_article
    from ..translate.given import format_given

    if output is not None:
        check_writable(output, "translation")
    text = read_text(article, what="article")
    doc = segment(text, str(article))
    translator = load_translator(engine, model, beam=beam, quantization=quantization,
                                 use_cache=not no_cache, cache_dir=cache_dir)
    n = len(doc.sentences)
    if n > PROGRESS_MIN_SENTENCES and sys.stderr.isatty():
        result = _with_progress(lambda cb: translate_article(doc, translator, progress=cb))
    else:
        result = translate_article(doc, translator)
    if fmt == "jsonl":
        body = "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in result.segments)
    else:
        body = format_given(doc, result)
    if output is not None:
        write_text(output, body, "translation")
    else:
        sys.stdout.write(body)
    sig = "|".join(f"{k}:{v}" for k, v in result.signature.items())
    typer.echo(f"signature: {sig}", err=True)


def _with_progress(run: Callable[[Callable[[int, int], None]], Translation]) -> Translation:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("translating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("translate", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run(update)


@models_app.command("list")
def models_list() -> None:
    """List the models in models.txt, their pinned revision and where they are on disk.

    Example:  backcheck models list

    Exit codes: 0 done, 2 bad input or usage, 3 internal error (rerun with --debug).
    """
    from ..knowledge.models import list_models

    rows = list_models()
    table = [("NAME", "ROLE", "HUB ID", "REVISION", "LOCAL PATH")] + [
        (r["name"], r["role"], r["hub_id"], r["revision"][:12],
         r["path"] or f"not downloaded (backcheck models pull {r['name']})") for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4])


@models_app.command("pull")
def models_pull(
    names: list[str] | None = typer.Argument(None, help="models.txt names or hub ids. Default: all of "
                                             "models.txt."),
    force: bool = typer.Option(False, "--force", help="Download again even when cached."),
) -> None:
    """Download models into the Hugging Face cache at their pinned revision.

    Respects HF_HOME / HF_HUB_CACHE and HF_ENDPOINT; refuses when HF_HUB_OFFLINE is set.

    Examples:

      backcheck models pull            # every model in models.txt

      HF_HOME=/data/hf backcheck models pull it-en

    Exit codes: 0 done, 2 bad input or usage, 3 internal error (rerun with --debug).
    """
    from ..knowledge.models import load_models, pull_model

    for name in names or [s.name for s in load_models()]:
        typer.echo(str(pull_model(name, force=force).path))


@models_app.command("path")
def models_path(
    model: str | None = typer.Argument(None, help=opt.MODEL_HELP + " Default: it-en."),
    ct2: bool = typer.Option(False, "--ct2", help="Print the CTranslate2 copy instead."),
    quantization: str = typer.Option(DEFAULT_QUANTIZATION, "--quantization", help="With --ct2."),
) -> None:
    """Print the local folder of a model (fails when it is not downloaded).

    Example:  ls "$(backcheck models path it-en)"

    Exit codes: 0 done, 2 bad input or usage, 3 internal error (rerun with --debug).
    """
    from ..knowledge.models import ct2_dir, resolve_model

    resolved = resolve_model(model)
    if ct2:
        path = ct2_dir(resolved, quantization)
        if not (path / "model.bin").is_file():
            raise BackcheckError(f"no CTranslate2 copy of {resolved.name} ({quantization}) at {path}",
                                 f"run `backcheck models convert {model or resolved.name}`")
        typer.echo(str(path))
    else:
        typer.echo(str(resolved.path))


@models_app.command("convert")
def models_convert(
    model: str | None = typer.Argument(None, help=opt.MODEL_HELP + " Default: it-en."),
    quantization: str = typer.Option(DEFAULT_QUANTIZATION, "--quantization", "-q",
                                     help="int8 (default, fastest on CPU), int16, float32..."),
    force: bool = typer.Option(False, "--force", help="Convert again even when the copy exists."),
) -> None:
    """Make the CTranslate2 copy of a downloaded model (once; --force to redo).

    The copy goes to <cache>/ct2/<name>-<revision>-<quantization>; the ctranslate2 engine also makes
    it on first use.

    Example:  backcheck models convert it-en -q int8

    Exit codes: 0 done, 2 bad input or usage, 3 internal error (rerun with --debug).
    """
    from ..knowledge.models import resolve_model
    from ..translate.ctranslate2_engine import convert_model

    typer.echo(str(convert_model(resolve_model(model), quantization, force=force)))
