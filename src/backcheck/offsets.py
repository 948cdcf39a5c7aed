"""Character offsets in a text (Python ``str`` indices): line/column and paragraph spans.

A leaf module: the document model, the corpus and the renderers all use it, and it imports nothing.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\f\v\r\ufeff]*\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a character offset (for SARIF and CI annotations)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past white space (and a byte-order mark at the start)."""
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; paragraphs are separated by blank lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end() - 1
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        a, b = strip_span(text, a, b)
        if a < b:
            out.append((a, b))
    return out
