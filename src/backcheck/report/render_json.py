"""JSON report: the dataclasses' ``to_dict()``, with ``schema_version`` and ``signature``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..results import Report, Severity

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport


def render_json(report: Report) -> str:
    """One article's report as indented UTF-8 JSON (non-ASCII kept as is)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_corpus_json(corpus: CorpusReport, fail_on: Severity | None = None) -> str:
    """Every article's report plus the corpus summary, scores and (with ``fail_on``) the gate result."""
    return json.dumps(corpus.to_dict(fail_on), ensure_ascii=False, indent=2) + "\n"
