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
    ("brand-italian-writes-as-is", "Il negozio vende caschi e guanti da moto.",
     ["The shop sells Cobra helmets and motorcycle gloves."],
     "The shop sells helmets and motorcycle gloves.",
     [("The source's 'Cobra' is missing from the Italian here.", "minor")],
     "bilingual reading: the brand is dropped; MultiWordNet gives 'cobra' itself among the Italian for the "
     "snake, so the fix is the name as written, not its other Italian word («naia»)"),
    ("exonym", "Il vertice si terrà a Londra in primavera.",
     ["The summit will be held in London in the spring."],
     "The summit will be held in London in spring.", [], "MultiWordNet gives 'Londra' for 'London'"),
    ("inhabitant", "Una monacense mi ha fatto notare il nodo del grembiule.",
     ["A Munich woman pointed out the knot of my apron."],
     "A Monacan woman pointed out the knot of my apron.", [],
     "«monacense» is the Italian word for a woman of Munich (Monaco): Serianni, Grammatica italiana VI.80"),
    ("exonym-named-later",
     "Il vertice si terrà in primavera.\n\nSaranno presenti i ministri di dodici paesi.\n\n"
     "Le delegazioni alloggeranno in alberghi del centro.\n\nA Lisbona si attendono cento delegati.",
     ["The summit will be held in Lisbon in the spring.", "Ministers from twelve countries will attend.",
      "The delegations will stay in hotels in the centre.", "A hundred delegates are expected in Lisbon."],
     "The summit will be held in spring.\n\nThe ministers of twelve countries will be present.\n\n"
     "The delegations will stay in hotels in the centre.\n\nIn Lisbon a hundred delegates are expected.",
     [("The source's 'Lisbon' («Lisbona») is missing from the Italian here (the article names it only later).",
       "minor")],
     "bilingual reading: the first sentence drops the place; the fix is the form the article itself uses "
     "later, «Lisbona», not the English name"),
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
    ("unit-symbol", "La rete raggiunge i 300 Mbps in città.",
     ["The network reaches 300Mbit/s in the city."],
     "The network reaches 300 Mbps in the city.", [],
     "'Mbit' is written against the number and over a slash: a unit symbol, which Italian writes its own way"),
    ("unit-symbol-and-a-brand-dropped", "La rete raggiunge i 300 Mbps in città.",
     ["The Brellox network reaches 300Mbit/s in the city."],
     "The network reaches 300 Mbps in the city.",
     [("The source's 'Brellox' is missing from the Italian here.", "minor")],
     "the unit is no name, but the brand beside it is dropped all the same"),
    ("kinship-name-as-word", "Il libro dà voce alla saggezza della Nonna di Marta.",
     ["The book gives voice to the wisdom of Marta's Bubbe."],
     "The book gives voice to the wisdom of Marta's Granny.", [],
     "'Bubbe' is a name here (MultiWordNet does not list it), which the Italian writes as the capitalised "
     "common word «Nonna» beside 'Marta'"),
    ("kinship-name-dropped", "Il libro dà voce alla saggezza di Marta.",
     ["The book gives voice to the wisdom of Marta's Bubbe."],
     "The book gives voice to the wisdom of Marta.",
     [("The source's 'Bubbe' is missing from the Italian here.", "minor")],
     "bilingual reading: no word of the Italian stands for 'Bubbe'"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_missing_names(text: str, sources: list[str], bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_check("missingnames", text, sources, back_translation=bt)
    assert [(f.message, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "omission" and f.evidence.source
        # the fix adds the name beside the flagged words, which translate other source words (replacing
        # them would drop what they say), and writes a place in its Italian form
        name = f.evidence.details["name"]
        assert f.suggestion is not None and f.suggestion.startswith("add “") and f.suggestion.endswith("”")
        assert f.suggestion != "add “Lisbon”" and (name in f.suggestion or "«" in f.message)


# (id, Italian, source, back-translation, the Italian words the finding sits on, origin)
PLACES = [
    ("neighbour-in-its-clause", "A Varenna nessuno si lamenta: la gente indossa abiti tradizionali.",
     "In Varenna people wear Lederhosn; nobody minds.",
     "In Varenna nobody complains: people wear traditional clothes.", "gente",
     "'people wear' are the name's neighbours in its clause («la gente indossa»); 'nobody', beyond the semicolon, "
     "is not, though its «nessuno» comes first in the Italian"),
    ("named-neighbour", "A Varenna quasi tutti indossano il Dirndl; nessuno sembra a disagio.",
     "In Varenna almost everyone wears a Dirndl or Lederhosn; nobody looks uncomfortable.",
     "In Varenna almost everyone wears the Dirndl; nobody seems uncomfortable.", "Dirndl",
     "the name beside the missing one is written as the source writes it: the finding sits next to where "
     "the missing name belongs"),
    ("possessive-neighbour", "Il libro dà voce alla saggezza di Marta.",
     "The book gives voice to the wisdom of Marta's Bubbe.", "The book gives voice to the wisdom of Marta.", "Marta",
     "«Marta» is the source's \"Marta's\" without its possessive"),
]


@pytest.mark.parametrize("text,source,bt,on,origin", [c[1:] for c in PLACES], ids=[c[0] for c in PLACES])
def test_a_missing_name_sits_beside_where_it_belongs(text: str, source: str, bt: str, on: str, origin: str) -> None:
    found = run_check("missingnames", text, [source], back_translation=bt)
    assert [f.text for f in found] == [on], origin
