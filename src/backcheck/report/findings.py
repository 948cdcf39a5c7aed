"""Findings and per-article reports: plain dataclasses the renderers and the CLI only print."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

SCHEMA_VERSION = "1.0"


class Category(str, Enum):
    MISTRANSLATION = "mistranslation"
    TERMINOLOGY = "terminology"
    ENTITY = "entity"
    NUMBER = "number"
    UNTRANSLATED = "untranslated"
    OMISSION = "omission"
    ADDITION = "addition"
    BOILERPLATE = "boilerplate"
    LOW_CONFIDENCE = "low-confidence"


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return {"minor": 1, "major": 2, "critical": 3}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls(value.lower())


@dataclass
class Finding:
    """A likely translation error: ``text == article[start:end]``.

    ``evidence`` holds what supports it: ``back_translation`` (the English of the segment),
    ``source`` (the aligned source snippet), ``phrases`` (the disagreeing phrases) and any
    check-specific keys. ``context`` is the sentence the span is in (used for baseline fingerprints).
    """

    start: int
    end: int
    text: str
    category: Category
    severity: Severity
    message: str
    check: str
    evidence: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    context: str = ""

    def fingerprint(self) -> str:
        """Stable id that survives edits elsewhere in the article: span text, category and sentence."""
        key = "\x1f".join([self.category.value, self.text, " ".join(self.context.split())])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "check": self.check,
            "evidence": self.evidence,
            "fingerprint": self.fingerprint(),
        }
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        return d


@dataclass
class SkippedCheck:
    check: str
    reason: str


@dataclass
class Report:
    """Everything ``check`` found in one article."""

    article_id: str
    article_path: str | None
    text: str
    findings: list[Finding]
    signature: str
    skipped: list[SkippedCheck] = field(default_factory=list)
    back_translation: list[dict[str, Any]] = field(default_factory=list)
    alignments: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def count(self, at_least: Severity) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= at_least.rank)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "signature": self.signature,
            "article": {"id": self.article_id, "path": self.article_path},
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "skipped_checks": [{"check": s.check, "reason": s.reason} for s in self.skipped],
            "back_translation": self.back_translation,
            "alignments": self.alignments,
        }
