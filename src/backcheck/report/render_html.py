"""The per-article HTML report a reviewer works in: paragraph by paragraph, the Italian with its flagged
spans | the back-translation | the aligned source snippets, each paragraph's findings right below it
(evidence kinds, disagreeing phrases, suggested fix with a copy button, an "accept" tick), and a
toolbar with severity/category/check filters (filters and accepted ticks kept in the URL hash),
next/previous navigation and an export of the accepted findings as a baseline file for
``backcheck corpus --baseline``.

Accepted ticks are keyed on a finding's identity (:func:`accept_keys`: the article, the finding's
fingerprint and which occurrence of it this is), never on its number, so a tick stays on its finding
when the article is edited and the report regenerated, and never lands on another one. On a corpus
page checked against a baseline, every card says whether it is new or in the baseline, baselined
findings start ticked (an export is then the complete baseline), and "New only" hides the rest.

Overlapping spans are split at every boundary (see :mod:`.spans`); each piece is one ``<mark>`` whose
class is the worst severity covering it and whose ``data-findings`` lists every finding covering it.
The page is self-contained (inline CSS/JS, no network) and escapes all article-derived text.
"""

from __future__ import annotations

import hashlib

from ..offsets import line_col
from ..results import Finding, Report
from . import evidence
from .html_page import esc, page, toolbar
from .sidebyside import Row, rows
from .spans import Piece, likelihood, numbered, pieces, severity_counts, worst


def _tooltip(n: int, f: Finding) -> str:
    return f"[{n}] {f.severity.value} {f.category.value}: {f.message}"


def _marked(text: str, cut: list[Piece], para: tuple[int, int, int, int], by_number: dict[int, Finding],
            p: str) -> str:
    """``text[a:b]`` with its flagged pieces in ``<mark>``; the footnote numbers of spans ending in
    ``(lo, hi]`` (this paragraph and the blank lines after it) go where the spans end."""
    a, b, lo, hi = para
    out = []
    for piece in cut:
        s, e = max(piece.start, a), min(piece.end, b)
        if e > s:
            chunk = esc(text[s:e])
            if piece.numbers:
                covering = [by_number[n] for n in piece.numbers]
                title = esc("\n".join(_tooltip(n, by_number[n]) for n in piece.numbers))
                ids = " ".join(f"{p}f{n}" for n in piece.numbers)
                chunk = (f'<mark class="sev-{worst(covering).value}" title="{title}" data-findings="{ids}">'
                         f"{chunk}</mark>")
            out.append(chunk)
        if lo < piece.end <= hi:
            out.extend(f'<sup class="fn" data-finding="{p}f{n}"><a href="#{p}f{n}">[{n}]</a></sup>'
                       for n in piece.ends)
    return "".join(out)


STATE_LABELS = {"new": "new", "baselined": "in baseline"}
# the side-by-side columns; on a narrow screen they stack and each cell shows its label
COLUMNS = ("Italian (article)", "Back-translation", "Source")


def accept_keys(report: Report) -> dict[int, str]:
    """A short stable key per finding (by ``id(finding)``) for the page's accepted ticks: a hash of the
    article id, the finding's fingerprint and its occurrence among findings with that fingerprint (in
    the report's order, as baselines count them). Positions and numbers never enter it."""
    seen: dict[str, int] = {}
    keys = {}
    for f in report.findings:
        fp = f.fingerprint()
        seen[fp] = seen.get(fp, 0) + 1
        raw = f"{report.article_id}\x1f{fp}\x1f{seen[fp]}"
        keys[id(f)] = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]
    return keys


def _card(report: Report, n: int, f: Finding, p: str, key: str, state: str | None) -> str:
    line, col = line_col(report.text, f.start)
    sev = esc(f.severity.value)
    badge = f' <span class="state state-{state}">{STATE_LABELS[state]}</span>' if state else ""
    parts = [
        f'<li class="finding sev-{sev}" id="{p}f{n}" tabindex="-1" data-severity="{sev}" '
        f'data-category="{esc(f.category.value)}" data-check="{esc(f.check)}" data-key="{key}" '
        + (f'data-state="{state}" ' if state else "")
        + f'data-fingerprint="{esc(f.fingerprint())}" data-text="{esc(f.text)}">',
        '<label class="accept" title="accepted findings go into the exported baseline">'
        '<input type="checkbox" class="accept-box"> accept</label>',
        f'<div class="meta"><a class="num" href="#{p}f{n}">[{n}]</a> <span class="badge sev-{sev}">{sev}</span>{badge} '
        f"<strong>{esc(f.category.value)}</strong> · line {line}, column {col} · check <code>{esc(f.check)}</code>"
        + (f' · <span class="likelihood" title="the judge\'s probability that this is an error">{esc(lk)}</span>'
           if (lk := likelihood(f)) else "")
        + "</div>",
        f'<p><span class="span" lang="it">{esc(f.text)}</span> — {esc(f.message)}</p>',
    ]
    kinds = evidence.kinds(f)
    if kinds:
        parts.append("<p>Evidence: " + "".join(f'<span class="kind">{esc(k)}</span>' for k in kinds) + "</p>")
    ph = evidence.phrases(f) + evidence.other(f, report)
    if ph:
        parts.append('<dl class="phrases">' + "".join(
            f"<dt>{esc(label or 'phrases')}</dt><dd>{esc(text)}</dd>" for label, text in ph) + "</dl>")
    bt, src = evidence.sentences(f)
    if bt or src:
        parts.append('<details class="sentences"><summary>Evidence sentences</summary><dl class="phrases">'
                     f'<dt>back-translation</dt><dd lang="en">{esc(bt) or "<em>none</em>"}</dd>'
                     f'<dt>source</dt><dd lang="en">{esc(src) or "<em>none</em>"}</dd></dl></details>')
    if f.suggestion:
        note = (f.fix_text() or "")[len(f.suggestion):]
        parts.append(f'<p class="fix">fix: <strong lang="it">{esc(f.suggestion)}</strong>{esc(note)} '
                     f'<button type="button" class="copy" data-copy="{esc(f.suggestion)}">copy</button></p>')
    parts.append("</li>")
    return "".join(parts)


def _highlight(text: str, needles: set[str]) -> str:
    """``text`` escaped, with the first occurrence of each needle (case-insensitive) in ``<b>``."""
    low = text.lower()
    spans = sorted({(i, i + len(n)) for n in needles if n and (i := low.find(n.lower())) >= 0})
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(f'{esc(text[pos:a])}<b class="phrase">{esc(text[a:b])}</b>')
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def _cell(texts: list[str], empty: str, needles: set[str]) -> str:
    if not texts:
        return f'<span class="none">{esc(empty)}</span>'
    return '<span lang="en">' + "\n".join(_highlight(t, needles) for t in texts) + "</span>"


def _needles(row: Row, label: str) -> set[str]:
    return {text for _, f in row.findings for lab, text in evidence.phrases(f) if lab == label}


def _row(report: Report, row: Row, i: int, cut: list[Piece], by_number: dict[int, Finding], p: str,
         bounds: tuple[int, int], keys: dict[int, str], states: dict[int, str]) -> str:
    if row.omission is not None:
        # without a back-translation, a sentence is placed only by shared words: unplaced is not omitted
        tag = "possible omission" if report.back_translation else "not placed (no back-translation)"
        return (f'<div class="seg omission"><div data-label="{COLUMNS[0]}"><span class="none">nothing in the '
                f'article</span></div><div data-label="{COLUMNS[1]}"></div><div data-label="{COLUMNS[2]}">'
                f'<span lang="en">{esc(row.omission)}</span> <span class="tag">{tag}</span></div></div>')
    it = _marked(report.text, cut, (row.start, row.end, *bounds), by_number, p)
    bt = _cell(row.back_translation, "no back-translation" if not report.back_translation else "—",
               _needles(row, "back-translation"))
    src = _cell(row.sources, "no source", _needles(row, "source"))
    out = (f'<div class="seg" id="{p}p{i}"><div class="it" lang="it" data-label="{COLUMNS[0]}">'
           f'<span class="pno">¶{i}</span>{it}</div><div class="bt" data-label="{COLUMNS[1]}">{bt}</div>'
           f'<div class="src" data-label="{COLUMNS[2]}">{src}</div></div>')
    if row.findings:
        out += '<ol class="findings">' + "".join(_card(report, n, f, p, keys[id(f)], states.get(id(f)))
                                                 for n, f in row.findings) + "</ol>"
    return out


def article_section(report: Report, prefix: str = "", heading: str | None = None,
                    states: list[str] | None = None) -> str:
    """The side-by-side view of one article as a ``<section>`` (ids prefixed with ``prefix``);
    ``states`` (``"new"``/``"unchanged"`` per finding, in report order) marks each card new or
    baselined."""
    items = numbered(report)
    by_number = dict(items)
    keys = accept_keys(report)
    by_id = {} if states is None else {
        id(f): "baselined" if s == "unchanged" else "new" for f, s in zip(report.findings, states, strict=True)}
    parts = [f'<section class="bc-article" id="{prefix}article" data-article="{esc(report.article_id)}">']
    if heading:
        path = report.article_path if report.article_path not in (None, report.article_id) else None
        parts.append(f"<{heading}>{esc(report.article_id)}"
                     + (f' <small class="none">{esc(path)}</small>' if path else "") + f"</{heading}>")
    if report.error:
        parts.append(f'<p class="error">Error: {esc(report.error)}</p>')
    if report.text:
        cut = pieces(report.text, items)
        parts.append('<div class="segs"><div class="seg-head">' + "".join(f"<div>{c}</div>" for c in COLUMNS)
                     + "</div>")
        review = rows(report, items)
        starts = [r.start for r in review if r.is_paragraph][1:] + [len(report.text)]
        k = 0
        for row in review:
            bounds = (-1 if k == 0 else row.start, starts[k] if row.is_paragraph else 0)
            k += row.is_paragraph
            parts.append(_row(report, row, k, cut, by_number, prefix, bounds, keys, by_id))
        parts.append("</div>")
    if report.skipped:
        lis = "".join(f"<li><code>{esc(s.check)}</code>: {esc(s.reason)}</li>" for s in report.skipped)
        parts.append(f'<div class="skipped">Skipped checks:<ul>{lis}</ul></div>')
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """The report as one standalone HTML5 document."""
    title = report.article_path or report.article_id
    counts = severity_counts(report.findings)
    head = (f"<main><h1>backcheck: {esc(title)}</h1>"
            f'<p class="counts"><strong>{len(report.findings)}</strong> findings: '
            + ", ".join(f'<span class="badge sev-{k}">{v} {k}</span>' for k, v in counts.items())
            + '. Click a finding or a highlighted span to jump between them; keys <kbd>j</kbd>/<kbd>k</kbd> '
            "move to the next/previous finding.</p></main>")
    body = head + toolbar(report.findings) + f"<main>{article_section(report)}</main>"
    return page(f"backcheck: {title}", body, key=title, signature=report.signature)
