"""omission: a hedge, condition or deadline of the source that the Italian drops, through the production
path. The sentence pairs are invented for this test; each expected value is a bilingual reading (is
the hedge, condition or deadline there in the Italian, by any wording?)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation, expected [(span, severity)])
CASES = [
    ("hedge-dropped", "The bridge was partially destroyed by the flood.", "Il ponte è stato distrutto dall'alluvione.",
     "The bridge was destroyed by the flood.", [("distrutto", "major")]),
    ("hedge-kept", "The bridge was partially destroyed by the flood.",
     "Il ponte è stato parzialmente distrutto dall'alluvione.", "The bridge was partially destroyed by the flood.", []),
    # "the suspect" is a noun, not a hedge: the back-translation does not hedge
    ("hedge-dropped-noun-lookalike", "The suspect probably fled abroad.", "Il sospettato è fuggito all'estero.",
     "The suspect fled abroad.", [("fuggito", "major")]),
    # the hedged adjective has no word of its own in the Italian («in bianco»): the finding sits on the
    # noun it qualifies, not on a word before the hedge
    ("hedge-on-adjective-rendered-otherwise",
     "Back at the hotel, after a largely sleepless night, she called her lawyer.",
     "Tornata in albergo, dopo una notte in bianco, ha chiamato il suo avvocato.",
     "Back at the hotel, after a night in white, she called her lawyer.", [("notte", "major")]),
    # the hedged verb and its complement are one Italian verb: the finding sits on that verb (what the
    # back-translation reads for the complement), not on a word before the hedge
    ("hedge-on-verb-rendered-otherwise", "The new ferry will probably make it possible to cross the lake in winter.",
     "Il nuovo traghetto permetterà di attraversare il lago d'inverno.",
     "The new ferry will allow crossing the lake in winter.", [("permetterà", "major")]),
    # ... and where a name moved past that verb («permetterà alla Regione»), the finding still sits on the
    # verb, not on the name the word alignment anchors between them
    ("hedge-on-verb-name-moved", "The new ferry of the Region will probably make it possible to cross the lake.",
     "Il nuovo traghetto permetterà alla Regione di attraversare il lago.",
     "The new ferry will allow the Region to cross the lake.", [("permetterà", "major")]),
    # a modal renders the hedge
    ("hedge-as-modal", "The suspect probably fled abroad.", "Il sospettato potrebbe essere fuggito all'estero.",
     "The suspect may have fled abroad.", []),
    # the condition dropped: placed through the word alignment on the Italian of the words before it
    ("condition-dropped", "The strike will go ahead if the talks fail.", "Lo sciopero si terrà.",
     "The strike will take place.", [("sciopero", "major")]),
    # «in caso di» is a condition too
    ("condition-other-wording", "The strike will go ahead if the talks fail.",
     "Lo sciopero si terrà in caso di fallimento delle trattative.",
     "The strike will take place in the event of failure of the talks.", []),
    ("deadline-dropped", "The company must repay the loan by June 30.", "L'azienda deve rimborsare il prestito.",
     "The company must repay the loan.", [("rimborsare il prestito", "minor")]),
    ("deadline-kept", "The company must repay the loan by June 30.",
     "L'azienda deve rimborsare il prestito entro il 30 giugno.", "The company must repay the loan by June 30.", []),
    # a deadline without a number: the month, by its Italian name, keeps it (origin: «fino a marzo» is
    # "until March"); dropped, it is missing
    ("month-deadline-kept", "Trucks will have to wait until March.", "I camion dovranno aspettare fino a marzo.",
     "Trucks will have to wait until March.", []),
    ("month-deadline-dropped", "Trucks will have to wait until March.", "I camion dovranno aspettare.",
     "Trucks will have to wait.", [("camion dovranno aspettare", "minor")]),
    # an epistemic modal dropped states a possibility as a fact (origin: «costerà» is "will cost")
    ("modal-dropped", "The new stadium may cost more than 300 million euros.",
     "Il nuovo stadio costerà più di 300 milioni di euro.", "The new stadium will cost more than 300 million euros.",
     [("costerà", "major")]),
    # kept by «potere», by the conditional, by «forse»
    ("modal-as-potere", "The new stadium may cost more than 300 million euros.",
     "Il nuovo stadio potrebbe costare più di 300 milioni di euro.",
     "The new stadium could cost more than 300 million euros.", []),
    ("modal-as-conditional", "The new stadium might cost more than 300 million euros.",
     "Il nuovo stadio costerebbe più di 300 milioni di euro.",
     "The new stadium would cost more than 300 million euros.", []),
    ("modal-as-adverb", "The new stadium may cost more than 300 million euros.",
     "Il nuovo stadio forse costerà più di 300 milioni di euro.",
     "The new stadium perhaps will cost more than 300 million euros.", []),
    # «rischiare» says the possibility itself (a risk)
    ("modal-as-rischiare", "The suspect could face up to ten years in prison.",
     "Il sospettato rischia fino a dieci anni di carcere.", "The suspect risks up to ten years in prison.", []),
    # not a possibility: an inability, a question, a past ability Italian leaves implied
    ("modal-negated", "Rescuers could not reach the village.", "I soccorritori hanno raggiunto il villaggio.",
     "Rescuers reached the village.", []),
    ("modal-question", "Might the council be forced to choose?", "Il consiglio sarà costretto a scegliere?",
     "Will the council be forced to choose?", []),
    ("modal-past-ability", "From the bridge, residents could see the smoke.",
     "Dal ponte, i residenti vedevano il fumo.", "From the bridge, residents saw the smoke.", []),
    # MultiWordNet gives "allegedly" no Italian: dropped when the Italian hedges in no way, kept by the
    # hearsay conditional («avrebbe rubato»), which the back-translation reads as another hedge
    ("hedge-without-italian-dropped", "The suspect allegedly stole the paintings from the museum.",
     "Il sospettato ha rubato i quadri dal museo.", "The suspect stole the paintings from the museum.",
     [("rubato", "major")]),
    ("hedge-without-italian-kept", "The suspect allegedly stole the paintings from the museum.",
     "Il sospettato avrebbe rubato i quadri dal museo.",
     "The suspect reportedly stole the paintings from the museum.", []),
    # the Italian conditional of reported news (Serianni XI.386) keeps a hedge of likelihood, not a degree
    ("likelihood-kept-by-conditional", "The blaze was probably sparked by a faulty heater.",
     "L'incendio sarebbe stato provocato da una stufa difettosa.",
     "The fire would have been provoked by a faulty heater.", []),
    ("degree-not-kept-by-conditional", "The depot was partly destroyed by the fire.",
     "Il deposito sarebbe stato distrutto dall'incendio.", "The depot would have been destroyed by the fire.",
     [("distrutto", "major")]),
    # a condition that opens the sentence hangs on the main verb it makes conditional
    ("condition-first-dropped", "If the talks fail, the workers will strike on Monday.",
     "I lavoratori sciopereranno lunedì.", "The workers will strike on Monday.", [("sciopereranno", "major")]),
    ("condition-first-kept", "If it rains, the match will be postponed.", "Se pioverà, la partita sarà rinviata.",
     "If it rains, the match will be postponed.", []),
    # "as long as", and "provided" that the parser reads as a preposition, open conditions too
    ("as-long-as-dropped", "Tenants can stay in the flat as long as they pay the rent.",
     "Gli inquilini possono restare nell'appartamento.", "The tenants can stay in the apartment.",
     [("restare nell'appartamento", "major")]),
    ("provided-dropped", "The loan will be repaid provided the harvest is good.", "Il prestito sarà rimborsato.",
     "The loan will be repaid.", [("prestito sarà rimborsato", "major")]),
    ("provided-kept", "The loan will be repaid provided the harvest is good.",
     "Il prestito sarà rimborsato a condizione che il raccolto sia buono.",
     "The loan will be repaid on condition that the harvest is good.", []),
    # «posto che» is a condition (Serianni), whatever the back-translation makes of it
    ("provided-kept-as-posto-che", "The loan will be repaid provided the harvest is good.",
     "Posto che il raccolto sia buono, il prestito sarà rimborsato.",
     "Since the harvest is good, the loan will be repaid.", []),
    # "even if" concedes (Italian «anche se», «sebbene»): no condition to keep
    ("even-if-concedes", "Even if the model is less known in Europe, it sells well.",
     "Sebbene in Europa il modello sia meno conosciuto, vende bene.",
     "Although the model is less known in Europe, it sells well.", []),
    # a deadline by weekday: dropped, or kept with «entro»
    ("deadline-weekday-dropped", "The government must present the plan by Friday.",
     "Il governo deve presentare il piano.", "The government must present the plan.",
     [("presentare il piano", "minor")]),
    ("deadline-weekday-kept", "The government must present the plan by Friday.",
     "Il governo deve presentare il piano entro venerdì.", "The government must present the plan by Friday.", []),
    ("reporting-phrase", "The fire was reportedly started by a cigarette.",
     "Secondo quanto riferito, l'incendio è stato appiccato da una sigaretta.",
     "Reportedly, the fire was started by a cigarette.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_omission(source: str, italian: str, bt: str, expected: list[tuple[str, str]]) -> None:
    found = run_pair("omission", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected
    assert all(f.category.value == "omission" and f.evidence.source == source for f in found)


@pytest.mark.parametrize(("source", "italian", "bt", "fix"), [
    ("The new stadium may cost more than 300 million euros.", "Il nuovo stadio costerà più di 300 milioni.",
     "The new stadium will cost more than 300 million.", "potrebbe costare"),
    ("Prices could rise again next year.", "I prezzi aumenteranno di nuovo l'anno prossimo.",
     "Prices will increase again next year.", "potrebbero aumentare"),
    # a reflexive verb («si dimetterà») needs its pronoun moved: no one-word fix
    ("The minister might resign next week.", "Il ministro si dimetterà la prossima settimana.",
     "The minister will resign next week.", None),
])
def test_a_dropped_modal_is_fixed_with_potere(source: str, italian: str, bt: str, fix: str | None) -> None:
    found = run_pair("omission", source, italian, bt)
    assert [f.suggestion for f in found] == [fix]
