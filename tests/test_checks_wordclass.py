"""wordclass check. Sentence pairs invented for this test; each row states where its expected value comes
from (a bilingual reading; the -ly adverbs: Quirk et al., A Comprehensive Grammar, App. I.36)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.checks.wordclass import adverb_of

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("subject-made-adverb", "The official confirmed the talks with the union on Friday.",
     "Ha ufficialmente confermato i colloqui con il sindacato venerdì.",
     "He officially confirmed the talks with the union on Friday.", [("ufficialmente", "major")],
     "the official (a person, the subject) became a manner: who confirmed is lost"),
    ("adverb-both-sides", "The talks with the union were officially confirmed on Friday.",
     "I colloqui con il sindacato sono stati confermati ufficialmente venerdì.",
     "The talks with the union were officially confirmed on Friday.", [], "the source has the adverb too"),
    ("italian-has-the-noun", "The official confirmed the talks with the union on Friday.",
     "Il funzionario ha confermato ufficialmente i colloqui con il sindacato venerdì.",
     "He officially confirmed the talks with the union on Friday.", [],
     "«funzionario» translates 'official' (MultiWordNet): the back-translation drifted, not the Italian"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_wordclass(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("wordclass", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "the subject" in f.message


@pytest.mark.parametrize(("noun", "word", "expected"), [
    ("official", "officially", True), ("critic", "critically", True), ("public", "publicly", True),
    ("official", "official", False), ("report", "reportedly", False), ("art", "artly", False),
])
def test_adverb_of(noun: str, word: str, expected: bool) -> None:
    """Origin: -ly and -ally derive adverbs (Quirk et al. App. I.36); "reportedly" is made from the
    participle, not the noun; "art" is too short a stem to tell."""
    assert adverb_of(noun, word) is expected
