"""What every judge does: candidates in, findings out (de-duplicated, with severity, message, fix)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from ..checks.base import Candidate
from ..results import Finding, Severity
from .dedupe import resolve


class Judge(ABC):
    """Decides which candidates become findings and how severe each is.

    :meth:`decide` is the whole contract: it de-duplicates (:func:`~backcheck.judge.dedupe.resolve`),
    then asks :meth:`severity` of each survivor. ``name`` and :meth:`signature` name the judge in the
    report signature, so a changed judge changes the signature.
    """

    name: str = "judge"

    @abstractmethod
    def severity(self, candidate: Candidate) -> Severity | None:
        """How severe the error ``candidate`` proposes is (``None``: not an error worth reporting)."""

    def probability(self, candidate: Candidate) -> float | None:
        """The judge's probability that ``candidate`` is an error (``None`` when it has no model)."""
        return None

    def signature(self) -> str | None:
        """The judge's signature field (``None``: the rules, which the backcheck version names)."""
        return None

    def decide(self, candidates: Iterable[Candidate], *, specific: set[str], exclusive: set[str]) -> list[Finding]:
        """Findings for the candidates of one article, in article order (start, end, check)."""
        out = []
        for c in resolve(list(candidates), specific=specific, exclusive=exclusive):
            severity = self.severity(c)
            if severity is not None:
                out.append(self.finding(c, severity))
        return out

    def finding(self, c: Candidate, severity: Severity) -> Finding:
        probability = self.probability(c)
        if c.complete is not None:
            c = c.complete(c)
        return Finding(start=c.start, end=c.end, text=c.text, category=c.category, severity=severity,
                       message=c.message, check=c.check, evidence=c.evidence, suggestion=c.suggestion,
                       context=c.context, probability=probability)
