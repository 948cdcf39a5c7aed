"""referents check. Sentence pairs invented for this test; each row states where its expected value comes
from (a bilingual reading of who the Italian's words refer to)."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# The first sentence introduces the three persons (a title, a first name and a surname: persons'
# names); the second is the one checked.
SOURCE = "Governor Piet Jansen met Senator Ulla Berg and Mayor Anna Rossi in Turin on Monday."
ITALIAN = "Il governatore Piet Jansen ha incontrato la senatrice Ulla Berg e la sindaca Anna Rossi a Torino lunedì. "
BT = "Governor Piet Jansen met Senator Ulla Berg and Mayor Anna Rossi in Turin on Monday. "

# (id, source sentence, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("two-dropped", "Jansen last talked to Berg in March, two days before Rossi's trip to Turin.",
     "Due giorni prima del viaggio di Rossi a Torino, i due non si sentivano da marzo.",
     "Two days before Rossi's trip to Turin, the two had not talked since March.", [("sentivano", "major")],
     "«i due» follows the one person the sentence names: Jansen and Berg are gone, the speakers changed"),
    ("subject-dropped", "Jansen said he would call Berg after Rossi's visit to Turin.",
     "Ha detto che chiamerà Berg dopo la visita di Rossi a Torino.",
     "He said he will call Berg after Rossi's visit to Turin.", [],
     "one participant dropped: Italian drops a known subject, the verb still says who"),
    ("one-person-two-names", "Piet Jansen later met Berg and Rossi in Turin.",
     "In seguito il governatore ha incontrato Berg e Rossi a Torino.",
     "Later the governor met Berg and Rossi in Turin.", [],
     "first name and surname are one person, named by his title: nothing changed hands"),
    ("names-kept", "Jansen last spoke with Berg in March, a week before Rossi's visit to Turin.",
     "Una settimana prima della visita di Rossi a Torino, Jansen e Berg non si parlavano da marzo.",
     "A week before Rossi's visit to Turin, Jansen and Berg had not spoken since March.", [],
     "every person of the source is named"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_referents(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_check("referents", ITALIAN + italian, [SOURCE, source], back_translation=BT + bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert "“Jansen” and “Berg”" in f.message and "“Rossi”" in f.message
