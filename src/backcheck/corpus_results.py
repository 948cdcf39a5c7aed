"""The results of a corpus run: every article report, the baseline state of each finding, the corpus
scores, and where each finding is for a CI tool. Plain data with ``to_dict()``, like :mod:`.results`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .offsets import line_col
from .results import SCHEMA_VERSION, Finding, Report, Severity, category_counts, severity_counts

NEW, UNCHANGED = "new", "unchanged"  # SARIF baselineState values


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
    ``scores`` holds corpus-level BLEU and chrF of the back-translation against a whole-article source,
    ``chrf`` each such article's chrF (see :mod:`backcheck.corpus.scores`; snippet sources are not scored).
    """

    path: str
    reports: list[Report]
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    chrf: dict[str, float] = field(default_factory=dict)  # article id → chrF, whole-article sources only
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
            if r.article_id in self.chrf:
                d["chrf"] = self.chrf[r.article_id]
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
