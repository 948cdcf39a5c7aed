"""SARIF 2.1.0 for code-scanning tools: one result per finding, one rule per category.

Regions are 1-based lines and columns from :func:`backcheck.offsets.line_col`; the run declares
``columnKind: unicodeCodePoints`` so columns count Python ``str`` characters, not UTF-16 units.
``partialFingerprints["backcheck/v2"]`` is :meth:`Finding.fingerprint`; with a baseline every result
carries ``baselineState`` (``new``/``unchanged``). Broken articles are tool execution notifications.
Articles from a JSONL manifest point at their manifest line (no columns).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..offsets import line_col
from ..results import Category, Severity
from ..version import __version__

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport, Location

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "backcheck/v2"
LEVELS = {Severity.MINOR: "note", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}
RULES = list(Category)


def artifact_uri(file: str) -> str:
    """A relative path as a percent-encoded POSIX URI reference; an absolute path as a file: URI."""
    p = Path(file)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePath(file).as_posix())


def _region(loc: Location) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": loc.line}
    if loc.col is not None:
        region["startColumn"] = loc.col
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
    if loc.end_col is not None:
        region["endColumn"] = loc.end_col
    return region


def _location(loc: Location, snippet: str | None = None) -> dict[str, Any]:
    region = _region(loc)
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(loc.file)}, "region": region}}


def to_sarif(corpus: CorpusReport) -> dict[str, Any]:
    """The corpus result as a SARIF 2.1.0 log (a dict ready for ``json.dumps``)."""
    results = []
    notifications = []
    for report in corpus.reports:
        if report.error:
            notifications.append({
                "level": "error",
                "message": {"text": report.error},
                "locations": [_location(corpus.locate(report))],
            })
            continue
        for f, state in zip(report.findings, corpus.states(report), strict=True):
            loc = corpus.locate(report, f)
            text = f.message + (f" (fix: {f.fix_text()})" if f.suggestion else "")
            if loc.col is None:  # manifest article: say where inside the article text
                line, col = line_col(report.text, f.start)
                text = f"[{report.article_id} {line}:{col} \"{f.text}\"] {text}"
            result: dict[str, Any] = {
                "ruleId": f.category.value,
                "ruleIndex": RULES.index(f.category),
                "level": LEVELS[f.severity],
                "message": {"text": text},
                "locations": [_location(loc, f.text)],
                "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint()},
                "properties": {"severity": f.severity.value, "check": f.check, "article": report.article_id},
            }
            if f.suggestion:
                result["properties"]["suggestion"] = f.suggestion
            if f.probability is not None:  # SARIF's priority of a result, 0-100: the judge's probability
                result["rank"] = round(100 * f.probability, 1)
                result["properties"]["probability"] = round(f.probability, 3)
            if corpus.baseline_states is not None:
                result["baselineState"] = state
            results.append(result)
    rules = [
        {
            "id": c.value,
            "name": c.value.title().replace("-", ""),
            "shortDescription": {"text": c.description},
        }
        for c in RULES
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "backcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"signature": corpus.signature},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(corpus: CorpusReport) -> str:
    return json.dumps(to_sarif(corpus), ensure_ascii=False, indent=2) + "\n"
