"""roles check. Sentence pairs invented for this test; each row states where its expected value comes from
(a bilingual reading; agent and patient as spaCy's English parse labels them)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("active-swapped", "The young challenger defeated the champion in Paris on Sunday.",
     "Il campione ha sconfitto il giovane sfidante a Parigi domenica.",
     "The champion defeated the young challenger in Paris on Sunday.", [("sconfitto", "critical")],
     "the source: the challenger won; the Italian: the champion won"),
    ("passive-to-active-kept", "The champion was defeated by the young challenger in Paris on Sunday.",
     "Il giovane sfidante ha sconfitto il campione a Parigi domenica.",
     "The young challenger defeated the champion in Paris on Sunday.", [],
     "a voice change keeps the roles: the challenger won on both sides"),
    # the voice changes and the roles swap: no word changes sides, so only the voice says to look
    ("passive-to-active-swapped", "The champion was defeated by the young challenger in Paris on Sunday.",
     "Il campione ha sconfitto il giovane sfidante a Parigi domenica.",
     "The champion defeated the young challenger in Paris on Sunday.", [("sconfitto", "critical")],
     "the source: the challenger won; the Italian: the champion won"),
    ("same-roles", "The young challenger defeated the champion in Paris on Sunday.",
     "Il giovane sfidante ha sconfitto il campione a Parigi domenica.",
     "The young challenger defeated the champion in Paris on Sunday.", [], "the same sentence"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_roles(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("roles", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "who does what to whom" in f.message
