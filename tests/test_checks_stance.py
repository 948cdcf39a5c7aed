"""stance: a likelihood stated as a certainty, or a certainty as a likelihood, through the production path
(alignment, word alignment, the check, the rule judge).

The sentence pairs are invented for this test. Each expected value is a bilingual reading: a finding
exactly when the Italian vouches for what the source only reports or guesses, or doubts what it asserts
(the modal and evidential adjuncts of Huddleston & Pullum 2002, ch. 8 §14), on the Italian adverb that
does so; the fix is the source's adverb in Italian, a dictionary's first equivalent (Il Ragazzini).
"""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation, expected [(span, severity, fix)])
CASES = [
    # hearsay stated as a fact: the writer now vouches for it
    ("hearsay-made-certain", "The minister reportedly signed the agreement late last night.",
     "Il ministro ha certamente firmato l'accordo ieri a tarda sera.",
     "The minister certainly signed the agreement late last night.",
     [("certamente", "major", "a quanto si dice")]),
    # the source's sentence is two sentences in Italian: the adverb opens the second
    ("two-sentences", "The company said the leak was fixed on Monday; it was apparently caused by a faulty valve.",
     "L'azienda ha detto che la perdita è stata riparata lunedì. Ovviamente era causata da una valvola difettosa.",
     "The company said that the leak was repaired on Monday. Obviously it was caused by a faulty valve.",
     [("Ovviamente", "major", "A quanto pare")]),
    # a sentence adverb moved to the front: the one adverb on each side, paired though no link keeps its side
    ("moved-to-the-front", "The fire apparently started in the kitchen.",
     "Ovviamente l'incendio è partito dalla cucina.",
     "Obviously the fire started in the kitchen.", [("Ovviamente", "major", "A quanto pare")]),
    # a certainty hedged: milder, the reader is told less than the source says
    ("certainty-hedged", "The museum will certainly reopen in the spring after the repairs.",
     "Il museo forse riaprirà in primavera dopo i lavori.",
     "The museum will perhaps reopen in the spring after the repairs.",
     [("forse", "minor", "certamente")]),
    ("same-stance", "The museum will probably reopen in the spring after the repairs.",
     "Il museo probabilmente riaprirà in primavera dopo i lavori.",
     "The museum will probably reopen in the spring after the repairs.", []),
    # «evidentemente» says "apparently" as well as "evidently": the back-translation's "obviously" is its
    # own reading, the Italian has no adverb of certainty
    ("back-translation-drift", "The driver had apparently fallen asleep at the wheel before the crash.",
     "L'autista si era evidentemente addormentato al volante prima dell'incidente.",
     "The driver had obviously fallen asleep at the wheel before the crash.", []),
    # the source vouches for the other clause itself ("clearly upset"): the hedge was dropped (the omission
    # check's concern), not turned into a certainty
    ("another-place", "The firm said the outage was probably caused by a storm, and the customers are clearly angry.",
     "L'azienda ha detto che il guasto è stato causato da una tempesta, e i clienti sono chiaramente "
     "arrabbiati.",
     "The company said the outage was caused by a storm, and the customers are clearly angry.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_stance(source: str, italian: str, bt: str, expected: list[tuple[str, str, str]]) -> None:
    found = run_pair("stance", source, italian, bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "mistranslation" and f.evidence.source == source for f in found)


def test_markers() -> None:
    """Origin: the word lists of lang/data/stance.tsv; a multiword adverb is one marker."""
    from backcheck.checks.stance import markers

    assert [(m.kind, m.text) for m in markers("Of course it will, and it is apparently late.", "en")] == [
        ("certain", "Of course"), ("likely", "apparently")]
    assert [(m.kind, m.text) for m in markers("A quanto pare è tardi, e forse piove.", "it")] == [
        ("likely", "A quanto pare"), ("likely", "forse")]
