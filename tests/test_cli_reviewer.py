"""The CLI as a reviewer meets it: --quiet / -v, plain --help, one-line usage errors, the models list
header and no third-party progress bars on stderr. Through typer's CliRunner (one subprocess test for
the progress bar, which only a real process shows)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from test_cli_check import _args, files  # noqa: F401  (fixture)

runner = CliRunner()
COMMANDS = [[], ["check"], ["corpus"], ["translate"], ["models"], ["models", "list"], ["models", "pull"],
            ["models", "path"], ["models", "convert"]]


@pytest.mark.parametrize(("flag", "lines", "present"), [
    ("--quiet", 2, "gate: FAIL (1 at or above --fail-on major, exit 1)"),
    ("-v", None, "signature: bt:given"),
], ids=["quiet", "verbose"])
def test_quiet_and_verbose(files: dict[str, Path], flag: str, lines: int | None,  # noqa: F811
                           present: str) -> None:
    result = runner.invoke(app, _args(files, flag))
    assert result.exit_code == 1
    assert present in result.stdout
    if lines is not None:
        assert len(result.stdout.strip().splitlines()) == lines


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "backcheck")
def test_help_has_no_type_placeholders_or_orphan_words(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    out = result.stdout
    assert not re.search(r"<(bool|str|int|float|path|list\[[^>]*\])>|\{[a-z_]+\}", out), out
    # An orphan from a hard line break: a one-word line in the middle of a paragraph (the next line goes
    # on at the same indentation), or a run of spaces where click joined a broken line.
    lines = out.splitlines()

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    orphans = [a for a, b in zip(lines, lines[1:], strict=False)
               if len(a.split()) == 1 and b.strip() and indent(a) == indent(b) and not a.rstrip().endswith(":")]
    assert orphans == []
    assert [line for line in lines if re.search(r"[a-z,.;] {4,}[a-z]", line)] == []
    assert "╭" not in out


@pytest.mark.parametrize(("args", "message"), [
    (["check"], "error: Missing argument 'ARTICLE' (see: backcheck check --help)"),
    (["check", "a.txt", "--bogus"], "error: No such option: --bogus"),
    (["nosuch"], "error: No such command 'nosuch' (see: backcheck --help)"),
    (["check", "a.txt", "--beam", "x"], "error: Invalid value for '--beam'"),
], ids=["missing-argument", "unknown-option", "unknown-command", "bad-value"])
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "╭" not in result.stderr and "Usage:" not in result.stderr


def test_models_list_has_a_header_row(isolated_caches: Path) -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "ROLE", "HUB", "ID", "REVISION", "LOCAL", "PATH"]
    assert rows and all(row.split()[0] in ("it-en", "en-it") for row in rows)
    assert rows[0].index("Helsinki-NLP") == header.index("HUB ID")  # columns line up


def test_cli_turns_off_hub_progress_bars(monkeypatch: pytest.MonkeyPatch, isolated_caches: Path) -> None:
    monkeypatch.delenv("HF_HUB_DISABLE_PROGRESS_BARS", raising=False)
    runner.invoke(app, ["models", "list"])
    assert os.environ.get("HF_HUB_DISABLE_PROGRESS_BARS") == "1"


@pytest.mark.slow
def test_no_weight_loading_bar_on_stderr(files: dict[str, Path], tiny_marian: Path,  # noqa: F811
                                         isolated_caches: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "HF_HUB_DISABLE_PROGRESS_BARS"}
    proc = subprocess.run(
        [sys.executable, "-m", "backcheck.cli", "check", str(files["article.it.txt"]), "--engine", "transformers",
         "--model", str(tiny_marian), "--no-cache", "--quiet"],
        capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Loading weights" not in proc.stderr and "it/s" not in proc.stderr, proc.stderr
