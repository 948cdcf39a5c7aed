"""The corpus dashboard (``backcheck corpus --html FILE``): the gate result and its reason, summary
counts, inline SVG plots (findings per category and severity, findings per article, chrF per article
against a whole-article source, with corpus chrF/BLEU and their sacrebleu signatures), a sortable table
of articles (worst first) and every article's
side-by-side view embedded below it, with the same filters, navigation and baseline export as the
article report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..results import Category, Severity
from .corpus_summary import SCORED, article_rows, gate, scores_line, unplaced_line
from .html_page import esc, page, toolbar
from .render_html import article_section
from .svg import score_bars, stacked_bars

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport


def _cards(corpus: CorpusReport, fail_on: Severity) -> str:
    s = corpus.summary
    g = gate(corpus, fail_on)
    cards = [("articles", s["articles"]), ("not checked", s["errors"]), ("findings", s["findings"])]
    cards += [(k, v) for k, v in s["by_severity"].items()]
    if "new" in s:
        cards += [("new", s["new"]), ("in baseline", s["baselined"])]
    html = '<div class="cards">' + "".join(
        f'<div class="card"><div class="big">{v}</div>{esc(k)}</div>' for k, v in cards) + "</div>"
    cls = "gate-ok" if g.passed else "gate-fail"
    html += (f'<p id="gate">Gate (<code>--fail-on {esc(fail_on.value)}</code>): '
             f'<span class="{cls}">{g.label}</span> (exit {g.code}): {esc(g.reason)}</p>')
    return html


def _plots(corpus: CorpusReport, rows: list) -> str:  # type: ignore[type-arg]
    findings = [f for r in corpus.reports for f in r.findings]
    by_cat = []
    for c in Category:
        parts = {s.value: sum(1 for f in findings if f.category is c and f.severity is s) for s in Severity}
        if any(parts.values()):
            by_cat.append((c.value, parts))
    by_article = sorted(((r.report.article_id, r.counts) for r in rows), key=lambda x: -sum(x[1].values()))
    sigs = "".join(f"<br><code>{esc(name)}: {esc(s.get('signature', ''))}</code>" for name, s in corpus.scores.items())
    chrf = sorted(((r.report.article_id, r.chrf) for r in rows if r.chrf is not None), key=lambda x: x[1])
    scores = (f"<figure>{score_bars(chrf, 'chrF per article')}<figcaption>chrF per article, lowest first "
              f"({esc(SCORED)}; articles with snippets are not scored).<br>" if chrf else "<figure><figcaption>")
    note = unplaced_line(corpus)
    unplaced = f"<br>{esc(note)}." if note else ""
    return (
        '<div class="plots">'
        f"<figure>{stacked_bars(by_cat, 'findings per category and severity')}"
        "<figcaption>Findings per category, by severity</figcaption></figure>"
        f"<figure>{stacked_bars(by_article, 'findings per article')}"
        "<figcaption>Findings per article (most first)</figcaption></figure>"
        f"{scores}{esc(scores_line(corpus))}{sigs}{unplaced}</figcaption></figure>"
        "</div>"
    )


def _table(rows: list) -> str:  # type: ignore[type-arg]
    head = ('<table class="articles sortable"><thead><tr><th>article</th><th>status</th>'
            '<th class="num">critical</th><th class="num">major</th><th class="num">minor</th>'
            '<th class="num">new</th><th class="num" title="back-translation vs a whole-article source">chrF</th>'
            "</tr></thead><tbody>")
    order = {"error": 0, "fail": 1, "ok": 2}
    body = []
    for row in rows:
        c = row.counts
        chrf = (f'<td class="num" data-sort="{row.chrf}">{row.chrf:.1f}</td>' if row.chrf is not None
                else '<td class="num" data-sort="-1">—</td>')
        body.append(
            f'<tr><td><a href="#{row.anchor}article">{esc(row.report.article_id)}</a></td>'
            f'<td data-sort="{order[row.status]}">{row.status}</td>'
            f'<td class="num">{c["critical"]}</td><td class="num">{c["major"]}</td>'
            f'<td class="num">{c["minor"]}</td><td class="num">{row.new}</td>{chrf}</tr>')
    return head + "".join(body) + "</tbody></table>"


def render_corpus_html(corpus: CorpusReport, fail_on: Severity) -> str:
    """The corpus report as one standalone HTML5 document."""
    rows = article_rows(corpus, fail_on)
    findings = [f for r in corpus.reports for f in r.findings]
    head = (f"<main><h1>backcheck corpus: {esc(corpus.path)}</h1>{_cards(corpus, fail_on)}"
            f"<h2>Plots</h2>{_plots(corpus, rows)}<h2>Articles (worst first; click a heading to sort)</h2>"
            f'<div class="table-wrap">{_table(rows)}</div></main>')
    baselined = corpus.baseline_states is not None
    articles = "".join(article_section(r.report, r.anchor, heading="h2",
                                       states=corpus.states(r.report) if baselined else None) for r in rows)
    states = [s for r in corpus.reports for s in corpus.states(r)] if baselined else None
    body = head + toolbar(findings, states) + f"<main>{articles}</main>"
    return page(f"backcheck corpus: {corpus.path}", body, key=f"corpus|{corpus.path}", signature=corpus.signature)
