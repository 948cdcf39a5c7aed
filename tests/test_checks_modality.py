"""modality check. Sentence pairs invented for this test; each row states where its expected value
comes from (the grammar: Serianni, Grammatica italiana XI.41-45; Huddleston & Pullum ch. 3 §9)."""

from __future__ import annotations

import pytest

from _checkutil import run_check
from backcheck.lang.inflect import participle
from backcheck.lang.modality import factual_modals, modal_perfects, renders_modal_perfect

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, suggestion)], origin of the expectation)
CASES = [
    ("must-have-as-had-to", "Abbiamo dovuto chiedere indicazioni a tre passanti.",
     ["We must have asked three passers-by for directions."],
     "We had to ask three passers-by for directions.",
     [("Abbiamo dovuto chiedere", "minor", "Dobbiamo aver chiesto")],
     "'must have asked' = we probably asked (epistemic); «abbiamo dovuto chiedere» = we were obliged to and "
     "did; the epistemic Italian is «dobbiamo aver chiesto» (present of dovere + perfect infinitive, "
     "irregular participle «chiesto»)"),
    ("should-have-as-had-to", "Secondo il rapporto, le autorità hanno dovuto avvertire i residenti.",
     ["According to the report, the authorities should have warned residents."],
     "According to the report, the authorities had to warn the residents.",
     [("hanno dovuto avvertire", "major", "avrebbero dovuto avvertire")],
     "'should have warned' = they did not warn though they ought to; «hanno dovuto avvertire» = they did "
     "warn, being obliged: the fact is reversed; conditional perfect of dovere, 3rd plural"),
    ("cannot-have-as-was-not-able", "Il sospettato non ha potuto vedere la scena dalla finestra.",
     ["The suspect can't have seen the scene from the window."],
     "The suspect was not able to see the scene from the window.",
     [("ha potuto vedere", "minor", "può aver veduto")],
     "'can't have seen' = it is impossible that he saw (epistemic); «non ha potuto vedere» = he was unable "
     "to see; the «non» before the span stays; regular participle «veduto» (the dictionary lists it)"),
    ("rendered-epistemic", "Devono aver chiesto indicazioni a tre passanti.",
     ["They must have asked three passers-by for directions."],
     "They must have asked three passers-by for directions.", [],
     "present of dovere + perfect infinitive renders 'must have asked'"),
    ("rendered-conditional-perfect", "Le autorità avrebbero dovuto avvertire i residenti.",
     ["The authorities should have warned residents."],
     "The authorities should have warned the residents.", [], "conditional perfect renders 'should have'"),
    ("source-has-had-to", "Hanno dovuto chiudere la strada e devono aver avvisato la polizia.",
     ["They had to close the road and must have alerted the police."],
     "They had to close the road and must have alerted the police.", [],
     "the source's own 'had to' is what «hanno dovuto chiudere» renders"),
    ("no-modal-perfect", "Hanno dovuto chiudere la strada per due ore.",
     ["They had to close the road for two hours."],
     "They had to close the road for two hours.", [], "a real past obligation on both sides"),
    ("dont-have-to-as-must-not", "I residenti non devono lasciare le loro case prima di domani.",
     ["Residents do not have to leave their homes before tomorrow."],
     "Residents must not leave their homes before tomorrow.",
     [("non devono", "major", "non devono necessariamente")],
     "'do not have to' lifts the obligation; «non devono lasciare» forbids leaving (Huddleston & Pullum "
     "§9.9: negation outside 'have to', inside 'must'); with «necessariamente» Italian lifts it too"),
    ("must-not-as-not-required", "I visitatori non sono tenuti a toccare le opere esposte.",
     ["Visitors must not touch the works on display."],
     "Visitors are not required to touch the works on display.",
     [("non sono tenuti", "major", None)],
     "'must not' forbids touching; «non sono tenuti a» only says it is not required"),
    ("need-not-rendered", "Gli abbonati non devono necessariamente rinnovare la tessera.",
     ["Subscribers need not renew their card."],
     "Subscribers do not necessarily have to renew the card.", [],
     "«non devono necessariamente» lifts the obligation, as 'need not' does"),
    ("must-not-rendered", "I visitatori non devono toccare le opere esposte.",
     ["Visitors must not touch the works on display."],
     "Visitors must not touch the works on display.", [], "a prohibition on both sides"),
    ("adverb-renders-it", "Probabilmente hanno dovuto chiedere aiuto ai vicini.",
     ["They must have asked the neighbours for help."],
     "They probably had to ask the neighbours for help.", [],
     "«probabilmente» carries the source's judgement of likelihood"),
    # necessity read as possibility, or back (lang/deontic.py); the fix is the other verb in the same person
    ("must-as-can", "Le aziende possono segnalare i dati ogni mese.",
     ["Companies must report the data every month."],
     "Companies can report the data every month.", [("possono", "major", "devono")],
     "bilingual reading: required made allowed"),
    ("may-as-must", "I visitatori devono portare il proprio cibo.", ["Visitors may bring their own food."],
     "Visitors must bring their own food.", [("devono", "major", "possono")],
     "bilingual reading: allowed made required"),
    ("have-to-kept", "Le aziende devono segnalare i dati ogni mese.",
     ["Companies have to report the data every month."],
     "Companies must report the data every month.", [], "necessity on both sides"),
    ("should-is-neither", "Le aziende possono segnalare i dati ogni mese.",
     ["Companies should report the data every month."], "Companies can report the data every month.", [],
     "'should' is weak necessity, an advice as often: not compared"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_modality(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str | None]],
                  origin: str) -> None:
    found = run_check("modality", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation"


def test_message_names_both_readings() -> None:
    [f] = run_check("modality", "Abbiamo dovuto chiedere indicazioni.", ["We must have asked for directions."],
                    back_translation="We had to ask for directions.")
    assert f.message == ("«Abbiamo dovuto chiedere» states a real obligation ('had to') and that the act took "
                         "place; the source's “must have asked” says only that it probably happened.")


@pytest.mark.parametrize("text,expected", [
    ("It must have been a mistake.", [("must have been", "probably")]),
    ("She may not have known.", [("may not have known", "possibly")]),
    ("They couldn't have left earlier.", [("couldn't have left", "impossible")]),
    ("He ought to have told us.", [("ought to have told", "ought")]),
    ("We must ask them.", []),
    ("They have asked twice.", []),
])
def test_english_modal_perfects(text: str, expected: list[tuple[str, str]]) -> None:
    """Origin: Huddleston & Pullum ch. 3 §9; a modal without a perfect infinitive is no modal perfect."""
    assert [(m.text, m.reading) for m in modal_perfects(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Hanno potuto entrare solo alle nove.", ["Hanno potuto entrare"]),
    ("Dovettero partire all'alba.", ["Dovettero partire"]),
    ("Siamo dovuti tornare indietro.", ["Siamo dovuti tornare"]),
    ("Ha dovuto anche pagare la multa.", ["Ha dovuto anche pagare"]),
    ("Ha dovuto la sua fortuna al padre.", []),
    ("Devono aver chiesto aiuto.", []),
])
def test_italian_factual_modals(text: str, expected: list[str]) -> None:
    """Origin: Serianni XI.41-45: a compound past or past historic of dovere / potere with an infinitive
    («ha dovuto la sua fortuna»: dovere as 'owe', with a noun, is no modal)."""
    assert [m.text for m in factual_modals(text)] == expected


def test_modal_perfect_renderings() -> None:
    assert renders_modal_perfect("Potrebbero essere stati avvisati.")
    assert renders_modal_perfect("Non può averlo saputo.")
    assert not renders_modal_perfect("Hanno potuto saperlo.")


@pytest.mark.parametrize("verb,expected", [
    ("chiamare", "chiamato"), ("chiedere", "chiesto"), ("mettere", "messo"), ("fare", "fatto"),
    ("decidere", "deciso"), ("finire", "finito"),
])
def test_participle(verb: str, expected: str) -> None:
    """Origin: the regular -ato/-uto/-ito participles, and the irregular ones of Serianni XI.101-150."""
    assert participle(verb) == expected
