"""Glossary loader and terminology check. Texts and TSV rows written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from _checkutil import clean_example_majors, project_example_matches, read_folder, run_check
from backcheck.errors import BackcheckError
from backcheck.knowledge.glossary import load_glossary, parse_glossary

HEAD = "Notizie dal mondo\n\n"

CASES = [
    ("false-friend-with-source", "Il produttore ha detto che il succo non contiene alcun preservativo.",
     ["The maker said the juice contains no preservative."], [("preservativo", "conservante")]),
    ("false-friend-source-lacks-term", "La campagna ha distribuito un preservativo a ogni studente.",
     ["The campaign handed a condom to every student."], []),
    ("false-friend-no-source", "Il succo non contiene alcun preservativo.", [], []),
    ("no-source-flagged-entry", "Il governo ha annunciato un nuovo sciopero aereo contro le postazioni nemiche.",
     [], [("sciopero aereo", "attacco aereo")]),
    ("inflected", "Le tariffe di interesse restano alte, ha detto la Bce.", [],
     [("tariffe di interesse", "tassi di interesse")]),
    ("accepted-rendering-present", "Il bilancio delle vittime è salito; il pedaggio non c'entra.", [], []),
    ("billion", "Il piano vale tre bilioni di dollari secondo Washington.",
     ["The plan is worth three billion dollars, according to Washington."], [("bilioni", "miliardo")]),
    # sense-aware (WordNet definitions against the source sentence): "arms" as weapons is «armi», as
    # limbs «braccia» is right; a "summit" of leaders is a «vertice», of a mountain a «cima»
    ("sense-weapons", "Il paese ha inviato braccia ai ribelli.", ["The country sent arms to the rebels."],
     [("braccia", "armi")]),
    ("sense-limbs", "Il bambino si è addormentato tra le braccia della nonna.",
     ["The child fell asleep in his grandmother's arms."], []),
    ("sense-leaders", "I leader si sono incontrati alla cima di Ginevra.", ["The leaders met at the Geneva summit."],
     [("cima", "vertice")]),
    ("sense-mountain", "Gli scalatori hanno raggiunto la cima.", ["The climbers reached the summit."], []),
    # MultiWordNet renders no sense of "landslide" by «vittoria schiacciante»: the senses «frana» does not
    # translate (the electoral one) stand for it, so the sense is still checked
    ("sense-unlinked-meant-election", "Il partito ha vinto le elezioni con una frana.",
     ["The party won the election by a landslide."], [("frana", "vittoria schiacciante")]),
    ("sense-unlinked-meant-earth", "La strada è ancora chiusa dopo la frana.",
     ["The road is still closed after the landslide."], []),
]


@pytest.mark.parametrize("text,sources,expected", [(t, s, e) for _, t, s, e in CASES], ids=[c[0] for c in CASES])
def test_terminology(text: str, sources: list[str], expected: list[tuple[str, str]]) -> None:
    found = run_check("glossary", HEAD + text, sources)
    assert [(f.text, f.suggestion) for f in found] == expected
    assert all(f.category.value == "terminology" and f.severity.value == "major" for f in found)


def test_user_glossary_merges(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("# my terms\nenglish\taccepted_it\twrong_it\ndebt brake\tfreno al debito\trottura del debito\t"
                    "economy\t\tno-source\nactually\tdi fatto\tattualmente\n", encoding="utf-8")
    g = load_glossary([user])
    assert g.entries["debt brake"].no_source
    assert g.entries["actually"].accepted == ("di fatto",)  # the user's row wins
    assert len(g) > 60 and str(user) in g.sources
    ctx_found = run_check("glossary", HEAD + "Serve una rottura del debito, dice il ministro.", glossary=g)
    assert [(f.text, f.suggestion) for f in ctx_found] == [("rottura del debito", "freno al debito")]


ERRORS = [
    ("too-many-columns", "a\tb\tc\td\te\tf\tg\n", "bad.tsv:1"),
    ("one-column", "# comment\nceasefire\n", "bad.tsv:2"),
    ("no-english", "\tcessate il fuoco\t\n", "bad.tsv:1"),
    ("no-accepted", "ceasefire\t\tfuoco cessato\n", "bad.tsv:1"),
    ("unknown-flag", "ceasefire\tcessate il fuoco\t\t\t\tsometimes\n", "bad.tsv:1"),
]


@pytest.mark.parametrize("text,where", [(t, w) for _, t, w in ERRORS], ids=[c[0] for c in ERRORS])
def test_malformed_rows(text: str, where: str) -> None:
    with pytest.raises(BackcheckError) as exc:
        parse_glossary(text, "bad.tsv")
    assert exc.value.message.startswith(where) and exc.value.hint


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BackcheckError, match="glossary not found"):
        load_glossary([tmp_path / "nope.tsv"])


def test_starter_avoids_example_terms() -> None:
    """The starter glossary is general: none of the shared example's terms or wrong renderings."""
    g = load_glossary([])
    terms = {e.english.lower() for e in g} | {w.lower() for e in g for w in e.wrong}
    assert not terms & {"deconfliction", "readout", "counterpart", "confine di confronto", "lettura", "alleato",
                        "coerente", "ufficialmente"}


@pytest.mark.parametrize("corpus", ["ntrex-it", "newssyscomb2009-it-en"])
def test_corpora_have_none(shared_dir: Path, corpus: str) -> None:
    for folder in sorted((shared_dir / "corpora" / corpus).iterdir()):
        if folder.is_dir():
            text, sources = read_folder(folder)
            assert run_check("glossary", text, sources) == [], folder.name
            assert run_check("glossary", text) == [], folder.name


def test_project_examples() -> None:
    """examples/mt-article (written for this project): every gold row of this category is found and
    nothing else; examples/clean-article: no major findings."""
    found, gold = project_example_matches("glossary", "terminology")
    assert found == gold
    assert clean_example_majors("glossary") == []


def test_required_text_is_in_every_match() -> None:
    """The check skips a term when the lower-cased sentence lacks ``_required`` of each of its wrong
    renderings: that must be a necessary condition of the term's pattern. Every wrong rendering of the
    starter glossary, written as the pattern lets it vary (final vowels, case, either apostrophe), inside
    an invented sentence."""
    from backcheck.checks.glossary import _required
    from backcheck.knowledge.glossary import italian_pattern

    glossary = load_glossary([], starter=True)
    tried = 0
    for entry in glossary:
        for term in entry.wrong:
            variants = {term, term.upper(), term.title(), term.replace("'", "’"),
                        " ".join(w[:-1] + "i" if len(w) >= 5 and w[-1] in "aeo" and w.isalpha() else w
                                 for w in term.split())}
            for v in variants:
                text = f"Secondo il comunicato, {v} resta in vigore."
                if italian_pattern(term).search(text):
                    tried += 1
                    assert _required(term) in text.lower(), (term, v)
    assert tried > 50
