"""knowledge/surnames.py: a source person's surname replaced after the same first name. The sentence
pairs are written for this test; each expected value says where it comes from."""

from __future__ import annotations

import pytest

from backcheck.knowledge.surnames import surname_changes


class _Lexicon:
    """The one MultiWordNet lookup the module makes (``it_for_en``), with the entries the cases need
    (MultiWordNet gives «fornaio» for "baker" and «pescatore» for "fisher")."""

    ENTRIES = {"baker": frozenset({"fornaio", "panettiere"}), "fisher": frozenset({"pescatore"})}

    def it_for_en(self, word: str) -> frozenset[str]:
        return self.ENTRIES.get(word, frozenset())


# (id, source, Italian region, expected [(Italian word, source surname, translated)])
CASES = [
    # the surname read as an English word and translated (the lexicon's entry above)
    ("translated", "Tickets were sold out, said Hannah Baker of the theatre.",
     "I biglietti sono esauriti, ha detto Hannah Fornaio del teatro.", [("Fornaio", "Baker", True)]),
    # another word in its place: the first name names the same person, so the surname changed
    ("replaced", "The coach, Tom Fisher, resigned on Friday.", "L'allenatore, Tom Pescara, si è dimesso venerdì.",
     [("Pescara", "Fisher", False)]),
    # the surname is in the region: nothing changed, whatever else follows the first name
    ("kept", "Tom Fisher resigned. Tom Fisher had coached for ten years.",
     "Tom Fisher si è dimesso. Tom Allenatore aveva guidato la squadra per dieci anni.", []),
    # a regular Italian transliteration is no change (names.italian_form_of: "Zelenskyj" of "Zelensky")
    ("transliteration", "It was announced by Volodymyr Zelensky in Kyiv.",
     "Lo ha annunciato Volodymyr Zelenskyj a Kiev.", []),
    # one letter off: a garbled spelling, the entities check's other passes (similarity ≥ 0.9)
    ("misspelt", "The report was written by Anna Kowalczyk.", "Il rapporto è stato scritto da Anna Kowalczik.", []),
    # the word after the first name is another name of the source (two people with one first name)
    ("two-annas", "Anna Rossi met Anna Bianchi in Milan.", "Anna Bianchi ha incontrato Anna Rossi a Milano.", []),
    # a title between the first name and the rest, or an institution: not a person's name
    ("institution", "The New York Times reported it.", "Lo ha riportato il New York Times.", []),
]


@pytest.mark.parametrize(("source", "italian", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_surname_changes(source: str, italian: str, expected: list[tuple[str, str, bool]]) -> None:
    names = {w.strip(".,").lower() for w in source.split() if w[:1].isupper()}
    found = surname_changes(source, italian, 10, names, _Lexicon())  # type: ignore[arg-type]
    assert [(c.italian, c.surname, c.translated) for c in found] == expected
    for c in found:  # offsets are article offsets: the region starts at 10
        assert italian[c.start - 10 : c.end - 10] == c.italian
