"""tense check. Sentence pairs invented for this test; each row says where its expected value comes from
(a bilingual reading of the pair, or the grammar the check follows: lang/tense.py)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair
from backcheck.lang.tense import FUTURE, PAST, italian_tense

# (id, source, Italian, back-translation, expected [(span, severity, suggestion)], origin)
CASES = [
    ("future-as-past", "The minister will visit the flooded towns.", "Il ministro ha visitato le città alluvionate.",
     "The minister visited the flooded towns.", [("ha visitato", "major", "visiterà")],
     "bilingual reading: a visit to come reported as made; the fix is the future of the same person"),
    ("future-as-past-plural", "The unions will close the two plants in the north.",
     "I sindacati hanno chiuso i due stabilimenti nel nord.", "The unions closed the two plants in the north.",
     [("hanno chiuso", "major", "chiuderanno")], "bilingual reading: the third plural of «hanno» gives «chiuderanno»"),
    ("future-passive-as-past", "The results will be announced on Friday.", "I risultati sono stati annunciati venerdì.",
     "The results were announced on Friday.", [("sono stati annunciati", "major", "saranno annunciati")],
     "bilingual reading: a passive future («saranno annunciati») reported as past"),
    ("past-as-future", "The council approved the budget for the hospital.",
     "Il consiglio approverà il bilancio per l'ospedale.", "The council will approve the budget for the hospital.",
     [("approverà", "major", None)], "bilingual reading: a decision taken told as one still to come"),
    ("future-kept", "The company will close two factories.", "L'azienda chiuderà due fabbriche.",
     "The company will close two factories.", [], "the same tense on every side"),
    ("present-for-future", "The minister will visit the towns tomorrow.", "Il ministro visita domani le città.",
     "The minister visits the towns tomorrow.", [],
     "Italian says a near future in the present (Serianni XI): a present is never read as a swap"),
    ("headline-present", "The minister resigns after the vote.", "Il ministro si è dimesso dopo il voto.",
     "The minister resigned after the vote.", [], "no future on either side: an English present is not checked"),
    ("reported-would", "The mayor said the bridge would reopen in the spring.",
     "Il sindaco ha detto che il ponte avrebbe riaperto in primavera.",
     "The mayor said that the bridge would reopen in the spring.", [], "'would' is neither past nor future"),
    ("future-perfect", "The builders will have finished the bridge by May.",
     "I costruttori avranno finito il ponte entro maggio.", "The builders will have finished the bridge by May.",
     [], "'will have finished' looks back from the future: not a future here, and «avranno» is no past auxiliary"),
    ("two-tenses", "The team won last year and will play again in June.",
     "La squadra ha vinto l'anno scorso e giocherà di nuovo a giugno.",
     "The team won last year and will play again in June.", [], "each verb keeps its tense"),
    ("lemma-in-both-tenses", "They met in May and will meet again in June.",
     "Si sono incontrati a maggio e si sono incontrati di nuovo a giugno.",
     "They met in May and met again in June.", [], "a lemma the source uses in two tenses is left alone"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_tense(source: str, italian: str, bt: str, expected: list[tuple[str, str, str | None]], origin: str) -> None:
    found = [f for f in run_pair("tense", source, italian, bt) if f.check == "tense"]
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin


def test_message_names_both_readings() -> None:
    [f] = [f for f in run_pair("tense", "The minister will visit the towns.", "Il ministro ha visitato le città.",
                               "The minister visited the towns.") if f.check == "tense"]
    assert f.message == ("«ha visitato» reports as done what the source says will happen (“will visit”): "
                         "the back-translation reads “visited”")
    assert f.category.value == "mistranslation"


@pytest.mark.parametrize(("words", "k", "expected"), [
    ("il ministro ha visitato", 3, (PAST, 2)),
    ("i risultati sono stati annunciati", 4, (PAST, 2)),
    ("il consiglio approverà", 2, (FUTURE, 2)),
    ("il governo farà", 2, (FUTURE, 2)),        # irregular future, told by its ending
    ("il ministro visita", 2, (None, 2)),       # a present
    ("hanno trovato un remo", 3, (None, 3)),    # a noun that ends like a future
    ("i costruttori avranno finito", 3, (None, 3)),  # a future perfect: no past auxiliary
])
def test_italian_tense(words: str, k: int, expected: tuple[str | None, int]) -> None:
    assert italian_tense(words.split(), k) == expected
