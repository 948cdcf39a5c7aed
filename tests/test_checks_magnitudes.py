"""magnitudes: a round number said without a figure of another order than the source's, through the
production path. Sentences invented for this test; each expected value is a bilingual reading
(«decine» is tens, «centinaia» hundreds, «migliaia» thousands: data/magnitudes.tsv)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.lang.magnitudes import round_numbers

CASES = [
    ("dozens-as-hundreds", "The storm killed dozens of people.", "La tempesta ha ucciso centinaia di persone.",
     "The storm killed hundreds of people.", [("centinaia", "major", "decine")]),
    ("kept", "The storm killed dozens of people.", "La tempesta ha ucciso decine di persone.",
     "The storm killed dozens of people.", []),
    ("tens-of-thousands-as-thousands", "Tens of thousands of people marched in Rome.",
     "Migliaia di persone hanno sfilato a Roma.", "Thousands of people marched in Rome.",
     [("Migliaia", "major", "decine di migliaia")]),
    # two orders in the source, both kept though in another order of the sentence
    ("both-kept", "Hundreds were hurt and thousands fled.", "Migliaia sono fuggiti e centinaia sono rimasti feriti.",
     "Thousands fled and hundreds were injured.", []),
    # a figure's scale is not a round number: «3 milioni» is the numbers check's
    ("figure-scale", "The company lost millions of euros.", "La società ha perso 3 milioni di euro.",
     "The company lost 3 million euros.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_magnitudes(source: str, italian: str, bt: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = run_pair("magnitudes", source, italian, bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "number" for f in found)


@pytest.mark.parametrize(("text", "lang", "orders"), [
    ("tens of thousands of people", "en", [4]), ("hundreds of thousands", "en", [5]),
    ("centinaia di migliaia di persone", "it", [5]), ("3 milioni di persone", "it", []),
    ("milioni di persone", "it", [6]),
])
def test_round_numbers(text: str, lang: str, orders: list[int]) -> None:
    assert [o for _, _, o in round_numbers(text, lang)] == orders
