"""Invisible format characters in scraped text: a soft hyphen, a zero-width space, non-joiner or
joiner, a word joiner, a byte-order mark inside the text. A page shows none of them, but each splits a
word for every tokenizer («Gera\u00adsimov» read as «Gera» and «simov»: a name "changed", a word the
lexicon does not know). The article is checked without them, and every offset of its report is mapped
back onto the text as given, so ``finding.text == article[start:end]`` still holds for the file; the
sources and a given back-translation are read without them too (no offset points into them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..offsets import INVISIBLE
from ..offsets import strip_invisible as strip

if TYPE_CHECKING:
    from ..results import Finding, Report
    from ..run.options import ArticleInput

__all__ = ["INVISIBLE", "index_of", "mapped_report", "span", "strip", "stripped_input"]


def index_of(text: str) -> list[int] | None:
    """For each character of ``strip(text)``, its offset in ``text``, then ``len(text)``; ``None`` when
    ``text`` has no invisible character (nothing to map)."""
    if not any(c in text for c in INVISIBLE):
        return None
    return [k for k, c in enumerate(text) if c not in INVISIBLE] + [len(text)]


def span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """The offsets in the original text of the stripped text's ``[start, end)``: from its first
    character to just after its last (an invisible character at either edge stays out)."""
    return index[start], (index[end - 1] + 1 if end > start else index[start])


def stripped_input(inp: ArticleInput) -> tuple[ArticleInput, list[int] | None]:
    """``inp`` without invisible characters, and the article's offset index (``None``: none to strip)."""
    index = index_of(inp.text)
    bt = strip(inp.back_translation) if inp.back_translation is not None else None
    sources = [strip(s) for s in inp.sources]
    if index is None and bt == inp.back_translation and sources == inp.sources:
        return inp, None
    return replace(inp, text=strip(inp.text), back_translation=bt, sources=sources), index


def mapped_report(report: Report, original: str, index: list[int]) -> Report:
    """``report`` (of the stripped article) with every article offset mapped onto ``original``."""

    def seg(d: dict[str, Any], a: str, b: str, text: str | None) -> dict[str, Any]:
        if a not in d:
            return d
        lo, hi = span(index, int(d[a]), int(d[b]))
        return {**d, a: lo, b: hi} | ({text: original[lo:hi]} if text else {})

    return replace(report, text=original, findings=[_finding(f, original, index) for f in report.findings],
                   back_translation=[seg(s, "start", "end", "it") for s in report.back_translation],
                   alignments=[seg(a, "it_start", "it_end", None) for a in report.alignments])


def _finding(f: Finding, original: str, index: list[int]) -> Finding:
    lo, hi = span(index, f.start, f.end)
    details = f.evidence.details
    fix = details.get("fix")
    if isinstance(fix, dict) and "start" in fix:
        a, b = span(index, int(fix["start"]), int(fix["end"]))
        details = {**details, "fix": {**fix, "start": a, "end": b, "replaces": original[a:b]}}
    return replace(f, start=lo, end=hi, text=original[lo:hi], evidence=replace(f.evidence, details=details))
