"""The results every layer above passes on and the renderers only print: findings, per-article reports
and corpus reports, as plain dataclasses with ``to_dict()``.

This is the bottom layer: it imports nothing from backcheck but the leaf :mod:`backcheck.offsets`, so a
renderer depends on it alone (see tests/test_layers.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from .offsets import line_col

SCHEMA_VERSION = "1.0"
NEW, UNCHANGED = "new", "unchanged"  # SARIF baselineState values


class TextEnum(str, Enum):
    """A string enum whose members carry a line of text for people besides their value:
    ``NAME = ("value", "text")``."""

    text: str

    def __new__(cls, value: str, text: str) -> TextEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.text = text
        return member


class Category(TextEnum):
    """What kind of error a finding is. Each member carries its own ``description`` (a reviewer's
    one-line definition, also the SARIF rule text), so a new category is one line here."""

    @property
    def description(self) -> str:
        return self.text

    MISTRANSLATION = ("mistranslation", "The Italian says something the source does not (meaning changed).")
    TERMINOLOGY = ("terminology", "A term is translated against the glossary or usual usage.")
    ENTITY = ("entity", "A name of a person, place or organisation was changed, translated or dropped.")
    NUMBER = ("number", "A number, date, amount or unit differs from the source.")
    UNTRANSLATED = ("untranslated", "Text was left in English (or another language) in the Italian.")
    OMISSION = ("omission", "Something in the source is missing from the Italian.")
    ADDITION = ("addition", "The Italian adds something that is not in the source.")
    BOILERPLATE = ("boilerplate", "A line of site boilerplate (links, captions, bylines) got into the article.")
    LOW_CONFIDENCE = ("low-confidence", "The back-translation model was unsure; worth a human look.")


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


@dataclass(frozen=True)
class Evidence:
    """What supports a finding, in one shape for every check (the JSON report's ``evidence``).

    ``kinds`` names the kinds of evidence ("lexicon", "back-translation", "polarity"...);
    ``source`` is the aligned English source unit and ``back_translation`` the back-translated
    English of the segment; ``phrases`` are the words that disagree, as (role, text) pairs (roles:
    ``source``, ``back_translation``, ``italian``, ``missing``); ``similarity`` is the embedding
    similarity of the two phrases; ``details`` holds what only one check knows (a glossary term, the
    spellings of a name, a number's kind), JSON values only; ``features`` are the graded signals the
    judge reads (numbers; booleans as 0/1). A field left ``None`` is not known (and not written).
    """

    kinds: tuple[str, ...] | None = None
    source: str | None = None
    back_translation: str | None = None
    phrases: tuple[tuple[str, str], ...] | None = None
    similarity: float | None = None
    details: dict[str, Any] = field(default_factory=dict)
    # graded signals for the judge (not written to the report): how strong the case is
    features: dict[str, float] = field(default_factory=dict)

    def phrase(self, role: str) -> str | None:
        """The phrase with ``role`` (``None`` when there is none)."""
        return next((text for r, text in self.phrases or () if r == role), None)

    def with_kind(self, kind: str) -> Evidence:
        """A copy with one more evidence kind."""
        return replace(self, kinds=(*(self.kinds or ()), kind))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.kinds is not None:
            d["kinds"] = list(self.kinds)
        if self.source is not None:
            d["source"] = self.source
        if self.back_translation is not None:
            d["back_translation"] = self.back_translation
        if self.phrases is not None:
            d["phrases"] = dict(self.phrases)
        if self.similarity is not None:
            d["similarity"] = self.similarity
        d.update(self.details)
        return d


@dataclass
class Finding:
    """A likely translation error: ``text == article[start:end]``.

    ``evidence`` is what supports it (:class:`Evidence`); ``context`` is the sentence the span is in
    (used for baseline fingerprints).
    """

    start: int
    end: int
    text: str
    category: Category
    severity: Severity
    message: str
    check: str
    evidence: Evidence = field(default_factory=Evidence)
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
            "evidence": self.evidence.to_dict(),
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


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    """Counts for every severity, most severe first (zeros included)."""
    c = Counter(f.severity.value for f in findings)
    return {s.value: c.get(s.value, 0) for s in sorted(Severity, key=lambda s: -s.rank)}


def category_counts(findings: list[Finding]) -> dict[str, int]:
    """Counts for the categories that occur, in the order of :class:`Category`."""
    c = Counter(f.category.value for f in findings)
    return {cat.value: c[cat.value] for cat in Category if c.get(cat.value)}


# ------------------------------------------------------------------------------------------- corpus results


@dataclass(frozen=True)
class Location:
    """Where a finding is, for CI tools: 1-based ``line``/``col`` (``col`` is None when only the line
    is known, as for an article inside a JSONL manifest, which points at its manifest line)."""

    file: str
    line: int = 1
    col: int | None = None
    end_line: int | None = None
    end_col: int | None = None


@dataclass
class CorpusReport:
    """All article reports of one corpus run, in article-id order (folder) or manifest order.

    ``baseline_states`` (set by :meth:`backcheck.corpus.baseline.Baseline.apply`) maps an article id to
    ``"new"``/``"unchanged"`` for each of its findings; without a baseline every finding is new.
    ``scores`` holds corpus-level BLEU/chrF/TER of the back-translation against the source (see
    :func:`corpus_scores`).
    """

    path: str
    reports: list[Report]
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    baseline_states: dict[str, list[str]] | None = None
    manifest_lines: dict[str, int] = field(default_factory=dict)  # article id → line, for a JSONL ``path``
    seconds: float = 0.0
    internal_errors: list[str] = field(default_factory=list)  # ids of articles that hit a bug

    def states(self, report: Report) -> list[str]:
        """``"new"`` or ``"unchanged"`` for each finding of ``report``, in order."""
        if self.baseline_states is None:
            return [NEW] * len(report.findings)
        return self.baseline_states.get(report.article_id, [NEW] * len(report.findings))

    def new_findings(self, report: Report, at_least: Severity = Severity.MINOR) -> list[Finding]:
        """The findings of ``report`` not in the baseline, at or above ``at_least``."""
        return [
            f for f, s in zip(report.findings, self.states(report), strict=True)
            if s == NEW and f.severity.rank >= at_least.rank
        ]

    def failing(self, fail_on: Severity) -> list[Report]:
        """Articles that fail the gate: broken, or with a new finding at or above ``fail_on``."""
        return [r for r in self.reports if r.error or self.new_findings(r, fail_on)]

    def exit_code(self, fail_on: Severity) -> int:
        """0 when every article passes the gate, else 1; 3 when an article hit an internal error (a bug)
        (usage errors, exit 2, never get this far)."""
        if self.internal_errors:
            return 3
        return 1 if self.failing(fail_on) else 0

    @property
    def signature(self) -> str:
        """The signature most articles share (articles with a given back-translation may differ)."""
        sigs = Counter(r.signature for r in self.reports if r.signature)
        return sigs.most_common(1)[0][0] if sigs else ""

    @property
    def summary(self) -> dict[str, Any]:
        findings = [f for r in self.reports for f in r.findings]
        out: dict[str, Any] = {
            "articles": len(self.reports),
            "errors": sum(1 for r in self.reports if r.error),
            "findings": len(findings),
            "by_severity": severity_counts(findings),
            "by_category": category_counts(findings),
        }
        if self.baseline_states is not None:
            new = sum(len(self.new_findings(r)) for r in self.reports)
            out["new"] = new
            out["baselined"] = len(findings) - new
        return out

    def locate(self, report: Report, finding: Finding | None = None) -> Location:
        """The file and region to show a CI tool for ``finding`` (or the whole article)."""
        if report.article_id in self.manifest_lines:
            return Location(self.path, self.manifest_lines[report.article_id])
        file = report.article_path or report.article_id
        if finding is None:
            return Location(file)
        line, col = line_col(report.text, finding.start)
        end_line, end_col = line_col(report.text, finding.end)
        return Location(file, line, col, end_line, end_col)

    def to_dict(self, fail_on: Severity | None = None) -> dict[str, Any]:
        """JSON form: summary, scores, signature(s) and every article report, each finding with its
        ``baseline_state``; with ``fail_on``, the gate result too."""
        reports = []
        for r in self.reports:
            d = r.to_dict()
            for fd, state in zip(d["findings"], self.states(r), strict=True):
                fd["baseline_state"] = state
            reports.append(d)
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "signature": self.signature,
            "signatures": sorted({r.signature for r in self.reports if r.signature}),
            "corpus": {"path": self.path, "seconds": round(self.seconds, 3)},
            "summary": self.summary,
            "scores": self.scores,
            "reports": reports,
        }
        if fail_on is not None:
            out["gate"] = {
                "fail_on": fail_on.value,
                "failing": [r.article_id for r in self.failing(fail_on)],
                "exit_code": self.exit_code(fail_on),
            }
        return out
