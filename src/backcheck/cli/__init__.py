"""The ``backcheck`` command line: a typer app whose commands validate input and call the library."""

from __future__ import annotations

import logging
import os
import sys

import typer

from .. import __version__
from ..errors import BackcheckError

app = typer.Typer(
    name="backcheck",
    help=(
        "Check machine-translated Italian news against its English source.\n\n"
        "backcheck back-translates the Italian (MarianMT via transformers or CTranslate2, or a "
        "back-translation you give), aligns it with whatever English source you have, and flags "
        "likely mistranslations as Italian character spans.\n\n"
        "Start with:  backcheck check ARTICLE.it.txt --source SOURCE.en.txt"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help and errors: no boxed usage errors, no <type> placeholders in --help.
    rich_markup_mode=None,
    context_settings={"max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-vv for debug)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    # No third-party progress bars on stderr (transformers' "Loading weights" bar, hub downloads); set
    # before transformers is imported, which reads it once. The library itself never touches this.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def fail(exc: BackcheckError) -> typer.Exit:
    """Print a library error as one line on stderr and return the exit to raise (code 2)."""
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code=2)


# Each command lives in its own module and registers itself on ``app``.
from . import check_cmd, corpus_cmd, translate_cmd  # noqa: E402,F401
from .help import plain_metavars  # noqa: E402

plain_metavars(app)


def main() -> None:
    app()
