"""connectives: the Italian links two clauses by another relation than the source. The sentence pairs
are invented for this test; each row states where its expected value comes from (a bilingual reading
and the relations of lang/data/connectives.tsv)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.checks.connectives import connectives

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("contrast-read-as-time", "The bridge was inspected every week, but it has not been opened to traffic.",
     "Il ponte è stato ispezionato ogni settimana fino a quando non è stato aperto al traffico.",
     "The bridge was inspected every week until it was opened to traffic.", [("fino a quando", "major")],
     "'but' (a contrast: inspected, yet still closed) became «fino a quando» (a time limit: inspected until "
     "it opened), in the same place between the two clauses"),
    ("cause-read-as-contrast", "The match was cancelled because the pitch was flooded.",
     "La partita è stata annullata anche se il campo era allagato.",
     "The match was cancelled even though the pitch was flooded.", [("anche se", "major")],
     "'because' (the flood is the reason) became «anche se» (in spite of the flood)"),
    ("since-a-time-read-as-a-cause", "The mountain road has been closed since last winter, residents said.",
     "La strada di montagna è chiusa a causa dell'ultimo inverno, hanno detto i residenti.",
     "The mountain road has been closed because of last winter, residents said.", [("a causa dell'", "major")],
     "'since last winter' says from when (a date-like word follows 'since'); «a causa dell'» says why"),
    ("same-relation-other-word", "The plan was approved, but the mayor voted against it.",
     "Il piano è stato approvato, tuttavia il sindaco ha votato contro.",
     "The plan was approved, however the mayor voted against it.", [],
     "'but' and «tuttavia» / 'however' are both a contrast"),
    ("time-as-condition", "When it rains, the road to the village is closed.",
     "Se piove, la strada per il paese viene chiusa.", "If it rains, the road to the village is closed.", [],
     "a time read as a condition is a paraphrase here: left alone by design"),
    ("kept-in-place", "Anyway, before the vote, the council met the unions.",
     "Tuttavia, prima del voto, il consiglio ha incontrato i sindacati.",
     "However, before the vote, the council met the unions.", [],
     "'before' is kept where it was; 'However' stands for 'Anyway', which is no connective of the list"),
]


FIXES = {CASES[0][1]: "ma", CASES[1][1]: "perché", CASES[2][1]: None}


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_connectives_check(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("connectives", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "link" in f.message
    # the source's connective in Italian (data/connectives.tsv: a bilingual dictionary's first equivalent)
    assert [f.suggestion for f in found] == [FIXES[source] for _ in found]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Prices rose, but sales fell.", "en", [("but", "contrast")]),
    ("It was all but over before noon.", "en", [("before", "time")]),          # "all but": almost
    ("She asked if the road was open, even though it was late.", "en", [("even though", "contrast")]),
    ("Not only the roofs but also the lines were hit.", "en", []),             # Quirk 13.46
    ("Sales have doubled since 2019.", "en", [("since", "time")]),             # a year follows
    ("Since he was ill, he stayed home.", "en", []),                           # a cause or a time: unsure
    ("Se ne andò prima che arrivasse la polizia.", "it", [("prima che", "time")]),  # «se ne»: the pronoun
    ("Se piove, la partita è rinviata a causa del campo.", "it", [("Se", "condition"), ("a causa del", "cause")]),
])
def test_connectives(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    """Origin: lang/data/connectives.tsv (PDTB 2.0 connectives; Serianni XIV) and the exclusions the
    module states."""
    assert [(c.text, c.relation) for c in connectives(text, lang)] == expected
