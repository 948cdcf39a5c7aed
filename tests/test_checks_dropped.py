"""dropped check: a sentence of a whole English source that the Italian does not have. Articles invented
for this test; each case states where its expected value comes from (a bilingual reading)."""

from __future__ import annotations

import pytest

from _checkutil import run_check

SOURCE = ["The minister signed a peace agreement with the neighbouring country on Monday.",
          "Farmers in the valley say the new dam will flood three villages and their pastures.",
          "The central bank raised interest rates by half a point."]
FIRST = ("Il ministro ha firmato lunedì un accordo di pace con il paese vicino.",
         "The minister signed a peace agreement with the neighbouring country on Monday.")
LAST = ("La banca centrale ha alzato i tassi di interesse di mezzo punto.",
        "The central bank raised interest rates by half a point.")
MIDDLE = {
    "same": ("Gli agricoltori della valle dicono che la nuova diga allagherà tre villaggi e i loro pascoli.",
             "Farmers in the valley say the new dam will flood three villages and their pastures."),
    "rewritten": ("Secondo gli agricoltori, la diga sommergerà tre paesi della valle.",
                  "According to the farmers, the dam will submerge three villages in the valley."),
}


def _article(middle: tuple[str, str] | None) -> tuple[str, str]:
    parts = [FIRST, *([middle] if middle else []), LAST]
    return ("Notizie\n\n" + "\n\n".join(p[0] for p in parts), "News\n\n" + "\n\n".join(p[1] for p in parts))


@pytest.mark.parametrize(("middle", "expected", "origin"), [
    (None, [(FIRST[0], "major")], "the Italian has no sentence about the farmers and the dam"),
    ("same", [], "the sentence is translated word for word"),
    ("rewritten", [], "the sentence is rewritten, its farmers, dam, villages and valley still there"),
])
def test_dropped_sentence(middle: str | None, expected: list[tuple[str, str]], origin: str) -> None:
    it, bt = _article(MIDDLE[middle] if middle else None)
    found = run_check("dropped", it, [" ".join(SOURCE)], back_translation=bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "omission" and f.evidence.source == SOURCE[1]
        assert "“Farmers”, “valley”" in f.message and "comes after this sentence" in f.message


def test_topic_words_a_neighbour_says_are_no_evidence() -> None:
    """The dropped sentence shares its topic words (feathers, dinosaur, scientists) with the sentence before
    it, which the back-translation says once: that one mention is the neighbour's, not the dropped
    sentence's (origin: the Italian has no sentence about the plumage)."""
    src = ["Scientists in Canada found dinosaur feathers preserved in a piece of amber.",
           "The feathers show that the dinosaur had a complex plumage, the scientists said.",
           "The piece of amber was bought at a market in Myanmar last year."]
    it = ("Scienza\n\nScienziati in Canada hanno trovato piume di dinosauro conservate in un pezzo d'ambra.\n\n"
          "Il pezzo d'ambra era stato comprato in un mercato del Myanmar l'anno scorso.")
    bt = ("Science\n\nScientists in Canada found dinosaur feathers preserved in a piece of amber.\n\n"
          "The piece of amber had been bought at a market in Myanmar last year.")
    found = run_check("dropped", it, [" ".join(src)], back_translation=bt)
    assert [(f.evidence.source, f.severity.value) for f in found] == [(src[1], "major")]
    assert found[0].text.startswith("Scienziati in Canada")


def test_a_truncated_translation_is_one_finding() -> None:
    """The Italian stops after the first sentence (origin: the last two source sentences are in no Italian
    sentence): one finding on the last Italian sentence names both, the second of which has no placed
    neighbour of its own."""
    src = [*SOURCE, "The governor said that prices in the shops are still rising too fast for most families."]
    it = "Notizie\n\n" + FIRST[0]
    bt = "News\n\n" + FIRST[1]
    found = run_check("dropped", it, [" ".join(src)], back_translation=bt)
    assert [(f.text, f.severity.value) for f in found] == [(FIRST[0], "major")]
    assert found[0].message.startswith("3 source sentences are missing from the Italian, from “Farmers")
    assert found[0].evidence.details["sentences"] == 3 and "they come after this sentence" in found[0].message


def test_a_short_sentence_or_a_snippet_is_not_judged() -> None:
    it, bt = _article(None)
    # a short source sentence (fewer than MIN_WORDS content words) may be a dateline or an aside
    short = [SOURCE[0], "Farmers protest.", SOURCE[2]]
    assert run_check("dropped", it, [" ".join(short)], back_translation=bt) == []
    # snippets (a source shorter than the article) are not a whole article: an unplaced one may belong
    # to a part of the story the article leaves out on purpose
    assert run_check("dropped", it, [SOURCE[1]], back_translation=bt) == []


def test_a_truncated_translation_is_one_finding_even_where_a_missing_sentence_shares_its_words() -> None:
    """The Italian stops after its first sentence, which adds how long the talks lasted; the third
    source sentence says just that, so it is not counted as missing (origin: its talks, three months
    are in the Italian sentence), and it splits the missing sentences in two runs. Both runs belong
    after the same Italian sentence: one finding there names the three that are missing (two findings
    on one sentence would leave the judge only one of them)."""
    echo = "The talks had lasted three months, officials said."
    src = [SOURCE[0], SOURCE[1], echo, SOURCE[2],
           "The governor said that prices in the shops are still rising too fast for most families."]
    it = "Notizie\n\n" + FIRST[0][:-1] + ", dopo trattative durate tre mesi."
    bt = "News\n\n" + FIRST[1][:-1] + ", after talks that lasted three months."
    found = run_check("dropped", it, [" ".join(src)], back_translation=bt)
    assert [f.severity.value for f in found] == ["major"]
    assert found[0].evidence.details["sentences"] == 3
    assert found[0].message.startswith("3 source sentences are missing from the Italian (of the 4 from the first "
                                       "to the last), from “Farmers")
    assert "The governor said" in found[0].message and echo not in found[0].evidence.source
