"""A self-contained HTML page (inline CSS, no scripts or external assets, everything escaped): the
article with highlighted spans, a card per finding with the back-translation beside the source, summary
counts, skipped checks, and the signature in the footer.

Overlapping spans are split at every boundary (see :mod:`.spans`); each piece is one ``<mark>`` whose
class is the worst severity covering it and whose tooltip lists every finding covering it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .. import __version__
from .findings import Finding, Report
from .spans import line_col, numbered, pieces, severity_counts, worst

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:60rem;
padding:1rem 1.5rem;color:#1b1b1b;background:#fff;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.article{white-space:pre-wrap;border:1px solid #ddd;border-radius:6px;padding:1rem;background:#fcfcfc}
mark{padding:0 .1em;border-radius:3px}
mark.sev-minor{background:#fff3b0}mark.sev-major{background:#ffc078}mark.sev-critical{background:#ff8787}
sup.fn a{font-size:.7em;color:#5f3dc4;text-decoration:none;font-weight:bold}
.counts span{display:inline-block;margin-right:1rem}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;font-weight:bold}
.badge.sev-minor{background:#fff3b0}.badge.sev-major{background:#ffc078}.badge.sev-critical{background:#ff8787}
.card{border:1px solid #ddd;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.card .span{font-family:ui-monospace,monospace;background:#f1f3f5;padding:0 .2em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-top:.5rem}
.sides div{background:#f8f9fa;border-radius:4px;padding:.5rem}
.sides h4{margin:0 0 .25rem 0;font-size:.8rem;text-transform:uppercase;color:#555}
.error{color:#c92a2a;font-weight:bold}
footer{margin-top:2rem;font-size:.8rem;color:#666;word-break:break-all}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _tooltip(n: int, f: Finding) -> str:
    return f"[{n}] {f.severity.value} {f.category.value}: {f.message}"


def _article_html(report: Report, items: list[tuple[int, Finding]]) -> str:
    by_number = dict(items)
    out = []
    for piece in pieces(report.text, items):
        chunk = _e(report.text[piece.start : piece.end])
        if piece.numbers:
            covering = [by_number[n] for n in piece.numbers]
            sev = worst(covering).value
            title = _e("\n".join(_tooltip(n, by_number[n]) for n in piece.numbers))
            ids = " ".join(f"f{n}" for n in piece.numbers)
            out.append(f'<mark class="sev-{sev}" title="{title}" data-findings="{ids}">{chunk}</mark>')
        else:
            out.append(chunk)
        out.extend(f'<sup class="fn"><a href="#f{n}">[{n}]</a></sup>' for n in piece.ends)
    return "".join(out)


def _evidence_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def _phrases(value: Any) -> str:
    if not value:
        return ""
    items = value if isinstance(value, (list, tuple)) else [value]
    lis = []
    for item in items:
        if isinstance(item, dict):
            text = ", ".join(f"{k}: {v}" for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            text = " ↔ ".join(str(x) for x in item)
        else:
            text = str(item)
        lis.append(f"<li>{_e(text)}</li>")
    return f"<p>Disagreeing phrases:</p><ul>{''.join(lis)}</ul>"


def _card(report: Report, n: int, f: Finding) -> str:
    line, col = line_col(report.text, f.start)
    ev = f.evidence or {}
    bt, src = _evidence_text(ev.get("back_translation")), _evidence_text(ev.get("source"))
    parts = [
        f'<div class="card" id="f{n}">',
        f'<div><strong>[{n}]</strong> <span class="badge sev-{_e(f.severity.value)}">{_e(f.severity.value)}'
        f"</span> {_e(f.category.value)} · line {line}, column {col} · "
        f"check <code>{_e(f.check)}</code></div>",
        f'<p><span class="span">{_e(f.text)}</span> — {_e(f.message)}</p>',
    ]
    if bt or src:
        parts.append(
            '<div class="sides">'
            f'<div><h4>Back-translation</h4>{_e(bt) or "<em>none</em>"}</div>'
            f'<div><h4>Source</h4>{_e(src) or "<em>none</em>"}</div>'
            "</div>"
        )
    parts.append(_phrases(ev.get("phrases")))
    if f.suggestion:
        parts.append(f"<p>Suggestion: <strong>{_e(f.suggestion)}</strong></p>")
    parts.append("</div>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """The report as one standalone HTML5 document."""
    items = numbered(report)
    title = report.article_path or report.article_id
    body = [f"<h1>backcheck: {_e(title)}</h1>"]
    if report.error:
        body.append(f'<p class="error">Error: {_e(report.error)}</p>')
    counts = severity_counts(report.findings)
    body.append(
        f'<p class="counts"><span><strong>{len(report.findings)}</strong> findings</span>'
        + "".join(f'<span class="badge sev-{k}">{v} {k}</span> ' for k, v in counts.items())
        + "</p>"
    )
    if report.text:
        body.append(f'<h2>Article</h2><div class="article" lang="it">{_article_html(report, items)}</div>')
    if items:
        body.append("<h2>Findings</h2>")
        body.extend(_card(report, n, f) for n, f in items)
    if report.skipped:
        lis = "".join(f"<li><code>{_e(s.check)}</code>: {_e(s.reason)}</li>" for s in report.skipped)
        body.append(f"<h2>Skipped checks</h2><ul>{lis}</ul>")
    if report.back_translation:
        rows = "".join(
            f'<tr><td lang="it">{_e(seg.get("it", ""))}</td>'
            f'<td lang="en">{_e(seg.get("en", ""))}</td></tr>'
            for seg in report.back_translation
        )
        body.append(
            "<details><summary>Back-translation</summary>"
            f"<table><tr><th>Italian</th><th>English</th></tr>{rows}</table></details>"
        )
    footer = f"<footer>backcheck {_e(__version__)}"
    if report.signature:
        footer += f" · signature: <code>{_e(report.signature)}</code>"
    footer += "</footer>"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>backcheck: {_e(title)}</title><style>{CSS}</style></head>\n"
        f"<body>{''.join(body)}{footer}</body></html>\n"
    )
