"""Acceptance on the reference example (../shared/examples/austin-shoigu), the planted-error articles
(../shared/corpora/planted-dev), real 2025 machine translation (../shared/corpora/wmt25-dev) and false
positives on real professional translations (flores-it, newssyscomb2009-it-en, ntrex-it). Gold spans
come from gold.tsv; no rule in backcheck names a word of them. The bars are set a little below the
figures measured with the given back-translations and no model (see the constants below and
`bench/eval_quality.py`, which prints the same figures). Skipped when ../shared is absent.

Two profiles, each with its own bar (README, "Measured on the data at hand"): ``full`` with the optional resources
(MultiWordNet, spaCy's English parser, the MiniLM embeddings) and ``minimal`` without any of them
(``BACKCHECK_NO_LEXICON``, ``BACKCHECK_NO_SPACY``, ``BACKCHECK_NO_EMBEDDINGS``; see
test_acceptance_minimal.py, which reruns this file that way). Without the resources the checks that
judge meaning (polarity, omission, false friends, support) lose their evidence, so recall is lower;
precision of major findings and the false-positive bars stay the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from _checkutil import gold_rows
from backcheck.results import Severity
from backcheck.run.checker import check_article
from backcheck.run.options import CheckOptions, load_article_input

pytestmark = pytest.mark.slow  # runs every check over ../shared

RESOURCE_SWITCHES = ("BACKCHECK_NO_LEXICON", "BACKCHECK_NO_SPACY", "BACKCHECK_NO_EMBEDDINGS")
PROFILE = "minimal" if all(os.environ.get(v) for v in RESOURCE_SWITCHES) else "full"
# Thresholds: the figures measured when the trained judge (issue #15) took over, a little below them so
# that a change which loses a finding fails. Issue #7's targets for austin-shoigu (recall 0.95) were met
# by the rule judge, which reported every phrase difference as a minor finding (27 minor false alarms per
# 100 sentences of flores-it); the judge keeps only those its held-out probabilities rank high enough, so
# austin-shoigu's recall fell with flores-it's false alarms (README, "Measured on the data at hand").
# 0.77 measured with the connectives check; 0.73 since the judge reads how well each side of a difference
# is found in the other sentence in context (16 of 22, the held-out figure before and after: the model
# ranks real MT's errors better, held-out AUC 0.801 -> 0.815, and «utilizzando» for "marked" fell under
# the reporting bar in-sample)
MIN_GOLD_RECALL = {"full": 0.72, "minimal": 0.45}[PROFILE]
# austin-shoigu's meaning errors (gold mistranslation / terminology rows of severity major or critical: 7)
# reported at major or critical: 5 measured (reversal x2, wordclass, connectives, referents), issue #15's
# target
AUSTIN_MIN_MEANING_MAJORS = {"full": 5, "minimal": 0}[PROFILE]
MIN_PRECISION = {"full": 0.90, "minimal": 0.85}[PROFILE]
PLANTED_MIN_RECALL = {"full": 0.80, "minimal": 0.45}[PROFILE]
# gold rows of severity major or critical, found by any finding
PLANTED_MIN_MAJOR_GOLD_RECALL = {"full": 0.85, "minimal": 0.50}[PROFILE]
PLANTED_MIN_MAJOR_PRECISION = 0.85     # findings of severity major or critical that overlap a gold row
# Real 2025 MT (wmt25-dev, 67 annotated errors): gold errors any finding reaches, and the share of major
# findings on a gold error (0.30 and 1.00 measured in-sample, 0.22 held out). Issue #15's target (0.4
# any-severity recall) is not met yet.
# Without the resources the checks that reach these errors (meaning) are skipped: no recall bar, only
# the major findings' precision.
WMT_MIN_RECALL = {"full": 0.28, "minimal": None}[PROFILE]
WMT_MIN_MAJOR_PRECISION = 0.75
# Minor findings per 100 sentences of the professional translations (all false alarms but for a few real
# slips): 27 on flores-it under the rule judge; the judge's threshold allows at most 9 held out.
MAX_MINOR_PER_100_SENTENCES = {"flores-it": 12.0, "newssyscomb2009-it-en": 20.0, "ntrex-it": 5.0}
MAX_MAJOR_PER_100_SENTENCES = {"flores-it": 3.0, "newssyscomb2009-it-en": 5.0, "ntrex-it": 1.0}


def gold_spans(folder: Path, text: str) -> list[tuple[int, int, str]]:
    return [(a, b, span) for a, b, span, _cat in gold_rows(folder, text)]


def overlap_scores(findings, gold):  # type: ignore[no-untyped-def]
    hit = [g for g in gold if any(f.start < g[1] and g[0] < f.end for f in findings)]
    good = [f for f in findings if any(f.start < g[1] and g[0] < f.end for g in gold)]
    return len(hit) / len(gold), (len(good) / len(findings) if findings else 0.0), hit


def check_folder(folder: Path, *, back: bool = True):  # type: ignore[no-untyped-def]
    inp = load_article_input(folder / "article.it.txt", [folder / "source.en.txt"],
                             folder / "back.en.txt" if back and (folder / "back.en.txt").exists() else None)
    return check_article(inp, CheckOptions(engine="none"))


def test_reference_example_meets_recall_and_precision(shared_dir: Path) -> None:
    folder = shared_dir / "examples" / "austin-shoigu"
    report = check_folder(folder)
    gold = gold_spans(folder, report.text)
    recall, precision, hit = overlap_scores(report.findings, gold)
    missed = [g[2] for g in gold if g not in hit]
    assert recall >= MIN_GOLD_RECALL, f"recall {recall:.2f}; missed {missed}"
    assert precision >= MIN_PRECISION, f"precision {precision:.2f}: " + "; ".join(
        f"{f.text!r} ({f.check})" for f in report.findings if not any(f.start < g[1] and g[0] < f.end for g in gold))
    for f in report.findings:
        assert report.text[f.start:f.end] == f.text
    rows = [r for r in gold_rows(folder, report.text) if r[3] in ("mistranslation", "terminology")]
    lines = (folder / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]
    severity = {r.split("\t")[0]: r.split("\t")[2] for r in lines if r.strip()}
    meaning = [r for r in rows if severity[r[2]] in ("major", "critical")]
    majors = [f for f in report.findings if f.severity.value in ("major", "critical")]
    at_major = [r[2] for r in meaning if any(f.start < r[1] and r[0] < f.end for f in majors)]
    assert len(meaning) == 7 and len(at_major) >= AUSTIN_MIN_MEANING_MAJORS, f"at major: {at_major}"


def test_reference_example_without_back_translation_runs_the_other_checks(shared_dir: Path) -> None:
    report = check_folder(shared_dir / "examples" / "austin-shoigu", back=False)
    skipped = {s.check for s in report.skipped}
    assert "divergence" in skipped
    assert {f.category.value for f in report.findings} >= {"boilerplate", "untranslated", "entity"}


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parents[2] / "shared" / "corpora"
                                                        / "ntrex-it").glob("ntrex-*")) or ["none"])
def test_professional_translations_have_no_major_findings(shared_dir: Path, name: str) -> None:
    """NTREX: professional translations. SOURCE.md lists a few real slips; none is a name, number,
    untranslated run or boilerplate, so no major finding is expected from the checks that run here."""
    folder = shared_dir / "corpora" / "ntrex-it" / name
    if not folder.is_dir():
        pytest.skip("no NTREX corpus")
    report = check_folder(folder)
    majors = [f"{f.text!r} {f.category.value}: {f.message}" for f in report.findings
              if f.severity.rank >= Severity.MAJOR.rank]
    assert majors == []


def _planted(shared_dir: Path) -> list[Path]:
    return sorted(p for p in (shared_dir / "corpora" / "planted-dev").iterdir() if (p / "gold.tsv").is_file())


def _severities(folder: Path) -> dict[str, str]:
    rows = (folder / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[2] for r in rows if r.strip()}


def _majors_on_gold(folder: Path, report, gold):  # type: ignore[no-untyped-def]
    """(major+ findings, those overlapping a gold span, the others described); every finding's text
    is its span of the article."""
    majors = good_majors = 0
    wrong = []
    for f in report.findings:
        assert report.text[f.start:f.end] == f.text
        if f.severity.rank >= Severity.MAJOR.rank:
            good = any(f.start < g[1] and g[0] < f.end for g in gold)
            majors, good_majors = majors + 1, good_majors + good
            if not good:
                wrong.append(f"{folder.name}: {f.text!r} ({f.check}: {f.message})")
    return majors, good_majors, wrong


def test_planted_errors_are_found_and_majors_are_right(shared_dir: Path) -> None:
    gold_n = hit_n = major_gold = major_hit = majors = good_majors = 0
    missed, wrong = [], []
    for folder in _planted(shared_dir):
        report = check_folder(folder)
        sev = _severities(folder)
        gold = gold_spans(folder, report.text)
        for g in gold:
            hit = any(f.start < g[1] and g[0] < f.end for f in report.findings)
            gold_n, hit_n = gold_n + 1, hit_n + hit
            if sev[g[2]] in ("major", "critical"):
                major_gold, major_hit = major_gold + 1, major_hit + hit
            if not hit:
                missed.append(f"{folder.name}: {g[2]!r}")
        n, good, bad = _majors_on_gold(folder, report, gold)
        majors, good_majors = majors + n, good_majors + good
        wrong += bad
        if not gold:  # the clean story: faithful Italian with correct look-alike words
            assert [f for f in report.findings if f.severity.rank >= Severity.MAJOR.rank] == []
    assert gold_n == 38 and major_gold == 25, "planted-dev changed: update the bars from its README"
    assert hit_n / gold_n >= PLANTED_MIN_RECALL, f"recall {hit_n}/{gold_n}; missed {missed}"
    assert major_hit / major_gold >= PLANTED_MIN_MAJOR_GOLD_RECALL, f"major gold {major_hit}/{major_gold}; {missed}"
    assert good_majors / max(majors, 1) >= PLANTED_MIN_MAJOR_PRECISION, f"major precision: {wrong}"


@pytest.mark.parametrize("corpus", sorted(MAX_MAJOR_PER_100_SENTENCES))
def test_real_translations_have_few_major_findings(shared_dir: Path, corpus: str) -> None:
    """Professional translations with the real opus-mt back-translation (flores, newssyscomb) or no
    back-translation (ntrex): nearly every major finding there would be a false alarm."""
    from backcheck.text.document import segment

    sentences = majors = minors = 0
    shown = []
    for folder in sorted(p for p in (shared_dir / "corpora" / corpus).iterdir() if p.is_dir()):
        report = check_folder(folder)
        sentences += len(segment(report.text).sentences)
        for f in report.findings:
            if f.severity.rank >= Severity.MAJOR.rank:
                majors += 1
                shown.append(f"{folder.name}: {f.text!r} ({f.check})")
            else:
                minors += 1
    per_100 = 100 * majors / sentences
    assert per_100 <= MAX_MAJOR_PER_100_SENTENCES[corpus], f"{per_100:.1f} per 100 sentences: {shown}"
    minor_100 = 100 * minors / sentences
    assert minor_100 <= MAX_MINOR_PER_100_SENTENCES[corpus], f"{minor_100:.1f} minor findings per 100 sentences"


def test_real_machine_translation_errors_are_reached(shared_dir: Path) -> None:
    """wmt25-dev: real English→Italian MT of 2025 with its annotated errors. Gold errors some finding
    reaches, and major findings that fall on a gold error."""
    folders = sorted(p for p in (shared_dir / "corpora" / "wmt25-dev").iterdir() if (p / "gold.tsv").is_file())
    gold_n = hit_n = majors = good_majors = 0
    wrong = []
    for folder in folders:
        report = check_folder(folder)
        gold = gold_spans(folder, report.text)
        gold_n += len(gold)
        hit_n += sum(any(f.start < g[1] and g[0] < f.end for f in report.findings) for g in gold)
        n, good, bad = _majors_on_gold(folder, report, gold)
        majors, good_majors = majors + n, good_majors + good
        wrong += bad
    assert gold_n >= 60, "wmt25-dev changed: update the bars from its README"
    if WMT_MIN_RECALL is not None:
        assert hit_n / gold_n >= WMT_MIN_RECALL, f"reached {hit_n}/{gold_n}"
    if majors:
        assert good_majors / majors >= WMT_MIN_MAJOR_PRECISION, f"major precision: {wrong}"
