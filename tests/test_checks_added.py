"""added check: a sentence of the Italian that a whole English source does not have. Articles invented
for this test; each case states where its expected value comes from (a bilingual reading)."""

from __future__ import annotations

from pathlib import Path

import pytest

from _checkutil import run_check

# a whole source: as long as the article, give or take a sentence (align.units.WHOLE_ARTICLE_RATIO)
SOURCE = ["The minister signed a peace agreement with the neighbouring country on Monday.",
          "The agreement ends a border dispute that lasted more than twenty years.",
          "Parliament must still approve the text before the end of the month.",
          "The central bank raised interest rates by half a point.",
          "Its governor said that prices in the shops are still rising too fast."]
FIRST = ("Il ministro ha firmato lunedì un accordo di pace con il paese vicino. L'accordo mette fine a una "
         "disputa di confine durata più di vent'anni.",
         "The minister signed a peace agreement with the neighbouring country on Monday. The agreement ends a "
         "border dispute that lasted more than twenty years.")
LAST = ("Il parlamento deve ancora approvare il testo entro la fine del mese. La banca centrale ha alzato i "
        "tassi di interesse di mezzo punto. Il suo governatore ha detto che i prezzi nei negozi salgono ancora "
        "troppo in fretta.",
        "Parliament must still approve the text before the end of the month. The central bank raised interest "
        "rates by half a point. Its governor said that prices in the shops are still rising too fast.")
ADDED = ("Gli agricoltori della valle temono che la nuova diga allaghi tre villaggi e i loro pascoli.",
         "Farmers in the valley fear that the new dam will flood three villages and their pastures.")
TOLL = ("La regione ha deciso di raddoppiare il pedaggio dell'autostrada costiera a partire da settembre.",
        "The region has decided to double the toll on the coastal motorway starting in September.")
RESTATED = ("Il ministro ha detto che l'accordo di pace con il paese vicino è stato firmato lunedì.",
            "The minister said that the peace agreement with the neighbouring country was signed on Monday.")


def _article(middle: tuple[str, str] | None) -> tuple[str, str]:
    parts = [FIRST, *([middle] if middle else []), LAST]
    return ("Notizie\n\n" + "\n\n".join(p[0] for p in parts), "News\n\n" + "\n\n".join(p[1] for p in parts))


@pytest.mark.parametrize(("middle", "expected", "origin"), [
    (ADDED, [(ADDED[0], "major")], "the source says nothing about farmers or a dam"),
    (RESTATED, [], "the Italian says the first sentence again in other words: no new fact"),
    (None, [], "every Italian sentence has its source sentence"),
])
def test_added_sentence(middle: tuple[str, str] | None, expected: list[tuple[str, str]], origin: str) -> None:
    it, bt = _article(middle)
    found = run_check("added", it, [" ".join(SOURCE)], back_translation=bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "addition" and "“Farmers”, “valley”" in f.message


def test_snippets_are_not_a_whole_source() -> None:
    """With snippets the article may hold much the source lacks: nothing is an added sentence."""
    it, bt = _article(ADDED)
    assert run_check("added", it, [SOURCE[0]], back_translation=bt) == []


@pytest.mark.parametrize(("kind", "expected"), [("auto", []), ("whole", [ADDED[0], TOLL[0]]), ("snippets", [])])
def test_the_user_can_say_the_source_is_whole(kind: str, expected: list[str]) -> None:
    """A translation that added two paragraphs to a short story is over a third longer than its source,
    so its length alone says snippets and nothing is reported; --source-kind whole says otherwise, and
    both paragraphs are reported (the source says nothing of farmers, a dam or a toll road)."""
    from backcheck.judge.rules import RuleJudge
    from backcheck.run import Checker, CheckOptions
    from backcheck.run.options import ArticleInput

    parts = [FIRST, ADDED, TOLL]
    inp = ArticleInput(id="t", text="\n\n".join(p[0] for p in parts), sources=SOURCE[:2],
                       back_translation="\n\n".join(p[1] for p in parts))
    options = CheckOptions(engine="none", checks=["added"], source_kind=kind)
    report = Checker(options, translator=None, judge=RuleJudge()).check(inp)
    assert [f.text for f in report.findings] == expected
    assert ("source:whole" in report.signature) is (kind == "whole")
    # taken as snippets, the check is skipped, and the report says why and what to do
    reasons = {s.check: s.reason for s in report.skipped}
    assert ("--source-kind whole" in reasons.get("added", "")) is (kind != "whole")


def test_a_manifest_line_says_what_its_source_is(tmp_path: Path) -> None:
    """In a JSONL manifest, "source_kind" is per article and wins over the run's --source-kind: the same
    article is checked against a whole source on one line and as snippets on the other."""
    import json

    from backcheck.corpus import check_corpus
    from backcheck.run import CheckOptions

    parts = [FIRST, ADDED, TOLL]
    line = {"it": "\n\n".join(p[0] for p in parts), "source": SOURCE[:2],
            "back_translation": "\n\n".join(p[1] for p in parts)}
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps({**line, "id": i, **kind}) for i, kind in
                                  (("said", {"source_kind": "whole"}), ("told", {}))) + "\n", encoding="utf-8")
    result = check_corpus(manifest, CheckOptions(engine="none", checks=["added"]))
    found = {r.article_id: [f.text for f in r.findings] for r in result.reports}
    assert found == {"said": [ADDED[0], TOLL[0]], "told": []}
