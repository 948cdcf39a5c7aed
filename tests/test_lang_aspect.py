"""lang/aspect: where a clause puts a state in time, read from its polarity-sensitive adverbs (Huddleston &
Pullum ch. 9 §4; Serianni XII). Invented clauses; each expected value is what the clause says."""

from __future__ import annotations

import pytest

from backcheck.lang.aspect import ENDED, GOES_ON, NOT_BEGUN, aspect, opposed_words


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The mill no longer grinds flour.", "en", ENDED),
    ("She doesn't teach there any more.", "en", ENDED),
    ("The mill still grinds flour.", "en", GOES_ON),
    ("The ferry has not yet sailed.", "en", NOT_BEGUN),
    ("They haven't voted yet.", "en", NOT_BEGUN),
    ("The ferry still hasn't sailed.", "en", NOT_BEGUN),  # "still" before a negation is "not yet"
    ("Still, the team won the cup.", "en", None),  # concessive "still"
    ("Prices climbed still higher.", "en", None),  # "still" before a comparative: degree
    ("The mill grinds flour.", "en", None),
    ("Il mulino non macina più farina.", "it", ENDED),
    ("Il mulino macina ancora farina.", "it", GOES_ON),
    ("Il traghetto non è ancora partito.", "it", NOT_BEGUN),
    ("Ha vinto ancora una volta.", "it", None),  # «ancora una volta»: again
    ("Non ha più di dieci anni.", "it", None),  # «non … più di»: a bound, not an end
    ("I prezzi sono saliti ancora più in alto.", "it", None),  # degree
    ("L'ancora della nave è arrugginita.", "it", None),  # the noun
])
def test_aspect(text: str, lang: str, expected: str | None) -> None:
    got = aspect(text, lang)
    assert (got[0] if got else None) == expected
    if got:
        start, end = got[1]
        assert text[start:end].strip() and start < end


@pytest.mark.parametrize(("source", "back", "italian", "expected"), [
    ("Exports grew more than imports.", "Exports grew less than imports.",
     "Le esportazioni sono cresciute meno delle importazioni.", ("more", "less", "meno")),
    ("Fewer tourists came this year.", "More tourists came this year.", "Più turisti sono venuti quest'anno.",
     ("fewer", "more", "Più")),
    # the back-translation drifted: the Italian says «prima»
    ("The vote came before the summit.", "The vote came after the summit.", "Il voto è arrivato prima del vertice.",
     None),
    # the source has both ends: which word became which is unknown
    ("Prices rose before and after the vote.", "Prices rose after the vote.", "I prezzi sono saliti dopo il voto.",
     None),
])
def test_opposed_words(source: str, back: str, italian: str, expected: tuple[str, str, str] | None) -> None:
    got = opposed_words(source, back, italian)
    assert (got[0], got[1], italian[slice(*got[2])]) == expected if got else expected is None
