"""specifics check. Sentence pairs invented for this test; each row states where its expected value
comes from."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, category)], origin of the expectation)
CASES = [
    ("count-added", "Il sindaco ha ricevuto 40 lettere di protesta dai residenti.",
     ["The mayor received letters of protest from residents."],
     "The mayor received 40 letters of protest from the residents.",
     [("40", "major", "addition")], "bilingual reading: the source gives no number of letters"),
    ("percent-added", "Le iscrizioni all'università sono calate del 7% anche quest'autunno.",
     ["Enrolment at the university has fallen again this autumn."],
     "Enrolment at the university fell by 7% this autumn too.",
     [("7%", "major", "addition")], "bilingual reading: the source gives no percentage"),
    ("quarter-added", "Le vendite dell'azienda sono cresciute nel primo trimestre.",
     ["The company's sales grew this year."],
     "The company's sales grew in the first quarter.",
     [("primo trimestre", "major", "addition")], "bilingual reading: the source names no quarter"),
    ("half-as-quarter", "I profitti dell'azienda sono calati nel primo trimestre dell'anno.",
     ["The company's profits fell in the first half of the year."],
     "The company's profits fell in the first quarter of the year.",
     [("primo trimestre", "major", "addition")], "bilingual reading: a quarter where the source says a half-year"),
    ("quarter-as-three-months", "I profitti dell'azienda sono calati nel primo trimestre dell'anno.",
     ["The company's profits fell in the first three months of the year."],
     "The company's profits fell in the first quarter of the year.", [],
     "bilingual reading: the first three months are the first quarter"),
    ("ordinal-added", "È la quinta volta che il fiume esce dagli argini.",
     ["It is not the first time the river has burst its banks."],
     "It is the fifth time the river has come out of its banks.",
     [("quinta", "major", "addition")], "bilingual reading: 'fifth' is the translator's"),
    ("gloss-added", "La Bundesbank (la banca centrale tedesca) ha alzato giovedì le stime di crescita per l'anno.",
     ["The Bundesbank raised its growth forecasts for the year on Thursday."],
     "The Bundesbank (the German central bank) raised on Thursday the growth estimates for the year.",
     [("(la banca centrale tedesca)", "minor", "addition")], "bilingual reading: the gloss is not in the source"),
    ("year-resolved", "Nel 2023 le esportazioni di vino sono calate.",
     ["Wine exports fell last year."],
     "In 2023 wine exports fell.",
     [("2023", "minor", "addition")], "the source dates it 'last year': the translator may have resolved it"),
    ("unit-converted", "Il percorso della gara è lungo 16 chilometri.",
     ["The race route is 10 miles long."],
     "The race route is 16 kilometres long.", [], "10 miles are 16 km (the numbers check's conversion)"),
    ("both", "I due ministri hanno firmato l'intesa a Vienna.",
     ["Both ministers signed the agreement in Vienna."],
     "The two ministers signed the agreement in Vienna.", [], "'both' states two"),
    ("spelled-in-words", "La zona si estende per 200 miglia dalla costa.",
     ["The zone stretches two hundred miles from the coast."],
     "The zone extends for 200 miles from the coast.", [], "'two hundred' is 200 (text2num)"),
    ("number-in-name", "Il nuovo Airbus A-350 è atterrato a Fiumicino.",
     ["The new Airbus landed at Fiumicino."],
     "The new Airbus A-350 landed at Fiumicino.", [], "a number glued to a name is part of the name"),
    ("changed-left-to-numbers", "Nell'incidente sono morte 12 persone.",
     ["Fifteen people died in the crash."],
     "12 people died in the accident.", [], "the source has another count: the numbers check's case"),
    ("gloss-of-source-words", "La Fed (Federal Reserve) ha lasciato invariati i tassi.",
     ["The Federal Reserve left rates unchanged."],
     "The Fed (Federal Reserve) left rates unchanged.", [], "the bracket holds the source's own words"),
    ("decade", "Negli anni '80 il porto era il più grande del Mediterraneo.",
     ["In the 1980s the port was the largest in the Mediterranean."],
     "In the '80s the port was the largest in the Mediterranean.", [], "'1980s' is 'anni '80'"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_specifics(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str]], origin: str) -> None:
    found = run_check("specifics", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.category.value) for f in found] == expected, origin
    assert all(f.evidence.source for f in found)


def test_message_names_what_is_missing() -> None:
    [f] = run_check("specifics", "Il ponte è stato chiuso per 3 giorni.", ["The bridge was closed for a while."],
                    back_translation="The bridge was closed for 3 days.")
    assert f.message == "«3» is not in the source, which gives no number here."
