"""The ``backcheck`` command line: a typer app whose commands validate input and call the library.

Errors are handled once, in :class:`_Group.invoke`: a :class:`BackcheckError` becomes one line on
stderr and exit 2; any other exception (a bug) one line, a hint to rerun with ``--debug`` and exit 3.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import typer

from ..errors import BackcheckError
from ..version import __version__
from .help import PlainGroup

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES_HELP = (
    "Exit codes: 0 passed (nothing at or above --fail-on), 1 findings at or above --fail-on, "
    "2 bad input or usage (one line on stderr naming the fix), 3 internal error (a bug: rerun with "
    "--debug for the traceback)."
)


def _echo_error(message: str) -> None:
    from ..report.terminal import printable

    typer.echo(printable(message), err=True)


class _Group(PlainGroup):
    """The root command: turns every error into a one-line message and an exit code (usage errors
    too, through :class:`PlainGroup`)."""

    def invoke(self, ctx: Any) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except BackcheckError as exc:
            if debug:
                raise
            _echo_error(f"error: {exc}")
            ctx.exit(EXIT_USAGE)
        except BrokenPipeError:  # the reader of stdout went away (`| head`): nothing left to say
            _silence_stdout()
            ctx.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            _echo_error("interrupted")
            ctx.exit(130)
        except Exception as exc:
            if debug or _is_cli_flow(exc):
                raise
            where = _where(exc)
            _echo_error(f"internal error: {type(exc).__name__}: {exc}{where} "
                        "(a bug in backcheck: rerun with --debug for the traceback and report it)")
            ctx.exit(EXIT_INTERNAL)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        pass
    finally:
        os.close(devnull)


def _is_cli_flow(exc: BaseException) -> bool:
    """typer/click's own exceptions (exit, usage error, abort) are how the CLI ends normally."""
    return type(exc).__module__.split(".")[0] in ("typer", "click")


def _where(exc: BaseException) -> str:
    """`` at module.py:123``: the innermost backcheck frame of ``exc``'s traceback, if any."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "backcheck" in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    return f" at {f.filename.rsplit('/', 1)[-1]}:{f.lineno}"


app = typer.Typer(
    name="backcheck",
    cls=_Group,
    help=(
        "Check machine-translated Italian news against its English source.\n\n"
        "backcheck back-translates the Italian (MarianMT via transformers or CTranslate2, or a "
        "back-translation you give), aligns it with whatever English source you have, and flags "
        "likely mistranslations as Italian character spans.\n\n"
        "Start with:  backcheck check ARTICLE.it.txt --source SOURCE.en.txt\n\n"
        + EXIT_CODES_HELP
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


VERBOSE_HELP = ("Say more, the same before or after the command (counts add up): -v more detail in the "
                "report, -vv also log what backcheck does on stderr, -vvv debug log.")


@app.callback()
def _main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, show_default=False, help=VERBOSE_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an internal error "
                                                      "(exit 3) or of a usage error instead of one line, "
                                                      "and log everything (as -vvv)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    # No third-party progress bars on stderr (transformers' "Loading weights" bar, hub downloads); set
    # before transformers is imported, which reads it once. The library itself never touches this.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    _log_level(verbose, debug)


def _log_level(verbosity: int, debug: bool) -> None:
    """-v is report detail only; -vv logs INFO, -vvv (or --debug) DEBUG, from backcheck and the
    libraries it runs; below that only warnings."""
    level = logging.DEBUG if debug or verbosity >= 3 else logging.INFO if verbosity == 2 else logging.WARNING
    logging.getLogger().setLevel(level)
    logging.getLogger("backcheck").setLevel(level)


def verbosity(ctx: typer.Context, own: int) -> int:
    """The -v count of a command: the root's (``backcheck -v check``) plus its own (``check -v``), which
    mean the same; sets the log level from the total (see :func:`_log_level`)."""
    params = ctx.find_root().params
    total = int(params.get("verbose") or 0) + own
    _log_level(total, bool(params.get("debug")))
    return total


def use_color(stream: Any) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set to anything (no-color.org)."""
    return bool(stream.isatty()) and not os.environ.get("NO_COLOR")


# Each command lives in its own module and registers itself on ``app``.
from . import check_cmd, checks_cmd, corpus_cmd, schema_cmd, serve_cmd, translate_cmd  # noqa: E402,F401,I001
from .help import plain_metavars  # noqa: E402

plain_metavars(app)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `backcheck --help | head`: outside any command
        _silence_stdout()
        sys.exit(EXIT_USAGE)
