"""The progress of a check (issue #18): the pipeline names its steps; ``backcheck check`` shows them on
stderr once the check takes long (on a terminal, one line erased at the end), never on stdout."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck import CheckOptions, check_article, load_article_input
from backcheck.cli import app
from backcheck.cli import progress as cli_progress
from backcheck.cli.progress import ProgressLine, elapsed_text
from backcheck.run.progress import reporting, step

ROOT = Path(__file__).resolve().parents[1]
MT = ROOT / "examples" / "mt-article"
ARGS = [str(MT / "article.it.txt"), "-s", str(MT / "source.en.txt"), "-b", str(MT / "back.en.txt")]


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_pipeline_names_its_steps() -> None:
    seen: list[tuple[str, int, int]] = []
    inp = load_article_input(MT / "article.it.txt", [MT / "source.en.txt"], MT / "back.en.txt")
    with reporting(lambda what, done, total: seen.append((what, done, total))):
        check_article(inp, CheckOptions(engine="none", checks=["numbers", "boilerplate"]))
    assert seen == [("segmenting", 0, 0), ("pairing the back-translation", 0, 0), ("aligning the source", 0, 0),
                    ("numbers check", 0, 2), ("boilerplate check", 1, 2)]
    step("no reporter: nothing happens")


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0 s"), (7.9, "7 s"), (60, "1 min 00 s"), (125, "2 min 05 s")])
def test_elapsed_text(seconds: float, text: str) -> None:
    assert elapsed_text(seconds) == text


def test_log_lines_once_the_check_takes_long() -> None:
    stream = Stream(tty=False)
    line = ProgressLine("a.txt", stream, delay=0.0)
    line("segmenting", 0, 0)
    line("numbers check", 3, 11)
    line("numbers check", 3, 11)  # the same step again: no new line
    line.close()
    assert [t.rsplit(",", 1)[0] for t in stream.getvalue().splitlines()] == [
        "backcheck: a.txt: segmenting", "backcheck: a.txt: numbers check (4/11)"]


def test_quick_check_prints_nothing() -> None:
    for tty in (True, False):
        stream = Stream(tty=tty)
        line = ProgressLine("a.txt", stream)  # the default delays: 1 s on a terminal, 10 s in a log
        line("segmenting", 0, 0)
        line.close()
        assert stream.getvalue() == ""


def test_terminal_line_is_rewritten_and_erased() -> None:
    stream = Stream(tty=True)
    line = ProgressLine("a.txt", stream, delay=0.0)
    line("segmenting", 0, 0)
    line("divergence check", 3, 11)
    line.close()
    out = stream.getvalue()
    assert "\n" not in out
    assert out.startswith("\r\x1b[Kbackcheck: a.txt: segmenting, 0 s")
    assert "\r\x1b[Kbackcheck: a.txt: divergence check (4/11), 0 s" in out
    assert out.endswith("\r\x1b[K")  # erased before the report


def test_cli_json_report_stays_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the progress shows (no delay), stdout holds the JSON report alone."""
    monkeypatch.setattr(cli_progress, "LOG_DELAY", 0.0)
    result = CliRunner().invoke(app, ["check", *ARGS, "--format", "json", "--check", "numbers"])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["findings"] is not None
    progress = result.stderr.splitlines()
    assert progress[0].startswith(f"backcheck: {MT / 'article.it.txt'}: segmenting, ")
    assert progress[-1].startswith(f"backcheck: {MT / 'article.it.txt'}: numbers check (1/1), ")
