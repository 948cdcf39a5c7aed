"""Baselines: accepted findings by fingerprint and count, surviving edits elsewhere in the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from backcheck.corpus import CorpusReport
from backcheck.corpus.baseline import Baseline
from backcheck.errors import BackcheckError
from backcheck.results import Report
from backcheck.run.options import ArticleInput
from corpus_fakes import ARTICLES, copy_corpus, fake_check_article, install_fake_pipeline

runner = CliRunner()
ARTICLE = (ARTICLES / "readalso-boilerplate" / "article.it.txt").read_text(encoding="utf-8")
NEW_PARAGRAPH = "Aggiornamento delle 18: il museo resterà aperto anche lunedì.\n\n"
BAD_LINE = "\n\nLEGGI ANCHE: Pisa, la Torre riapre ai visitatori\n"


def _report(text: str, article_id: str = "a") -> Report:
    return fake_check_article(ArticleInput(id=article_id, text=text))


def _invoke(*args: str | Path) -> int:
    return runner.invoke(app, ["corpus", *map(str, args)], env={"GITHUB_ACTIONS": ""}).exit_code


@pytest.mark.parametrize(
    ("edit", "states"),
    [
        pytest.param(lambda t: t, ["unchanged"], id="same-text"),
        pytest.param(lambda t: NEW_PARAGRAPH + t, ["unchanged"], id="paragraph-inserted-at-top"),
        pytest.param(lambda t: t.replace("cinque milioni", "oltre sei milioni"), ["unchanged"],
                     id="other-sentence-edited"),
        pytest.param(lambda t: t + BAD_LINE, ["unchanged", "new"], id="new-error-added"),
        pytest.param(lambda t: t.replace("il Ponte Vecchio", "Palazzo Pitti"), ["new"], id="span-edited"),
    ],
)
def test_states_survive_edits_elsewhere(edit, states: list[str]) -> None:  # type: ignore[no-untyped-def]
    base = Baseline.from_reports([_report(ARTICLE)])
    edited = _report(edit(ARTICLE))
    assert base.states(edited) == states


def test_offsets_move_but_fingerprint_matches() -> None:
    before, after = _report(ARTICLE).findings[0], _report(NEW_PARAGRAPH + ARTICLE).findings[0]
    assert after.start == before.start + len(NEW_PARAGRAPH)
    assert after.fingerprint() == before.fingerprint()


def test_counts_cover_repeated_fingerprints() -> None:
    twice = ARTICLE + "\n\nLEGGI ANCHE: Firenze, il Ponte Vecchio chiuso per lavori di restauro\n"
    base = Baseline.from_reports([_report(twice)])
    assert base.states(_report(twice)) == ["unchanged", "unchanged"]
    thrice = twice + "\n\nLEGGI ANCHE: Firenze, il Ponte Vecchio chiuso per lavori di restauro\n"
    assert base.states(_report(thrice)) == ["unchanged", "unchanged", "new"]
    once = Baseline.from_reports([_report(ARTICLE)])
    assert once.states(_report(twice)) == ["unchanged", "new"]


def test_baseline_is_per_article() -> None:
    base = Baseline.from_reports([_report(ARTICLE, "a")])
    assert base.states(_report(ARTICLE, "b")) == ["new"]


def test_save_load_round_trip(tmp_path: Path) -> None:
    reports = [_report(ARTICLE, "b"), _report(ARTICLE + BAD_LINE, "a")]
    base = Baseline.from_reports(reports)
    path = tmp_path / "sub" / "baseline.json"
    base.save(path)
    loaded = Baseline.load(path)
    assert loaded.articles == base.articles
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data["articles"]) == ["a", "b"]  # sorted: stable diffs
    assert data["articles"]["b"][0]["text"].startswith("LEGGI ANCHE:")
    assert data["articles"]["b"][0]["count"] == 1


def test_apply_marks_corpus() -> None:
    corpus = CorpusReport(path="x", reports=[_report(ARTICLE + BAD_LINE, "a")])
    Baseline.from_reports([_report(ARTICLE, "a")]).apply(corpus)
    assert corpus.baseline_states == {"a": ["unchanged", "new"]}
    assert [f.text for f in corpus.new_findings(corpus.reports[0])] == [BAD_LINE.strip()]
    assert corpus.summary["new"] == 1 and corpus.summary["baselined"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "baseline not found", id="missing"),
        pytest.param("{\n  oops", ":2: baseline is not valid JSON", id="bad-json"),
        pytest.param('{"x": 1}', 'no "articles" object', id="not-a-baseline"),
        pytest.param('{"articles": {"a": {}}}', "expected a list", id="entries-not-list"),
        pytest.param('{"articles": {"a": [{"count": 1}]}}', "string fingerprint", id="no-fingerprint"),
        pytest.param('{"articles": {"a": [{"fingerprint": "f", "count": 0}]}}', "count >= 1", id="zero-count"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BackcheckError) as err:
        Baseline.load(path)
    assert message in err.value.message
    assert err.value.hint and "--update-baseline" in err.value.hint


def test_cli_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_pipeline(monkeypatch)
    corpus = copy_corpus(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert _invoke(corpus) == 1
    assert _invoke(corpus, "--baseline", baseline, "--update-baseline") == 0
    assert baseline.is_file()
    assert _invoke(corpus, "--baseline", baseline) == 0
    # an edit elsewhere in a baselined article keeps it passing
    article = corpus / "readalso-boilerplate" / "article.it.txt"
    article.write_text(NEW_PARAGRAPH + article.read_text(encoding="utf-8"), encoding="utf-8")
    assert _invoke(corpus, "--baseline", baseline) == 0
    # a newly introduced error fails the gate
    clean = corpus / "clean-weather" / "article.it.txt"
    clean.write_text(clean.read_text(encoding="utf-8") + BAD_LINE, encoding="utf-8")
    assert _invoke(corpus, "--baseline", baseline) == 1
    # ...unless it is below --fail-on
    assert _invoke(corpus, "--baseline", baseline, "--fail-on", "critical") == 0


def test_fingerprint_is_the_check_category_text_and_sentence_not_the_position() -> None:
    """Issue #18: the identity a baseline and an accepted tick key on. Same words found by another
    check, or with another category, is another finding; the same finding moved is the same."""
    from dataclasses import replace

    f = _report(ARTICLE).findings[0]
    assert replace(f, start=f.start + 50, end=f.end + 50).fingerprint() == f.fingerprint()
    assert replace(f, context=" ".join(f.context.split()) + "  ").fingerprint() == f.fingerprint()
    assert replace(f, check="other").fingerprint() != f.fingerprint()
    assert replace(f, context=f.context + " Altro.").fingerprint() != f.fingerprint()


def test_schema_1_baseline_is_still_read(tmp_path: Path) -> None:
    """A baseline written before the check joined the fingerprint (schema 1.0) keeps gating, and
    --update-baseline writes 2.0."""
    report = _report(ARTICLE + BAD_LINE)
    first = report.findings[0]
    old = {"schema_version": "1.0", "tool": "backcheck",
           "articles": {"a": [{"fingerprint": first.fingerprint_v1(), "count": 1, "text": first.text}]}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert Baseline.load(path).states(report) == ["unchanged", "new"]
    new = Baseline.from_reports([report]).to_dict()
    assert new["schema_version"] == "2.0" and new["articles"]["a"][0]["check"] == first.check
