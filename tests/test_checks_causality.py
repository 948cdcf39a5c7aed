"""causality check. Sentence pairs invented for this test; each row states where its expected value comes
from (a bilingual reading)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.checks.causality import cause_span

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("swapped", "Dozens of flights were cancelled because the storm reached the northern coast.",
     "La tempesta ha raggiunto la costa settentrionale perché decine di voli sono stati cancellati.",
     "The storm reached the northern coast because dozens of flights were cancelled.", [("perché", "major")],
     "the source: the storm caused the cancellations; the Italian: the cancellations caused the storm"),
    ("reordered-not-swapped", "Dozens of flights were cancelled because the storm reached the northern coast.",
     "Poiché la tempesta ha raggiunto la costa settentrionale, decine di voli sono stati cancellati.",
     "Because the storm reached the northern coast, dozens of flights were cancelled.", [],
     "the cause comes first in the Italian, still the cause"),
    ("same-order", "The match was postponed due to heavy rain in the afternoon.",
     "La partita è stata rinviata a causa della forte pioggia nel pomeriggio.",
     "The match was postponed due to heavy rain in the afternoon.", [], "the same cause on both sides"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_causality(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("causality", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "the cause" in f.message


@pytest.mark.parametrize(("text", "cause"), [
    ("Flights were cancelled because the storm hit.", "the storm hit."),
    ("Because the storm hit, flights were cancelled.", "the storm hit"),
    ("Flights were cancelled because of the storm, because of the fog.", None),
    ("Flights were cancelled.", None),
])
def test_cause_span(text: str, cause: str | None) -> None:
    """Origin: Quirk et al. 15.45-46; a sentence with two markers has no one cause to compare."""
    got = cause_span(text)
    assert (text[got[0]:got[1]].strip() if got else None) == cause
