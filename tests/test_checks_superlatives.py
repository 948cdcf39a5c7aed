"""superlatives check. Sentence pairs invented for this test; each expected value is a bilingual reading of
the pair (does the Italian still restrict the superlative?) or the rule the check follows."""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation, expected [(span, severity)], origin)
CASES = [
    ("ordinal-dropped", "It is the second largest city in the country.", "È la città più grande del paese.",
     "It is the largest city in the country.", [("più grande", "major")], "bilingual reading: second made first"),
    ("partitive-dropped", "It is one of the largest companies in Europe.", "È la più grande azienda in Europa.",
     "It is the largest company in Europe.", [("più grande", "major")], "one of several made the one"),
    ("among-dropped", "Milan is among the most expensive cities.", "Milano è la città più cara.",
     "Milan is the most expensive city.", [("più cara", "major")], "'among the most' made 'the most'"),
    ("organic-form", "It is one of the best hospitals in the region, and the biggest.",
     "È il miglior ospedale della regione, e il più grande.",
     "It is the best hospital in the region, and the biggest.", [("miglior", "major")],
     "the finding sits on the Italian of 'best' («miglior», Serianni V §§ 75-80), not on «più grande»"),
    ("partitive-kept", "It is one of the largest companies in Europe.", "È una delle più grandi aziende in Europa.",
     "It is one of the largest companies in Europe.", [], "«una delle» keeps it"),
    ("among-kept", "Milan is among the most expensive cities.", "Milano è tra le città più care.",
     "Milan is among the most expensive cities.", [], "«tra le» keeps it"),
    ("ordinal-kept", "It is the second-largest city.", "È la seconda città più grande.",
     "It is the second largest city.", [], "«seconda» keeps it"),
    ("plain-superlative", "It is the largest city in the country.", "È la città più grande del paese.",
     "It is the largest city in the country.", [], "no restriction in the source"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_superlatives(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("superlatives", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin


def test_message_quotes_the_restriction() -> None:
    [f] = run_pair("superlatives", "It is one of the largest companies in Europe.",
                   "È la più grande azienda in Europa.", "It is the largest company in Europe.")
    assert f.message == ("«più grande» states the top, where the source says “one of the largest”: the Italian "
                         "claims a first place the source does not")
