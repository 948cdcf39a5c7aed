"""negated check (the Italian negates what the source asserts). Sentence pairs invented for this test; each
row states where its expected value comes from (a bilingual reading; the limits: Huddleston & Pullum,
The Cambridge Grammar of the English Language, ch. 9)."""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("negation-added", "The minister signed the agreement with the unions on Monday.",
     "Il ministro non ha firmato l'accordo con i sindacati lunedì.",
     "The minister did not sign the agreement with the unions on Monday.", [("ha firmato", "critical")],
     "signed / did not sign: the Italian reverses the source"),
    ("restated-as-a-time", "The two leaders last met in Geneva in March.",
     "I due leader non si incontravano a Ginevra da marzo.",
     "The two leaders had not met in Geneva since March.", [],
     "'had not met since March' says what 'last met in March' says"),
    ("restated-as-a-degree", "The proposal was thinly discussed by the committee.",
     "La proposta non è stata discussa abbastanza dalla commissione.",
     "The proposal was not discussed enough by the committee.", [],
     "'not enough' is a degree, not a denial"),
    ("another-predicate", "The minister stayed away from the summit in Brussels.",
     "Il ministro non è andato al vertice di Bruxelles.",
     "The minister did not go to the summit in Brussels.", [],
     "stayed away / did not go: a paraphrase, two predicates, never compared"),
    ("source-negates", "The minister did not sign the agreement with the unions.",
     "Il ministro non ha firmato l'accordo con i sindacati.",
     "The minister did not sign the agreement with the unions.", [],
     "both negate: nothing reversed (a negation the source has is the polarity check's)"),
    ("source-word-begins-like-a-negator", "The minister signed the agreement with the unions in November.",
     "Il ministro non ha firmato l'accordo con i sindacati a novembre.",
     "The minister did not sign the agreement with the unions in November.", [("ha firmato", "critical")],
     "'November' begins like 'no' but negates nothing: the source affirms, the Italian negates"),
    ("noun-denied", "The inspectors said there are serious problems with the new bridge.",
     "Gli ispettori hanno detto che non ci sono problemi con il nuovo ponte.",
     "The inspectors said there are no problems with the new bridge.", [("non ci sono problemi", "critical")],
     "serious problems / no problems: «non ci sono» denies what the source says there is"),
    ("noun-denied-by-determiner", "Doctors reported new cases in the northern villages.",
     "I medici non hanno segnalato nessun caso nei villaggi del nord.",
     "The doctors reported no cases in the northern villages.", [("nessun caso", "critical")],
     "new cases / no cases: «nessun» denies the cases the source reports"),
    ("lexical-negative", "Investigators complained of a lack of evidence against the company.",
     "Gli investigatori hanno lamentato che non ci sono prove contro l'azienda.",
     "Investigators complained that there is no evidence against the company.", [],
     "'a lack of evidence' is 'no evidence': negative in meaning, not in form (Huddleston & Pullum ch. 9)"),
    ("approximate-negator", "The families had little choice but to leave the village.",
     "Le famiglie non avevano scelta e hanno dovuto lasciare il villaggio.",
     "The families had no choice and had to leave the village.", [],
     "'little choice' is near 'no choice': an approximate negator (Huddleston & Pullum ch. 9), not a reversal"),
    ("zero", "Zero cases were reported in the northern villages.",
     "Nei villaggi del nord non è stato segnalato nessun caso.",
     "No cases were reported in the northern villages.", [],
     "'zero cases' is 'no cases'"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_negated(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("negated", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        if f.text.startswith("ha "):
            assert "(read back as “did not sign”) where the source affirms “signed”" in f.message
        else:  # a denied noun, quoted with the words that deny it
            noun = f.text.split()[-1]
            assert f"the Italian denies «{noun}» («{f.text}», read back as “no " in f.message
        assert f.category.value == "mistranslation"
