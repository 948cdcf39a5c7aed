"""missingnames check. Sentence pairs invented for this test; each row states where its expected value
comes from."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(message, severity)], origin of the expectation)
CASES = [
    ("person-dropped", "La ministra ha annunciato il piano per le ferrovie.",
     ["Transport minister Anna Kowalczyk announced the railway plan."],
     "The minister announced the plan for the railways.",
     [("The source's 'Anna Kowalczyk' is missing from the Italian here.", "major")],
     "bilingual reading: the minister's name is nowhere in the Italian"),
    ("brand-dropped", "Il negozio vende scarpe e lucido da scarpe.",
     ["The shop sells shoes and Brellox shoe polish."],
     "The shop sells shoes and shoe polish.",
     [("The source's 'Brellox' is missing from the Italian here.", "minor")],
     "bilingual reading: the brand is dropped; not a person's name, so minor"),
    ("exonym", "Il vertice si terrà a Londra in primavera.",
     ["The summit will be held in London in the spring."],
     "The summit will be held in London in spring.", [], "MultiWordNet gives 'Londra' for 'London'"),
    ("transliteration", "Il presidente Zelenskyj ha parlato al parlamento.",
     ["President Zelensky spoke to parliament."],
     "President Zelenskyj spoke to parliament.", [], "another romanisation of the same name"),
    ("repeated-surname",
     "Il sindaco Piero Vantaggiato ha aperto la seduta.\n\nHa poi chiesto un minuto di silenzio.",
     ["Mayor Piero Vantaggiato opened the session.", "Vantaggiato then asked for a minute of silence."],
     "Mayor Piero Vantaggiato opened the session.\n\nHe then asked for a minute of silence.",
     [], "the surname is named just before: Italian drops a repeated subject"),
    ("possessive", "Il discorso di Obama è durato un'ora.",
     ["Obama's speech lasted an hour."],
     "Obama's speech lasted an hour.", [], "the possessive is the same name"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_missing_names(text: str, sources: list[str], bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_check("missingnames", text, sources, back_translation=bt)
    assert [(f.message, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "omission" and f.suggestion and f.evidence.source
