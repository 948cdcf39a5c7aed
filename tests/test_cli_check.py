"""`backcheck check` through typer's CliRunner: exit codes, formats and one-line errors for bad input.
The article texts are written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app

runner = CliRunner()

ARTICLE = (
    "Il governo ha approvato la legge di bilancio giovedì.\n\n"
    "Il ministro ha detto che il testo sarà discusso in aula la prossima settimana.\n\n"
    "LEGGI ANCHE  Il Parlamento approva la riforma delle pensioni\n"
)
BACK = (
    "The government approved the budget law on Thursday.\n\n"
    "The minister said the text will be discussed in the chamber next week.\n\n"
    "READ ALSO The Parliament approves pension reform\n"
)
SOURCE = "The government approved the budget bill on Thursday.\n"


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"article.it.txt": ARTICLE, "back.en.txt": BACK, "source.en.txt": SOURCE}.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


def _args(files: dict[str, Path], *extra: str) -> list[str]:
    return ["check", str(files["article.it.txt"]), "--source", str(files["source.en.txt"]),
            "--back-translation", str(files["back.en.txt"]), "--engine", "none", *extra]


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("major", 1), ("critical", 0)],
    ids=["boilerplate-is-major", "nothing-critical"],
)
def test_exit_code_follows_fail_on(files: dict[str, Path], fail_on: str, code: int) -> None:
    result = runner.invoke(app, _args(files, "--fail-on", fail_on))
    assert result.exit_code == code, result.output
    assert "LEGGI ANCHE" in result.output


def test_json_report_has_schema_signature_and_exact_spans(files: dict[str, Path]) -> None:
    result = runner.invoke(app, _args(files, "--format", "json", "--fail-on", "critical"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema_version"] and data["signature"].endswith("version:0.1.0")
    assert "bt:given" in data["signature"]
    for f in data["findings"]:
        assert ARTICLE[f["start"]:f["end"]] == f["text"]
    assert any(f["category"] == "boilerplate" for f in data["findings"])


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_report_written_to_file(files: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, _args(files, "--format", fmt, "-o", str(out), "--fail-on", "critical"))
    assert result.exit_code == 0, result.output
    assert "LEGGI ANCHE" in out.read_text(encoding="utf-8")


def test_without_back_translation_or_model_skipped_checks_are_named(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["check", str(files["article.it.txt"]), "--engine", "none", "--format", "json"])
    data = json.loads(result.output)
    skipped = {s["check"]: s["reason"] for s in data["skipped_checks"]}
    assert "divergence" in skipped and "back-translation" in skipped["divergence"]


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Perché è così".encode("latin-1"), "not valid UTF-8"),
        (None, "not found"),
    ],
    ids=["empty", "binary", "latin-1", "missing"],
)
def test_bad_article_is_one_line_exit_2(tmp_path: Path, content: bytes | None, expect: str) -> None:
    path = tmp_path / "article.it.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["check", str(path), "--engine", "none"])
    assert result.exit_code == 2
    assert expect in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(("model", "expect"),
                         [("./no/such/model", "not found"), ("it-en", "backcheck models pull it-en")],
                         ids=["folder-missing", "not-downloaded"])
def test_a_named_model_that_is_not_here_is_exit_2(files: dict[str, Path], isolated_caches: Path, model: str,
                                                  expect: str) -> None:
    """With the default engine (auto), a model the user names but that is not available locally is an
    error with the reason, not a check run without it; left unnamed, the check runs without a model."""
    article = str(files["article.it.txt"])
    result = runner.invoke(app, ["check", article, "--model", model])
    assert result.exit_code == 2, result.output
    assert expect in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    report = files["article.it.txt"].parent / "report.json"
    unnamed = runner.invoke(app, ["check", article, "--format", "json", "-o", str(report)])
    assert unnamed.exit_code in (0, 1), unnamed.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert "divergence" in {s["check"] for s in data["skipped_checks"]}


def test_paragraph_mismatch_in_given_back_translation_is_exit_2(files: dict[str, Path]) -> None:
    files["back.en.txt"].write_text("Only one paragraph.\n", encoding="utf-8")
    result = runner.invoke(app, _args(files))
    assert result.exit_code == 2
    assert "paragraph" in result.output


def test_unknown_format_and_engine_are_usage_errors(files: dict[str, Path]) -> None:
    assert runner.invoke(app, _args(files, "--format", "pdf")).exit_code == 2
    assert runner.invoke(app, ["check", str(files["article.it.txt"]), "--engine", "nope"]).exit_code == 2


def test_missing_model_names_the_fix(files: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(files["article.it.txt"]), "--engine", "transformers",
                                 "--model", str(tmp_path / "no-such-model")])
    assert result.exit_code == 2
    assert "models pull" in result.output or "--model" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow  # a fresh interpreter runs the installed command
def test_console_script_smoke(files: dict[str, Path]) -> None:
    """One real subprocess run of the installed console script."""
    proc = subprocess.run([sys.executable, "-m", "backcheck.cli", *_args(files, "--fail-on", "critical")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "LEGGI ANCHE" in proc.stdout


def test_an_unplaced_source_sentence_says_why_in_the_json(tmp_path: Path) -> None:
    # with a back-translation a source sentence that matches nothing is a possible omission; without one it
    # only shared too little with the Italian to be placed, and the JSON must not call it an omission
    article = tmp_path / "article.it.txt"
    article.write_text("Il ministro Varani ha parlato ieri a Lodena.\n", encoding="utf-8")
    source = tmp_path / "source.en.txt"
    source.write_text("Minister Varani spoke yesterday in Lodena.\nFootball scores came in late from Spain.\n",
                      encoding="utf-8")
    back = tmp_path / "back.en.txt"
    back.write_text("Minister Varani spoke yesterday in Lodena.\n", encoding="utf-8")
    notes = {}
    for given in (True, False):
        args = ["check", str(article), "-s", str(source), "--engine", "none", "-f", "json", "--fail-on", "critical"]
        result = runner.invoke(app, args + (["-b", str(back)] if given else []))
        assert result.exit_code == 0, result.output
        notes[given] = [a["note"] for a in json.loads(result.output)["alignments"] if not a["matched"]]
    assert notes[True] == ["matches nothing in the article: a possible omission"]
    assert notes[False] == ["shares too few words, names or numbers with the Italian to be placed "
                            "(no back-translation)"]
