"""Labelled candidates for the judge's error model: run every check on an article folder (the production
path: :class:`backcheck.run.Checker`, given back-translation, no model) and label each candidate that
survives de-duplication by the gold spans it overlaps (``gold.tsv``; none for a clean document). The
claims the rules judge (``judge.features.RULES_ONLY``) are left out.

A candidate is an error when it overlaps a gold span under the shared scorer's rule (a finding may not
be much longer than the gold span: ``../shared/tools/score.py``); its severity is the most severe gold
span it overlaps.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from backcheck.checks import CHECKS
from backcheck.checks.base import Candidate
from backcheck.judge.base import Judge
from backcheck.judge.dedupe import resolve
from backcheck.judge.features import RULES_ONLY, feature_vector
from backcheck.results import Finding, Severity
from backcheck.run import Checker, CheckOptions, load_article_input

SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}


@dataclass
class Row:
    doc: str      # the document's folder, relative to the data root
    corpus: str   # the corpus (or "synthetic:<corpus>") it belongs to
    check: str
    claim: str
    start: int
    end: int
    text: str
    features: dict[str, float]
    error: int    # overlaps a gold span
    severity: int  # the most severe overlapped gold span's rank (0: none)


def gold_spans(folder: Path, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, category, severity) of every gold.tsv row (``span#N``: the N-th occurrence)."""
    path = folder / "gold.tsv"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            span, nth = row["span"], 1
            if "#" in span and span.rsplit("#", 1)[1].isdigit():
                span, n = span.rsplit("#", 1)
                nth = int(n)
            pos = -1
            for _ in range(nth):
                pos = text.index(span, pos + 1)
            out.append((pos, pos + len(span), row["category"], row["severity"]))
    return out


def overlaps(g: tuple[int, int, str, str], start: int, end: int) -> bool:
    """The shared scorer's rule: overlap, and the finding at most 3× the gold span's length + 20."""
    return g[0] < end and start < g[1] and (end - start) <= 3 * (g[1] - g[0]) + 20


class _Collect(Judge):
    """A judge that keeps the de-duplicated candidates instead of deciding."""

    name = "collect"

    def __init__(self) -> None:
        self.kept: list[Candidate] = []

    def severity(self, candidate: Candidate) -> Severity | None:  # pragma: no cover - not called
        return Severity.MINOR

    def decide(self, candidates, *, specific, exclusive) -> list[Finding]:  # type: ignore[no-untyped-def]
        # the claims the rules judge are neither trained on nor scored, nor allowed to replace a candidate
        # the model is trained on
        kept = [c for c in candidates if f"claim:{c.claim.value}" not in RULES_ONLY]
        self.kept = resolve(kept, specific=specific, exclusive=exclusive)
        return []


def collect(folder: Path, doc: str, corpus: str, checker_options: CheckOptions | None = None) -> list[Row]:
    """The labelled candidates of one article folder."""
    src = folder / "source.en.txt"
    bt = folder / "back.en.txt"
    inp = load_article_input(folder / "article.it.txt", [src] if src.exists() else [], bt if bt.exists() else None)
    judge = _Collect()
    Checker(checker_options or CheckOptions(engine="none"), translator=None, judge=judge).check(inp)
    gold = gold_spans(folder, inp.text)
    rows = []
    for c in judge.kept:
        hit = [g for g in gold if overlaps(g, c.start, c.end)]
        rows.append(Row(doc, corpus, c.check, c.claim.value, c.start, c.end, c.text, feature_vector(c),
                        int(bool(hit)), max((SEVERITY_RANK[g[3]] for g in hit), default=0)))
    return rows


__all__ = ["CHECKS", "Row", "collect", "gold_spans", "overlaps"]
