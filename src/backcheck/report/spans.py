"""Shared by the renderers: numbering findings and cutting the article into highlightable pieces.

Overlapping findings are *split*, not nested: the text is cut at every span boundary, and each piece
lists the findings that cover it, so every renderer can mark overlaps without nesting tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..results import Finding, Report, Severity, category_counts, severity_counts


@dataclass(frozen=True)
class Piece:
    """``text[start:end]``, covered by the findings numbered ``numbers`` (empty: plain text);
    ``ends`` are the numbers of the findings that end here (where a footnote mark goes)."""

    start: int
    end: int
    numbers: tuple[int, ...]
    ends: tuple[int, ...]


# How a report may order its findings (``--sort``).
SORTS = ("position", "severity")


def numbered(report: Report, sort: str = "position") -> list[tuple[int, Finding]]:
    """Findings numbered from 1 in reading order (start, then longest first), or (``sort="severity"``)
    the most severe first and, within a severity, the likeliest errors first: the judge's probability,
    highest first (a finding the rules alone decided, without one, after those that have one), then
    reading order."""
    if sort not in SORTS:
        raise ValueError(f"unknown order {sort!r}: one of {', '.join(SORTS)}")
    if sort == "severity":
        ordered = sorted(report.findings, key=lambda f: (-f.severity.rank, f.probability is None,
                                                         -(f.probability or 0.0), f.start, -f.end))
    else:
        ordered = sorted(report.findings, key=lambda f: (f.start, -f.end, -f.severity.rank))
    return list(enumerate(ordered, start=1))


def probability_text(f: Finding) -> str | None:
    """The judge's probability that ``f`` is an error, as a report writes it ("0.87"); ``None`` for a
    finding the rules alone decided."""
    return None if f.probability is None else f"{f.probability:.2f}"


def likelihood(f: Finding) -> str | None:
    """:func:`probability_text` labelled, as a finding's head shows it ("p(error) 0.87")."""
    p = probability_text(f)
    return None if p is None else f"p(error) {p}"


def pieces(text: str, findings: list[tuple[int, Finding]]) -> list[Piece]:
    """Cut ``text`` at every finding boundary; spans outside the text are clipped."""
    n = len(text)
    spans = [(num, max(0, min(f.start, n)), max(0, min(f.end, n))) for num, f in findings]
    cuts = sorted({0, n, *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out: list[Piece] = []
    for a, b in pairwise(cuts):
        covering = tuple(num for num, s, e in spans if s <= a and b <= e and s < e)
        ending = tuple(num for num, s, e in spans if e == b and s < e)
        out.append(Piece(a, b, covering, ending))
    # Zero-width findings (an omission between two words) still get their footnote mark.
    for num, s, e in spans:
        if s == e:
            idx = next((i for i, p in enumerate(out) if p.end == s), None)
            if idx is None:
                out.insert(0, Piece(0, 0, (), (num,)))
            else:
                p = out[idx]
                out[idx] = Piece(p.start, p.end, p.numbers, p.ends + (num,))
    return out


def worst(findings: list[Finding]) -> Severity:
    """The highest severity among ``findings`` (which must not be empty)."""
    return max((f.severity for f in findings), key=lambda s: s.rank)


def summary_line(findings: list[Finding]) -> str:
    """``"3 findings: 1 critical, 2 major, 0 minor"``."""
    n = len(findings)
    parts = ", ".join(f"{v} {k}" for k, v in severity_counts(findings).items())
    return f"{n} finding{'s' if n != 1 else ''}: {parts}"


__all__ = ["Piece", "category_counts", "numbered", "pieces", "severity_counts", "summary_line", "worst"]
