"""Numbers check and number normalisation. Texts written for this test unless the case says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from _checkutil import clean_example_majors, project_example_matches, read_folder, run_check
from backcheck.numbers_norm import extract

NORMALISE = [
    ("it-billion", "1,3 miliardi", "it", ("count", 1.3e9)),
    ("en-billion", "1.3 billion", "en", ("count", 1.3e9)),
    ("it-thousands", "1.300", "it", ("count", 1300)),
    ("en-thousands", "1,300", "en", ("count", 1300)),
    ("it-mille", "mille", "it", ("count", 1000)),
    ("en-a-thousand", "a thousand", "en", ("count", 1000)),
    ("it-percent", "29,8%", "it", ("percent", 29.8)),
    ("it-per-cento", "29,8 per cento", "it", ("percent", 29.8)),
    ("en-percent", "29.8 percent", "en", ("percent", 29.8)),
    ("it-word", "dieci", "it", ("count", 10)),
    ("en-word", "ten", "en", ("count", 10)),
    ("it-two-million", "2 milioni", "it", ("count", 2e6)),
    ("en-two-million", "two million", "en", ("count", 2e6)),
    ("it-compound", "tremila", "it", ("count", 3000)),
    ("it-euro", "5 miliardi di euro", "it", ("amount", 5e9)),
    ("en-dollar", "$5bn", "en", ("amount", 5e9)),
    ("year", "2022", "it", ("year", 2022)),
]


@pytest.mark.parametrize("text,lang,expected", [(t, lg, e) for _, t, lg, e in NORMALISE],
                         ids=[c[0] for c in NORMALISE])
def test_normalise(text: str, lang: str, expected: tuple[str, float]) -> None:
    (q,) = extract(text, lang)
    assert (q.kind, q.value) == expected


DATES = [
    ("it-plain", "il 18 febbraio", "it", (2, 18)),
    ("it-l-apostrophe", "l'1 marzo", "it", (3, 1)),
    ("it-il-1", "il 1 marzo", "it", (3, 1)),
    ("it-degree", "il 1° marzo", "it", (3, 1)),
    ("it-primo", "il primo marzo", "it", (3, 1)),
    ("en-month-day", "on February 18", "en", (2, 18)),
    ("en-day-month", "on 18 February", "en", (2, 18)),
    ("en-ordinal", "on March 1st", "en", (3, 1)),
    ("en-abbrev", "on Sept. 3", "en", (9, 3)),
]


@pytest.mark.parametrize("text,lang,expected", [(t, lg, e) for _, t, lg, e in DATES], ids=[c[0] for c in DATES])
def test_dates(text: str, lang: str, expected: tuple[int, int]) -> None:
    (q,) = extract(text, lang)
    assert q.kind == "date" and (q.month, int(q.value)) == expected


HEAD = "La Banca centrale alza i tassi\n\n"

CASES = [
    ("changed-date", "Il 12 marzo la Banca centrale ha alzato i tassi, ha detto Christine Lagarde.",
     ["On March 21 the central bank raised rates, Christine Lagarde said."], [("12 marzo", "critical", "21 marzo")]),
    ("changed-percent", "L'inflazione è salita al 7,5% in Germania, secondo Eurostat.",
     ["Inflation in Germany rose to 5.7%, according to Eurostat."], [("7,5%", "critical", "5,7%")]),
    ("changed-amount", "Il fondo vale 2,5 miliardi di euro, ha spiegato il ministro Giorgetti.",
     ["The fund is worth 25 billion euros, minister Giorgetti explained."],
     [("2,5 miliardi di euro", "critical", "25 miliardi di euro")]),
    ("changed-count", "Nell'attacco sono morte dodici persone a Kharkiv, ha detto il sindaco Terekhov.",
     ["Twenty people died in the attack in Kharkiv, mayor Terekhov said."], [("dodici", "major", "20")]),
    ("same-values", "Il 1° marzo il PIL è cresciuto dell'1,3% a 1.300 miliardi, con 2 milioni di occupati.",
     ["On March 1 GDP grew 1.3% to 1,300 billion, with two million employed."], []),
    ("source-lacks-number", "Il 3 maggio, a Roma, 40 delegati hanno firmato l'intesa con Ursula von der Leyen.",
     ["In Rome, Ursula von der Leyen signed the agreement."], []),
    ("no-shared-anchor", "Sono arrivati 30 migranti.", ["The minister said 45 police officers were deployed."], []),
    ("range", "Gli scambi sono passati da 25 a 55 miliardi tra il 2000 e il 2007.",
     ["Trade rose from 25 billion to 55 billion between 2000 and 2007."], []),
    ("rounding", "L'inflazione è al 30% circa, ha detto Eurostat.", ["Inflation is at 29.8%, Eurostat said."], []),
    ("no-source", "Il 12 marzo sono morte dodici persone.", [], []),
]


@pytest.mark.parametrize("text,sources,expected", [(t, s, e) for _, t, s, e in CASES], ids=[c[0] for c in CASES])
def test_numbers(text: str, sources: list[str], expected: list[tuple[str, str, str]]) -> None:
    found = run_check("numbers", HEAD + text, sources)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "number" and f.evidence["source"] in sources for f in found)


@pytest.mark.parametrize("folder", ["examples/austin-shoigu", "corpora/ntrex-it"])
def test_no_false_numbers(shared_dir: Path, folder: str) -> None:
    """The example has no number errors; NTREX's human translations have none either."""
    base = shared_dir / folder
    folders = [base] if (base / "article.it.txt").exists() else sorted(p for p in base.iterdir() if p.is_dir())
    for f in folders:
        text, sources = read_folder(f)
        assert run_check("numbers", text, sources) == [], f.name


def test_project_examples() -> None:
    """examples/mt-article (written for this project): every gold row of this category is found and
    nothing else; examples/clean-article: no major findings."""
    found, gold = project_example_matches("numbers", "number")
    assert found == gold
    assert clean_example_majors("numbers") == []
