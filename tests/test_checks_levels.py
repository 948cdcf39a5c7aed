"""levels check. Sentence pairs invented for this test; each expected value is a bilingual reading of the
pair ("to" / «a» give the level reached, "by" / «di» the size of the change: checks/levels.py)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation, expected [(span, severity, suggestion)])
CASES = [
    ("level-as-change", "Unemployment rose to 8 percent in March.",
     "La disoccupazione è aumentata dell'8 per cento a marzo.", "Unemployment increased by 8 percent in March.",
     [("dell'8 per cento", "major", "all'8 per cento")]),
    ("change-as-level", "Prices fell by 3% last year.", "I prezzi sono scesi al 3% l'anno scorso.",
     "Prices fell to 3% last year.", [("al 3%", "major", "del 3%")]),
    ("count-level-as-change", "The death toll rose to 300.", "Il bilancio delle vittime è salito di 300.",
     "The death toll rose by 300.", [("di 300", "major", "a 300")]),
    ("kept", "Unemployment rose to 8 percent in March.", "La disoccupazione è salita all'8 per cento a marzo.",
     "Unemployment rose to 8 percent in March.", []),
    # both at once, each kept: the change by «del», the level by «a»
    ("both-kept", "Prices fell by 3% to 120 euros.", "I prezzi sono scesi del 3% a 120 euro.",
     "Prices fell by 3% to 120 euros.", []),
    # "to" that is no level: the back-translation reads the same preposition
    ("sentenced-to", "He was sentenced to 5 years.", "È stato condannato a 5 anni.",
     "He was sentenced to 5 years.", []),
    # the back-translation does not read the other preposition: nothing to go on
    ("back-translation-silent", "Unemployment rose to 8 percent in March.",
     "La disoccupazione ha raggiunto l'8 per cento a marzo.", "Unemployment reached 8 percent in March.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_levels(source: str, italian: str, bt: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = run_pair("levels", source, italian, bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "number" for f in found)


def test_message_says_both_readings() -> None:
    [f] = run_pair("levels", "Unemployment rose to 8 percent.", "La disoccupazione è aumentata dell'8 per cento.",
                   "Unemployment increased by 8 percent.")
    assert f.message == ("«dell'8 per cento» reads as the size of the change (“by 8 percent”), where the source's "
                         "“to 8 percent” gives the level reached.")
