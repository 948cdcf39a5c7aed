"""quantifiers check. Sentence pairs invented for this test; each expected value is a bilingual reading of the
pair, or the rule the check follows (lang/quantifiers.py: Horn's scale none < few < some < many < most <
all; neighbours are a translator's latitude, two steps or an end of the scale are another fact)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.lang.quantifiers import far_apart, quantifiers

# (id, source, Italian, back-translation, expected [(span, severity)], origin)
CASES = [
    ("most-as-all", "Most residents supported the plan.", "Tutti i residenti hanno sostenuto il piano.",
     "All residents supported the plan.", [("Tutti", "major")], "bilingual reading: a majority made everyone"),
    ("not-all-as-none", "Not all schools will close on Friday.", "Nessuna scuola chiuderà venerdì.",
     "No school will close on Friday.", [("Nessuna", "major")], "'not all' is some; «nessuna» is none"),
    ("few-as-most", "Few voters trusted the government.", "La maggior parte degli elettori si fidava del governo.",
     "Most voters trusted the government.", [("La maggior parte", "major")], "three steps apart"),
    ("most-kept", "Most residents supported the plan.", "La maggior parte dei residenti ha sostenuto il piano.",
     "Most of the residents supported the plan.", [], "the same class"),
    ("not-all-kept", "Not all schools will close on Friday.", "Non tutte le scuole chiuderanno venerdì.",
     "Not all schools will close on Friday.", [], "«non tutte» is some, as the source"),
    ("many-as-most", "Many residents supported the plan.", "La maggior parte dei residenti ha sostenuto il piano.",
     "Most of the residents supported the plan.", [], "neighbours on the scale: left to the translator"),
    ("first-of-all", "Above all, some shops were damaged.", "Prima di tutto, alcuni negozi sono stati danneggiati.",
     "First of all, some shops were damaged.", [], "'above all', «prima di tutto» quantify nothing"),
    ("italian-keeps-source-class", "Most residents supported the plan.",
     "La maggior parte dei residenti, tutti over 60, ha sostenuto il piano.",
     "All residents, all over 60, supported the plan.", [], "the Italian says the source's class too"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_quantifiers(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("quantifiers", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin


def test_message_says_both_classes() -> None:
    [f] = run_pair("quantifiers", "Most residents supported the plan.", "Tutti i residenti hanno sostenuto il piano.",
                   "All residents supported the plan.")
    assert f.message == ("«Tutti» says all of them, where the source says “Most” (most): the Italian claims more "
                         "than the source")


@pytest.mark.parametrize(("text", "lang", "classes"), [
    ("Not all schools, no school, a few shops, few voters", "en", ["some", "none", "some", "few"]),
    ("the most important thing, at most five, after all, some 300 people", "en", []),
    ("each other; every day; both sides", "en", ["all", "all"]),
    ("non tutte le scuole, nessuna scuola, alcuni negozi, pochi elettori", "it", ["some", "none", "some", "few"]),
    ("del tutto, prima di tutto, molto importante", "it", []),
])
def test_quantifier_classes(text: str, lang: str, classes: list[str]) -> None:
    assert [c for c, _, _ in quantifiers(text, lang)] == classes


def test_far_apart() -> None:
    assert far_apart("most", "all") and far_apart("some", "none") and far_apart("few", "most")
    assert not far_apart("many", "most") and not far_apart("some", "many") and not far_apart("all", "all")
