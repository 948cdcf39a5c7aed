"""Plain ``--help`` and usage errors, set once for every command instead of on each option: readable
metavars (``--source FILE``, ``--beam N``, ``ARTICLE``) instead of typer's type placeholders
(``<list[Path]>``, ``<bool>``), and usage errors as the project's one line on stderr
(``error: No such option: --bogus (see: backcheck check --help)``), exit code 2."""

from __future__ import annotations

import inspect
import typing
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo, OptionInfo

# Options whose value is a folder, not a file.
_DIRS = {"cache_dir", "output_dir", "out_dir", "dest", "directory"}
_WORDS = {"fail_on": "SEVERITY", "fmt": "FORMAT", "only": "CHECK", "skip": "CHECK", "engine": "ENGINE",
          "model": "MODEL", "quantization": "TYPE"}


def _base(annotation: object) -> object:
    """``list[Path] | None`` → ``Path``."""
    for _ in range(3):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if not args:
            break
        annotation = args[0]
    return annotation


def metavar(name: str, annotation: object, is_argument: bool) -> str | None:
    """The metavar for parameter ``name`` (None: leave flags alone)."""
    base = _base(annotation)
    if base is bool or annotation is bool:
        return None
    if is_argument:
        return name.upper()
    if name in _WORDS:
        return _WORDS[name]
    if base is Path or base == "Path":
        return "DIR" if name in _DIRS else "FILE"
    if base in (int, "int"):
        return "N"
    if base in (float, "float"):
        return "X"
    return name.upper().replace("_", "-")


def _show_one_line(exc: Any, file: Any = None) -> None:
    ctx = getattr(exc, "ctx", None)
    where = f"see: {ctx.command_path} --help" if ctx is not None else "see: backcheck --help"
    typer.echo(f"error: {exc.format_message().rstrip('.')} ({where})", err=True)


class _OneLineErrors:
    """Click prints a usage error as three lines (usage, try-help, error); print ours instead."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except Exception as exc:
            _one_line(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except Exception as exc:
            _one_line(exc)
            raise


def _one_line(exc: Exception) -> None:
    if hasattr(exc, "format_message") and hasattr(exc, "exit_code") and hasattr(exc, "ctx"):
        exc.show = _show_one_line.__get__(exc)  # type: ignore[attr-defined]


class PlainGroup(_OneLineErrors, TyperGroup):
    """A command group whose usage errors (``No such command``) are one line."""


class PlainCommand(_OneLineErrors, TyperCommand):
    """Arguments as ``ARTICLE`` in the usage line and the help list (typer writes ``{article}`` and
    ``article <path>``)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                if not getattr(param, "hidden", False):
                    name = param.metavar or (param.name or "").upper()
                    help_text = getattr(param, "help", "") or ""
                    args.append((name, help_text + ("  [required]" if param.required else "")))
            elif (record := param.get_help_record(ctx)) is not None:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def keep_blocks(text: str) -> str:
    """Mark indented paragraphs (examples, exit-code lists) with click's ``\\b`` so they are printed as
    written instead of re-wrapped into lines that leave orphan words."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    out = []
    for para in paragraphs:
        lines = para.split("\n")
        indented = all(line.startswith((" ", "\t")) for line in lines if line.strip())
        out.append("\b\n" + para if indented and not para.startswith("\b") else para)
    return "\n\n".join(out)


def _plain_help(info: Any, callback: Any) -> None:
    text = info.help if isinstance(info.help, str) else inspect.getdoc(callback) if callback else None
    if text:
        info.help = keep_blocks(text)


def plain_metavars(app: typer.Typer) -> None:
    """Give every option and argument of ``app``'s commands (and sub-apps) a plain metavar, unless it
    has one already, and plain argument names in usage and help."""
    if not isinstance(app.info.cls, type) or app.info.cls is TyperGroup:  # unset: a DefaultPlaceholder
        app.info.cls = PlainGroup
    _plain_help(app.info, app.registered_callback.callback if app.registered_callback else None)
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = PlainCommand
        _plain_help(command, command.callback)
    callbacks = [c.callback for c in app.registered_commands]
    if app.registered_callback is not None:
        callbacks.append(app.registered_callback.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            plain_metavars(group.typer_instance)
    for callback in callbacks:
        if callback is None:
            continue
        hints = typing.get_type_hints(callback)
        for name, param in inspect.signature(callback).parameters.items():
            info = param.default
            if isinstance(info, (OptionInfo, ArgumentInfo)) and info.metavar is None:
                info.metavar = metavar(name, hints.get(name, str), isinstance(info, ArgumentInfo))
