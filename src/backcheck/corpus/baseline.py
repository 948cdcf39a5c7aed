"""Baselines: findings a team has accepted, so a corpus gate fails only on *new* ones.

The file records, per article id, how many times each finding fingerprint (:meth:`Finding.fingerprint`:
check, category, span text and its sentence, not offsets) was accepted, so it survives edits elsewhere
in the article. A fingerprint accepted twice covers two occurrences; a third is new. The ``signature`` of the
run that made it is stored too, so a gate run with different settings (another model, no embedding
model) can say which setting differs instead of just failing with many "new" findings. For readers of the file
(and reviewers of its diff), each entry also shows the check, category, severity and span text.

    {"schema_version": "2.0", "tool": "backcheck", "signature": "bt:given|…|version:0.1.0",
     "articles": {"<id>": [{"fingerprint": "…", "count": 1, "check": "…", "category": "…", "severity": "…",
                            "text": "…"}]}}

A schema 1.0 file (fingerprints without the check) is still read and matched by
:meth:`Finding.fingerprint_v1`; ``--update-baseline`` rewrites it as 2.0.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BackcheckError
from ..results import Report

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport

BASELINE_VERSION = "2.0"
INFO_KEYS = ("check", "category", "severity", "text")


@dataclass
class Baseline:
    """Accepted fingerprints per article id, with their counts (and display info per fingerprint)."""

    articles: dict[str, Counter[str]] = field(default_factory=dict)
    info: dict[str, dict[str, str]] = field(default_factory=dict)
    signature: str | None = None
    version: str = BASELINE_VERSION  # a "1.0" file holds fingerprint_v1 values

    @classmethod
    def from_reports(cls, reports: list[Report], signature: str | None = None) -> Baseline:
        """Accept every finding of ``reports`` (broken articles have none and are not recorded)."""
        base = cls(signature=signature)
        for r in reports:
            if not r.findings:
                continue
            counts = base.articles.setdefault(r.article_id, Counter())
            for f in r.findings:
                fp = f.fingerprint()
                counts[fp] += 1
                base.info[fp] = {"check": f.check, "category": f.category.value, "severity": f.severity.value,
                                 "text": f.text}
        return base

    def states(self, report: Report) -> list[str]:
        """``"unchanged"`` or ``"new"`` for each finding of ``report``: the first *count* occurrences of
        an accepted fingerprint are unchanged, the rest new."""
        left = Counter(self.articles.get(report.article_id, Counter()))
        out = []
        for f in report.findings:
            fp = f.fingerprint_v1() if self.version.startswith("1.") else f.fingerprint()
            if left[fp] > 0:
                left[fp] -= 1
                out.append("unchanged")
            else:
                out.append("new")
        return out

    def signature_differences(self, signature: str) -> list[str]:
        """The settings (signature keys) whose value differs between this baseline and ``signature``,
        as ``key (baseline X, now Y)``; empty when equal or when the baseline has no signature."""
        if not self.signature or not signature:
            return []
        from ..run.signature import Signature

        return Signature.parse(signature).differences(Signature.parse(self.signature))

    def apply(self, corpus: CorpusReport) -> None:
        """Mark every finding of ``corpus`` as new or unchanged against this baseline."""
        corpus.baseline_states = {r.article_id: self.states(r) for r in corpus.reports}

    def _sort_key(self, fp: str) -> tuple[str, str]:
        return self.info.get(fp, {}).get("text", ""), fp

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.version,
            "tool": "backcheck",
            **({"signature": self.signature} if self.signature else {}),
            "articles": {
                art: [
                    {"fingerprint": fp, "count": n, **self.info.get(fp, {})}
                    for fp, n in sorted(counts.items(), key=lambda kv: self._sort_key(kv[0]))
                ]
                for art, counts in sorted(self.articles.items())
            },
        }

    def save(self, path: Path) -> None:
        """Write the baseline as stable, sorted, human-diffable JSON (atomically)."""
        from ..text.outputs import write_text

        write_text(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", "baseline")

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file written by :meth:`save`."""
        from ..text.reading import read_text

        if not path.exists():
            raise BackcheckError(f"baseline not found: {path}",
                                 "create it with --baseline FILE --update-baseline")
        text = read_text(path, what="baseline")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BackcheckError(f"{path}:{exc.lineno}: baseline is not valid JSON ({exc.msg})",
                                 "regenerate it with --update-baseline") from None
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(articles, dict):
            raise BackcheckError(f'{path}: not a backcheck baseline (no "articles" object)',
                                 "regenerate it with --update-baseline")
        signature = data.get("signature")
        version = data.get("schema_version")
        base = cls(signature=signature if isinstance(signature, str) else None,
                   version=version if isinstance(version, str) and version.startswith("1.") else BASELINE_VERSION)
        for art, entries in articles.items():
            if not isinstance(entries, list):
                raise BackcheckError(f"{path}: article {art!r}: expected a list of entries",
                                     "regenerate it with --update-baseline")
            counts = base.articles.setdefault(art, Counter())
            for e in entries:
                fp, n = (e.get("fingerprint"), e.get("count", 1)) if isinstance(e, dict) else (None, 0)
                if not isinstance(fp, str) or not isinstance(n, int) or n < 1:
                    raise BackcheckError(
                        f"{path}: article {art!r}: each entry needs a string fingerprint and a count >= 1",
                        "regenerate it with --update-baseline")
                counts[fp] += n
                base.info[fp] = {k: str(e[k]) for k in INFO_KEYS if k in e}
        return base

