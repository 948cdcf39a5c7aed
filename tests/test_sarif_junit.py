"""CI outputs: JUnit XML (parsed back with junitparser), SARIF 2.1.0 (validated against the OASIS schema
in ../shared) and GitHub Actions annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from junitparser import Error, Failure, JUnitXml
from typer.testing import CliRunner

from backcheck.cli import app
from backcheck.corpus import CorpusReport, check_corpus
from backcheck.corpus.baseline import Baseline
from backcheck.report.github import annotation_lines, command, escape_data, escape_property
from backcheck.report.junit import render_junit
from backcheck.report.sarif import artifact_uri, to_sarif
from backcheck.results import Severity
from backcheck.run.options import ArticleInput, CheckOptions
from corpus_fakes import ARTICLES, MANIFEST, copy_corpus, fake_check_article, install_fake_pipeline

runner = CliRunner()
LATIN1 = "Perché è così.\n".encode("latin-1")


@pytest.fixture
def corpus_with_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CorpusReport:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    (corpus / "zz-latin1").mkdir()
    (corpus / "zz-latin1" / "article.it.txt").write_bytes(LATIN1)
    return check_corpus(corpus, CheckOptions(engine="none"))


# --- JUnit ----------------------------------------------------------------------------------------------


def _cases(xml: str, tmp_path: Path) -> dict[str, list[Any]]:
    path = tmp_path / "junit.xml"
    path.write_text(xml, encoding="utf-8")
    parsed = JUnitXml.fromfile(str(path))
    cases = {}
    for suite in parsed:
        for case in suite:
            assert case.classname == "backcheck"
            cases[case.name] = list(case.result)
    return cases


def test_junit_cases(corpus_with_broken: CorpusReport, tmp_path: Path) -> None:
    xml = render_junit(corpus_with_broken, Severity.MAJOR)
    cases = _cases(xml, tmp_path)
    assert sorted(cases) == ["clean-weather", "readalso-boilerplate", "untranslated-fragment", "zz-latin1"]
    assert cases["clean-weather"] == []
    (failure,) = cases["readalso-boilerplate"]
    assert isinstance(failure, Failure)
    assert failure.message == "1 new finding at or above major"
    assert failure.type == "major"
    assert "article.it.txt:7:1: major boilerplate" in failure.text
    assert "LEGGI ANCHE: Firenze" in failure.text
    (error,) = cases["zz-latin1"]
    assert isinstance(error, Error) and "not valid UTF-8" in error.message


def test_junit_suite_counts(corpus_with_broken: CorpusReport, tmp_path: Path) -> None:
    path = tmp_path / "j.xml"
    path.write_text(render_junit(corpus_with_broken, Severity.MAJOR), encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(path)))
    assert (suite.tests, suite.failures, suite.errors) == (4, 2, 1)


def test_junit_times_each_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue #18: every testcase said time="0". Each now carries its own check time: an article whose
    check sleeps 0.2 s shows it, the others do not, and the suite's time covers them all."""
    import time as clock

    from backcheck.run import checker
    from corpus_fakes import FakeChecker

    class SlowOnWeather(FakeChecker):
        def check(self, inp: Any) -> Any:
            if inp.id == "clean-weather":
                clock.sleep(0.2)
            return super().check(inp)

    monkeypatch.setattr(checker, "Checker", SlowOnWeather)
    path = tmp_path / "j.xml"
    path.write_text(render_junit(check_corpus(copy_corpus(tmp_path), CheckOptions(engine="none")), Severity.MAJOR),
                    encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(path)))
    times = {case.name: case.time for case in suite}
    assert times["clean-weather"] >= 0.2
    assert all(t < 0.2 for name, t in times.items() if name != "clean-weather")
    assert suite.time >= sum(times.values())


@pytest.mark.parametrize(("fail_on", "failing"), [
    (Severity.MINOR, {"readalso-boilerplate", "untranslated-fragment"}),
    (Severity.CRITICAL, set()),
])
def test_junit_threshold(corpus_with_broken: CorpusReport, tmp_path: Path, fail_on: Severity,
                         failing: set[str]) -> None:
    cases = _cases(render_junit(corpus_with_broken, fail_on), tmp_path)
    assert {n for n, res in cases.items() if any(isinstance(r, Failure) for r in res)} == failing


def test_junit_baselined_findings_pass(corpus_with_broken: CorpusReport, tmp_path: Path) -> None:
    Baseline.from_reports(corpus_with_broken.reports).apply(corpus_with_broken)
    cases = _cases(render_junit(corpus_with_broken, Severity.MINOR), tmp_path)
    assert cases["readalso-boilerplate"] == []
    assert isinstance(cases["zz-latin1"][0], Error)  # a broken article cannot be baselined


def test_junit_survives_control_characters(tmp_path: Path) -> None:
    report = fake_check_article(ArticleInput(id="ctl\x0b", text="Testo\x0b.\n\nLEGGI ANCHE: X\x01 y\n"))
    xml = render_junit(CorpusReport(path="x", reports=[report]), Severity.MAJOR)
    assert "ctl\ufffd" in _cases(xml, tmp_path)


# --- SARIF ----------------------------------------------------------------------------------------------


def _validate(log: dict[str, object], shared_dir: Path) -> None:
    import jsonschema

    schema = json.loads((shared_dir / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)


def test_sarif_is_valid(corpus_with_broken: CorpusReport, shared_dir: Path) -> None:
    _validate(to_sarif(corpus_with_broken), shared_dir)
    Baseline.from_reports(corpus_with_broken.reports[:1]).apply(corpus_with_broken)
    _validate(to_sarif(corpus_with_broken), shared_dir)


def test_sarif_manifest_is_valid(monkeypatch: pytest.MonkeyPatch, shared_dir: Path) -> None:
    install_fake_pipeline(monkeypatch)
    _validate(to_sarif(check_corpus(MANIFEST, CheckOptions(engine="none"))), shared_dir)


def test_sarif_results(corpus_with_broken: CorpusReport) -> None:
    run = to_sarif(corpus_with_broken)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "boilerplate" in rule_ids and "untranslated" in rule_ids
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"boilerplate", "untranslated"}
    boiler = results["boilerplate"]
    assert boiler["level"] == "warning"
    assert rule_ids[boiler["ruleIndex"]] == "boilerplate"
    region = boiler["locations"][0]["physicalLocation"]["region"]
    text = (ARTICLES / "readalso-boilerplate" / "article.it.txt").read_text(encoding="utf-8")
    line = text.splitlines()[6]
    assert region["startLine"] == region["endLine"] == 7
    assert region["startColumn"] == 1 and region["endColumn"] == len(line) + 1  # exclusive end
    assert region["snippet"]["text"] == line
    uri = boiler["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("readalso-boilerplate/article.it.txt")
    assert boiler["partialFingerprints"]["backcheck/v2"] == corpus_with_broken.reports[1].findings[0].fingerprint()
    assert "baselineState" not in boiler
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]


def test_sarif_columns_count_code_points() -> None:
    text = "Città già più 😀 qui.\n\nLEGGI ANCHE: Però 😀 è così\n"
    report = fake_check_article(ArticleInput(id="u", text=text, path="u/article.it.txt"))
    (result,) = to_sarif(CorpusReport(path="x", reports=[report]))["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    assert region["endColumn"] == len("LEGGI ANCHE: Però 😀 è così") + 1


def test_sarif_baseline_state(corpus_with_broken: CorpusReport) -> None:
    accepted = [r for r in corpus_with_broken.reports if r.article_id == "readalso-boilerplate"]
    Baseline.from_reports(accepted).apply(corpus_with_broken)
    states = {r["ruleId"]: r["baselineState"] for r in to_sarif(corpus_with_broken)["runs"][0]["results"]}
    assert states == {"boilerplate": "unchanged", "untranslated": "new"}


def test_sarif_manifest_points_at_manifest_line(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    run = to_sarif(check_corpus(MANIFEST, CheckOptions(engine="none")))["runs"][0]
    boiler = next(r for r in run["results"] if r["ruleId"] == "boilerplate")
    loc = boiler["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("manifest.jsonl")
    assert loc["region"]["startLine"] == 2 and "startColumn" not in loc["region"]
    assert boiler["message"]["text"].startswith("[readalso-boilerplate 7:1 ")


@pytest.mark.parametrize(("path", "uri"), [
    ("corpus/a b/article.it.txt", "corpus/a%20b/article.it.txt"),
    ("corpus/città/article.it.txt", "corpus/citt%C3%A0/article.it.txt"),
    ("/abs/x.txt", "file:///abs/x.txt"),
])
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


# --- GitHub annotations -------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("100%", "100%25", "100%25"),
    ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
    ("x: y, z", "x: y, z", "x%3A y%2C z"),
    ("%0A", "%250A", "%250A"),
])
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_command_format() -> None:
    assert command("warning", "msg: 50%", file="a,b.txt", line=3, col=None, title="t:1") == \
        "::warning file=a%2Cb.txt,line=3,title=t%3A1::msg: 50%25"
    assert command("notice", "x") == "::notice::x"


def test_annotation_lines(corpus_with_broken: CorpusReport) -> None:
    lines = annotation_lines(corpus_with_broken, Severity.MAJOR)
    assert len(lines) == 3
    boiler = next(line for line in lines if "boilerplate" in line)
    path = corpus_with_broken.reports[1].article_path
    text = (ARTICLES / "readalso-boilerplate" / "article.it.txt").read_text(encoding="utf-8").splitlines()[6]
    # issue #18: a major at or above --fail-on major fails the gate, so it is an ::error (it was ::warning)
    assert boiler.startswith(f"::error file={path},line=7,col=1,endLine=7,endColumn={len(text) + 1},"
                             "title=backcheck boilerplate (major)::")
    assert boiler.endswith('::"LEGGI ANCHE: Firenze, il Ponte Vecchio chiuso per lavori di restauro": '
                           "Page furniture; remove it.")
    assert lines[0].startswith("::error file=") and "not valid UTF-8" in lines[0]  # the unreadable one first
    Baseline.from_reports(corpus_with_broken.reports).apply(corpus_with_broken)
    assert len(annotation_lines(corpus_with_broken, Severity.MAJOR)) == 1  # only the broken article is left


def _many(n_critical: int, n_major: int, n_minor: int) -> CorpusReport:
    """One article per finding, so each annotation is its own: «ERRORE» critical, «errore» major, «nota» minor."""
    from backcheck.results import Category, Finding, Report

    reports = []
    kinds = [("ERRORE", Severity.CRITICAL)] * n_critical + [("errore", Severity.MAJOR)] * n_major \
        + [("nota", Severity.MINOR)] * n_minor
    for k, (word, sev) in enumerate(kinds):
        text = f"Un {word} qui."
        f = Finding(3, 3 + len(word), word, Category.MISTRANSLATION, sev, "m", "t", context=text)
        reports.append(Report(f"a{k:02d}", f"a{k:02d}/article.it.txt", text, [f], "sig"))
    return CorpusReport("c", reports)


def _levels(lines: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in lines:
        name = line[2:].split(" ", 1)[0] if line.startswith("::") else "left-out line"
        out[name] = out.get(name, 0) + 1
    return out


@pytest.mark.parametrize(("corpus", "fail_on", "minors", "levels", "left_out"), [
    # gate-failing findings are errors, majors below the gate warnings, minors notices only with -v
    ((1, 2, 3), Severity.MAJOR, False, {"error": 3}, None),
    ((1, 2, 3), Severity.CRITICAL, False, {"error": 1, "warning": 2}, None),
    ((1, 2, 3), Severity.CRITICAL, True, {"error": 1, "warning": 2, "notice": 3}, None),
    ((1, 2, 3), Severity.MINOR, False, {"error": 6}, None),  # minors that fail the gate are always shown
    # GitHub shows 10 of each level per step: the rest are counted on one line
    ((0, 12, 53), Severity.MAJOR, False, {"error": 10, "left-out line": 1}, "2 more annotations left out (2 errors;"),
    ((0, 12, 53), Severity.MAJOR, True, {"error": 10, "notice": 10, "left-out line": 1},
     "45 more annotations left out (2 errors, 43 notices;"),
], ids=["major", "critical", "critical-with-minors", "minor", "capped", "capped-with-minors"])
def test_annotation_levels_follow_the_gate_and_are_capped(corpus: tuple[int, int, int], fail_on: Severity,
                                                         minors: bool, levels: dict[str, int],
                                                         left_out: str | None) -> None:
    """Issue #18, item 3 (planted-dev printed 53 ::notice lines, more than GitHub shows)."""
    lines = annotation_lines(_many(*corpus), fail_on, minors=minors)
    assert _levels(lines) == levels
    if left_out:
        assert lines[-1].startswith(f"backcheck: {left_out}")
    ranks = [("critical", "major", "minor").index(line.split("(")[-1].split(")")[0]) for line in lines
             if line.startswith("::")]
    assert ranks == sorted(ranks)  # worst first


@pytest.mark.parametrize(("env", "args", "expected"), [
    ("true", [], {"error": 2}),
    ("true", ["--fail-on", "critical"], {"warning": 2}),
    ("true", ["-q"], {"error": 2}),  # -q drops the table, never the annotations that explain a failure
    ("", [], {}),
], ids=["actions", "below-gate", "quiet", "not-actions"])
def test_cli_prints_annotations_under_github_actions(monkeypatch: pytest.MonkeyPatch, env: str, args: list[str],
                                                      expected: dict[str, int]) -> None:
    install_fake_pipeline(monkeypatch)
    result = runner.invoke(app, ["corpus", str(ARTICLES), *args], env={"GITHUB_ACTIONS": env})
    assert result.exit_code == (0 if args[:1] == ["--fail-on"] else 1)
    assert _levels([line for line in result.stdout.splitlines() if line.startswith("::")]) == expected


def test_cli_writes_all_outputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_fake_pipeline(monkeypatch)
    out = tmp_path / "reports"
    result = runner.invoke(app, ["corpus", str(ARTICLES), "--json", str(out / "r.json"), "--junit",
                                 str(out / "j.xml"), "--sarif", str(out / "r.sarif")], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 1
    assert json.loads((out / "r.json").read_text(encoding="utf-8"))["summary"]["articles"] == 3
    assert len(_cases((out / "j.xml").read_text(encoding="utf-8"), tmp_path)) == 3
    assert json.loads((out / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_sarif_rank_is_the_judges_probability(corpus_with_broken: CorpusReport, shared_dir: Path) -> None:
    """A finding the judge decided carries its probability as SARIF's result rank (0-100, the priority a
    code-scanning UI sorts by); one the rules decided has none. One finding of the fake pipeline gets a
    probability for the test."""
    from dataclasses import replace

    reports = corpus_with_broken.reports
    first = next(r for r in reports if r.findings)
    reports[reports.index(first)] = replace(first, findings=[replace(first.findings[0], probability=0.873),
                                                              *first.findings[1:]])
    log = to_sarif(corpus_with_broken)
    _validate(log, shared_dir)
    results = log["runs"][0]["results"]
    ranked = [r for r in results if "rank" in r]
    assert [(r["rank"], r["properties"]["probability"]) for r in ranked] == [(87.3, 0.873)]
    assert len(results) > 1 and all("probability" not in r["properties"] for r in results if "rank" not in r)
