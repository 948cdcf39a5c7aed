"""backcheck: flag likely mistranslations in machine-translated Italian news.

Public API: :class:`Checker` (load once, check many), its inputs and options (:class:`ArticleInput`,
:func:`load_article_input`, :class:`CheckOptions`, :class:`Resources`), :func:`check_corpus`,
:class:`Finding`, :class:`Report`, and :func:`check_article` (a thin wrapper kept for compatibility).
Importing the package has no side effects and loads no model.

    from backcheck import Checker, CheckOptions, load_article_input

    checker = Checker(CheckOptions(engine="ctranslate2"))   # loads once
    for report in checker.check_many(articles):              # in input order
        print(report.article_id, len(report.findings))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .corpus import check_corpus
    from .errors import BackcheckError
    from .knowledge.resources import Resources
    from .results import Finding, Report
    from .run.checker import Checker, check_article
    from .run.options import ArticleInput, CheckOptions, load_article_input

__all__ = [
    "ArticleInput", "BackcheckError", "CheckOptions", "Checker", "Finding", "Report", "Resources",
    "check_article", "check_corpus", "load_article_input", "__version__",
]

_WHERE = {
    "Finding": "results", "Report": "results",
    "Checker": "run.checker", "Resources": "knowledge.resources",
    "ArticleInput": "run.options", "CheckOptions": "run.options", "check_article": "run.checker",
    "load_article_input": "run.options",
    "check_corpus": "corpus",
    "BackcheckError": "errors",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(name)
