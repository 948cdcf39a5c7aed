"""Helpers the check tests share: run one check on a text, read an example folder and its gold.tsv."""

from __future__ import annotations

from pathlib import Path

from backcheck.judge import RuleJudge
from backcheck.knowledge.glossary import Glossary
from backcheck.results import Finding
from backcheck.run.checker import Checker
from backcheck.run.options import ArticleInput, CheckOptions


def run_check(name: str, text: str, sources: list[str] | None = None, *, back_translation: str | None = None,
              glossary: Glossary | None = None) -> list[Finding]:
    """The findings of check ``name`` on ``text``, through the production path (segmentation,
    alignment, the check, de-duplication) with no model: ``back_translation`` is a given one. The
    rule judge sets severity, so a check's test does not move when the error model is retrained
    (tests/test_judge.py tests the model)."""
    inp = ArticleInput(id="test", text=text, sources=sources or [], back_translation=back_translation)
    checker = Checker(CheckOptions(engine="none", checks=[name]), translator=None, glossary=glossary,
                      judge=RuleJudge())
    return checker.check(inp).findings


# The headline paragraph a table test's sentence pair follows, so the pair is the article's body.
HEAD = "Notizie del giorno\n\n"
BT_HEAD = "News of the day\n\n"


def run_pair(name: str, source: str, italian: str, bt: str | None) -> list[Finding]:
    """:func:`run_check` on one invented sentence pair: ``italian`` and its back-translation ``bt`` (none:
    no back-translation) after a headline, against the one-sentence source ``source``."""
    return run_check(name, HEAD + italian, [source], back_translation=BT_HEAD + bt if bt is not None else None)


def read_folder(folder: Path) -> tuple[str, list[str]]:
    text = (folder / "article.it.txt").read_text(encoding="utf-8")
    src = folder / "source.en.txt"
    sources = [s for s in src.read_text(encoding="utf-8").splitlines() if s.strip()] if src.exists() else []
    return text, sources


def gold_rows(folder: Path, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, span, category) of every gold.tsv row; a span "x#N" is the N-th occurrence of x."""
    out = []
    rows = (folder / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        if not row.strip():
            continue
        span, cat = row.split("\t")[:2]
        label, nth = span, 1
        if "#" in span and span.rsplit("#", 1)[1].isdigit():
            span, n = span.rsplit("#", 1)
            nth = int(n)
        pos = -1
        for _ in range(nth):
            pos = text.index(span, pos + 1)
        out.append((pos, pos + len(span), label, cat))
    return out


def gold_spans(folder: Path, category: str) -> list[tuple[int, int]]:
    """(start, end) of the gold rows of ``category``."""
    text = (folder / "article.it.txt").read_text(encoding="utf-8")
    return [(a, b) for a, b, _span, cat in gold_rows(folder, text) if cat == category]


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def project_example_matches(check: str, category: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(found, gold) spans of ``category`` for ``check`` on examples/mt-article with its source."""
    folder = EXAMPLES / "mt-article"
    text, sources = read_folder(folder)
    found = [(f.start, f.end) for f in run_check(check, text, sources) if f.category.value == category]
    return sorted(found), sorted(gold_spans(folder, category))


def clean_example_majors(check: str) -> list[Finding]:
    """Major or critical findings of ``check`` on examples/clean-article (a faithful translation)."""
    text, sources = read_folder(EXAMPLES / "clean-article")
    return [f for f in run_check(check, text, sources) if f.severity.value != "minor"]
