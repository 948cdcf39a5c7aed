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


# Unicode format characters (category Cf) that stand inside words without showing: a soft hyphen, a
# zero-width space, non-joiner and joiner, a word joiner, a byte-order mark inside the text
# (:mod:`backcheck.text.invisible` reads an article without them).
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE}


def strip_invisible(text: str) -> str:
    """``text`` without its :data:`INVISIBLE` characters."""
    return text.translate(_INVISIBLE_TABLE) if any(c in text for c in INVISIBLE) else text
