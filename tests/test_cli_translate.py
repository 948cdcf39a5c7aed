"""``backcheck translate`` and ``backcheck models`` through typer's CliRunner: exit codes and output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app

runner = CliRunner()
ARTICLE = "Il governo ha approvato la legge. Roma è bella.\n\nIl ministro ha detto: «Sì».\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.it.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def _one_line_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert err.startswith("error:") and "\n" not in err and needle in err
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_translate_text_mirrors_paragraphs(article: Path, tiny_marian: Path, isolated_caches: Path) -> None:
    result = runner.invoke(app, ["translate", str(article), "--model", str(tiny_marian), "--engine",
                                 "transformers"])
    assert result.exit_code == 0, result.output
    paragraphs = result.stdout.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 2 and all(p.strip() for p in paragraphs)
    assert "signature: " in result.stderr and "engine:transformers" in result.stderr


@pytest.mark.slow
def test_translate_jsonl_to_file(article: Path, tiny_marian: Path, isolated_caches: Path) -> None:
    out = isolated_caches / "bt.jsonl"
    result = runner.invoke(app, ["translate", str(article), "--model", str(tiny_marian), "-e", "ctranslate2",
                                 "-f", "jsonl", "-o", str(out), "--cache-dir", str(isolated_caches / "c")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3
    for r in rows:
        assert ARTICLE[r["start"]:r["end"]] == r["it"]
        assert len(r["alignment"]) == len(r["en_tokens"])
    assert (isolated_caches / "c" / "translations.sqlite3").is_file()


@pytest.mark.parametrize(
    "content, needle",
    [(b"", "empty"), (b"\x00\x01binary", "binary"), ("caffè".encode("latin-1"), "not valid UTF-8"),
     (None, "not found")],
    ids=["empty", "binary", "latin1", "missing"],
)
def test_translate_bad_article(content: bytes | None, needle: str, tmp_path: Path, tiny_marian: Path) -> None:
    p = tmp_path / "article.it.txt"
    if content is not None:
        p.write_bytes(content)
    result = runner.invoke(app, ["translate", str(p), "--model", str(tiny_marian), "--no-cache"])
    _one_line_error(result, needle)


@pytest.mark.parametrize(
    "args, needle",
    [(["--model", "it-en"], "backcheck models pull it-en"),
     (["--model", "./no/such/model"], "not found"),
     (["--engine", "marian"], "'marian' is not one of auto, transformers, ctranslate2"),
     (["--format", "xml"], "'xml' is not one of text, jsonl")],
    ids=["model-not-downloaded", "model-folder-missing", "bad-engine", "bad-format"],
)
def test_translate_usage_errors(args: list[str], needle: str, article: Path, isolated_caches: Path) -> None:
    result = runner.invoke(app, ["translate", str(article), *args])
    _one_line_error(result, needle)


def test_models_list_and_path(isolated_caches: Path, tiny_marian: Path) -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert "Helsinki-NLP/opus-mt-it-en" in result.stdout and "not downloaded" in result.stdout
    result = runner.invoke(app, ["models", "path", str(tiny_marian)])
    assert result.exit_code == 0 and result.stdout.strip() == str(tiny_marian.resolve())
    _one_line_error(runner.invoke(app, ["models", "path", "it-en"]), "backcheck models pull")
    _one_line_error(runner.invoke(app, ["models", "path", str(tiny_marian), "--ct2"]), "models convert")
    _one_line_error(runner.invoke(app, ["models", "pull", "it-en"]), "HF_HUB_OFFLINE")


@pytest.mark.slow
def test_models_convert_then_path(isolated_caches: Path, tiny_marian: Path) -> None:
    result = runner.invoke(app, ["models", "convert", str(tiny_marian)])
    assert result.exit_code == 0, result.output
    folder = Path(result.stdout.strip())
    assert (folder / "model.bin").is_file() and folder.name.endswith("-int8")
    again = runner.invoke(app, ["models", "path", str(tiny_marian), "--ct2"])
    assert again.exit_code == 0 and again.stdout.strip() == str(folder)


@pytest.mark.parametrize("args", [["translate", "--help"], ["models", "--help"], ["models", "convert", "--help"]],
                         ids=["translate", "models", "convert"])
def test_help_has_examples(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Example" in result.stdout
