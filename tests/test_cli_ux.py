"""Issue #18 "Reviewer trust and first use", the command line: -o names the format, --skip-check,
--min-severity, one meaning for -v (before or after the command), logging that logs, NO_COLOR, evidence
written for people, and the corpus's --exclude, first log line and worst-first table. Through typer's
CliRunner; the single-article cases run the real checks on examples/mt-article with its given
back-translation, all but divergence (a second per run): 10 findings, 1 critical, 8 major, 1 minor, as
`backcheck check … --skip-check divergence` prints them."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app, use_color
from corpus_fakes import ARTICLES, MANIFEST, copy_corpus, install_fake_pipeline

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mt-article"
CHECK = ["check", str(EXAMPLE / "article.it.txt"), "-s", str(EXAMPLE / "source.en.txt"),
         "-b", str(EXAMPLE / "back.en.txt"), "--engine", "none", "--skip-check", "divergence"]


def _check(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*CHECK, *args])
    return result.exit_code, result.stdout, result.stderr


# --- -o and --format ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt", "starts"), [
    ("report.html", None, "<!DOCTYPE html>"),
    ("report.HTM", None, "<!DOCTYPE html>"),
    ("report.json", None, "{"),
    ("report.md", None, "# backcheck:"),
    ("report.txt", None, "backcheck:"),
    ("report.out", None, "backcheck:"),
    ("report.out", "json", "{"),
    ("report.html", "html", "<!DOCTYPE html>"),
], ids=["html", "htm-any-case", "json", "markdown", "txt", "no-known-extension", "format-wins", "agreeing"])
def test_output_extension_names_the_format(tmp_path: Path, name: str, fmt: str | None, starts: str) -> None:
    out = tmp_path / name
    code, _, _ = _check("-o", str(out), *(["--format", fmt] if fmt else []))
    assert code == 1
    assert out.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(("fmt", "name"), [("text", "report.html"), ("json", "report.md"), ("html", "r.json")],
                         ids=["text-into-html", "json-into-md", "html-into-json"])
def test_format_contradicting_the_extension_is_a_usage_error(tmp_path: Path, fmt: str, name: str) -> None:
    code, _, err = _check("-o", str(tmp_path / name), "--format", fmt)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert f"--format {fmt} conflicts with -o" in err and name in err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["report.pdf", "report.csv"])
def test_an_output_name_of_another_kind_of_file_is_a_usage_error(tmp_path: Path, name: str) -> None:
    """``-o report.pdf`` would get a text report under a name that says PDF: refused with the names that
    pick a format (or --format, which then wins, as for any name)."""
    code, _, err = _check("-o", str(tmp_path / name))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "cannot tell the report format" in err and ".html, .json, .md or .txt" in err
    assert not (tmp_path / name).exists()
    code, _, _ = _check("-o", str(tmp_path / name), "--format", "text")
    assert code == 1 and (tmp_path / name).read_text(encoding="utf-8").startswith("backcheck:")


# --- checks: --check and --skip-check -----------------------------------------------------------------


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = _check("--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("args", "ran", "not_ran"), [
    ([], {"boilerplate", "entities"}, {"divergence"}),
    (["--skip-check", "entities", "--skip-check", "numbers"], {"boilerplate"}, {"entities", "divergence", "numbers"}),
    (["--check", "entities", "--check", "boilerplate", "--skip-check", "entities"], {"boilerplate"},
     {"entities", "divergence"}),
], ids=["skip-divergence", "repeated", "with-check"])
def test_skip_check(args: list[str], ran: set[str], not_ran: set[str]) -> None:
    data = _json(*args)
    checks = set(data["signature"].split("checks:")[1].split("|")[0].split("+"))
    assert ran <= checks and not (not_ran & checks)
    assert not {f["check"] for f in data["findings"]} & not_ran


@pytest.mark.parametrize(("args", "message"), [
    (["--skip-check", "nosuch"], "unknown check(s) in --skip-check: nosuch"),
    (["--check", "nosuch"], "unknown check(s): nosuch"),
    (["--check", "entities", "--skip-check", "entities"], "--skip-check leaves no check to run"),
    (["--min-severity", "major", "--format", "json"], "--min-severity applies to the text report"),
], ids=["unknown-skip", "unknown-check", "nothing-left", "min-severity-json"])
def test_selection_usage_errors(args: list[str], message: str) -> None:
    code, _, err = _check(*args)
    assert code == 2 and err.startswith(f"error: {message}") and len(err.strip().splitlines()) == 1


# --- the text report: --min-severity, -v, signature, skipped checks, markers --------------------------


# the summary line's shape (the counts are the error model's to decide)
SUMMARY = r"\d+ findings: \d+ critical, \d+ major, \d+ minor"


@pytest.mark.parametrize(("args", "present", "absent"), [
    ([], [SUMMARY], ["signature:", "skipped", "not listed"]),
    (["--min-severity", "major"], [SUMMARY, " major "], [" minor "]),
    (["--min-severity", "critical"], [" critical "], [" major ", " minor "]),
    (["-v"], ["signature: bt:given", "skipped confidence:", "evidence: "], []),
], ids=["default", "major", "critical", "verbose"])
def test_text_report_lists(args: list[str], present: list[str], absent: list[str]) -> None:
    code, out, _ = _check(*args)
    assert code == 1  # the exit code follows --fail-on, not what is listed
    blocks = "\n".join(line for line in out.splitlines() if line.startswith("  ["))
    for text in present:
        if text.startswith(SUMMARY):
            assert re.search(text, out), text
            continue
        assert text in (blocks if text.startswith(" ") else out), text
    for text in absent:
        assert text not in (blocks if text.startswith(" ") else out), text
    counts = re.search(r"(\d+) findings: (\d+) critical, (\d+) major, (\d+) minor", out)
    assert counts is not None
    total, critical, major, minor = map(int, counts.groups())
    assert total == critical + major + minor
    listed = {"critical": critical, "major": critical + major}.get(args[1] if args[:1] == ["--min-severity"] else "",
                                                                  total)
    assert len(blocks.splitlines()) == listed  # every finding at or above --min-severity, no other
    hidden = total - listed
    assert (f"({hidden} below" in out) == bool(hidden), "the summary says how many are not listed"


def test_v_means_the_same_before_and_after_the_command() -> None:
    after = runner.invoke(app, [*CHECK, "-v"]).stdout
    before = runner.invoke(app, ["-v", *CHECK]).stdout
    assert after == before and "signature:" in after


def test_spans_are_marked_with_brackets_italian_never_uses() -> None:
    """«intervenire»» read as a quotation mark; ⟦ ⟧ cannot."""
    _, out, _ = _check()
    marked = [line for line in out.splitlines() if "⟦" in line]
    assert len(marked) == 10 and all(line.count("⟦") == line.count("⟧") == 1 for line in marked)
    assert "«" not in "".join(line.split("⟦")[1].split("⟧")[0] for line in marked)


def test_without_any_back_translation_one_line_says_checks_were_skipped() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE / "article.it.txt"), "--engine", "none"])
    notes = [line for line in result.stdout.splitlines() if "skipped" in line]
    assert len(notes) == 1 and "no back-translation" in notes[0] and "-v lists them" in notes[0]


@pytest.mark.parametrize(("args", "logged"), [([], False), (["-v"], False), (["-vv"], True), (["--debug"], True)],
                         ids=["default", "v", "vv", "debug"])
def test_vv_logs_what_backcheck_does(caplog: pytest.LogCaptureFixture, args: list[str], logged: bool) -> None:
    caplog.set_level(logging.NOTSET)
    runner.invoke(app, [*args, *CHECK, "-q"])
    infos = [r.getMessage() for r in caplog.records if r.name.startswith("backcheck") and r.levelno == logging.INFO]
    assert bool(infos) == logged
    if logged:
        assert any(m.startswith(f"{EXAMPLE / 'article.it.txt'}: 10 findings in ") for m in infos)


@pytest.mark.parametrize(("tty", "no_color", "color"), [
    (True, None, True), (True, "1", False), (True, "", True), (False, None, False),
], ids=["terminal", "no-color", "no-color-empty", "pipe"])
def test_no_color(monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str | None, color: bool) -> None:
    """no-color.org: NO_COLOR set to any non-empty value turns colour off."""
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)

    class Stream:
        def isatty(self) -> bool:
            return tty

    assert use_color(Stream()) is color


def test_evidence_details_are_written_for_people() -> None:
    """`-v` showed Python reprs: {'Millie': 1, 'Mille': 1} and "quoted False"."""
    _, out, _ = _check("-v")
    assert "{" not in out and "'" not in "".join(line for line in out.splitlines() if line.strip().startswith(
        ("variants", "canonical")))
    assert "False" not in out and "True" not in out


# --- corpus ---------------------------------------------------------------------------------------------


def _corpus(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["corpus", *args], env={"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": "", "CI": "1",
                                                        **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("exclude", "code", "unreadable"), [
    ([], 1, True),
    (["--exclude", "assets"], 1, False),
    (["--exclude", "ass*", "--exclude", "readalso-*", "--exclude", "untranslated-*"], 0, False),
], ids=["not-excluded", "excluded", "globs"])
def test_exclude_skips_non_article_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exclude: list[str],
                                           code: int, unreadable: bool) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / "assets").mkdir()
    (corpus / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    got, out, err = _corpus(str(corpus), *exclude)
    assert got == code
    assert ("not checked" in err) is unreadable
    assert ("assets" in out) is unreadable
    if unreadable:
        assert "--exclude assets" in out  # the error row names the fix


def test_exclude_applies_to_manifest_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    code, _, err = _corpus(str(MANIFEST), "--exclude", "readalso-*", "--exclude", "untranslated-*")
    assert code == 0 and err.strip().splitlines()[-1].startswith("backcheck corpus: 1 article,")


def test_everything_excluded_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    code, _, err = _corpus(str(ARTICLES), "--exclude", "*")
    assert code == 2 and "left after --exclude *" in err


def test_first_log_line_comes_before_any_article(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    _, _, err = _corpus(str(ARTICLES))
    first, *_, last = err.strip().splitlines()
    assert first.startswith("backcheck corpus: checking 3 articles")
    assert last.startswith("backcheck corpus: 3 articles")
    _, _, quiet = _corpus(str(ARTICLES), "-q")
    assert len(quiet.strip().splitlines()) == 1


def test_terminal_table_is_worst_first_like_html_and_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    article = corpus / "untranslated-fragment" / "article.it.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nERRORE GRAVE qui.\n", encoding="utf-8")
    md = tmp_path / "c.md"
    _, out, _ = _corpus(str(corpus), "--markdown", str(md))
    ids = ["untranslated-fragment", "readalso-boilerplate", "clean-weather"]  # critical, major, nothing
    table = [line for line in out.splitlines() if any(i in line for i in ids) and ":" not in line]
    assert [next(i for i in ids if i in line) for line in table] == ids
    md_rows = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("| ")
               and any(i in line for i in ids)]
    assert [next(i for i in ids if i in line) for line in md_rows] == ids


def test_source_kind_is_checked_and_enters_the_signature() -> None:
    """--source-kind takes one of its values (any case) and, when it is not auto, is in the signature."""
    code, _, err = _check("--source-kind", "partial")
    assert code == 2 and "'partial' is not one of auto, whole, snippets" in err
    code, out, _ = _check("--source-kind", "Whole", "--format", "json")
    assert code in (0, 1) and "source:whole" in json.loads(out)["signature"]
    code, out, _ = _check("--format", "json")
    assert "source:" not in json.loads(out)["signature"]
