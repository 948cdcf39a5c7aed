"""Message and fix read the same in every output (issue #17): the terminal, JSON, Markdown, HTML, SARIF
and JUnit all show ``Finding.fix_text()`` after a "fix:" label — the suggestion, what it replaces when
that is more than the flagged words, and a note for a dictionary form. The finding is hand-made; its
expected text is written out here, not read from the code."""

from __future__ import annotations

import html
import json

import pytest

from backcheck.corpus import CorpusReport
from backcheck.report import render
from backcheck.report.junit import render_junit
from backcheck.report.sarif import to_sarif
from backcheck.results import Category, Evidence, Finding, Report, Severity

TEXT = "Il sindaco ha parlato con il suo alleato russo."
START = TEXT.index("alleato")
MESSAGE = "«alleato» reads as “ally”; the source says “counterpart” (controparte)"
FIX = {"replaces": "il suo alleato", "start": TEXT.index("il suo"), "end": START + 7,
       "options": [{"origin": "MultiWordNet", "form": "inflected", "lemma": "controparte",
                    "text": "la sua controparte"}]}
EXPECTED = "la sua controparte (in place of “il suo alleato”)"


def _report() -> Report:
    f = Finding(START, START + 7, "alleato", Category.MISTRANSLATION, Severity.MAJOR, MESSAGE, "divergence",
                evidence=Evidence(kinds=("word-alignment",), phrases=(("back_translation", "ally"),
                                                                      ("source", "counterpart")),
                                  details={"fix": FIX}),
                suggestion="la sua controparte", context=TEXT)
    return Report("a", "a/article.it.txt", TEXT, [f], "version:0.1.0")


def test_fix_text() -> None:
    f = _report().findings[0]
    assert f.fix_text() == EXPECTED
    lemma = Finding(0, 2, "Il", Category.MISTRANSLATION, Severity.MINOR, "m", "x", suggestion="fingere",
                    evidence=Evidence(details={"fix": {"replaces": "Il", "options": [{"form": "lemma"}]}}))
    assert lemma.fix_text() == "fingere (dictionary form: put it in the article's form)"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_shows_message_and_fix(fmt: str) -> None:
    out = render(_report(), fmt, width=200)
    if fmt == "json":
        (f,) = json.loads(out)["findings"]
        assert f["message"] == MESSAGE and f["fix"] == EXPECTED and f["suggestion"] == "la sua controparte"
        assert f["evidence"]["fix"]["replaces"] == "il suo alleato"
        return
    if fmt == "html":
        out = html.unescape(out.replace("<strong lang=\"it\">", "").replace("</strong>", ""))
    flat = " ".join(out.replace("\\", "").split())
    assert MESSAGE in flat
    assert f"fix: {EXPECTED}" in flat or EXPECTED in flat


def test_sarif_and_junit_show_message_and_fix() -> None:
    corpus = CorpusReport(path="c", reports=[_report()])
    (result,) = to_sarif(corpus)["runs"][0]["results"]
    assert result["message"]["text"] == f"{MESSAGE} (fix: {EXPECTED})"
    assert result["properties"]["suggestion"] == "la sua controparte"
    xml = html.unescape(render_junit(corpus, Severity.MAJOR))
    assert f"{MESSAGE} (fix: {EXPECTED})" in xml


@pytest.mark.parametrize(("word", "slot"), [
    # an irregular past participle is the verb's participle, its gender and number in the last vowel
    ("sceso", ("participle", 0)), ("rimasta", ("participle", 1)), ("scesi", ("participle", 2)),
    # a past historic in "-se" is not (it is also «prese», «chiese»), nor a form with an attached pronoun
    ("prese", None), ("congratulandosi", ("gerund", 0)),
])
def test_irregular_participles_are_read_as_verbs(word: str, slot: tuple[str, int] | None) -> None:
    from backcheck.lang.inflect import analyse

    form = analyse(word, "v")
    assert (form.slot if form is not None else None) == slot


def test_a_reversed_irregular_participle_is_fixed_in_its_form() -> None:
    """«è sceso» for "rose": the fix is the antonym's participle, «salito» (origin: salire, to rise)."""
    from backcheck.knowledge.renderings import render_opposite
    from backcheck.knowledge.support import lexicon

    article = "L'euro è sceso rispetto al dollaro."
    start = article.index("sceso")
    got = render_opposite("rise", "fall", article, start, start + len("sceso"), lexicon=lexicon())
    assert [r.text for r in got] == ["salito"]
