"""Running the checks: options, the :class:`Checker` (engine, glossary, resources and judge loaded once;
the pipeline for each article in :mod:`.article`), the engine and the result's signature."""

from __future__ import annotations

from .checker import INTERNAL_ERROR, Checker, check_article, error_report, guarded
from .engine import build_translator
from .options import ENGINES, ArticleInput, CheckOptions, load_article_input
from .signature import Signature, glossary_id, make_signature

__all__ = [
    "ENGINES", "INTERNAL_ERROR", "ArticleInput", "CheckOptions", "Checker", "Signature", "build_translator",
    "check_article", "error_report", "glossary_id", "guarded", "load_article_input", "make_signature",
]
