"""intensity: the back-translation reads a stronger or weaker evaluative word than the source's, through
the production path (alignment, word alignment, the check, the rule judge).

The sentence pairs are invented for this test. Each expected value comes from VADER's valence lexicon
(``vader_lexicon.txt`` in the vaderSentiment 3.3.2 wheel, the mean of ten raters on −4 … +4), read
from the file and quoted in the comment, against the check's constants: a finding when both words have
one sign and differ by at least MARGIN = 1.0, or one is unlisted (neutral) and the other at least
STRONG = 2.0; minor, major from a difference of two margins (the rule judge).
"""

from __future__ import annotations

import statistics
from importlib import resources

import pytest

from _checkutil import run_pair
from backcheck.checks.intensity import MARGIN, STRONG
from backcheck.lang.valence import valence

# (id, source, Italian, back-translation, expected [(span, severity)])
CASES = [
    # VADER: worried −1.2, outraged −2.5: 1.3 stronger
    ("intensified", "Residents were worried about the new motorway tolls.",
     "I residenti erano indignati per i nuovi pedaggi autostradali.",
     "Residents were outraged about the new motorway tolls.", [("indignati", "minor")]),
    # VADER: furious −2.7, upset −1.6: 1.1 weaker
    ("softened", "The coach was furious with the referee after the match.",
     "L'allenatore era dispiaciuto con l'arbitro dopo la partita.",
     "The coach was upset with the referee after the match.", [("dispiaciuto", "minor")]),
    # VADER: adequate 0.9, outstanding 3.0: 2.1 stronger, two margins: major
    ("praise-inflated", "Inspectors found the hygiene in the clinic adequate.",
     "Gli ispettori hanno trovato eccezionale l'igiene della clinica.",
     "Inspectors found the hygiene in the clinic outstanding.", [("eccezionale", "major")]),
    # VADER: problem −1.7, crisis −3.1: 1.4 stronger
    ("noun", "The council admitted a problem with the water supply.",
     "Il comune ha ammesso una crisi dell'approvvigionamento idrico.",
     "The council admitted a crisis with the water supply.", [("crisi", "minor")]),
    # VADER: setback unlisted (nor any WordNet synonym of it), disaster −3.1: neutral against strong
    ("neutral-to-strong", "The late frost was a setback for the vineyards.",
     "La gelata tardiva è stata un disastro per i vigneti.",
     "The late frost was a disaster for the vineyards.", [("disastro", "major")]),
    # VADER: criticised −1.8, attacked −2.0: closer than the margin, no finding
    ("within-margin", "The senator criticised the plan in a speech on Monday.",
     "Il senatore ha attaccato il piano in un discorso lunedì.",
     "The senator attacked the plan in a speech on Monday.", []),
    # the same word: nothing to grade
    ("same-word", "Residents were worried about the new motorway tolls.",
     "I residenti erano preoccupati per i nuovi pedaggi autostradali.",
     "Residents were worried about the new motorway tolls.", []),
    # VADER: worried −1.2, anxious −1.0: a paraphrase of one degree
    ("paraphrase", "Residents were worried about the new motorway tolls.",
     "I residenti erano ansiosi per i nuovi pedaggi autostradali.",
     "Residents were anxious about the new motorway tolls.", []),
    # the back-translation drifted: the Italian itself says "worried" («preoccupati»)
    ("italian-supports-source", "Residents were worried about the new motorway tolls.",
     "I residenti erano preoccupati per i nuovi pedaggi autostradali.",
     "Residents were outraged about the new motorway tolls.", []),
    # VADER: happy +2.7, sad −2.1: opposite signs are a reversal, not a change of degree
    ("opposite-sign", "The fans were happy with the result.", "I tifosi erano tristi per il risultato.",
     "The fans were sad with the result.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_intensity(source: str, italian: str, bt: str, expected: list[tuple[str, str]]) -> None:
    found = run_pair("intensity", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected
    assert all(f.category.value == "mistranslation" and f.evidence.source == source for f in found)


def test_message_names_both_words() -> None:
    source, italian, bt = CASES[0][1:4]
    (f,) = run_pair("intensity", source, italian, bt)
    assert f.message == "«indignati» reads as “outraged”, stronger than the source's “worried”"


# (word, VADER's mean as written in vader_lexicon.txt): the form itself (outraged, criticised, furious), its
# American spelling (antagonized −1.4), its lemma (slam −1.6); an unlisted word
VALENCES = [("outraged", -2.5), ("criticised", -1.8), ("antagonised", -1.4), ("slammed", -1.6), ("Furious", -2.7),
            ("motorway", None)]


@pytest.mark.parametrize(("word", "value"), VALENCES, ids=[w for w, _ in VALENCES])
def test_valence(word: str, value: float | None) -> None:
    assert valence(word) == value


def test_constants_have_their_stated_origin() -> None:
    """MARGIN is above the raters' median standard deviation of one word; STRONG is two margins."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    sds = [float(line.split("\t")[2]) for line in text.splitlines() if line.count("\t") >= 3]
    assert statistics.median(sds) == pytest.approx(0.83, abs=0.01)
    assert statistics.median(sds) < MARGIN
    assert STRONG == 2 * MARGIN


def test_kin_is_every_lemma_of_every_sense() -> None:
    """``Lexicon.kin`` (one query) answers what the senses and their lemmas answer one query each, the
    synonyms the intensity check looks up: every 97th English lemma of the lexicon, any case."""
    from backcheck.knowledge.lexicon import load_lexicon

    lex = load_lexicon()
    if lex is None:
        pytest.skip("needs the MultiWordNet lexicon")
    lemmas = [r[0] for r in lex._db().execute("SELECT DISTINCT lemma FROM english ORDER BY lemma")][::97]
    lemmas += ["Outraged", "worried", "not-a-word"]
    for w in lemmas:
        assert set(lex.kin(w)) == {(sid, x) for sid in lex.senses(w) for x in lex.lemmas(sid, "english")}, w
    assert sum(len(lex.kin(w)) > 1 for w in lemmas) > 100
