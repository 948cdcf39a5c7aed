"""Untranslated check. Texts written for this test unless the case says otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _checkutil import clean_example_majors, gold_spans, project_example_matches, read_folder, run_check

HEAD = "Il vertice dei ministri a Bruxelles\n\n"

CASES = [
    ("bracketed-english", "«Abbiamo continuato lo sforzo [to reach an agreement] fino all'ultimo», ha detto.",
     ["[to reach an agreement]"], "major"),
    ("english-clause", "Il ministro ha spiegato che we are not going to accept this deal e poi ha lasciato la sala.",
     ["we are not going to accept this deal"], "major"),
    ("whole-french-sentence", "Il presidente è arrivato ieri. Emmanuel Macron à Paris, ce mardi.",
     ["Emmanuel Macron à Paris, ce mardi."], "major"),
    ("quoted-english-is-minor", "Sul cartello si leggeva \"we want our jobs back\" in grandi lettere.",
     ['"we want our jobs back"'], "minor"),
    # direct speech with its speaker (Serianni XIV.6: an inciso after it, or a colon before it) is
    # translated in Italian news: left in English it is major; a quoted sign or a third language stays minor
    ("quoted-speech-inciso", "«We are not ready to cut rates», ha aggiunto Rossi davanti ai giornalisti.",
     ["«We are not ready to cut rates»"], "major"),
    ("quoted-speech-colon", "Il governatore è stato chiaro: «We are not ready to cut rates».",
     ["«We are not ready to cut rates»"], "major"),
    ("quoted-speech-title-before-name", "«We are not ready to cut rates», ha detto il governatore Rossi.",
     ["«We are not ready to cut rates»"], "major"),
    ("quoted-sign-with-later-verb",
     "Sul cartello c'era \"we want our jobs back\", un collega mi ha detto che era vecchio.",
     ['"we want our jobs back"'], "minor"),
    ("quoted-speech-other-language", "«Nous ne sommes pas encore prêts à baisser les taux», ha aggiunto Rossi.",
     ["«Nous ne sommes pas encore prêts à baisser les taux»"], "minor"),
    ("loanwords", "Il premier e il leader dell'opposizione hanno parlato di business nel week-end.", [], ""),
    ("loanword-pair", "Il manager ha presentato il piano di smart working ai sindacati.", [], ""),
    ("english-title", "Ha citato il libro «The Art of War» durante il dibattito in aula.", [], ""),
    ("organisation", "Lo hanno riferito Save the Children e la Bank of England in una nota congiunta.", [], ""),
    ("one-word-quote", "Il giornale ha parlato di «lockdown» per tutta la regione.", [], ""),
    ("url-and-handle", "Il comunicato è su https://www.example.com/news e su @ministero_difesa da ieri.", [], ""),
    ("acronym-expansion", "L'ente si chiamerà NRA (National Rail Authority) dal prossimo anno.", [], ""),
    # short English runs inside an Italian sentence, found by word frequency (wordfreq)
    ("two-english-words", "Il portavoce ha definito il risultato highly disappointing per gli azionisti.",
     ["highly disappointing"], "major"),
    ("quoted-lowercase-phrase", "Secondo l'azienda il guasto è stato «highly disappointing» per tutti.",
     ["highly disappointing"], "major"),
    ("single-common-word-minor", "Il consiglio ha rinviato la decisione, unfortunately, a data da destinarsi.",
     ["unfortunately"], "minor"),
    ("joined-by-english-leaning-words",
     "Il ponte resterà chiuso, dice la nota, whenever heavy rain hits the valley, con percorsi alternativi.",
     ["whenever heavy rain hits"], "major"),
    ("accepted-anglicisms", "Dopo lo shopping del weekend il boss ha pagato l'hotel con il ticket aziendale.", [], ""),
    ("hobby-and-jeans", "Il suo hobby è il camping in jeans sulle colline toscane.", [], ""),
    ("rare-english-term", "L'arbitro ha annullato il gol per offside dopo il controllo al video.", [], ""),
    ("glossed-term", "La banca ha emesso un warrant (un titolo che dà diritto di acquisto) sulle azioni.", [], ""),
    ("one-word-quote-common", "Il leader ha parlato di un piano «unfortunately» ambizioso.", [], ""),
    ("plain-italian", "La commissione ha approvato il bilancio con ventisei voti favorevoli e due contrari.", [], ""),
]


@pytest.mark.parametrize("text,expected,severity", [(t, e, s) for _, t, e, s in CASES], ids=[c[0] for c in CASES])
def test_untranslated(text: str, expected: list[str], severity: str) -> None:
    found = run_check("untranslated", HEAD + text)
    assert [f.text for f in found] == expected
    assert all(f.category.value == "untranslated" and f.severity.value == severity for f in found)
    assert all(f.evidence.details["detected_language"] in ("en", "fr", "de", "es", "pt") for f in found)


def test_boilerplate_paragraphs_are_skipped() -> None:
    text = HEAD + "Il governo ha approvato il decreto.\n\nWe will be glad to read your comments\n\nLeave a reply"
    assert run_check("untranslated", text) == []


def test_example_gold(shared_dir: Path) -> None:
    folder = shared_dir / "examples" / "austin-shoigu"
    text, sources = read_folder(folder)
    found = run_check("untranslated", text, sources)
    assert [(f.start, f.end) for f in found] == gold_spans(folder, "untranslated")


def test_newssyscomb_french_line(shared_dir: Path) -> None:
    """SOURCE.md of newssyscomb2009-it-en names an untranslated French line in nsc09-09 (the expected
    text is read from there)."""
    corpus = shared_dir / "corpora" / "newssyscomb2009-it-en"
    notes = (corpus / "SOURCE.md").read_text(encoding="utf-8")
    named = re.search(r'nsc09-09[^\n]*untranslated French, "(.+?)"', notes)
    assert named is not None
    text, _ = read_folder(corpus / "nsc09-09")
    major = [f.text for f in run_check("untranslated", text) if f.severity.value == "major"]
    assert major == [named.group(1)]


def test_ntrex_has_none(shared_dir: Path) -> None:
    for folder in sorted((shared_dir / "corpora" / "ntrex-it").iterdir()):
        if folder.is_dir():
            text, sources = read_folder(folder)
            assert run_check("untranslated", text, sources) == [], folder.name


def test_project_examples() -> None:
    """examples/mt-article (written for this project): every gold row of this category is found and
    nothing else; examples/clean-article: no major findings."""
    found, gold = project_example_matches("untranslated", "untranslated")
    assert found == gold
    assert clean_example_majors("untranslated") == []

