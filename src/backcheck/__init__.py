"""backcheck: flag likely mistranslations in machine-translated Italian news.

Public API: :func:`check_article`, :func:`check_corpus`, :class:`Finding`, :class:`Report`.
Importing the package has no side effects and loads no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .report.findings import Finding, Report

__all__ = ["Finding", "Report", "check_article", "check_corpus", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("Finding", "Report"):
        from .report import findings

        return getattr(findings, name)
    if name == "check_article":
        from .pipeline import check_article

        return check_article
    if name == "check_corpus":
        from .corpus import check_corpus

        return check_corpus
    raise AttributeError(name)
