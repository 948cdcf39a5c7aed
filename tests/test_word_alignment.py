"""align/words.py: the gaps between anchors, and a gap split clause by clause or at two function words both
sides share. Sentence pairs written
for this test; each expected value is read off the pair (which words stand in which one's place)."""

from __future__ import annotations

import pytest

from backcheck.align.units import Alignment, SourceMatch
from backcheck.align.words import WordAlignment, align_units
from backcheck.checks.divergence import points_nowhere
from backcheck.translate.base import SegmentTranslation, Translation


def _aligned(units: list[str], bt: str, italian: str = "x") -> WordAlignment:
    """The word alignment of the first of ``units`` (the source's sentences, in order) with ``bt``, the
    back-translation of ``italian``."""
    translation = Translation([SegmentTranslation(0, 10, italian, bt)])
    alignment = Alignment(units=units, matches=[SourceMatch(0, units[0], [0], 0, 10, bt, 1.0)], whole_article=True)
    (wa,) = align_units(alignment, translation)
    return wa


def _unit_gaps(units: list[str], bt: str) -> list[tuple[str, str, str]]:
    return [(g.kind, g.source_phrase, g.bt_phrase) for g in _aligned(units, bt).gaps]


def _gaps(source: str, bt: str) -> list[tuple[str, str, str]]:
    return _unit_gaps([source], bt)


@pytest.mark.parametrize(("source", "bt", "expected"), [
    # one word for another between two anchors ("her Danish ... said")
    ("Her Danish colleague said the talks were useful.", "Her Danish neighbour said the talks were useful.",
     [("substitution", "colleague", "neighbour")]),
    # a comma on each side between the anchors: one difference per clause, not "ships, recount" for
    # "celebrate" (the words before the comma were added; the verb after it was replaced)
    ("The walls, all covered with posters, celebrate the story of the port.",
     "The walls, all covered with posters that show old ships, recount the story of the port.",
     [("insertion", "", "show old ships"), ("substitution", "celebrate", "recount")]),
    # the commas differ in number: which clause a word is in cannot be told, so one difference
    ("The walls, all covered with posters celebrate the story of the port.",
     "The walls, all covered with posters that fade, recount the story of the port.",
     [("substitution", "celebrate", "fade, recount")]),
    # the same two function words once on each side ("for all") mark a place as an anchor would: the
    # replaced adjective and the added noun are two differences, not "routine" / "obligatory for all
    # women"; "sixty" and "60" are one number and anchor the end
    ("They said the card should be routine for all over sixty, the council agreed.",
     "They said the card should be obligatory for all women over 60, the council agreed.",
     [("substitution", "routine", "obligatory"), ("insertion", "", "women")]),
    # a shared pair that occurs twice on one side marks no one place: one difference
    ("They said the card should be routine for all over sixty, the council agreed.",
     "They said the card should be obligatory for all and for all women over 60, the council agreed.",
     [("substitution", "routine", "obligatory for all and for all women")]),
    # one number, its digits split by a thousands separator on one side only: no difference
    ("The fund raised 4900 euros for the school.", "The fund raised 4,900 euros for the school.", []),
    # a different number is one
    ("The fund raised 4800 euros for the school.", "The fund raised 4,900 euros for the school.",
     [("substitution", "4800", "4,900")]),
    # a 12-hour clock time and the 24-hour one an Italian article uses (and its back-translation keeps)
    # are one time: "5 p.m." is 17:00, "3:30 pm" is 15.30 (the times module's readings)
    ("The minister will speak at 5 p.m. in Rome.", "The minister will speak at 17 in Rome.", []),
    ("The talks ended at 3:30 pm after a debate.", "The talks ended at 15.30 after a debate.", []),
    # a symbol and its word are one word: "%" is "percent" (and "per cent"), "$" is "dollar" (CLDR's
    # name of the currency whose symbol it is)
    ("Prices rose 10 percent in the last quarter.", "Prices rose 10% in the last quarter.", []),
    ("Inflation reached 3.5 per cent in May.", "Inflation reached 3.5% in May.", []),
    ("The company raised $5 million from investors.", "The company raised 5 million dollars from investors.", []),
    ("He earns €40,000 a year as a teacher.", "He earns 40,000 euros a year as a teacher.", []),
    # an initialism and the words whose initials it is are one name; other words are a difference
    ("The U.S. government closed the embassy.", "The United States government closed the embassy.", []),
    ("The UN council met on Tuesday in Geneva.", "The United Nations council met on Tuesday in Geneva.", []),
    ("The ministers said the E.U. must act.", "The ministers said the European Union must act.", []),
    ("The UN council met on Tuesday in Geneva.", "The European Union council met on Tuesday in Geneva.",
     [("substitution", "UN", "European Union")]),
    # CLDR's "noon" is 12 o'clock; an ordinal in digits is its number ("March 3rd" / "3 March")
    ("The talks will start at noon on Friday.", "The talks will start at 12 on Friday.", []),
    ("The storm hit on 3 March, killing two people.", "The storm hit on March 3rd, killing two people.", []),
    ("The storm hit on 3 March, killing two people.", "The storm hit on March 4th, killing two people.",
     [("deletion", "3", ""), ("insertion", "", "4th")]),
    # a clause the translation moved to the front is no deletion where it was: its words ("trial", "still",
    # "early") are linked past more than one anchor; only the words that match nothing are a difference
    ("Dr. Rossi, professor of medicine at the university in Padua, warned that the new trial is still at an "
     "early stage.",
     "The trial is still in its early phase, as cautiously stated by Dr. Rossi, professor of medicine at the "
     "university in Padua.",
     [("insertion", "", "phase, as cautiously stated")]),
    # a word moved past one anchor is a local reordering: the gap stays ("his father's ... box" / "the ...
    # container of his father")
    ("He kept his father's beautifully made wooden tool box in the attic.",
     "He kept the beautiful wooden container of his father in the attic.",
     [("insertion", "", "container"), ("substitution", "beautifully made wooden tool box", "beautiful")]),
    # a misspelt word (one edit from a word, itself unknown to wordfreq) is that word; two real words one
    # edit apart are two words
    ("The presdent met the ministers on Monday.", "The president met the ministers on Monday.", []),
    ("The conservation group met on Monday in Rome.", "The conversation group met on Monday in Rome.",
     [("substitution", "conservation", "conversation")]),
    # one compound written solid, hyphenated or open is one word
    ("Inflation in the euro zone rose in May.", "Inflation in the eurozone rose in May.", []),
    ("The agencies promised closer co-operation on security.", "The agencies promised closer cooperation on security.",
     []),
    # another hour is a difference, named by the whole time
    ("The minister will speak at 5 p.m. in Rome.", "The minister will speak at 18 in Rome.",
     [("substitution", "5 p.m.", "18")]),
    # a synonym found far from its place (past five anchors) is no correspondence: "car" was dropped
    # from "car park", and the "automobile" at the end was added
    ("The mayor praised the car park near the stadium in Parma on Sunday.",
     "The mayor praised the park near the stadium in Parma on Sunday, by automobile.",
     [("deletion", "car", ""), ("insertion", "", "automobile")]),
    # a synonym moved past one anchor is a local reordering, still linked: no difference
    ("Yesterday the mayor drove an old automobile to Parma.", "Yesterday the mayor drove to Parma an old car.", []),
    # a name moved however far stays linked, even spelled another way (the entity checks judge the spelling)
    ("Yesterday Kovalenko met the generals in Lviv and Odesa.",
     "Yesterday the generals met in Lviv and Odesa with Kovalenco.", []),
])
def test_gaps(source: str, bt: str, expected: list[tuple[str, str, str]]) -> None:
    assert _gaps(source, bt) == expected



def test_a_deletion_sits_beside_the_word_it_modifies() -> None:
    """A dropped modifier sits beside its head even where the translation moved the head past the
    anchors: "lighting" was dropped from "Osei's lighting design", whose "design" now stands before the
    name; the finding belongs on the Italian of "design", not on the anchor after the gap ("especially")."""
    source = "Critics praised Ada Osei's lighting design, especially in the last scene."
    bt = "Critics praised the design of Ada Osei, especially in the last scene."
    wa = _aligned([source], bt)
    (gap,) = [g for g in wa.gaps if g.kind == "deletion"]
    assert gap.source_phrase == "lighting"
    link = wa.beside(gap)
    assert link is not None and wa.bt[link.bt].text == "design"
    assert gap.right is not None and wa.bt[gap.right.bt].text == "especially"  # the anchor it used to sit on


def test_an_edge_insertion_the_next_unit_says_is_that_units_text() -> None:
    """The two sides split sentences differently: the back-translation's sentence runs on into what the
    next source sentence says, which is no addition; the same words absent from the next unit are."""
    bt = "The mayor opened the new bridge in Parma, a gift for the whole valley."
    assert _unit_gaps(["The mayor opened the new bridge in Parma.", "It is a gift for the whole valley."], bt) == []
    assert _unit_gaps(["The mayor opened the new bridge in Parma.", "The works lasted two years."], bt) == [
        ("insertion", "", "gift for the whole valley")]


def _both_units(units: list[str], bt: str) -> list[list[tuple[str, str, str]]]:
    """The gaps of every one of ``units``, all placed on the one back-translation sentence ``bt``."""
    translation = Translation([SegmentTranslation(0, 10, "x", bt)])
    alignment = Alignment(units=units, matches=[SourceMatch(i, u, [0], 0, 10, bt, 1.0) for i, u in enumerate(units)],
                          whole_article=True)
    return [[(g.kind, g.source_phrase, g.bt_phrase) for g in wa.gaps] for wa in align_units(alignment, translation)]


def test_an_edge_gap_stops_at_the_words_the_neighbouring_unit_anchors() -> None:
    """The translation merged two source sentences and added a word between them: the first unit's edge
    gap is the added word alone, not the rest of the sentence the second unit says ("gift", "valley" are
    its anchors), and the second unit leaves the words between the two to the first (one difference)."""
    bt = "The mayor opened the new bridge in Parma, a generous gift for the valley."
    assert _both_units(["The mayor opened the new bridge in Parma.", "It is a gift for the valley."], bt) == [
        [("insertion", "", "generous")], []]
    # with no neighbour anchored there, the edge runs on as before
    assert _both_units(["The mayor opened the new bridge in Parma.", "The works lasted two years."], bt) == [
        [("insertion", "", "generous gift for the valley")], []]


def test_a_word_the_back_translation_left_in_italian_reads_as_nothing() -> None:
    # the engine copied «sindaco» ("mayor") into its English: no reading of the Italian to compare
    source = "The mayor opened the new bridge over the river on Sunday."
    italian = "Il sindaco ha inaugurato domenica il nuovo ponte sul fiume."
    assert _aligned([source], "The sindaco opened the new bridge over the river on Sunday.", italian).gaps == []
    # the same English with a word the Italian does not have is a difference
    assert [(g.kind, g.source_phrase, g.bt_phrase) for g in _aligned(
        [source], "The governor opened the new bridge over the river on Sunday.", italian).gaps] == [
        ("substitution", "mayor", "governor")]


@pytest.mark.parametrize(("italian", "read", "nowhere"), [
    # an article the phrase did not come from: nothing to show the reviewer (a finding would say
    # "at «una» the back-translation reads ...")
    ("una", False, True),
    ("della", False, True),
    # a content word, even one that does not read as the phrase, is a place to show
    ("reperto", False, False),
    # function words that do read as the phrase ("not" is «non»), or that the lexicon cannot judge, stay
    ("non", True, False),
    ("una", None, False),
])
def test_a_difference_on_function_words_it_did_not_come_from_points_nowhere(italian: str, read: bool | None,
                                                                            nowhere: bool) -> None:
    assert points_nowhere(italian, read) is nowhere


@pytest.mark.parametrize(
    ("phrase", "flagged"),
    [("«Tutto bene", "«Tutto bene?»"),          # the quotation the phrase opens is closed after its «?»
     ("cosa “nuova", "cosa “nuova”"),
     ("nuova”", "“nuova”"),                      # and one it closes is opened just before it
     ("Chiese: «Tutto", "Chiese: «Tutto"),       # the closing mark is words away: the phrase stays
     ("bene?»", "bene?»")],
)
def test_a_flagged_phrase_does_not_cut_a_quotation_at_its_edge(phrase: str, flagged: str) -> None:
    """A projected phrase that stops a mark short of a quotation's end is shown with it, as the article
    writes it (invented sentence)."""
    from backcheck.checks.divergence import _join

    text = "Chiese: «Tutto bene?» e parlò di una cosa “nuova” per tutti."
    a = text.find(phrase)
    [(start, end)] = _join([(a, a + len(phrase))], text)
    assert text[start:end] == flagged


@pytest.mark.parametrize(
    ("phrase", "pieces"),
    [("tazze (alcune, a dire il vero, un po", ["tazze", "alcune, a dire il vero, un po"]),  # opens, not closed
     ("un po sbeccate) e i piatti", ["un po sbeccate", "e i piatti"]),               # closes, not opened
     ("tazze (alcune, a dire il vero, un po sbeccate)", ["tazze (alcune, a dire il vero, un po sbeccate)"])],
)
def test_a_projected_phrase_is_cut_at_a_bracket_it_leaves_open(phrase: str, pieces: list[str]) -> None:
    """A projection across a bracket whose partner lies outside it is two phrases, one inside the
    brackets and one out; the finding then sits on one of them (invented sentence)."""
    from backcheck.checks.divergence import _join

    text = "Le tazze (alcune, a dire il vero, un po sbeccate) e i piatti."
    a = text.find(phrase)
    assert [text[s:e] for s, e in _join([(a, a + len(phrase))], text)] == pieces


def test_a_finding_quotes_only_what_its_italian_piece_reads_as() -> None:
    """The back-translation's phrase "two had not" holds a number word, which is not placed on the Italian:
    the finding on «non» quotes what «non» reads as ("not"), not the whole phrase (invented sentences;
    «non» is "not" by any dictionary)."""
    from _checkutil import run_check

    found = run_check(
        "divergence", "Notizie del giorno\n\nUna settimana prima del voto, i due non si incontravano dal 3 maggio.",
        ["The mayor last met the governor on May 3, a week before the vote."],
        back_translation="News of the day\n\nA week before the vote, the two had not met since May 3.")
    on_non = [f for f in found if f.text == "non"]
    assert on_non and all("«non» reads as “not”" in f.message for f in on_non)
    assert all(dict(f.evidence.phrases)["back_translation"] == "not" for f in on_non)


def test_a_negated_antonym_is_read_as_the_same_meaning() -> None:
    """"failed" read back as "did not manage": the relation feature the judge weighs is a synonym, not an
    antonym (an antonym raises p(error)); without the negation it stays an antonym. Invented pair."""
    from _checkutil import run_pair

    source = "Rescuers failed to reach the stranded climbers."

    def relations(italian: str, bt: str) -> list[dict[str, float]]:
        return [{k: v for k, v in f.evidence.features.items() if k.startswith("rel_") and v}
                for f in run_pair("divergence", source, italian, bt)]

    assert relations("I soccorritori non sono riusciti a raggiungere gli alpinisti bloccati.",
                     "Rescuers did not manage to reach the stranded climbers.") == [{"rel_synonym": 1.0}]
    assert relations("I soccorritori sono riusciti a raggiungere gli alpinisti bloccati.",
                     "Rescuers managed to reach the stranded climbers.") == [{"rel_antonym": 1.0}]
