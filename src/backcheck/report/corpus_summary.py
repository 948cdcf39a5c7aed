"""What every corpus report says first: the gate result with its reason, one row per article, worst
first, and what the scores cover. Shared by the corpus HTML, Markdown and terminal renderers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..results import Report, Severity
from .sidebyside import unplaced

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport


@dataclass(frozen=True)
class Gate:
    passed: bool
    code: int
    reason: str

    @property
    def label(self) -> str:
        return "passed" if self.passed else "failed"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def gate(corpus: CorpusReport, fail_on: Severity) -> Gate:
    """The ``--fail-on`` gate over ``corpus`` (its baseline applied) and why it passed or failed."""
    code = corpus.exit_code(fail_on)
    broken = [r for r in corpus.reports if r.error]
    new = {r.article_id: len(corpus.new_findings(r, fail_on)) for r in corpus.reports}
    n_new, n_art = sum(new.values()), sum(1 for v in new.values() if v)
    parts = []
    if n_new:
        parts.append(f"{_plural(n_new, 'new finding')} at or above {fail_on.value} in {_plural(n_art, 'article')}")
    if broken:
        parts.append(f"{_plural(len(broken), 'article')} could not be read")
    if not parts:
        at_or_above = sum(r.count(fail_on) for r in corpus.reports)
        reason = f"no new finding at or above {fail_on.value}"
        if at_or_above:
            reason += f" ({at_or_above} in the baseline)"
        return Gate(True, code, reason)
    return Gate(False, code, "; ".join(parts))


@dataclass(frozen=True)
class ArticleRow:
    report: Report
    anchor: str
    status: str  # "error", "fail", "ok"
    counts: dict[str, int]  # critical, major, minor
    new: int
    chrf: float | None = None  # against a whole-article source; None: snippets or no source

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def article_rows(corpus: CorpusReport, fail_on: Severity) -> list[ArticleRow]:
    """One row per article, worst first: not checked, then failing, then by critical, major, minor."""
    failing = {r.article_id for r in corpus.failing(fail_on)}
    out = []
    for k, r in enumerate(corpus.reports):
        status = "error" if r.error else ("fail" if r.article_id in failing else "ok")
        counts = {s.value: sum(1 for f in r.findings if f.severity is s)
                  for s in sorted(Severity, key=lambda s: -s.rank)}
        out.append(ArticleRow(r, f"a{k}-", status, counts, len(corpus.new_findings(r)), corpus.chrf.get(r.article_id)))
    order = {"error": 0, "fail": 1, "ok": 2}
    return sorted(out, key=lambda a: (order[a.status], *(-v for v in a.counts.values()), a.report.article_id))


SCORED = "back-translation vs a whole-article English source"
NOT_SCORED = ("No scores: no article has a back-translation and a whole-article English source "
              "(snippets measure nothing)")


def unplaced_line(corpus: CorpusReport) -> str | None:
    """``12 source sentences in 3 articles were placed nowhere …`` (``None`` when every one was placed):
    no check compared them with the Italian, which a corpus gate must not leave unsaid."""
    per = [len(unplaced(r)) for r in corpus.reports]
    n, arts = sum(per), sum(1 for k in per if k)
    if not n:
        return None
    return (f"{_plural(n, 'source sentence')} in {_plural(arts, 'article')} placed nowhere in the Italian: "
            "possible omissions, or, without a back-translation, too few shared words, names and numbers "
            "to place them (each article's report lists them)")


def scores_line(corpus: CorpusReport) -> str:
    """``Scores: chrF 61.20, BLEU 35.10 over 3 of 5 articles (…)``, or why there are none."""
    if not corpus.scores:
        return NOT_SCORED
    n = next(iter(corpus.scores.values())).get("articles", len(corpus.chrf))
    values = ", ".join(f"{name} {s['score']:.2f}" for name, s in corpus.scores.items())
    return f"Scores: {values} over {n} of {len(corpus.reports)} articles ({SCORED})"
