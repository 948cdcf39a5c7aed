"""Findings, reports and their renderers.

``RENDERERS`` maps a format name to a pure function ``Report -> str``; :func:`render` picks one. The CLI
writes the string wherever it goes. Importing this package is cheap: rich is imported by the text
renderer only when it runs.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import BackcheckError
from ..results import Report
from .render_html import render_html
from .render_json import render_json
from .render_markdown import render_markdown
from .render_text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}


def render(report: Report, fmt: str, *, color: bool = False, width: int | None = None,
           sort: str = "position") -> str:
    """Render ``report`` as ``fmt`` (one of :data:`RENDERERS`).

    ``color`` and ``width`` only concern ``text``: ANSI colours for a terminal, and the line width
    (default 100); files should get ``color=False``. ``sort`` orders the findings of the text and
    Markdown reports (:data:`~backcheck.report.spans.SORTS`).
    """
    if fmt not in RENDERERS:
        raise BackcheckError(f"unknown report format {fmt!r}", f"use one of: {', '.join(RENDERERS)}")
    if fmt == "text":
        return render_text(report, color=color, width=width, sort=sort)
    if fmt == "markdown":
        return render_markdown(report, sort)
    return RENDERERS[fmt](report)


__all__ = ["RENDERERS", "render", "render_html", "render_json", "render_markdown", "render_text"]
