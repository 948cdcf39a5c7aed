"""calendar check. Sentence pairs invented for this test; each row states where its expected value
comes from (a bilingual reading of the pair, or the rule the look-alike must pass)."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian body, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, suggestion)], origin of the expectation)
CASES = [
    ("weekday-changed", "Il sindaco ha inaugurato martedì il nuovo ponte sul fiume.",
     ["The mayor opened the new bridge over the river on Thursday."],
     'The mayor opened the new bridge over the river on Tuesday.',
     [("martedì", "critical", "giovedì")], "bilingual reading: the source says Thursday, the Italian Tuesday"),
    ("month-changed", "Le elezioni comunali si terranno a ottobre in tutta la regione.",
     ["Local elections will be held across the region in November."],
     'Local elections will be held in October across the whole region.',
     [("ottobre", "critical", "novembre")], "bilingual reading: November in the source, October in the Italian"),
    ("weekday-added", "Il consiglio ha approvato venerdì il bilancio della scuola.",
     ["The council approved the school budget."],
     'The council approved the school budget on Friday.',
     [("venerdì", "major", None)], "bilingual reading: the source gives no day at all"),
    ("weekday-added-source-says-yesterday", "La polizia ha arrestato lunedì due uomini al porto.",
     ["Police arrested two men at the harbour yesterday."],
     'Police arrested two men at the port on Monday.',
     [("lunedì", "minor", None)], "the source dates it by 'yesterday': the weekday may be the translator's resolution"),
    ("same-weekday", "Il treno è ripartito sabato mattina dopo il guasto.",
     ["The train left again on Saturday morning after the fault."],
     'The train left again on Saturday morning after the breakdown.',
     [], "the same day on both sides"),
    ("possessive-weekday", "Al vertice di domenica hanno partecipato trenta delegazioni.",
     ["Thirty delegations attended Sunday's summit."],
     "Thirty delegations took part in Sunday's summit.", [], "'Sunday's' is Sunday"),
    ("plural-weekday", "Con la nuova legge i negozi potranno aprire la domenica.",
     ["Under the new law shops may open on Sundays."],
     'With the new law shops will be able to open on Sundays.', [],
     "'on Sundays' is every Sunday, which Italian says «la domenica»"),
    ("abbreviated-source", "Il voto finale è previsto per settembre.",
     ["The final vote is expected in Sept."],
     'The final vote is expected for September.',
     [], "'Sept.' is September (CLDR en-GB abbreviation)"),
    ("date-left-to-numbers", "Il processo riprenderà il 12 marzo a Torino.",
     ["The trial will resume on April 12 in Turin."],
     'The trial will resume on 12 March in Turin.',
     [], "a date on both sides: the numbers check compares it"),
    ("capitalised-name", "La manifestazione è partita da Piazza Venti Settembre verso il municipio.",
     ["The march set off from the square towards the town hall."],
     'The demonstration started from Piazza Venti Settembre towards the town hall.',
     [], "a capitalised month inside a sentence is a name"),
    ("surname", "Secondo l'assessore Giulia Maggio i lavori finiranno presto.",
     ["According to councillor Giulia Maggio the works will end soon."],
     'According to councillor Giulia Maggio the works will end soon.',
     [], "a surname, written as in the source"),
    ("may-verb-in-source", "A maggio la fabbrica potrebbe chiudere.",
     ["May workers fear the factory could close in May."],
     'In May the factory could close.',
     [], "the source has May (the month) too"),
    ("partial-snippet", "«Non ci fermeremo», ha dichiarato la sindacalista davanti alla fabbrica venerdì.",
     ["We will not stop."],
     "'We will not stop,' the trade unionist declared outside the factory on Friday.",
     [], "the snippet quotes part of the sentence: the rest is no addition"),
    ("no-aligned-source", "Il museo riaprirà a gennaio.\n\nIl direttore ha ringraziato i volontari del quartiere.",
     ["The director thanked the neighbourhood volunteers."],
     'The museum will reopen in January.\n\nThe director thanked the neighbourhood volunteers.',
     [], "snippets are partial: a sentence no unit covers is not judged"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_calendar(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str | None]],
                  origin: str) -> None:
    found = run_check("calendar", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == ("number" if f.severity.value == "critical" else "addition")
        assert f.evidence.source and f"«{f.text}»" in f.message


def test_message_names_the_source() -> None:
    """A reviewer reads what the source says in the message (the issue's wording)."""
    [f] = run_check("calendar", "Il ministro ha parlato lunedì.", ["The minister spoke on Tuesday."],
                    back_translation="The minister spoke on Monday.")
    assert f.message == "«lunedì» is not in the source, which says 'Tuesday'."
