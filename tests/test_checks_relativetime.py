"""relativetime check. Sentence pairs invented for this test; each row states where its expected value
comes from."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, suggestion)], origin of the expectation)
CASES = [
    ("day-changed", "Il governo ha presentato ieri il piano per le scuole.",
     ["The government is presenting its plan for schools today."],
     "The government presented the plan for schools yesterday.",
     [("ieri", "major", "oggi")], "bilingual reading: today in the source, yesterday in the Italian"),
    ("week-changed", "La commissione si riunirà la settimana scorsa per votare.",
     ["The committee will meet next week to vote."],
     "The committee will meet last week to vote.",
     [("settimana scorsa", "major", "settimana prossima")], "bilingual reading: next week became last week"),
    ("year-changed-adjective-first", "Il prossimo anno le tasse sono aumentate del due per cento.",
     ["Last year taxes rose by two percent."],
     "Next year taxes increased by two percent.",
     [("prossimo anno", "major", "anno scorso")], "bilingual reading: last year became next year"),
    ("added", "Il sindacato ha chiesto domani un incontro con l'azienda.",
     ["The union asked for a meeting with the company."],
     "The union asked tomorrow for a meeting with the company.",
     [("domani", "minor", None)], "bilingual reading: the source gives no time"),
    ("same", "Lo sciopero è stato annunciato ieri sera dai sindacati.",
     ["The strike was announced by the unions last night."],
     "The strike was announced yesterday evening by the unions.",
     [], "'last night' is the evening of yesterday (data/relative.tsv)"),
    ("present-not-added", "Oggi i giovani leggono meno giornali.",
     ["Young people read fewer newspapers these days."],
     "Today young people read fewer newspapers.",
     [], "'oggi' is also 'nowadays': an added present is not reported"),
    ("paired-off", "Ha detto ieri che oggi il ponte resterà chiuso.",
     ["He said yesterday that the bridge would stay closed today."],
     "He said yesterday that today the bridge will stay closed.",
     [], "each Italian expression has its own source counterpart"),
    ("this-year", "Quest'anno la vendemmia è cominciata presto.",
     ["This year the grape harvest started early."],
     "This year the grape harvest started early.", [], "the same expression on both sides"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_relative_time(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str | None]],
                       origin: str) -> None:
    found = run_check("relativetime", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == ("mistranslation" if f.severity.value == "major" else "addition")


def test_message_names_the_source() -> None:
    [f] = run_check("relativetime", "Il ministro è arrivato ieri.", ["The minister arrives tomorrow."],
                    back_translation="The minister arrived yesterday.")
    assert f.message == "«ieri» is not in the source, which says 'tomorrow'."
