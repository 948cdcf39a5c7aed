"""The article cut into review rows: each paragraph with its findings, the back-translation segments that
translate it and the source snippets aligned to it; source snippets that match nothing (possible
omissions) get a row of their own where they would belong. Shared by the HTML and terminal renderers,
with the one-line note on those snippets that the terminal and Markdown reports print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..offsets import paragraph_spans
from ..results import Finding, Report


@dataclass
class Row:
    """One paragraph (``start``/``end`` into the article) or, with ``omission`` set, an unmatched
    source snippet placed after the paragraph its neighbours in the source align to."""

    start: int
    end: int
    findings: list[tuple[int, Finding]] = field(default_factory=list)
    back_translation: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    omission: str | None = None

    @property
    def is_paragraph(self) -> bool:
        return self.omission is None


def _index_of(spans: list[tuple[int, int]], offset: int) -> int:
    """The paragraph holding ``offset`` (or the last one starting before it; 0 before the first)."""
    idx = 0
    for i, (a, _) in enumerate(spans):
        if a <= offset:
            idx = i
    return idx


def _matched_paragraph(spans: list[tuple[int, int]], match: dict[str, Any]) -> int | None:
    start = match.get("it_start")
    return _index_of(spans, int(start)) if isinstance(start, int) else None


def rows(report: Report, items: list[tuple[int, Finding]]) -> list[Row]:
    """Review rows in reading order; see the module docstring."""
    spans = paragraph_spans(report.text) or ([(0, len(report.text))] if report.text else [])
    if not spans:
        return []
    out = [Row(a, b) for a, b in spans]
    for n, f in items:
        out[_index_of(spans, f.start)].findings.append((n, f))
    for seg in sorted(report.back_translation, key=lambda s: int(s.get("start", 0))):
        en = str(seg.get("en", "")).strip()
        if en:
            out[_index_of(spans, int(seg.get("start", 0)))].back_translation.append(en)
    matched = sorted((a for a in report.alignments if a.get("matched", True)),
                     key=lambda a: int(a.get("source_index", 0)))
    seen: set[tuple[int, int]] = set()
    para_of_source: dict[int, int] = {}
    for m in matched:
        idx = _matched_paragraph(spans, m)
        if idx is None:
            continue
        si = int(m.get("source_index", -1))
        para_of_source.setdefault(si, idx)
        if (si, idx) not in seen:
            seen.add((si, idx))
            out[idx].sources.append(str(m.get("source", "")))
    # Omissions: after the paragraph of the nearest matched snippet before them in source order.
    after: dict[int, list[str]] = {}
    for number, sentence in unplaced(report):
        before = [p for s, p in para_of_source.items() if s < number - 1]
        after.setdefault(max(before) if before else -1, []).append(sentence)
    result: list[Row] = [Row(0, 0, omission=s) for s in after.get(-1, [])]
    for i, row in enumerate(out):
        result.append(row)
        result.extend(Row(row.end, row.end, omission=s) for s in after.get(i, []))
    return result


def unplaced(report: Report) -> list[tuple[int, str]]:
    """The source sentences the alignment placed nowhere, as (their number in the source, from 1, text)."""
    return [(int(a.get("source_index", 0)) + 1, str(a.get("source", "")))
            for a in sorted((a for a in report.alignments if not a.get("matched", True)),
                            key=lambda a: int(a.get("source_index", 0)))]


def unplaced_note(report: Report, *, listed: bool = False) -> str | None:
    """One line on the source sentences the alignment placed nowhere in the article (``None`` when it
    placed them all): the checks that compare with the source never saw them, so a reader must know.
    With a back-translation, a sentence that matches nothing is a possible omission or another article's
    text; without one, sentences are placed only by the words, names and numbers they share with the
    Italian, and one that shares too few is left out. ``listed``: the sentences are listed after it."""
    n, total = len(unplaced(report)), len({a.get("source_index") for a in report.alignments})
    if not n:
        return None
    what = f"{n} of {total} source sentence{'s' if total != 1 else ''}"
    if report.back_translation:
        why = (f" {'matches' if n == 1 else 'match'} nothing in the article: a possible omission, "
               "or not this article's text")
    else:
        why = (f" {'shares' if n == 1 else 'share'} too few words, names or numbers with the Italian to be "
               "placed, and the checks that compare with the source skip "
               f"{'it' if n == 1 else 'them'} (a back-translation places sentences by meaning)")
    return what + why + (":" if listed else " (-v lists them)")
