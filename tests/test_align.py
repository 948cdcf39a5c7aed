"""Alignment: source units ↔ back-translation, phrase divergences, projection onto Italian.
All texts are written for these tests."""

from __future__ import annotations

import pytest

from backcheck.align import (
    Word,
    align_sources,
    align_sources_without_bt,
    anchors,
    en_words,
    it_words,
    phrase_divergences,
    project,
    source_units,
    words_match,
)
from backcheck.align.units import MATCH_THRESHOLD
from backcheck.text.document import segment
from backcheck.translate.base import SegmentTranslation, Translation


def _w(text: str) -> Word:
    return en_words(text)[0]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("spoke", "speak", True),          # lemma
        ("stated", "declared", True),      # paraphrase set (content words only: "said" is a stop word)
        ("Russia", "Russian", True),       # place / adjective
        ("Milley", "Millie", True),        # near-identical name
        ("Gen.", "General", True),         # abbreviation
        ("solve", "resolve", True),        # re- prefix
        ("official", "officially", False),  # a part-of-speech change is a real difference
        ("ally", "counterpart", False),
        ("seventy", "70", True),           # a number spelled out and in digits (lemmas fold only 0-12)
        ("seventy", "17", False),
        ("seven", "70", False),
        ("border", "line", False),
    ],
    ids=lambda v: str(v),
)
def test_words_match(a: str, b: str, same: bool) -> None:
    assert words_match(_w(a), _w(b)) is same


def test_source_units_split_lines_and_sentences() -> None:
    units = source_units(["First line. Second sentence here.\nThird line"])
    assert units == ["First line.", "Second sentence here.", "Third line"]


def _translation(article_text: str, english: list[str]) -> tuple:
    art = segment(article_text)
    segs = [SegmentTranslation(s.start, s.end, s.text, e) for s, e in zip(art.sentences, english, strict=True)]
    return art, Translation(segs)


ARTICLE = (
    "Il ministro ha firmato un accordo di pace con il vicino.\n\n"
    "Il presidente ha incontrato il suo alleato a Parigi il 3 maggio.\n\n"
    "La banca centrale ha alzato i tassi di interesse."
)
BT = [
    "The minister signed a peace agreement with the neighbour.",
    "The president met his ally in Paris on May 3.",
    "The central bank raised interest rates.",
]


def test_snippets_land_on_their_sentences_and_unmatched_is_kept() -> None:
    art, tr = _translation(ARTICLE, BT)
    aln = align_sources(art, ["The president met his counterpart in Paris on May 3.",
                              "Completely unrelated words about football scores."], tr)
    assert [(m.source_index, m.segments) for m in aln.matches] == [(0, [1])]
    assert aln.unmatched == [1]
    assert aln.matches[0].it_start == art.sentences[1].start


def test_replace_divergence_projects_onto_the_italian_word() -> None:
    art, tr = _translation(ARTICLE, BT)
    aln = align_sources(art, ["The president met his counterpart in Paris on May 3."], tr)
    divs = phrase_divergences(aln.matches[0], tr)
    assert [(d.kind, d.bt_phrase, d.source_phrase) for d in divs] == [("replace", "ally", "counterpart")]
    spans = project(divs[0].bt_words, tr)
    assert [art.text[a:b] for a, b in spans] == ["alleato"]


def test_whole_article_source_is_aligned_monotonically() -> None:
    art, tr = _translation(ARTICLE + "\n\n" + ARTICLE, BT * 2)
    src = ["The minister signed a peace deal with the neighbour.", "The president met his ally in Paris on May 3.",
           "The central bank raised interest rates."] * 2
    aln = align_sources(art, src, tr)
    assert aln.whole_article
    assert [m.segments for m in aln.matches] == [[0], [1], [2], [3], [4], [5]]


def test_a_sentence_the_translation_joined_to_the_one_before_lands_there() -> None:
    # the translation made one sentence of the source's second and third: the third fits that window
    # (the 9%, the orders, the north) far better than the next one, which it would otherwise share for free
    art, tr = _translation(
        "Il ministro ha firmato un accordo di pace con il vicino.\n\n"
        "Nel 2019 il forno ha venduto 12.500 torte, prevedendo un aumento degli ordini del 9% al nord.\n\n"
        "Al sud il forno ha venduto 3.100 torte, il 4,2% del totale.\n\n"
        "La banca centrale ha alzato i tassi di interesse.",
        ["The minister signed a peace agreement with the neighbour.",
         "In 2019 the bakery sold 12,500 cakes, forecasting an increase in orders of 9% in the north.",
         "In the south the bakery sold 3,100 cakes, 4.2% of the total.",
         "The central bank raised interest rates."])
    src = ["The minister signed a peace deal with the neighbour.", "In 2019 the bakery sold 12,500 cakes.",
           "This means a rise in orders of 9% in the north.",
           "In the south the bakery sold 3,100 cakes, 4.2% of the total.", "The central bank raised interest rates."]
    aln = align_sources(art, src, tr)
    assert [m.segments for m in aln.matches] == [[0], [1], [1], [2], [3]]


@pytest.mark.parametrize(("middle", "placed"), [
    # a rewritten sentence (score about 0.3, under MATCH_THRESHOLD) in its place in the story: compared
    ("It was hard to watch.", True),
    # a sentence that shares nothing with the Italian there: a possible omission, as before
    ("Completely unrelated words about football scores.", False),
])
def test_a_rewritten_sentence_between_placed_neighbours_is_placed(middle: str, placed: bool) -> None:
    art, tr = _translation(
        "Il ministro ha firmato un accordo di pace con il vicino.\n\n"
        "Il presidente ha incontrato il suo alleato a Parigi il 3 maggio.\n\n"
        "È una scelta difficile da spiegare.\n\n"
        "La banca centrale ha alzato i tassi di interesse.",
        ["The minister signed a peace agreement with the neighbour.", "The president met his ally in Paris on May 3.",
         "It is a choice difficult to explain.", "The central bank raised interest rates."])
    src = ["The minister signed a peace deal with the neighbour.", "The president met his ally in Paris on May 3.",
           middle, "The central bank raised interest rates."]
    aln = align_sources(art, src, tr)
    assert aln.whole_article
    assert ([m.segments for m in aln.matches], aln.unmatched) == (
        ([[0], [1], [2], [3]], []) if placed else ([[0], [1], [3]], [2]))
    assert all(m.score < MATCH_THRESHOLD for m in aln.matches if m.source_index == 2)


def test_page_furniture_does_not_count_towards_the_story_length() -> None:
    """A whole source against an article with scraped furniture after it (a related link, a comment and a
    newsletter prompt): counted, the furniture makes the source look like snippets (under
    WHOLE_ARTICLE_RATIO of the back-translation's words); left out, the source is the whole story."""
    from backcheck.knowledge.furniture import find_furniture

    art, tr = _translation(
        ARTICLE + "\n\nLeggi anche: Il governo approva la manovra economica e il piano per le infrastrutture del "
        "sud\n\nLascia un commento\n\nIscriviti alla nostra newsletter per ricevere ogni mattina tutte le notizie",
        [*BT, "Read also: The government approves the economic manoeuvre and the plan for the infrastructure of "
         "the south", "Leave a comment", "Subscribe to our newsletter to receive all the news every morning"])
    src = ["The minister signed a peace deal with the neighbour.", "The president met his ally in Paris on May 3.",
           "The central bank raised interest rates."]
    furniture = frozenset(f.paragraph for f in find_furniture(art))
    assert furniture == {3, 4, 5}
    assert not align_sources(art, src, tr).whole_article
    aln = align_sources(art, src, tr, furniture)
    assert aln.whole_article and [m.segments for m in aln.matches] == [[0], [1], [2]]


def test_anchors_use_cognates_numbers_and_elision() -> None:
    en = en_words("The occupation of Ukraine began on 24 February.")
    it = it_words("L’occupazione dell’Ucraina è iniziata il 24 febbraio.")
    pairs = {en[a].text: it[b].text for a, b in anchors(en, it).items()}
    assert pairs["occupation"] == "occupazione"
    assert pairs["Ukraine"] == "Ucraina"
    assert pairs["24"] == "24"


def test_sources_without_back_translation_use_shared_anchors() -> None:
    art = segment(ARTICLE)
    aln = align_sources_without_bt(art, ["The central bank raised interest rates to 4%."])
    assert len(aln.matches) == 1 and aln.matches[0].it_start == art.sentences[2].start


def test_projection_bounds_are_the_anchors_furthest_italian_words() -> None:
    """Italian puts a noun before its modifier ("flood damage" / «danni … alluvione»): the anchors cross,
    and a word after them belongs after the furthest of their Italian words, not between them
    (a bilingual reading of this invented pair)."""
    en = "Before the new dam, the town's flood damage dated back to 1900."
    it = "Prima della nuova diga, i danni subiti in città per l'alluvione risalivano al 1900."
    tr = Translation([SegmentTranslation(0, len(it), it, en)])
    words = [w for w in en_words(en, 0) if w.text in ("dated", "back")]
    assert [it[a:b] for a, b in project(words, tr)] == ["risalivano"]


def test_a_superlative_and_a_material_adjective_are_anchors() -> None:
    """«bellissimo» is "bello" at its highest and «legno» the wood "wooden" is made of: both pair with
    their English words, which a dictionary of lemmas alone does not see (invented pair)."""
    en = en_words("She kept the very beautiful wooden chest of her grandmother.")
    it = it_words("Ha conservato il bellissimo baule di legno della nonna.")
    pairs = {en[a].text: it[b].text for a, b in anchors(en, it).items()}
    assert pairs["beautiful"] == "bellissimo"
    assert pairs["wooden"] == "legno"


@pytest.mark.parametrize(
    ("chosen", "italian"),
    [(("jewel", "case"), "portagioie"), (("beautiful",), "bellissimo"), (("wooden",), "legno")],
)
def test_a_noun_italian_puts_before_its_modifier_projects_onto_itself(chosen: tuple[str, ...],
                                                                      italian: str) -> None:
    """"wooden jewel-case" is «portagioie di legno»: the noun has no dictionary entry, and the only
    free Italian word between the anchors around it is none, so it goes to the free word beside its
    neighbour's Italian, not to a function word or to the adjective (a bilingual reading of this
    invented pair)."""
    en = "She kept the very beautiful wooden jewel-case of her grandmother."
    it = "Ha conservato il bellissimo portagioie di legno della nonna."
    tr = Translation([SegmentTranslation(0, len(it), it, en)])
    words = [w for w in en_words(en, 0) if w.text in chosen]
    assert [it[a:b] for a, b in project(words, tr)] == [italian]


@pytest.mark.parametrize(("chosen", "italian"), [
    (("shabby",), ["fatiscenti"]),
    (("shabby", "dreadful"), ["fatiscenti e pasti orrendi"]),
    (("shabby", "rooms", "dreadful"), ["stanze fatiscenti e pasti orrendi"]),
])
def test_two_words_between_the_same_anchors_go_to_two_italian_words(chosen: tuple[str, ...],
                                                                     italian: list[str]) -> None:
    """"shabby rooms and dreadful meals" is «stanze fatiscenti e pasti orrendi»: the two adjectives are
    in no dictionary pair, so each goes by its place; projected together, the second does not take the
    first's Italian word when Italian put its own after its noun (a bilingual reading of this invented
    pair)."""
    en = "The old hotel offered little comfort, shabby rooms and dreadful meals, but a fine view."
    it = "Il vecchio albergo offriva poco comfort, stanze fatiscenti e pasti orrendi, ma una bella vista."
    tr = Translation([SegmentTranslation(0, len(it), it, en)])
    words = [w for w in en_words(en, 0) if w.text in chosen]
    assert [it[a:b] for a, b in project(words, tr)] == italian


@pytest.mark.parametrize(("en", "it", "chosen", "italian"), [
    ("Last night we watched a gripping show about the war.",
     "Ieri sera abbiamo visto uno spettacolo avvincente sulla guerra.", ("gripping", "show"),
     ["spettacolo avvincente"]),
    ("She made a phone call to her brother.", "Ha fatto una telefonata a suo fratello.", ("phone", "call"),
     ["telefonata"]),
])
def test_a_noun_beside_its_anchored_neighbour_shares_its_italian_an_adjective_does_not(
        en: str, it: str, chosen: tuple[str, ...], italian: list[str]) -> None:
    """"phone call" is one Italian word, «telefonata»: the noun "phone" goes with its anchored neighbour.
    "gripping show" is «spettacolo avvincente»: the adjective has a word of its own (a bilingual reading
    of these invented pairs)."""
    tr = Translation([SegmentTranslation(0, len(it), it, en)])
    words = [w for w in en_words(en, 0) if w.text in chosen]
    assert [it[a:b] for a, b in project(words, tr)] == italian
