"""Errors through the CLI: every bad input or environment is one line and exit 2, an internal bug is one
line and exit 3 (traceback only with --debug), output paths are checked before any work, and nothing
is half-written. The inputs are written for these tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app

runner = CliRunner()
ARTICLE = "Il governo ha approvato la legge di bilancio giovedì.\n\nIl ministro ha parlato.\n"
BACK = "The government approved the budget law on Thursday.\n\nThe minister spoke.\n"


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.it.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "back.en.txt").write_text(BACK, encoding="utf-8")
    return p


def _check(article: Path, *extra: str) -> list[str]:
    return ["check", str(article), "-b", str(article.parent / "back.en.txt"), "--engine", "none", *extra]


def test_internal_error_exits_3_with_one_line_and_no_traceback(article: Path, monkeypatch) -> None:
    import backcheck.run.article as article_step

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("injected crash")

    monkeypatch.setattr(article_step, "check_article_input", boom)
    result = runner.invoke(app, _check(article))
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "injected crash" in lines[0] and "--debug" in lines[0]


def test_debug_shows_the_internal_error(article: Path, monkeypatch) -> None:
    import backcheck.run.article as article_step

    monkeypatch.setattr(article_step, "check_article_input", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("x")))
    result = runner.invoke(app, ["--debug", *_check(article)])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("{tmp}", "is a folder"),
        ("/proc/backcheck-test/report.json", "cannot write report"),
        ("{tmp}/article.it.txt/report.json", "cannot write report"),
    ],
    ids=["a-folder", "proc", "under-a-file"],
)
def test_bad_output_path_is_refused_before_work(article: Path, monkeypatch, target: str, expected: str) -> None:
    import backcheck.run.article as article_step

    called = []
    monkeypatch.setattr(article_step, "check_article_input", lambda *a, **k: called.append(1))
    result = runner.invoke(app, _check(article, "-o", target.format(tmp=article.parent)))
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output
    assert not called


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write read-only folders")
def test_read_only_folder_is_refused(article: Path) -> None:
    ro = article.parent / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    result = runner.invoke(app, _check(article, "-o", str(ro / "r.json")))
    assert result.exit_code == 2 and "cannot write report" in result.output


def test_report_is_written_whole_and_parents_created(article: Path) -> None:
    out = article.parent / "deep" / "er" / "report.json"
    result = runner.invoke(app, _check(article, "-f", "json", "-o", str(out), "--fail-on", "critical"))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"]
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("data", "code", "expected"),
    [
        ("\ufeff" + ARTICLE, 0, None),
        (ARTICLE.encode("utf-16"), 0, None),
        (ARTICLE.encode("utf-32"), 0, None),
        (ARTICLE.encode("utf-16-le"), 2, "UTF-16LE text without a byte-order mark"),
        (b"\xff\xfe" + b"\x00\xd8", 2, "not valid UTF-16 LE"),
        (ARTICLE.encode("latin-1"), 2, "not valid UTF-8"),
        # the conversion named is one that keeps the text: Windows-1252's curly quotes (0x93, 0x94) are
        # control codes in Latin-1
        (ARTICLE.encode("latin-1"), 2, "iconv -f latin1 -t utf-8"),
        (("“" + ARTICLE + "”").encode("cp1252"), 2, "iconv -f cp1252 -t utf-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, "binary"),
    ],
    ids=["utf8-bom", "utf16-bom", "utf32-bom", "utf16-no-bom", "broken-utf16", "latin1", "latin1-hint",
         "cp1252-hint", "binary"],
)
def test_input_encodings(article: Path, data: str | bytes, code: int, expected: str | None) -> None:
    article.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    result = runner.invoke(app, _check(article, "--fail-on", "critical"))
    assert result.exit_code == code, result.output
    if expected:
        assert expected in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("which", ["article", "back-translation"])
def test_dash_reads_standard_input(article: Path, which: str) -> None:
    back = article.parent / "back.en.txt"
    args = (["check", "-", "-b", str(back)] if which == "article" else ["check", str(article), "-b", "-"])
    stdin = ARTICLE if which == "article" else BACK
    result = runner.invoke(app, [*args, "--engine", "none", "-f", "json", "--fail-on", "critical"], input=stdin)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["back_translation"][0]["en"].startswith("The government")


def test_dash_twice_is_refused(article: Path) -> None:
    result = runner.invoke(app, ["check", "-", "-b", "-", "--engine", "none"], input=ARTICLE)
    assert result.exit_code == 2 and "only once" in result.output


@pytest.mark.parametrize(
    ("flag", "value", "expected"),
    [("--max-article-chars", "20", "--max-article-chars"), ("--max-source-units", "1", "--max-source-units")],
    ids=["article-chars", "source-units"],
)
def test_over_limit_is_refused_naming_the_flag(article: Path, flag: str, value: str, expected: str) -> None:
    src = article.parent / "source.en.txt"
    src.write_text("The government approved the budget.\nThe minister spoke.\n", encoding="utf-8")
    result = runner.invoke(app, _check(article, "-s", str(src), flag, value))
    assert result.exit_code == 2, result.output
    assert "too big" in result.output and expected in result.output


def test_help_documents_exit_codes_and_limits() -> None:
    for cmd in (["check"], ["corpus"], ["translate"], ["schema"]):
        text = runner.invoke(app, [*cmd, "--help"], terminal_width=200).output
        assert "3 internal error" in " ".join(text.replace("│", " ").split()), cmd
    check_help = " ".join(runner.invoke(app, ["check", "--help"]).output.replace("│", " ").split())
    assert "--max-article-chars 500,000" in check_help


def test_control_characters_never_reach_the_terminal(article: Path) -> None:
    evil = "Il governo \x1b]8;;http://x\x07ha\x1b[2J approvato \u202eil testo.\n"
    article.write_text(evil, encoding="utf-8")
    (article.parent / "back.en.txt").write_text("The government approved the text.\n", encoding="utf-8")
    for fmt in ("text", "markdown"):
        result = runner.invoke(app, _check(article, "-f", fmt, "--fail-on", "critical"))
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07\u202e"), fmt
