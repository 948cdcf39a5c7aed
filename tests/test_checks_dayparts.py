"""dayparts check. Sentence pairs invented for this test; each expected value is a bilingual reading of
the pair or the rule the check follows (lang/dayparts.py: CLDR's four day periods round the clock, a
part of the day opposed only to the one that is not next to it)."""

from __future__ import annotations

import pytest

from _checkutil import BT_HEAD, HEAD, run_pair
from backcheck.judge.rules import RuleJudge
from backcheck.lang.dayparts import dayparts, opposed
from backcheck.run.checker import Checker
from backcheck.run.options import ArticleInput, CheckOptions

# (id, source, Italian, back-translation, expected [(span, severity, suggestion)], origin)
CASES = [
    ("morning-as-evening", "The talks resumed on Tuesday morning in Geneva.",
     "I colloqui sono ripresi martedì sera a Ginevra.", "The talks resumed on Tuesday evening in Geneva.",
     [("sera", "major", "mattina")], "bilingual reading: half a day later; CLDR's Italian morning is «mattina»"),
    ("this-morning-as-stasera", "The minister spoke this morning in parliament.",
     "Il ministro ha parlato stasera in parlamento.", "The minister spoke this evening in parliament.",
     [("stasera", "major", None)], "«stasera» is this evening (data/dayparts.tsv); no one-word fix keeps «sta-»"),
    ("afternoon-as-night", "The plane landed in the afternoon.", "L'aereo è atterrato di notte.",
     "The plane landed at night.", [("notte", "major", "pomeriggio")], "bilingual reading"),
    ("kept", "The talks resumed on Tuesday morning in Geneva.", "I colloqui sono ripresi martedì mattina a Ginevra.",
     "The talks resumed on Tuesday morning in Geneva.", [], "the same part of the day"),
    ("night-as-sera", "The talks ended on Tuesday night.", "I colloqui sono terminati martedì sera.",
     "The talks ended on Tuesday evening.", [], "neighbours: Italian calls a late evening «sera»"),
    ("range", "The shop is open in the morning.", "Il negozio è aperto dalla mattina alla sera.",
     "The shop is open from morning to evening.", [], "the Italian names the source's part of the day too"),
    ("source-names-none", "The talks resumed on Tuesday.", "I colloqui sono ripresi martedì sera.",
     "The talks resumed on Tuesday evening.", [], "nothing to set against: an added time is not this check's"),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected", "origin"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_dayparts(source: str, italian: str, bt: str, expected: list[tuple[str, str, str | None]],
                  origin: str) -> None:
    found = [f for f in run_pair("dayparts", source, italian, bt) if f.check == "dayparts"]
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected, origin


def test_message_and_dedupe_with_reversal() -> None:
    """One finding on the word: the reversal the word alignment also sees there gives way to it."""
    inp = ArticleInput(id="test", text=HEAD + "L'aereo è atterrato di notte.",
                       sources=["The plane landed in the afternoon."],
                       back_translation=BT_HEAD + "The plane landed at night.")
    checker = Checker(CheckOptions(engine="none", checks=["dayparts", "reversal"]), translator=None, judge=RuleJudge())
    found = checker.check(inp).findings
    on_word = [f for f in found if f.text == "notte"]
    assert [f.check for f in on_word] == ["dayparts"]
    assert on_word[0].message == "«notte» is the night, where the source says “afternoon”: another part of the day."


@pytest.mark.parametrize(("text", "lang", "periods"), [
    ("Tuesday morning and tonight", "en", [{0}, {2, 3}]),
    ("stamattina, nel pomeriggio e in serata", "it", [{0}, {1}, {2}]),
    ("una sera di notti", "it", [{2}, {3}]),
    ("the overnight talks", "en", [{3}]),
    ("Sera Holding", "en", []),
])
def test_dayparts_found(text: str, lang: str, periods: list[set[int]]) -> None:
    assert [set(p) for _, _, p in dayparts(text, lang)] == periods


def test_opposed_round_the_clock() -> None:
    assert opposed(0, 2) and opposed(1, 3) and opposed(3, 1)
    assert not opposed(0, 1) and not opposed(3, 0) and not opposed(2, 3) and not opposed(2, 2)
