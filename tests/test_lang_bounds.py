"""Italian bounds of a number: whether one is there (:func:`bounded_it`) and where (:func:`italian_bound`)
are one reading. The sentences are invented; the reference is the definition the numbers check used
before the two were one function: a bound phrase of ``data/bounds.tsv`` among the five words before
the number, or one right after it."""

from __future__ import annotations

import random
import re

import pytest

from backcheck.lang.bounds import _AFTER_IT, WINDOW_IT, _anywhere, bounded_it, italian_bound


def _reference(text: str, start: int, end: int) -> bool:
    window = " ".join(text[max(0, start - 80):start].split()[-WINDOW_IT:])
    return bool(_anywhere("it").search(window)) or bool(_AFTER_IT.match(text[end:end + 40]))


SENTENCES = [
    "Sono morte almeno 40 persone nel crollo.",
    "Le vittime sono più di 200, secondo la protezione civile.",
    "Il prezzo è salito fino a  raggiungere   i 3.000 euro.",
    "Hanno partecipato 50 o più delegazioni.",
    "Il governo ha stanziato circa\n12 milioni.",
    "Il titolo ha perso il 5% in una seduta.",
    "Meno di €30 a testa: tanto costa il biglietto.",
    "Oltre i 70 anni il rischio cresce, dice lo studio pubblicato ieri dalla rivista dopo anni di ricerca "
    "su 900 pazienti.",
    "Quasi la metà, cioè il 49%, resta allo Stato.",
    "Nel 2023 erano 12; oggi non meno di 15.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_bounded_it_is_the_reference_reading(sentence: str) -> None:
    for m in re.finditer(r"\d[\d.,]*", sentence):
        assert bounded_it(sentence, m.start(), m.end()) == _reference(sentence, m.start(), m.end()), m.group(0)


def test_bounded_it_matches_the_reference_on_random_texts() -> None:
    rng = random.Random(20261205)
    words = ["almeno", "più", "di", "meno", "fino", "a", "circa", "oltre", "i", "il", "quasi", "persone", "sono",
             "morte", "e", "€", "non", "o", "ben", "sotto", "le", "ha", "raggiunto"]
    for _ in range(2000):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 12))]
        text = rng.choice([" ", "  ", "\n"]).join([*parts, str(rng.randint(1, 999)), *rng.sample(words, 3)])
        m = next(re.finditer(r"\d+", text))
        assert bounded_it(text, m.start(), m.end()) == _reference(text, m.start(), m.end()), text


def test_italian_bound_says_where_and_which() -> None:
    text = "Le vittime sono meno di 200."
    start = text.index("200")
    a, b, cls = italian_bound(text, start, start + 3)  # type: ignore[misc]
    assert text[a:b] == "meno di" and cls == "less"
    text = "Hanno votato 50 o più."
    start = text.index("50")
    got = italian_bound(text, start, start + 2)
    assert got is not None and text[got[0]:got[1]].strip() == "o più" and got[2] == "more"
