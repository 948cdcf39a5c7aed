"""reversal: the back-translation reads an antonym or the converse of a source word, through the
production path (alignment, word alignment, the check, the rule judge).

The sentence pairs are invented for this test. Each expected value is a bilingual reading: a finding
exactly when the Italian says the opposite of the source word (WordNet antonyms: open/close, buy/sell)
or its converse (lang/data/converses.tsv: receive/donate), on the Italian word that does.
"""

from __future__ import annotations

import pytest

from _checkutil import run_check

HEAD = "Notizie del giorno\n\n"
BT_HEAD = "News of the day\n\n"

# (id, source, Italian, back-translation, expected [(span, severity)])
CASES = [
    ("antonym-verb", "The museum will open on Monday after the repairs.", "Il museo chiuderà lunedì dopo i lavori.",
     "The museum will close on Monday after the repairs.", [("chiuderà", "critical")]),
    ("antonym-buy-sell", "The club sold its striker to a Spanish team.",
     "Il club ha comprato il suo attaccante da una squadra spagnola.",
     "The club bought its striker from a Spanish team.", [("comprato", "critical")]),
    # the clause is reordered around the converse verb: who gives and who gets is swapped
    ("converse-reordered", "The boy met the donor whose kidney he will receive next month.",
     "Il ragazzo ha incontrato la donatrice a cui donerà il suo rene il mese prossimo.",
     "The boy met the donor to whom he will donate his kidney next month.", [("donerà", "critical")]),
    # the reversing prefix is lost: "unvaccinated" read as "vaccinated", a pair WordNet does not list as
    # antonyms (Quirk et al., A Comprehensive Grammar, App. I.21: un- negates an adjective)
    ("prefix-dropped", "Most of the patients admitted this week were unvaccinated, the hospital said.",
     "La maggior parte dei pazienti ricoverati questa settimana era vaccinata, ha detto l'ospedale.",
     "Most of the patients admitted this week were vaccinated, the hospital said.", [("vaccinata", "critical")]),
    # the Italian says the prefix its own way: «senza annuncio» for "unannounced"
    ("prefix-said-with-senza", "The inspectors arrived unannounced at the plant on Tuesday.",
     "Gli ispettori sono arrivati senza annuncio allo stabilimento martedì.",
     "The inspectors arrived without announcement at the plant on Tuesday.", []),
    ("same-meaning", "The museum will open on Monday after the repairs.", "Il museo aprirà lunedì dopo i lavori.",
     "The museum will open on Monday after the repairs.", []),
    # "quite a few" is not the opposite of "many": a multiword expression keeps its own meaning
    ("expression", "He received quite a few offers from abroad.", "Ha ricevuto molte offerte dall'estero.",
     "He received many offers from abroad.", []),
    # the back-translation drifted: the Italian itself says "rise" («aumenteranno»)
    ("back-translation-drift", "Prices will rise next year, the bank said.",
     "I prezzi aumenteranno l'anno prossimo, ha detto la banca.", "Prices will fall next year, the bank said.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reversal(source: str, italian: str, bt: str, expected: list[tuple[str, str]]) -> None:
    found = run_check("reversal", HEAD + italian, [source], back_translation=BT_HEAD + bt)
    assert [(f.text, f.severity.value) for f in found] == expected
    assert all(f.category.value == "mistranslation" and f.evidence.source == source for f in found)


@pytest.mark.parametrize(("source", "read", "expected"), [
    ("unvaccinated", "vaccinated", "un"), ("nonbinding", "binding", "non"), ("disappear", "appear", "dis"),
    ("antigovernment", "government", "anti"), ("unless", "less", None), ("understand", "stand", None),
    ("display", "play", None), ("unvaccinated", "unvaccinated", None),
])
def test_dropped_prefix(source: str, read: str, expected: str | None) -> None:
    """Origin: Quirk et al. App. I.21-25 (negative and reversative prefixes); a remnant shorter than five
    letters ("less", "stand", "play") is no word the prefix was taken from."""
    from backcheck.checks.reversal import dropped_prefix

    assert dropped_prefix(source, read) == expected
