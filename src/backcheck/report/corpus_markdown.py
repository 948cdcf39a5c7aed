"""The corpus summary as GitHub-flavoured Markdown (``corpus --markdown FILE``, and
``$GITHUB_STEP_SUMMARY`` under GitHub Actions): the gate result and its reason, counts by severity and
category, new vs baseline, the scores against whole-article sources with their signatures, the articles
worst first (with their chrF), and the new findings at or above ``--fail-on`` (capped, so a PR comment
stays readable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..offsets import line_col
from .corpus_summary import article_rows, gate, scores_line, unplaced_line
from .render_markdown import escape_markdown

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport
    from ..results import Severity

MAX_FINDINGS = 50


def _cell(text: str) -> str:
    return escape_markdown(" ".join(str(text).split()))


def _pipes(code: str) -> str:
    """A code span inside a GFM table cell: ``|`` must still be escaped."""
    return str(code).replace("|", "\\|")


def render_corpus_markdown(corpus: CorpusReport, fail_on: Severity, *, max_findings: int = MAX_FINDINGS) -> str:
    s = corpus.summary
    g = gate(corpus, fail_on)
    icon = "✅" if g.passed else "❌"
    lines = [f"## backcheck corpus: {escape_markdown(corpus.path)}", "",
             f"{icon} **Gate {g.label}** (`--fail-on {fail_on.value}`, exit {g.code}): {g.reason}", ""]
    lines += ["| articles | not checked | findings | " + " | ".join(s["by_severity"]) + " |",
              "|---:|---:|---:|" + "---:|" * len(s["by_severity"]),
              f"| {s['articles']} | {s['errors']} | {s['findings']} | "
              + " | ".join(str(v) for v in s["by_severity"].values()) + " |", ""]
    if "new" in s:
        lines += [f"New findings: **{s['new']}**; in the baseline: {s['baselined']}.", ""]
    if s["by_category"]:
        lines += ["By category: " + ", ".join(f"{k} {v}" for k, v in s["by_category"].items()) + ".", ""]
    lines += [f"{scores_line(corpus)}.", ""]
    if (unplaced := unplaced_line(corpus)) is not None:
        lines += [f"{unplaced}.", ""]
    if corpus.scores:
        lines += ["| metric | score | sacrebleu signature |", "|---|---:|---|"]
        lines += [f"| {name} | {sc['score']:.2f} | `{_pipes(sc['signature'])}` |" for name, sc in corpus.scores.items()]
        lines.append("")
    rows = article_rows(corpus, fail_on)
    if rows:
        lines += ["| article | status | critical | major | minor | new | chrF |", "|---|---|---:|---:|---:|---:|---:|"]
        for r in rows:
            c = r.counts
            chrf = "—" if r.chrf is None else f"{r.chrf:.1f}"
            lines.append(f"| {_cell(r.report.article_id)} | {r.status} | {c['critical']} | {c['major']} "
                         f"| {c['minor']} | {r.new} | {chrf} |")
        lines.append("")
    shown = 0
    items = []
    for r in rows:
        for f in corpus.new_findings(r.report, at_least=fail_on):
            shown += 1
            if shown <= max_findings:
                line, col = line_col(r.report.text, f.start)
                items.append(f"- `{_cell(r.report.article_id)}:{line}:{col}` **{f.severity.value}** "
                             f"{f.category.value} “{_cell(f.text)}”: {_cell(f.message)}"
                             + (f" (fix: {_cell(f.fix_text() or '')})" if f.suggestion else ""))
    if items:
        lines += [f"### New findings at or above {fail_on.value}", "", *items]
        if shown > max_findings:
            lines.append(f"- … and {shown - max_findings} more (see the HTML or JSON report)")
        lines.append("")
    if corpus.signature:
        lines += [f"Signature: `{corpus.signature}`", ""]
    return "\n".join(lines)
