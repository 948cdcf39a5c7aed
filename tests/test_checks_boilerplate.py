"""Boilerplate check. Texts written for this test unless the case says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from _checkutil import clean_example_majors, gold_spans, project_example_matches, read_folder, run_check
from backcheck.checks import CheckContext
from backcheck.text.document import segment

BODY = (
    "Vertice europeo sul bilancio a Bruxelles\n\n"
    "I capi di governo si sono riuniti giovedì per discutere il bilancio comune.\n\n"
    "La riunione è durata fino a notte fonda, ha riferito un diplomatico."
)

CASES = [
    ("caps-marker", BODY + "\n\nLEGGI ANCHE  Il governo prepara la manovra d'autunno\n\nIl resto domani.",
     ["LEGGI ANCHE  Il governo prepara la manovra d'autunno"]),
    ("caps-leadin-any-word", BODY + "\n\nCORRELATI: La Bce lascia i tassi invariati\n\nIl resto domani.",
     ["CORRELATI: La Bce lascia i tassi invariati"]),
    ("english-marker", BODY + "\n\nALSO READ  Markets rally after the vote\n\nIl resto domani.",
     ["ALSO READ  Markets rally after the vote"]),
    ("marker-colon", BODY + "\n\nLeggi anche: Chi sono i nuovi commissari\n\nIl resto domani.",
     ["Leggi anche: Chi sono i nuovi commissari"]),
    ("cta-mid-article", BODY + "\n\nIscriviti alla nostra newsletter\n\nIl resto domani.",
     ["Iscriviti alla nostra newsletter"]),
    ("trailing-footer", BODY + "\n\nLascia un commento\n\nTutti i diritti riservati\n\nNotizieOggi",
     ["Lascia un commento", "Tutti i diritti riservati", "NotizieOggi"]),
    ("trailing-english", BODY + "\n\nShare this story with your friends\n\nPost a comment",
     ["Share this story with your friends", "Post a comment"]),
    ("trailing-site-name", BODY + "\n\nEuroCronaca24", ["EuroCronaca24"]),
    ("trailing-block-with-byline", BODY + "\n\nMario Rossi\n\nFollow us on social media",
     ["Mario Rossi", "Follow us on social media"]),
    ("headline-not-flagged", BODY, []),
    ("italian-headline-at-end", BODY + "\n\nA Strasburgo il voto sul bilancio", []),
    ("subhead-in-middle", "Titolo\n\nPrima frase.\n\nLe reazioni dei mercati\n\nSeconda frase.", []),
    ("acronym-sentence", BODY + "\n\nNATO: La riunione è finita alle dieci.\n\nAltro.", []),
    ("dateline", BODY + "\n\nROMA – Il governo ha approvato il decreto.", []),
    # a site name with its tagline (minor), found by the shape of the brand, not by a list of sites
    ("site-name-tagline", BODY + "\n\nCronacaLibera24 – Tutto lo sport, minuto per minuto",
     ["CronacaLibera24 – Tutto lo sport, minuto per minuto"]),
    ("site-domain-pipe", BODY + "\n\nGazzettanord.it | Le notizie della provincia\n\nIl resto domani.",
     ["Gazzettanord.it | Le notizie della provincia"]),
    ("tagline-brand-right", BODY + "\n\nLe notizie di oggi – Vallenews24\n\nIl resto domani.",
     ["Le notizie di oggi – Vallenews24"]),
    ("place-dash-subhead", BODY + "\n\nMilano – la giunta approva il piano\n\nIl resto domani.", []),
    ("acronym-dash-subhead", BODY + "\n\nNATO – il vertice dei ministri\n\nIl resto domani.", []),
    # a prompt to the reader: a verb first and a word addressing the reader
    ("reader-prompt-it", BODY + "\n\nRicevi ogni mattina le nostre notizie nella casella\n\nIl resto domani.",
     ["Ricevi ogni mattina le nostre notizie nella casella"]),
    ("reader-prompt-enclitic", BODY + "\n\nScriveteci le vostre segnalazioni\n\nIl resto domani.",
     ["Scriveteci le vostre segnalazioni"]),
    ("reader-prompt-en", BODY + "\n\nGet our best stories delivered to your inbox\n\nIl resto domani.",
     ["Get our best stories delivered to your inbox"]),
    ("verb-subhead-no-reader", BODY + "\n\nCresce la spesa delle famiglie\n\nIl resto domani.", []),
    ("reader-sentence", BODY + "\n\nRestano i nostri dubbi sul piano del governo.\n\nIl resto domani.", []),
]
MINOR = {"site-name-tagline", "site-domain-pipe", "tagline-brand-right"}


@pytest.mark.parametrize("case,text,expected", CASES, ids=[c[0] for c in CASES])
def test_boilerplate(case: str, text: str, expected: list[str]) -> None:
    found = run_check("boilerplate", text)
    assert [f.text for f in found] == expected
    severity = "minor" if case in MINOR else "major"
    assert all(f.category.value == "boilerplate" and f.severity.value == severity for f in found)


def test_paragraph_indices() -> None:
    art = segment(BODY + "\n\nLascia un commento\n\nNotizieOggi")
    assert CheckContext(article=art).boilerplate == {3, 4}


def test_example_gold(shared_dir: Path) -> None:
    """The shared example: exactly its four gold boilerplate rows."""
    folder = shared_dir / "examples" / "austin-shoigu"
    text, sources = read_folder(folder)
    found = run_check("boilerplate", text, sources)
    assert sorted((f.start, f.end) for f in found) == sorted(gold_spans(folder, "boilerplate"))


@pytest.mark.parametrize("corpus", ["ntrex-it", "newssyscomb2009-it-en"])
def test_corpora_have_none(shared_dir: Path, corpus: str) -> None:
    """Human translations of real news: no page furniture at all."""
    for folder in sorted((shared_dir / "corpora" / corpus).iterdir()):
        if folder.is_dir():
            text, sources = read_folder(folder)
            assert run_check("boilerplate", text, sources) == [], folder.name


def test_project_examples() -> None:
    """examples/mt-article (written for this project): every gold row of this category is found and
    nothing else; examples/clean-article: no major findings."""
    found, gold = project_example_matches("boilerplate", "boilerplate")
    assert found == gold
    assert clean_example_majors("boilerplate") == []
