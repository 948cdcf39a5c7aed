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
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_negated(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("negated", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert "(read back as “did not sign”) where the source affirms “signed”" in f.message
        assert f.category.value == "mistranslation"
