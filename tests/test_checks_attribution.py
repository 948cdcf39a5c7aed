"""attribution check. Sentence pairs invented for this test; each expected value is a bilingual reading of
the pair (does the Italian still say who says it?) or the rule the check follows (checks/attribution.py)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.checks.attribution import _still_reported

# (id, source, Italian, back-translation, expected [(span, severity)], origin)
CASES = [
    ("says-dropped", "The government says the economy is growing.", "L'economia sta crescendo.",
     "The economy is growing.", [("sta crescendo", "major")],
     "bilingual reading: the government's claim is now a fact"),
    ("claims-dropped", "The group claims it carried out the attack.", "Il gruppo ha compiuto l'attacco.",
     "The group carried out the attack.", [("ha compiuto", "major")], "bilingual reading: a claim made a fact"),
    ("believe-dropped", "Police believe the suspect fled to France.", "Il sospettato è fuggito in Francia.",
     "The suspect fled to France.", [("è fuggito", "major")],
     "bilingual reading; the back-translation's noun 'suspect' is no verb of suspecting"),
    ("kept-by-verb", "The group claims it carried out the attack.", "Il gruppo sostiene di aver compiuto l'attacco.",
     "The group maintains that it carried out the attack.", [], "«sostiene» keeps the claim"),
    ("kept-by-conditional", "The group claims it carried out the attack.", "Il gruppo avrebbe compiuto l'attacco.",
     "The group would have carried out the attack.", [], "the conditional of hearsay keeps it a report"),
    ("kept-by-secondo", "Police said the suspect fled to France.",
     "Secondo la polizia, il sospettato è fuggito in Francia.", "According to the police, the suspect fled to France.",
     [], "«secondo» attributes it"),
    ("kept-at-the-end", "Police said the suspect fled to France.",
     "Il sospettato è fuggito in Francia, ha detto la polizia.",
     "The suspect fled to France, police said.", [], "the attribution moved to the end"),
    ("quoted", "\"We will win,\" the coach said.", "«Vinceremo».", "\"We will win.\"", [],
     "a quotation keeps its speaker's voice: not this check's"),
    ("source-hedged", "A first look should consider that prices have risen.", "I prezzi sono aumentati.",
     "Prices have risen.", [], "the source's own verb is under a modal: nobody asserts the clause"),
    ("headline-verb-misread", "Acme says a fault cut power to the northern valleys.",
     "Acme afferma che un guasto ha tolto la corrente alle valli del nord.",
     "Acme states that a fault cut power to the northern valleys.", [],
     "«afferma» read back as 'states': the statement is still attributed"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_attribution(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("attribution", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "omission"


def test_message_names_the_attribution() -> None:
    [f] = run_pair("attribution", "The group claims it carried out the attack.", "Il gruppo ha compiuto l'attacco.",
                   "The group carried out the attack.")
    assert f.message == ("«ha compiuto» states as a fact what the source attributes (“The group claims”): the "
                         "back-translation has no verb of saying or believing, and no hedge")


def test_a_reporting_word_counts_unless_it_is_a_noun_after_an_article() -> None:
    """A headline's "Acme states that …" reports whatever the parser calls "states"; "the suspect", "a
    report" are nouns; "reminded" is a verb only a back-translation is read for."""
    assert _still_reported("Acme states that a fault cut power.")
    assert not _still_reported("The suspect fled to France.")
    assert not _still_reported("Their report arrived on Monday.")
    assert _still_reported("Doctors should be consulted first, Marlow reminded.")
