"""magnitudes: a round number said without a figure of another order than the source's, through the
production path. Sentences invented for this test; each expected value is a bilingual reading
(«decine» is tens, «centinaia» hundreds, «migliaia» thousands; «raddoppiare» is to double, «triplicare» to
triple, «dimezzare» to halve: data/magnitudes.tsv)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.lang.magnitudes import multiples, round_numbers

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
    # a change said as a factor: the fix is the source's factor in the found word's form
    ("doubled-as-tripled", "Sales doubled in the last quarter.", "Le vendite sono triplicate nell'ultimo trimestre.",
     "Sales tripled in the last quarter.", [("triplicate", "major", "raddoppiate")]),
    ("halved-as-doubled", "The number of new cases halved in a month.",
     "Il numero di nuovi casi è raddoppiato in un mese.", "The number of new cases doubled in a month.",
     [("raddoppiato", "major", "dimezzato")]),
    ("double-as-triple", "The victims received double the compensation.",
     "Le vittime hanno ricevuto il triplo del risarcimento.", "The victims received triple the compensation.",
     [("triplo", "major", "doppio")]),
    ("doubled-kept", "Sales doubled in the last quarter.", "Le vendite sono raddoppiate nell'ultimo trimestre.",
     "Sales doubled in the last quarter.", []),
    # "twice as high" says the factor without a multiple: nothing to compare «il doppio» with
    ("twice-as-doppio", "Prices are twice as high as last year.", "I prezzi sono il doppio dell'anno scorso.",
     "Prices are double last year's.", []),
    ("double-murder", "Police are investigating a double murder.", "La polizia indaga su un duplice omicidio.",
     "Police are investigating a double murder.", []),
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


@pytest.mark.parametrize(("text", "lang", "factors"), [
    ("Sales doubled, costs will triple, a twofold rise; profits halved.", "en", [2, 3, 2, 0.5]),
    ("vendite triplicate, il doppio, una tripla crescita, costi dimezzati", "it", [3, 2, 3, 0.5]),
    ("a double murder", "en", [2]), ("the doubts grew", "en", []), ("una doppietta", "it", []),
])
def test_multiples(text: str, lang: str, factors: list[float]) -> None:
    assert [f for _, _, f in multiples(text, lang)] == factors
