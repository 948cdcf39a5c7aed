"""Options defined once (issue #8): the same choices, taken from the registries, in every command;
`backcheck checks` lists the registry; `corpus --check` selects checks as `check --check` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.checks import CHECKS
from backcheck.cli import app
from backcheck.defaults import CHECK_ENGINES
from backcheck.report import RENDERERS
from backcheck.results import Severity
from backcheck.text.document import segment
from backcheck.translate import Translation, pair_given
from backcheck.translate.given import format_given

runner = CliRunner()
ARTICLES = Path(__file__).parent / "data" / "corpus" / "articles"


@pytest.mark.parametrize("command", ["check", "corpus"])
def test_help_lists_the_registered_choices(command: str) -> None:
    out = runner.invoke(app, [command, "--help"], terminal_width=200).output
    assert " | ".join(CHECK_ENGINES) in out
    assert " | ".join(s.value for s in Severity) in out
    assert "--check CHECK" in out and "--no-starter-glossary" in out
    if command == "check":
        assert " | ".join(RENDERERS) in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["--fail-on", "fatal"], "'fatal' is not one of minor, major, critical"),
     (["--engine", "marian"], "'marian' is not one of auto, transformers, ctranslate2, none"),
     (["--check", "spelling"], "unknown check(s): spelling")])
@pytest.mark.parametrize("command", ["check", "corpus"])
def test_bad_choices_are_one_line_usage_errors_in_both_commands(command: str, args: list[str],
                                                                 needle: str) -> None:
    target = ARTICLES / "clean-weather" / "article.it.txt" if command == "check" else ARTICLES
    result = runner.invoke(app, [command, str(target), *args])
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert err.startswith("error:") and "\n" not in err and needle in err


def test_choices_ignore_letter_case() -> None:
    result = runner.invoke(app, ["check", str(ARTICLES / "clean-weather" / "article.it.txt"), "--engine", "NONE",
                                 "--format", "JSON", "--fail-on", "Critical"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["signature"].startswith("bt:none")


def test_checks_command_lists_every_registered_check() -> None:
    result = runner.invoke(app, ["checks", "-v"])
    assert result.exit_code == 0
    listed = [line.split(":")[0].split(" ")[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert listed == sorted(CHECKS)
    assert "neighbourhood = " in result.stdout  # settings with -v
    for check in CHECKS.values():  # what each check needs, as it declares it
        needs = ", ".join(sorted(n.value.replace("_", "-") for n in check.needs)) or "the article only"
        assert f"needs: {needs}" in result.stdout, check.name


def test_corpus_check_option_selects_checks_like_check_does(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    result = runner.invoke(app, ["corpus", str(ARTICLES), "--engine", "none", "--check", "untranslated",
                                 "--json", str(out), "--fail-on", "critical"])
    assert result.exit_code == 0, result.output
    reports = json.loads(out.read_text(encoding="utf-8"))["reports"]
    checks = {f["check"] for r in reports for f in r["findings"]}
    assert checks == {"untranslated"}  # the untranslated-fragment article has one; nothing else ran


def test_back_translation_writer_is_read_back_by_the_reader() -> None:
    text = "Prima frase. Seconda frase.\n\nTerzo paragrafo qui.\n"
    article = segment(text)
    english = ["First sentence.", "Second sentence.", "Third paragraph here."]
    first = pair_given(article, "\n\n".join(["First sentence. Second sentence.", "Third paragraph here."]))
    assert [s.en for s in first.segments] == english
    written = format_given(article, Translation(first.segments, first.signature))
    assert written == "First sentence. Second sentence.\n\nThird paragraph here.\n"
    assert [s.en for s in pair_given(article, written).segments] == english
