"""Options shared by the commands, defined once; choices come from the registries and enums they name
(engines from :mod:`backcheck.defaults`, severities from :class:`Severity`, report formats from
:data:`backcheck.report.RENDERERS`), so a new engine, severity or format shows up in every ``--help``
and is validated the same way everywhere (a bad value is a one-line usage error, exit 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..defaults import CHECK_ENGINES, DEFAULT_ENGINE, DEFAULT_FAIL_ON, DEFAULT_FORMAT, DEFAULT_QUANTIZATION
from ..errors import BackcheckError
from ..report import RENDERERS
from ..results import Severity
from ..text.document import DEFAULT_MAX_SENTENCE_TOKENS
from ..text.limits import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_SOURCE_UNITS

SEVERITIES = tuple(s.value for s in Severity)
FORMATS = tuple(RENDERERS)
MODEL_HELP = "A models.txt name (it-en), a hub id (Helsinki-NLP/opus-mt-it-en) or a local model folder."


def choice(values: tuple[str, ...], default: Any, *names: str, help: str, metavar: str) -> Any:
    """An option whose value must be one of ``values`` (listed in its help; any letter case); a
    ``None`` default stays ``None`` when the option is not given."""

    def validate(value: str | None) -> str | None:
        if value is None:  # an option without a default that was not given
            return None
        for v in values:
            if value.lower() == v.lower():
                return v
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(values)}")

    return typer.Option(default, *names, callback=validate, metavar=metavar, help=f"{' | '.join(values)}: {help}")


def engine_option(values: tuple[str, ...] = CHECK_ENGINES, help: str = "auto uses a local model when there is "
                  "one (never downloads; a model named with --model must be there); none runs only the checks "
                  "that need no back-translation.") -> Any:
    return choice(values, DEFAULT_ENGINE, "--engine", "-e", help=help, metavar="ENGINE")


ENGINE = engine_option()
MODEL = typer.Option(None, "--model", "-m", help=MODEL_HELP + " Default: it-en.")
BEAM = typer.Option(None, "--beam", min=1, help="Beam size. Default: the model's generation config "
                                                "(6 for opus-mt-it-en).")
QUANTIZATION = typer.Option(DEFAULT_QUANTIZATION, "--quantization",
                            help="CTranslate2 weights: int8, int16, float32...")
SOURCE_KIND = choice(
    ("auto", "whole", "snippets"), "auto", "--source-kind", metavar="KIND",
    help="what the English source is. auto takes it as the whole original when it has at least 3/4 of the "
         "back-translation's words, else as snippets. Say whole when the Italian may have much more text "
         "than its source (a translation that added paragraphs: they are reported, as are source "
         "sentences it dropped); say snippets for excerpts that cover most of the article (no sentence is "
         "then reported as added or dropped).")
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the translation cache.")
CACHE_DIR = typer.Option(None, "--cache-dir", help="Translation cache folder. Default: $BACKCHECK_CACHE, "
                                                   "else ~/.cache/backcheck.")
GLOSSARY = typer.Option([], "--glossary", "-g", help="Extra term base (TSV: english, accepted_it, wrong_it, "
                                                     "...). Repeatable.")
NO_STARTER_GLOSSARY = typer.Option(False, "--no-starter-glossary", help="Do not load the bundled news glossary.")
CHECKS = typer.Option([], "--check", help="Run only this check (repeatable); `backcheck checks` lists them.")
SKIP_CHECKS = typer.Option([], "--skip-check", help="Do not run this check (repeatable), e.g. --skip-check "
                                                    "divergence; with --check, skips among those.")
# -o's extension names the format unless --format says otherwise (and then they must agree)
EXTENSION_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown", ".markdown": "markdown"}
FORMAT = choice(FORMATS, None, "--format", "-f", metavar="FORMAT",
                help=f"the report format. Default: the one -o's extension names (.html, .json, .md), else "
                     f"{DEFAULT_FORMAT}; a --format that contradicts it is a usage error.")


def report_format(fmt: str | None, output: Path | None) -> str:
    """The format to write: ``--format``, else the one ``-o``'s extension names, else the default. A
    ``--format`` that contradicts the extension (``-f text -o report.html``) is a usage error."""
    named = EXTENSION_FORMATS.get(output.suffix.lower()) if output is not None else None
    if fmt is None:
        if output is not None and named is None and _other_kind(output):
            raise BackcheckError(f"cannot tell the report format from -o {output}: a {output.suffix} file is none "
                                 "of the formats backcheck writes", "name it .html, .json, .md or .txt, or pass "
                                 "--format")
        return named or DEFAULT_FORMAT
    if output is not None and named is not None and named != fmt:
        raise BackcheckError(f"--format {fmt} conflicts with -o {output} (a {output.suffix} file is {named})",
                             f"drop --format, or use --format {named}")
    return fmt


def _other_kind(output: Path) -> bool:
    """``output``'s name says a kind of file that is not text (``.pdf``, ``.docx``, ``.csv``: the standard
    library's MIME table), which a text report written under it would only pretend to be."""
    import mimetypes

    kind, _ = mimetypes.guess_type(output.name)
    return kind is not None and kind != "text/plain"


def check_selection(only: list[str], skip: list[str]) -> list[str] | None:
    """The checks to run from ``--check`` and ``--skip-check`` (None: every registered check); an
    unknown name to skip, or a selection that leaves nothing, is a usage error (unknown ``--check``
    names are :meth:`CheckOptions.validate`'s to refuse)."""
    from ..checks import CHECKS

    unknown = [c for c in skip if c not in CHECKS]
    if unknown:
        raise BackcheckError(f"unknown check(s) in --skip-check: {', '.join(unknown)}",
                             f"choose from {', '.join(sorted(CHECKS))}")
    if not skip:
        return list(only) or None
    names = [c for c in (only or sorted(CHECKS)) if c not in skip]
    if not names:
        raise BackcheckError("--skip-check leaves no check to run", "skip fewer checks")
    return names


def verbose_option(detail: str) -> Any:
    """-v/--verbose for a command; ``detail`` says what -v adds to its output."""
    return typer.Option(0, "--verbose", "-v", count=True, show_default=False,
                        help=f"-v {detail}; -vv also logs what backcheck does (stderr), -vvv debug. The same "
                             "as -v before the command.")


def fail_on_option(what: str) -> Any:
    return choice(SEVERITIES, DEFAULT_FAIL_ON, "--fail-on", help=f"exit 1 when {what} at least this severe.",
                  metavar="SEVERITY")


MAX_ARTICLE_CHARS = typer.Option(DEFAULT_MAX_ARTICLE_CHARS, "--max-article-chars", min=1,
                                 help="Refuse an article (or back-translation, or source) longer than this many "
                                      "characters.")
MAX_SOURCE_UNITS = typer.Option(DEFAULT_MAX_SOURCE_UNITS, "--max-source-units", min=1,
                                help="Refuse more English source units (lines or sentences) than this.")
MAX_SENTENCE_TOKENS = typer.Option(DEFAULT_MAX_SENTENCE_TOKENS, "--max-sentence-tokens", min=1,
                                   help="Split sentences longer than this many words (never truncated).")
