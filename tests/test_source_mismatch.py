"""A source that is not the article's is refused (exit 2 in ``check``, an error row in ``corpus``)
rather than compared: unrelated sentences clear the placement bar by chance, and every difference
between them would become a finding. The article, its back-translation and both sources are written
for these tests: the unrelated source tells another story (a harbour strike) than the article (a
bridge reopened)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.align.units import SOURCE_MATCH_MEDIAN, Alignment, SourceMatch
from backcheck.cli import app

runner = CliRunner()

ARTICLE = (
    "Il ponte sul fiume è stato riaperto al traffico martedì dopo sei mesi di lavori.\n\n"
    "Il sindaco ha detto che i lavori sono costati quattro milioni di euro.\n\n"
    "Le auto potranno attraversarlo di nuovo, ma i camion dovranno aspettare fino a marzo.\n\n"
    "I residenti hanno accolto la notizia con sollievo.\n"
)
BACK = (
    "The bridge over the river was reopened to traffic on Tuesday after six months of works.\n\n"
    "The mayor said that the works cost four million euros.\n\n"
    "Cars will be able to cross it again, but trucks will have to wait until March.\n\n"
    "Residents welcomed the news with relief.\n"
)
OWN = (
    "The bridge over the river reopened to traffic on Tuesday after six months of work. "
    "The mayor said the work had cost four million euros. "
    "Cars can cross it again, but trucks will have to wait until March. "
    "Residents greeted the news with relief.\n"
)
OTHER = (
    "Dock workers at the northern port walked out on Friday over a dispute about night shifts. "
    "The union said the strike would last at least a week. "
    "Several container ships were diverted to a terminal further south. "
    "Talks with the port authority are expected to resume next month.\n"
)


def _write(folder: Path, source: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.it.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "back.en.txt").write_text(BACK, encoding="utf-8")
    (folder / "source.en.txt").write_text(source, encoding="utf-8")
    return folder / "article.it.txt"


def _check(article: Path, *extra: str) -> list[str]:
    return ["check", str(article), "-s", str(article.parent / "source.en.txt"), "-b",
            str(article.parent / "back.en.txt"), "--engine", "none", "--fail-on", "critical", *extra]


def _match(i: int, score: float) -> SourceMatch:
    return SourceMatch(i, f"unit {i}", [i], 0, 1, "", score)


@pytest.mark.parametrize(
    ("n_units", "scores", "refused"),
    [
        (4, [], True),  # nothing placed
        (4, [0.40, 0.42, 0.38], True),  # placed only as unrelated sentences place
        (4, [0.40, 0.80, 0.82, 0.85], False),  # one weak unit among the article's own
        (4, [0.45, SOURCE_MATCH_MEDIAN + 0.05], False),  # median exactly at the bar's right side
        (1, [], False),  # one snippet the translation may have left out: an omission, not a wrong file
    ],
)
def test_mismatch_rule(n_units: int, scores: list[float], refused: bool) -> None:
    aln = Alignment(units=[f"unit {i}" for i in range(n_units)],
                    matches=[_match(i, s) for i, s in enumerate(scores)])
    assert (aln.mismatch() is not None) is refused


def test_own_source_is_checked(tmp_path: Path) -> None:
    article = _write(tmp_path / "own", OWN)
    result = runner.invoke(app, _check(article, "-o", str(tmp_path / "r.json")))
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["alignments"] and all(a["matched"] for a in report["alignments"])


@pytest.mark.parametrize("kind", ["auto", "whole", "snippets"])
def test_another_articles_source_is_refused(tmp_path: Path, kind: str) -> None:
    article = _write(tmp_path / "other", OTHER)
    result = runner.invoke(app, _check(article, "--source-kind", kind))
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "do not match" in lines[0] and "Traceback" not in result.output


def test_another_articles_back_translation_is_refused_too(tmp_path: Path) -> None:
    article = _write(tmp_path / "bt", OWN)
    (article.parent / "back.en.txt").write_text(OTHER.replace(". ", ".\n\n"), encoding="utf-8")  # 4 paragraphs
    result = runner.invoke(app, _check(article))
    assert result.exit_code == 2, result.output
    assert "one of them is another article's" in result.output


def test_one_unrelated_snippet_is_a_possible_omission(tmp_path: Path) -> None:
    article = _write(tmp_path / "one", OTHER.split(". ")[0] + ".\n")
    result = runner.invoke(app, _check(article, "-o", str(tmp_path / "r.json")))
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [a["matched"] for a in report["alignments"]] == [False]


def test_corpus_reports_the_mismatched_article_and_checks_the_rest(tmp_path: Path) -> None:
    _write(tmp_path / "corpus" / "a-own", OWN)
    _write(tmp_path / "corpus" / "b-other", OTHER)
    out = tmp_path / "c.json"
    result = runner.invoke(app, ["corpus", str(tmp_path / "corpus"), "--engine", "none", "--fail-on", "critical",
                                 "--json", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # an article that cannot be checked fails the run
    reports = {Path(r["article"]["path"]).parent.name: r for r in json.loads(out.read_text("utf-8"))["reports"]}
    assert reports["a-own"]["error"] is None
    assert "one of them is another article's" in reports["b-other"]["error"]


# --- inputs in the wrong language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "italian"),
    [
        (ARTICLE, True),
        (BACK, False),
        (OWN, False),
        # an Italian article quoting English at length is still Italian; an English text quoting
        # Italian is still English
        (ARTICLE + "\n\n«We will not stop until the bridge is safe for all of the trucks», he said.\n", True),
        (OWN + 'The sign read "il ponte è chiuso".\n', False),
        ("Il ponte è aperto.", False),  # too few words to say
    ],
)
def test_reads_as_italian(text: str, italian: bool) -> None:
    from backcheck.lang.which import reads_as_italian

    assert (reads_as_italian(text) is not None) is italian


def test_article_given_as_back_translation_is_refused(tmp_path: Path) -> None:
    article = _write(tmp_path / "a", OWN)
    result = runner.invoke(app, ["check", str(article), "-b", str(article), "--engine", "none"])
    assert result.exit_code == 2, result.output
    assert "is Italian, not English" in result.output and "back-translation" in result.output


def test_article_given_as_source_is_refused(tmp_path: Path) -> None:
    article = _write(tmp_path / "a", OWN)
    result = runner.invoke(app, ["check", str(article), "-s", str(article), "-b",
                                 str(article.parent / "back.en.txt"), "--engine", "none"])
    assert result.exit_code == 2, result.output
    assert "the source is Italian, not English" in result.output
