"""nationality check. Sentence pairs invented for this test; each row states where its expected value
comes from."""

from __future__ import annotations

import pytest

from _checkutil import run_check

# (id, Italian, English source lines, literal back-translation of the Italian,
#  expected [(span, severity, suggestion)], origin of the expectation)
CASES = [
    ("source-language-named", "Il sindaco ha usato il termine inglese «lockdown» in conferenza stampa.",
     ["The mayor used the term \"lockdown\" at the press conference."],
     "The mayor used the English term «lockdown» at the press conference.", [],
     "the source is English: its own language, named when the Italian quotes an English word, adds nothing"),
    ("acronym-spelled-out", "L'Autorità palestinese ha respinto la proposta di tregua.",
     ["The PA rejected the truce proposal."],
     "The Palestinian Authority rejected the truce proposal.", [],
     "the source's 'PA' abbreviates the name the Italian spells out; the Italian adds no country"),
    ("acronym-of-another-name", "L'Autorità palestinese ha respinto la proposta della NATO.",
     ["The group rejected the NATO proposal."],
     "The Palestinian Authority rejected the NATO proposal.", [("palestinese", "major", None)],
     "'NATO' is not the initials of «Autorità palestinese»: the Italian adds a nationality"),
    ("adjective-changed", "Il ministro francese ha firmato l'accordo sul gas.",
     ["The German minister signed the gas agreement."],
     "The French minister signed the agreement on gas.",
     [("francese", "major", "tedesco")], "bilingual reading: German in the source, French in the Italian"),
    ("country-changed", "La nave è partita dalla Spagna con il carico di grano.",
     ["The ship left Portugal with its cargo of grain."],
     "The ship left from Spain with the cargo of grain.",
     [("Spagna", "major", "Portogallo")], "bilingual reading: Portugal became Spain (CLDR Italian name as the fix)"),
    ("adjective-added", "La polizia olandese ha arrestato il capo della banda.",
     ["Police arrested the leader of the gang."],
     "The Dutch police arrested the head of the gang.",
     [("olandese", "major", None)], "bilingual reading: the source names no country"),
    ("added-but-named-elsewhere",
     "Il Canada ha un nuovo accordo commerciale.\n\nLe esportazioni di legname crescono da mesi.\n\n"
     "Il premier canadese ha visitato la fabbrica.",
     ["Canada has a new trade deal.", "Timber exports have been growing for months.",
      "The prime minister visited the factory."],
     "Canada has a new trade agreement.\n\nTimber exports have been growing for months.\n\n"
     "The Canadian premier visited the factory.",
     [("canadese", "minor", None)], "the source names Canada in another sentence: an explicitation"),
    ("plural-demonym", "Molti tedeschi passano le vacanze in Grecia.",
     ["Many Germans spend their holidays in Greece."],
     "Many Germans spend their holidays in Greece.", [], "'Germans' is the plural of the adjective"),
    ("us-abbreviation", "Gli Stati Uniti hanno alzato i dazi sull'acciaio.",
     ["The US raised tariffs on steel."],
     "The United States raised duties on steel.", [], "'US' is a name of the United States (WordNet)"),
    ("compound", "Il parco ha inaugurato nuove montagne russe per l'estate.",
     ["The park opened a new roller coaster for the summer."],
     "The park inaugurated new roller coasters for the summer.", [], "'montagne russe' is a MultiWordNet compound"),
    ("surname", "Secondo il consigliere Marco Russo il bilancio regge.",
     ["According to councillor Marco Russo the budget holds."],
     "According to councillor Marco Russo the budget holds.", [], "capitalised inside a sentence: a name"),
    ("lexicon-translation", "La comunità ebraica della città ha organizzato un concerto.",
     ["The city's Jewish community organised a concert."],
     "The Jewish community of the city organised a concert.", [], "MultiWordNet translates 'ebraico' with 'Jewish'"),
    ("paired-off", "L'Italia e la Francia hanno firmato, e il governo italiano ha festeggiato.",
     ["Italy and France signed, and Rome celebrated."],
     "Italy and France signed, and the Italian government celebrated.", [],
     "'italiano' names Italy, which the source has"),
]


@pytest.mark.parametrize("text,sources,bt,expected,origin", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_nationality(text: str, sources: list[str], bt: str, expected: list[tuple[str, str, str | None]],
                     origin: str) -> None:
    found = run_check("nationality", text, sources, back_translation=bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == ("mistranslation" if f.suggestion else "addition")


def test_message_names_the_source() -> None:
    [f] = run_check("nationality", "Il governo svedese ha risposto.", ["The Danish government replied."],
                    back_translation="The Swedish government replied.")
    assert f.message == "«svedese» is not in the source, which says 'Danish'."


@pytest.mark.parametrize("lang", ["it", "en"])
def test_word_shortcut_finds_what_the_whole_pattern_finds(lang: str) -> None:
    """find_nations tries each word against the forms that can begin with it; what it finds must be
    what one case-insensitive alternation of every form finds (the pattern it replaced). Texts: the
    tables' own forms run together with the separators, cases and endings that test the pattern's edges
    (a plural "s", a dot before, a letter after, a hyphen), plus invented sentences."""
    import random

    from backcheck.knowledge.nations import _matches, _pattern, tables

    whole = _pattern(lang)
    forms = sorted(tables()[lang])
    rnd = random.Random(7)
    texts = ["Il governo svedese e la Francia.", "The U.S. and the UK met Germans in New Zealand.",
             "una delegazione sud-coreana", "the Côte d'Ivoire team", "St. Lucia, 3 p.m.; Italians."]
    for _ in range(400):
        parts = [rnd.choice(forms) + rnd.choice(["", "s", "S", ".", "'", "x", "-", "ese"]) for _ in range(4)]
        parts = [p.upper() if rnd.random() < 0.2 else p.title() if rnd.random() < 0.5 else p for p in parts]
        texts.append(rnd.choice([" ", ".", "", ", ", "-", " ("]).join(parts))
    for text in texts:
        assert list(_matches(text, lang)) == [m.span() for m in whole.finditer(text)], text
