"""The JSON Schema (draft 2020-12) of backcheck's JSON reports: ``check --format json`` (one article)
and ``corpus --json`` (a corpus). ``backcheck schema`` prints it; the tests validate every report
against it."""

from __future__ import annotations

from typing import Any

from ..results import SCHEMA_VERSION, Category, Severity

SCHEMA_ID = f"https://backcheck.invalid/schemas/report-{SCHEMA_VERSION}.json"

_OFFSET = {"type": "integer", "minimum": 0}
_STR_OR_NULL = {"type": ["string", "null"]}

FINDING: dict[str, Any] = {
    "type": "object",
    "required": ["start", "end", "text", "category", "severity", "message", "check", "evidence",
                 "fingerprint"],
    "properties": {
        "start": {**_OFFSET, "description": "Python str index into the article text as read"},
        "end": {**_OFFSET, "description": "exclusive; text == article[start:end]"},
        "text": {"type": "string"},
        "category": {"enum": [c.value for c in Category]},
        "severity": {"enum": [s.value for s in Severity]},
        "message": {"type": "string"},
        "check": {"type": "string"},
        "evidence": {"type": "object"},
        "suggestion": {"type": "string", "description": "the text to paste (options separated by ' / ')"},
        "fix": {"type": "string", "description": "the fix as every report shows it: the suggestion, what "
                                                 "it replaces when more than the span, a dictionary-form note"},
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "baseline_state": {"enum": ["new", "unchanged"]},
    },
}

REPORT: dict[str, Any] = {
    "type": "object",
    "required": ["schema_version", "signature", "article", "error", "findings", "skipped_checks",
                 "back_translation", "alignments"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "signature": {"type": "string"},
        "article": {"type": "object", "required": ["id", "path"],
                    "properties": {"id": {"type": "string"}, "path": _STR_OR_NULL}},
        "error": _STR_OR_NULL,
        "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
        "skipped_checks": {"type": "array", "items": {
            "type": "object", "required": ["check", "reason"],
            "properties": {"check": {"type": "string"}, "reason": {"type": "string"}}}},
        "back_translation": {"type": "array", "items": {
            "type": "object", "required": ["start", "end", "it", "en"],
            "properties": {"start": _OFFSET, "end": _OFFSET, "it": {"type": "string"},
                           "en": {"type": "string"}, "score": {"type": ["number", "null"]}}}},
        "alignments": {"type": "array", "items": {"type": "object"}},
        "chrf": {"type": "number", "description": "corpus reports: chrF of the back-translation against a "
                                                  "whole-article source (absent for snippet sources)"},
    },
}

CORPUS: dict[str, Any] = {
    "type": "object",
    "required": ["schema_version", "signature", "signatures", "corpus", "summary", "scores", "reports"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "signature": {"type": "string"},
        "signatures": {"type": "array", "items": {"type": "string"}},
        "corpus": {"type": "object", "required": ["path"], "properties": {"path": {"type": "string"}}},
        "summary": {"type": "object", "required": ["articles", "errors", "findings"],
                    "properties": {k: {"type": "integer", "minimum": 0}
                                   for k in ("articles", "errors", "findings", "new", "baselined")}},
        "scores": {"type": "object"},
        "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}},
        "gate": {"type": "object", "required": ["fail_on", "failing", "exit_code"],
                 "properties": {"fail_on": {"enum": [s.value for s in Severity]},
                                "failing": {"type": "array", "items": {"type": "string"}},
                                "exit_code": {"enum": [0, 1, 3]}}},
    },
}


def report_schema() -> dict[str, Any]:
    """The schema every JSON report of this version validates against (article or corpus)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"backcheck JSON report (schema_version {SCHEMA_VERSION})",
        "description": "`backcheck check --format json` (an article report) or `backcheck corpus --json` "
                       "(a corpus report).",
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/corpus"}],
        "$defs": {"finding": FINDING, "report": REPORT, "corpus": CORPUS},
    }
