"""The terminal report as a reviewer's list: fits the width, groups by paragraph, --quiet and -v, and a
signature broken only between fields. Built on test_render's hand-made report (its golden values are
that report's own spans and messages)."""

from __future__ import annotations

import pytest

from backcheck.report.render_text import render_text, wrap_signature
from backcheck.results import Report, Severity
from test_render import SIGNATURE, make_report


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_every_line_fits_the_width(width: int) -> None:
    out = render_text(make_report(), width=width, verbosity=1, fail_on=Severity.MAJOR)
    too_long = [line for line in out.splitlines() if len(line) > width]
    assert too_long == []
    assert [line for line in out.splitlines() if line != line.rstrip()] == []


def test_blocks_are_grouped_by_paragraph_with_context_phrases_and_fix() -> None:
    out = render_text(make_report(), width=100)
    lines = out.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("¶")]
    assert [lines[i].split(" · ")[0] for i in heads] == ["¶2", "¶3"]  # paragraph 1 has no finding
    assert "  [1] major untranslated · 3:26 · test" in lines
    assert "      Il ministro ha detto che ⟦the government will not raise taxes⟧, ha spiegato." in lines
    assert "      fix: il governo non alzerà le tasse" in lines
    assert "      back-translation “will not raise” vs source “will raise”" in lines


@pytest.mark.parametrize(("verbosity", "present", "absent"), [
    (-1, ["3 findings: 1 critical, 1 major, 1 minor", "gate: FAIL (2 at or above --fail-on major, exit 1)"],
     ["[1]", "signature:", "backcheck:"]),
    # issue #18: the signature and the skipped checks (here: confidence, next to a given back-translation)
    # only with -v
    (0, ["[1]", "[3]"], ["back-translation: will not raise taxes", "signature:", "skipped"]),
    (1, ["back-translation: will not raise taxes", "source: will raise taxes", "signature: " + SIGNATURE,
         "skipped confidence: needs a model engine"], []),
], ids=["quiet", "default", "verbose"])
def test_verbosity(verbosity: int, present: list[str], absent: list[str]) -> None:
    out = render_text(make_report(), width=100, verbosity=verbosity, fail_on=Severity.MAJOR)
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out
    if verbosity == -1:
        assert len(out.splitlines()) == 2


@pytest.mark.parametrize(("signature", "width", "expected"), [
    ("a:1|b:2", 40, ["signature: a:1|b:2"]),
    ("engine:transformers|model:opus|version:0.1.0", 32,
     ["signature: engine:transformers|", "           model:opus|", "           version:0.1.0"]),
    ("checks:boilerplate+divergence+entities|v:1", 30,
     ["signature: checks:boilerplate+", "           divergence+", "           entities|v:1"]),
], ids=["fits", "breaks-between-fields", "long-field-at-plus"])
def test_wrap_signature(signature: str, width: int, expected: list[str]) -> None:
    assert wrap_signature(signature, width) == expected


def _with_alignments(back_translation: bool) -> Report:
    from dataclasses import replace

    report = make_report()
    aligned = [{"source_index": 0, "source": "Title", "matched": True},
               {"source_index": 1, "source": "The minister spoke of taxes.", "matched": True},
               {"source_index": 2, "source": "Football scores from Valdera came in late.", "matched": False}]
    return replace(report, alignments=aligned, back_translation=report.back_translation if back_translation else [])


@pytest.mark.parametrize(("back_translation", "verbosity", "present", "absent"), [
    (True, 0, ["1 of 3 source sentences matches nothing in the article: a possible omission, or not this "
               "article's text (-v lists them)"], ["Football scores"]),
    (True, 1, ["1 of 3 source sentences matches nothing in the article", "  3: Football scores from Valdera"],
     ["-v lists them"]),
    (False, 0, ["1 of 3 source sentences shares too few words, names or numbers with the Italian to be placed"],
     ["matches nothing"]),
    (True, -1, [], ["source sentence"]),
], ids=["default", "verbose-lists-them", "without-back-translation", "quiet"])
def test_a_source_sentence_placed_nowhere_is_said(back_translation: bool, verbosity: int, present: list[str],
                                                  absent: list[str]) -> None:
    # the checks that compare with the source never saw it: a user who gave a snippet of another article,
    # or whose article dropped it, must read so without asking for the JSON
    out = " ".join(render_text(_with_alignments(back_translation), width=400, verbosity=verbosity).split())
    for text in present:
        assert " ".join(text.split()) in out
    for text in absent:
        assert text not in out


def test_no_note_when_every_source_sentence_is_placed() -> None:
    assert "source sentence" not in render_text(make_report(), width=200, verbosity=1)


def test_markdown_lists_the_source_sentences_placed_nowhere() -> None:
    from backcheck.report.render_markdown import render_markdown

    out = render_markdown(_with_alignments(True))
    assert "## Source sentences placed nowhere" in out
    assert "- sentence 3: Football scores from Valdera came in late." in out
    assert "## Source sentences placed nowhere" not in render_markdown(make_report())
