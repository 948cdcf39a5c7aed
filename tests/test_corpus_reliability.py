"""``backcheck corpus`` on hostile or unusual input: symlinks out of the corpus, over-limit articles,
unwritable outputs, control characters, CI progress lines and baseline signatures. The pipeline is the
deterministic fake of :mod:`corpus_fakes` unless a test says otherwise; inputs are written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from corpus_fakes import copy_corpus, install_fake_pipeline

runner = CliRunner()
SECRET = "SEGRETO-DEL-RUNNER questa riga sta fuori dal corpus."


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["corpus", *map(str, args)], env={"GITHUB_ACTIONS": "", "CI": "1"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    d = tmp_path / "elsewhere"
    d.mkdir()
    (d / "article.it.txt").write_text(SECRET + "\n", encoding="utf-8")
    return d


@pytest.mark.parametrize(
    ("link", "target"),
    [("evil", "{outside}"), ("clean-weather/article.it.txt", "{outside}/article.it.txt"),
     ("clean-weather/back.en.txt", "{outside}/article.it.txt")],
    ids=["folder-link", "article-link", "back-translation-link"],
)
def test_symlink_out_of_the_corpus_is_an_error_row(tmp_path: Path, outside: Path, monkeypatch: pytest.MonkeyPatch,
                                                   link: str, target: str) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / link).unlink(missing_ok=True)
    (corpus / link).symlink_to(target.format(outside=outside))
    code, out, err = run(corpus, "--fail-on", "critical", "--json", tmp_path / "r.json",
                         "--sarif", tmp_path / "r.sarif")
    assert code == 1, (out, err)
    assert "symlink" in out and "--follow-symlinks" in out
    for text in (out, err, (tmp_path / "r.json").read_text(), (tmp_path / "r.sarif").read_text()):
        assert "SEGRETO" not in text
    code, out, _ = run(corpus, "--fail-on", "critical", "--follow-symlinks")
    assert "--follow-symlinks" not in out


def test_symlink_inside_the_corpus_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / "alias").symlink_to(corpus / "clean-weather")
    code, out, err = run(corpus, "--fail-on", "critical")
    assert code == 0, (out, err)
    assert "alias" in out and "4 articles" in err


def test_over_limit_article_is_an_error_row_and_the_run_goes_on(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / "huge").mkdir()
    (corpus / "huge" / "article.it.txt").write_text("Il governo ha parlato. " * 4000, encoding="utf-8")
    code, out, err = run(corpus, "--max-article-chars", "5000", "--fail-on", "critical")
    assert code == 1, (out, err)
    assert "too big" in out and "--max-article-chars" in out
    assert "4 articles, 1 not checked" in err


def test_output_paths_are_checked_before_any_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = install_fake_pipeline(monkeypatch)
    code, _, err = run(copy_corpus(tmp_path), "--junit", tmp_path)
    assert code == 2 and "cannot write JUnit report" in err and "is a folder" in err
    assert calls["check_article"] == 0


def test_ci_log_gets_plain_progress_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backcheck.cli import corpus_cmd

    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(corpus_cmd, "PROGRESS_EVERY_ARTICLES", 1)
    _, _, err = run(copy_corpus(tmp_path), "--fail-on", "critical")
    assert "backcheck corpus: 1/3 articles" in err and "backcheck corpus: 2/3 articles" in err


def test_baseline_records_the_signature_and_warns_when_it_differs(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    corpus, base = copy_corpus(tmp_path), tmp_path / "baseline.json"
    code, _, err = run(corpus, "--baseline", base, "--update-baseline")
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["signature"] == "bt:fake|checks:fake|version:test"
    _, _, err = run(corpus, "--baseline", base)
    assert "warning" not in err
    data["signature"] = "bt:fake|checks:fake+embed|version:test"
    base.write_text(json.dumps(data), encoding="utf-8")
    _, _, err = run(corpus, "--baseline", base)
    assert "warning: baseline" in err and "checks (baseline fake+embed, now fake)" in err


def test_control_characters_in_a_manifest_never_reach_the_log(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    manifest = tmp_path / "m.jsonl"
    rows = [{"id": "a\x1b]0;pwned\x07", "it": "LEGGI ANCHE: \x1b[2Jtitolo\n"}, {"id": "b\x1b[31m", "it": " "}]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", str(manifest)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1, result.output
    assert "LEGGI ANCHE" in result.output and "\x1b" not in result.output and "\x07" not in result.output


def test_json_report_validates_against_the_shipped_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / "broken").mkdir()
    run(corpus, "--json", tmp_path / "r.json", "--baseline", tmp_path / "b.json", "--update-baseline")
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    report["reports"][0]["findings"] = [{"start": -1}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema)


def test_manifest_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    lines = '{"id": "a", "it": "Il governo ha parlato."}\n{"id": "b", "it": "LEGGI ANCHE: altro"}\n'
    result = runner.invoke(app, ["corpus", "-"], input=lines, env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 1, result.output
    assert "2 articles" in result.stderr and "LEGGI ANCHE" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crash_in_one_article_is_an_error_row_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           jobs: str) -> None:
    from backcheck.run import checker
    from corpus_fakes import CrashingChecker

    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(checker, "Checker", CrashingChecker)
    code, out, err = run(copy_corpus(tmp_path), "--jobs", jobs, "--json", tmp_path / "r.json")
    assert code == 3, (out, err)
    assert "Traceback" not in out + err
    assert "internal error: RuntimeError: injected crash" in out and "--debug" in err
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["gate"]["exit_code"] == 3 and len(data["reports"]) == 3
    debug = runner.invoke(app, ["--debug", "corpus", str(copy_corpus(tmp_path / "again"))])
    assert isinstance(debug.exception, RuntimeError)
