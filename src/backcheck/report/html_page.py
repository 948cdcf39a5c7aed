"""The HTML page shell shared by the article and corpus reports: inline CSS and JS from
``report/templates`` (package data), a Content-Security-Policy that allows only that one script (by its
SHA-256 hash) and no network at all, and the filter toolbar.

Every text that comes from an article, a snippet or a back-translation goes through :func:`esc`; the CSP
is a second line of defence: even an injected ``<script>`` or ``onerror=`` would not run.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from ..results import Category, Finding, Severity
from ..version import __version__


def esc(value: Any) -> str:
    """HTML-escape ``value`` for text and for quoted attribute values."""
    return escape(str(value), quote=True)


@cache
def asset(name: str) -> str:
    """A file from ``backcheck/report/templates``."""
    return files("backcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            f"form-action 'none'; script-src 'sha256-{digest}'")


def page(title: str, body: str, *, key: str, signature: str = "") -> str:
    """One standalone HTML5 document. ``key`` names the page's accepted-findings store in the browser."""
    script = asset("report.js")
    footer = f"<footer>backcheck {esc(__version__)}"
    if signature:
        footer += f" · signature: <code>{esc(signature)}</code>"
    footer += "</footer>"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp(script))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{asset('report.css')}</style></head>\n"
        f'<body data-key="{esc(key)}">{body}<main>{footer}</main>'
        f"<script>{script}</script></body></html>\n"
    )


def _toggle(kind: str, value: str, n: int, cls: str = "") -> str:
    return (f'<button type="button" class="toggle {cls}" data-kind="{kind}" data-value="{esc(value)}" '
            f'aria-pressed="true" title="show/hide {esc(value)}">{esc(value)}<span class="n">{n}</span></button>')


def toolbar(findings: list[Finding], states: list[str] | None = None) -> str:
    """Severity, category and check toggles with their counts, navigation, accept/export; with
    ``states`` (a baseline run: ``"new"``/``"unchanged"`` per finding), new/baselined toggles and
    "New only"."""
    sev = {s: sum(1 for f in findings if f.severity is s) for s in sorted(Severity, key=lambda s: -s.rank)}
    cats = {c.value: sum(1 for f in findings if f.category is c) for c in Category}
    checks: dict[str, int] = {}
    for f in findings:
        checks[f.check] = checks.get(f.check, 0) + 1
    groups = [
        '<span class="group"><span class="label">Severity</span>'
        + "".join(_toggle("sev", s.value, n, f"sev-{s.value}") for s, n in sev.items()) + "</span>",
        '<span class="group"><span class="label">Category</span>'
        + "".join(_toggle("cat", c, n) for c, n in cats.items() if n) + "</span>",
        '<span class="group"><span class="label">Check</span>'
        + "".join(_toggle("check", c, n) for c, n in sorted(checks.items())) + "</span>",
        '<span class="group"><button type="button" id="bc-majors">Only major and critical</button>'
        + ('<button type="button" id="bc-new-only">New only</button>' if states is not None else "")
        + '<button type="button" id="bc-all">Show all</button></span>',
        '<span class="group"><button type="button" id="bc-prev" title="previous finding (k)">◀ prev</button>'
        '<button type="button" id="bc-next" title="next finding (j)">next ▶</button>'
        '<span class="status" id="bc-shown"></span></span>',
        '<span class="group"><span class="status" id="bc-accepted"></span>'
        '<button type="button" id="bc-export" title="download the ticked findings as a baseline file '
        'for backcheck corpus --baseline">Export accepted as baseline</button></span>',
    ]
    if states is not None:
        new = sum(1 for s in states if s != "unchanged")
        groups.insert(3, '<span class="group"><span class="label">Baseline</span>'
                      + _toggle("state", "new", new, "state-new")
                      + _toggle("state", "baselined", len(states) - new, "state-baselined") + "</span>")
    return f'<nav class="toolbar" aria-label="filters">{"".join(groups)}</nav>'
