"""``corpus --html`` / ``--markdown`` / ``$GITHUB_STEP_SUMMARY``, the gate reason and the SVG plots. The
corpus goes through the fake pipeline (corpus_fakes), so the expected counts are its two blatant errors:
one untranslated clause and one "LEGGI ANCHE" line, both major."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from backcheck.corpus import CorpusReport
from backcheck.corpus.baseline import Baseline
from backcheck.report.corpus_summary import article_rows, gate
from backcheck.report.svg import score_bars, stacked_bars
from backcheck.results import Category, Finding, Report, Severity
from corpus_fakes import ARTICLES, MANIFEST, install_fake_pipeline

runner = CliRunner()


def _corpus(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
    html, md = tmp_path / "out" / "corpus.html", tmp_path / "out" / "corpus.md"
    result = runner.invoke(app, ["corpus", str(MANIFEST), "--html", str(html), "--markdown", str(md), *args],
                           env={"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": "", **(env or {})})
    return result.exit_code, {"html": html.read_text(encoding="utf-8"), "md": md.read_text(encoding="utf-8"),
                              "stdout": result.output}


def test_html_and_markdown_say_the_gate_and_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    code, out = _corpus(tmp_path)
    assert code == 1
    reason = "2 new findings at or above major in 2 articles"
    assert reason in out["html"] and reason in out["md"]
    assert "❌ **Gate failed**" in out["md"]
    rows = [line for line in out["md"].splitlines() if line.startswith("| ") and "| fail |" in line]
    assert [r.split("|")[1].strip() for r in rows] == ["readalso-boilerplate", "untranslated-fragment"]
    assert out["html"].count('<section class="bc-article"') == 3  # every article embedded
    assert out["html"].count("<svg") == 3
    assert 'href="#a' in out["html"]  # the table links to the embedded views


def test_baseline_makes_the_gate_pass_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    base = tmp_path / "baseline.json"
    code, out = _corpus(tmp_path, "--baseline", str(base), "--update-baseline")
    assert code == 0
    assert "no new finding at or above major (2 in the baseline)" in out["md"]
    assert "New findings: **0**; in the baseline: 2." in out["md"]


def test_step_summary_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", str(ARTICLES)],
                           env={"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## backcheck corpus:") and "Gate failed" in text


def _finding(text: str, span: str, sev: Severity) -> Finding:
    start = text.index(span)
    return Finding(start, start + len(span), span, Category.NUMBER, sev, "m", "t", context=span)


def hand_corpus() -> CorpusReport:
    """An unreadable article, a clean one and one with a critical and a minor finding."""
    text = "Il 10% <b>e</b> il 20%."
    bad = Report("bad", "bad.txt", "", [], "", error="bad.txt: not valid UTF-8")
    clean = Report("clean", "clean.txt", "Tutto bene.", [], "sig")
    worst = Report("<worst>", "w.txt", text, [_finding(text, "10%", Severity.CRITICAL),
                                             _finding(text, "20%", Severity.MINOR)], "sig")
    return CorpusReport("corpus|x", [clean, worst, bad],
                        scores={"BLEU": {"score": 42.0, "signature": "nrefs:1|version:2"},
                                "chrF": {"score": 61.0, "signature": "nc:6|nw:0"}}, chrf={"<worst>": 61.0})


@pytest.mark.parametrize(("fail_on", "passed", "reason"), [
    (Severity.CRITICAL, False, "1 new finding at or above critical in 1 article; 1 article could not be read"),
    (Severity.MINOR, False, "2 new findings at or above minor in 1 article; 1 article could not be read"),
], ids=["critical", "minor"])
def test_gate_reason(fail_on: Severity, passed: bool, reason: str) -> None:
    g = gate(hand_corpus(), fail_on)
    assert (g.passed, g.reason, g.code) == (passed, reason, 1)


def test_article_rows_are_worst_first() -> None:
    assert [r.report.article_id for r in article_rows(hand_corpus(), Severity.MAJOR)] == ["bad", "<worst>", "clean"]


def test_corpus_html_escapes_ids_and_text() -> None:
    from backcheck.report.corpus_html import render_corpus_html

    html = render_corpus_html(hand_corpus(), Severity.MAJOR)
    assert "<worst>" not in html and "&lt;worst&gt;" in html
    assert "<b>e</b>" not in html and "corpus|x" in html


@pytest.mark.parametrize(("svg", "expected"), [
    (stacked_bars([("a<b", {"major": 2, "minor": 1})], "t"), ["a&lt;b", ">3<", 'fill="#fd7e14"']),
    (stacked_bars([], "t"), ["nothing to plot"]),
    (score_bars([("a<b", 130.0), ("c", 50.0)], "t"), ["a&lt;b", ">130.0<", 'width="300.0"', 'width="150.0"']),
], ids=["stacked-escaped", "empty", "scores-capped"])
def test_svg(svg: str, expected: list[str]) -> None:
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for piece in expected:
        assert piece in svg


def test_markdown_escapes_pipes_in_signatures() -> None:
    from backcheck.report.corpus_markdown import render_corpus_markdown

    md = render_corpus_markdown(hand_corpus(), Severity.MAJOR)
    assert "`nrefs:1\\|version:2`" in md
    for line in md.splitlines():
        if line.startswith("| BLEU"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4


def test_exported_page_baseline_round_trip_without_a_browser(tmp_path: Path) -> None:
    """The JSON the page's exporter writes (built here the way report.js builds it) is what
    ``corpus --baseline`` reads; the browser test does the same through Chromium."""
    c = hand_corpus()
    worst = c.reports[1]
    f = worst.findings[0]
    exported = {"schema_version": "2.0", "tool": "backcheck", "articles": {worst.article_id: [
        {"fingerprint": f.fingerprint(), "count": 1, "check": f.check, "category": f.category.value,
         "severity": f.severity.value, "text": f.text}]}}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    Baseline.load(path).apply(c)
    assert gate(c, Severity.CRITICAL).reason == "1 article could not be read"


def test_quiet_corpus_prints_only_the_result_line(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    result = runner.invoke(app, ["corpus", str(ARTICLES), "--quiet"],
                           env={"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""})
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("backcheck corpus: 3 articles") and "FAIL (exit 1)" in result.stderr


@pytest.mark.parametrize(("baselined", "expected", "absent"), [
    (False, ['data-key="'], [' data-state="', 'id="bc-new-only"', 'data-kind="state"']),
    (True, ['data-state="baselined"', 'data-state="new"', '<span class="state state-new">new</span>',
            '<span class="state state-baselined">in baseline</span>', 'id="bc-new-only"',
            'data-kind="state" data-value="new"'], []),
], ids=["no-baseline", "baseline"])
def test_corpus_html_marks_new_and_baselined_only_with_a_baseline(baselined: bool, expected: list[str],
                                                                  absent: list[str]) -> None:
    """Issue #18, item 2 (the browser test drives the same page): the 20% minor is in the baseline."""
    from backcheck.report.corpus_html import render_corpus_html

    c = hand_corpus()
    if baselined:
        worst = c.reports[1]
        Baseline.from_reports([Report(worst.article_id, None, worst.text, worst.findings[1:], "")]).apply(c)
    html = render_corpus_html(c, Severity.MAJOR)
    assert all(e in html for e in expected) and not any(a in html for a in absent)


def test_accept_keys_ignore_positions_and_count_repeats() -> None:
    from dataclasses import replace

    from backcheck.report.render_html import accept_keys

    text = "Il 10% e il 10%."
    f1, f2 = _finding(text, "10%", Severity.MINOR), _finding(text, "10%", Severity.MINOR)
    f2 = replace(f2, start=12, end=15)
    a = Report("a", None, text, [f1, f2], "")
    keys = accept_keys(a)
    assert len(set(keys.values())) == 2  # the same finding twice: two keys, as a baseline counts it
    moved = replace(a, text="Ora: " + text, findings=[replace(f, start=f.start + 5, end=f.end + 5) for f in a.findings])
    assert list(accept_keys(moved).values()) == list(keys.values())
    assert list(accept_keys(replace(a, article_id="b")).values()) != list(keys.values())


def test_source_sentences_placed_nowhere_are_counted_in_the_corpus_reports() -> None:
    # no check compared them with the Italian: a corpus gate that passes must still say so
    from dataclasses import replace

    from backcheck.report.corpus_markdown import render_corpus_markdown
    from backcheck.report.render_text import render_corpus_text

    corpus = hand_corpus()
    placed = {"source_index": 0, "source": "All is well.", "matched": True}
    unplaced = [{"source_index": k, "source": f"Sentence {k}.", "matched": False} for k in (1, 2)]
    reports = [replace(r, alignments=[placed, *unplaced]) if r.article_id == "clean" else r for r in corpus.reports]
    with_unplaced = CorpusReport(corpus.path, reports, scores=corpus.scores, chrf=corpus.chrf)
    line = "2 source sentences in 1 article placed nowhere in the Italian"
    assert line in " ".join(render_corpus_text(with_unplaced, Severity.MAJOR, width=300).split())
    assert line in render_corpus_markdown(with_unplaced, Severity.MAJOR)
    from backcheck.report.corpus_html import render_corpus_html

    assert line in render_corpus_html(with_unplaced, Severity.MAJOR)
    assert "placed nowhere" not in render_corpus_html(corpus, Severity.MAJOR)
    assert "placed nowhere" not in render_corpus_text(corpus, Severity.MAJOR, width=300)
