"""--sort: a reviewer reads the most severe and likeliest errors first. The ordering rule, the text,
Markdown and HTML reports that show each finding's probability, and the CLI's refusal of --sort where
it means nothing. Built on test_render's hand-made report, with probabilities set for the test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from backcheck.report.render_html import render_html
from backcheck.report.render_markdown import render_markdown
from backcheck.report.render_text import render_text
from backcheck.report.spans import numbered
from backcheck.results import Category, Finding, Report, Severity
from test_render import make_report


def _with_probabilities() -> Report:
    """make_report's three findings (untranslated major, negation critical, boilerplate minor) plus a
    second major the judge finds likelier than the first, and a major the rules decided alone."""
    r = make_report()
    untranslated, negation, furniture = r.findings
    text = r.text
    at = text.find("ministro")
    likelier = Finding(at, at + len("ministro"), "ministro", Category.MISTRANSLATION, Severity.MAJOR, "m", "t",
                       probability=0.9)
    ruled = Finding(0, 6, text[:6], Category.ENTITY, Severity.MAJOR, "r", "t")
    findings = [replace(untranslated, probability=0.4), replace(negation, probability=0.8),
                replace(furniture, probability=0.7), likelier, ruled]
    return replace(r, findings=findings)


def test_severity_order_is_severity_then_probability_then_rule_decided() -> None:
    order = [(f.severity.value, f.probability) for _, f in numbered(_with_probabilities(), "severity")]
    assert order == [("critical", 0.8), ("major", 0.9), ("major", 0.4), ("major", None), ("minor", 0.7)]


def test_position_order_is_reading_order() -> None:
    starts = [f.start for _, f in numbered(_with_probabilities())]
    assert starts == sorted(starts)


def test_unknown_order_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown order"):
        numbered(make_report(), "probability")


def test_text_report_by_severity_is_one_list_with_paragraphs_and_probabilities() -> None:
    out = render_text(_with_probabilities(), width=120, sort="severity")
    heads = [line.strip() for line in out.splitlines() if line.startswith("  [")]
    assert heads[0].startswith("[1] critical mistranslation · ¶") and heads[0].endswith("· p(error) 0.80")
    assert heads[1].startswith("[2] major mistranslation") and heads[1].endswith("p(error) 0.90")
    assert "p(error)" not in heads[3]  # decided by rule: no probability to show
    assert not [line for line in out.splitlines() if line.startswith("¶")]  # no paragraph groups


def test_text_report_by_position_shows_probabilities_in_paragraph_groups() -> None:
    out = render_text(_with_probabilities(), width=120)
    assert [line for line in out.splitlines() if line.startswith("¶")]
    assert any(line.strip().endswith("p(error) 0.40") for line in out.splitlines())


def test_markdown_table_has_the_probability_and_follows_the_order() -> None:
    rows = [line for line in render_markdown(_with_probabilities(), "severity").splitlines()
            if line.startswith("| ") and line[2].isdigit()]
    assert [r.split(" | ")[1:3] for r in rows] == [["critical", "0.80"], ["major", "0.90"], ["major", "0.40"],
                                                    ["major", ""], ["minor", "0.70"]]


def test_html_card_shows_the_probability() -> None:
    page = render_html(_with_probabilities())
    assert page.count('class="likelihood"') == 4 and "p(error) 0.90" in page


runner = CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.it.txt"
    p.write_text("Il governo ha approvato la legge di bilancio giovedì.\n", encoding="utf-8")
    (tmp_path / "back.en.txt").write_text("The government approved the budget law on Thursday.\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("extra", "expected"), [
    (["--sort", "severity", "--format", "json"], "--sort applies to the text and Markdown reports"),
    (["--sort", "likelihood"], "likelihood"),
])
def test_sort_where_it_means_nothing_is_one_line_and_exit_2(article: Path, extra: list[str], expected: str) -> None:
    result = runner.invoke(app, ["check", str(article), "-b", str(article.parent / "back.en.txt"), "--engine", "none",
                                 *extra])
    assert result.exit_code == 2, result.output
    assert expected in result.output and "Traceback" not in result.output


def test_sort_by_severity_runs_through_the_cli(tmp_path: Path) -> None:
    # a sentence left in English: the untranslated check reports it (no source needed)
    art = tmp_path / "article.it.txt"
    art.write_text("Il governo ha approvato la legge di bilancio giovedì.\n\n"
                   "The opposition said the budget would hurt families and small businesses.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(art), "--engine", "none", "--sort", "severity", "--format", "markdown"])
    assert result.exit_code in (0, 1), result.output
    rows = [line for line in result.output.splitlines() if line.startswith("| 1 |")]
    assert "| # | Severity | p(error) |" in result.output and len(rows) == 1
