"""The results every layer above passes on and the renderers only print: findings, per-article reports
and corpus reports, as plain dataclasses with ``to_dict()``.

This is the bottom layer: it imports nothing from backcheck but the leaf :mod:`backcheck.offsets`, so a
renderer depends on it alone (see tests/test_layers.py); the corpus results are in :mod:`backcheck.corpus_results`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from .offsets import strip_invisible

SCHEMA_VERSION = "1.0"


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
    # the judge's calibrated probability that this is an error (None: decided by rules alone)
    probability: float | None = None

    def fix_text(self) -> str | None:
        """The suggested fix as every renderer shows it, after a "fix: " label: the suggestion, what it
        replaces when that is more than the flagged words ("alla sua controparte" in place of "al suo
        alleato"), and a note when an option is a dictionary form to be put in the article's form.
        ``None`` without a suggestion."""
        if self.suggestion is None:
            return None
        fix = self.evidence.details.get("fix") or {}
        text = self.suggestion
        replaces = fix.get("replaces")
        if replaces and _normal(replaces) != _normal(self.text):
            text += f" (in place of “{_normal(replaces)}”)"
        if any(o.get("form") == "lemma" for o in fix.get("options", ())):
            text += " (dictionary form: put it in the article's form)"
        return text

    def fingerprint(self) -> str:
        """The finding's stable identity, the same wherever it moves: the check that raised it, its
        category, the flagged text and its sentence (NFC, whitespace collapsed), never its offsets or
        its number in the report. Baselines, SARIF and the HTML report's accepted ticks key on it, so
        an edit elsewhere in the article keeps it, and an edit to its sentence makes it a new finding."""
        return _digest(self.check, self.category.value, _normal(self.text), _normal(self.context))

    def fingerprint_v1(self) -> str:
        """The fingerprint of baseline files before schema 2.0 (no check, context whitespace only);
        read so that an old baseline keeps working until it is regenerated."""
        return _digest(self.category.value, self.text, " ".join(self.context.split()))

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
            d["fix"] = self.fix_text()
        if self.probability is not None:
            d["probability"] = round(self.probability, 3)
        return d


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", strip_invisible(text)).split())


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


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
    # wall time of checking this article (JUnit's per-test time); not in to_dict(), so a JSON report
    # stays byte-identical from run to run
    seconds: float = 0.0

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


def __getattr__(name: str) -> Any:
    """The corpus results moved to :mod:`backcheck.corpus_results`; old imports keep working."""
    if name in ("CorpusReport", "Location", "NEW", "UNCHANGED"):
        from . import corpus_results

        return getattr(corpus_results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
