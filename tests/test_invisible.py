"""Invisible format characters (soft hyphens, zero-width spaces and joiners, a byte-order mark inside
the text) are read as nothing: an article scraped with them gets the findings it gets without them, on
offsets of the text as given. The article is written for these tests; its source gives four million
where the Italian says five (origin: the planted error), and its mayor's name is the same everywhere."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from backcheck.text.invisible import INVISIBLE, index_of, span, strip

runner = CliRunner()

ARTICLE = ("Il ponte sul fiume è stato riaperto al traffico martedì dopo sei mesi di lavori.\n\n"
           "Il sindaco Bartolomeo Castellani ha detto che i lavori sono costati cinque milioni di euro.\n\n"
           "Le auto potranno attraversarlo di nuovo, e i residenti hanno accolto la notizia con sollievo.\n")
BACK = ("The bridge over the river was reopened to traffic on Tuesday after six months of works.\n\n"
        "Mayor Bartolomeo Castellani said that the works cost five million euros.\n\n"
        "Cars will be able to cross it again, and residents welcomed the news with relief.\n")
SOURCE = ("The bridge over the river reopened to traffic on Tuesday after six months of work. "
          "Mayor Bartolomeo Castellani said the work had cost four million euros. "
          "Cars can cross it again, and residents greeted the news with relief.\n")
# as a scraper may leave them: hyphenation points in long words, a zero-width space, a stray BOM
SCRAPED = (ARTICLE.replace("Castellani", "Castel\u00adlani").replace("cinque", "cin\u00adque")
           .replace("ponte ", "pon\u200bte ").replace("attraversarlo", "\ufeffattraversarlo"))


def test_strip_and_index_agree_on_random_texts() -> None:
    rng = random.Random(7)
    alphabet = "ab ,.\n" + "".join(INVISIBLE)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        clean, index = strip(text), index_of(text)
        if index is None:
            assert clean == text and not any(c in INVISIBLE for c in text)
            continue
        assert clean == "".join(text[k] for k in index[:-1]) and index[-1] == len(text)
        for a in range(len(clean) + 1):
            for b in range(a, len(clean) + 1):
                lo, hi = span(index, a, b)
                assert strip(text[lo:hi]) == clean[a:b]
                assert b == a or (text[lo] not in INVISIBLE and text[hi - 1] not in INVISIBLE)


def _report(tmp_path: Path, name: str, article: str, back: str = BACK, source: str = SOURCE) -> dict:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "article.it.txt").write_text(article, encoding="utf-8")
    (folder / "back.en.txt").write_text(back, encoding="utf-8")
    (folder / "source.en.txt").write_text(source, encoding="utf-8")
    out = folder / "r.json"
    result = runner.invoke(app, ["check", str(folder / "article.it.txt"), "-s", str(folder / "source.en.txt"),
                                 "-b", str(folder / "back.en.txt"), "--engine", "none", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("where", ["article", "back-translation and source"])
def test_scraped_text_gets_the_clean_texts_findings(tmp_path: Path, where: str) -> None:
    clean = _report(tmp_path, "clean", ARTICLE)
    if where == "article":
        text = SCRAPED
        scraped = _report(tmp_path, "scraped", SCRAPED)
    else:
        text = ARTICLE
        scraped = _report(tmp_path, "scraped", ARTICLE, BACK.replace("million", "mil\u00adlion"),
                          SOURCE.replace("four", "fo\u00adur"))
    assert [f["category"] for f in clean["findings"]] == ["number"]  # the planted error, and nothing else
    keys = ("category", "severity", "message", "suggestion", "fingerprint")
    assert [[f.get(k) for k in keys] for f in scraped["findings"]] == [[f.get(k) for k in keys]
                                                                      for f in clean["findings"]]
    for f in scraped["findings"]:
        assert text[f["start"]:f["end"]] == f["text"] and strip(f["text"]).startswith("cinque milioni")
    for s in scraped["back_translation"]:
        assert text[s["start"]:s["end"]] == s["it"]
