"""One :class:`Checker`: load the engine, glossary and shared resources once, then check many articles.

Like COMET's load-then-predict: ``Checker(options)`` does the loading (lazily where it is expensive),
``.check(article)`` returns a :class:`~backcheck.report.findings.Report`, ``.check_many(articles)``
streams reports in input order. ``backcheck check``, ``backcheck corpus`` (in every worker process or
Ray actor) and :func:`backcheck.check_article` all go through it, so the same options give the same
result everywhere.

Which engine is used for which article (one rule for every command):

* no given back-translation: the engine from ``options`` back-translates (``auto``: a local model when
  there is one, else none and the checks that need a back-translation are skipped);
* a given back-translation: it is scored and aligned by a model (forced decoding) only when an engine
  is *named* (``--engine transformers|ctranslate2``) or a translator was handed in; with ``auto`` it
  is used as it is, without loading any model.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import BackcheckError
from ..knowledge.resources import Resources
from .options import ArticleInput, CheckOptions

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from ..judge import Judge
    from ..knowledge.glossary import Glossary
    from ..results import Report
    from ..translate.base import Translator

NAMED_ENGINES = ("transformers", "ctranslate2")
_BUILD = object()  # sentinel: build the translator from the options


class Checker:
    """Checks articles with one set of options; everything expensive is loaded once per Checker.

    ``translator``: leave it out to build the engine from ``options`` (a named engine is built now, so
    a missing package or model is an error here; ``auto`` is resolved on the first article that needs
    it); pass ``None`` for no engine at all, or a loaded engine to use it for every article, given
    back-translations included. ``glossary`` is the loaded term base (default: from ``options``);
    ``resources`` the language resources (default: this process's); ``judge`` decides the findings
    (default: :func:`backcheck.judge.default_judge`).
    Raises :class:`BackcheckError` for bad options, a bad glossary or an unusable named engine.
    """

    def __init__(self, options: CheckOptions | None = None, *, translator: Any = _BUILD,
                 glossary: Glossary | None = None, resources: Resources | None = None, judge: Judge | None = None,
                 raise_internal: bool = False) -> None:
        from ..knowledge.glossary import load_glossary

        self.raise_internal = raise_internal
        self.options = options or CheckOptions()
        self.options.validate()
        self.glossary = glossary if glossary is not None else load_glossary(
            self.options.glossaries, starter=self.options.starter_glossary)
        self.resources = resources if resources is not None else Resources()
        if judge is None:
            from ..judge import default_judge

            judge = default_judge()
        self.judge = judge
        self._lock = threading.Lock()
        self._explicit = translator is not _BUILD
        self._translator: Translator | None = None if translator is _BUILD else translator
        self._built = self._explicit
        if not self._explicit and self.options.engine in NAMED_ENGINES:
            self._build()

    @property
    def translator(self) -> Translator | None:
        """The back-translation engine (built on first use for ``auto``; None when there is none)."""
        if not self._built:
            self._build()
        return self._translator

    def _build(self) -> None:
        from .engine import build_translator
        from .progress import step

        with self._lock:
            if not self._built:
                started = time.perf_counter()
                if self.options.engine != "none":
                    step("loading the back-translation model")
                self._translator = build_translator(self.options)
                self._built = True
                log.info("back-translation engine: %s (%.1f s)", "none" if self._translator is None
                         else dict(self._translator.signature()).get("engine", "?"), time.perf_counter() - started)

    def engine_for(self, inp: ArticleInput) -> Translator | None:
        """The engine used for ``inp``: the back-translator, or the aligner of a given back-translation
        (only with a named engine or an explicit translator; see the module docstring)."""
        if inp.back_translation is None:
            return self.translator
        if self._explicit or self.options.engine in NAMED_ENGINES:
            return self.translator
        return None

    def check(self, inp: ArticleInput) -> Report:
        """Check one article. Raises :class:`BackcheckError` for an unusable article."""
        from .article import check_article_input

        started = time.perf_counter()
        report = check_article_input(inp, self.options, translator=self.engine_for(inp), glossary=self.glossary,
                                     resources=self.resources, judge=self.judge)
        report.seconds = time.perf_counter() - started
        log.info("%s: %d findings in %.2f s%s", inp.path or inp.id, len(report.findings), report.seconds,
                 f"; skipped {', '.join(s.check for s in report.skipped)}" if report.skipped else "")
        return report

    def check_or_error(self, inp: ArticleInput) -> Report:
        """:meth:`check`, but an unusable article becomes a report with ``error`` set (see
        :func:`guarded`)."""
        return guarded(self.check, inp, raise_internal=self.raise_internal)

    def check_many(self, inputs: Iterable[ArticleInput]) -> Iterator[Report]:
        """Check articles one after another, yielding reports in input order; an unusable article
        yields a report with ``error`` set instead of stopping the stream."""
        for inp in inputs:
            yield self.check_or_error(inp)


# An unexpected exception's error row starts with this (``corpus`` then exits 3, not 1).
INTERNAL_ERROR = "internal error: "


def guarded(check: Callable[[ArticleInput], Report], inp: ArticleInput, *, raise_internal: bool = False) -> Report:
    """``check(inp)``, with an unusable article (:class:`BackcheckError`) as a report with ``error`` set,
    and an unexpected exception (a bug) too, its error starting with :data:`INTERNAL_ERROR` (the
    corpus then exits 3), unless ``raise_internal``."""
    started = time.perf_counter()
    try:
        report = check(inp)
        report.seconds = report.seconds or time.perf_counter() - started  # JUnit's per-article time
        return report
    except BackcheckError as exc:
        return error_report(inp.id, inp.path, exc)
    except Exception as exc:
        if raise_internal:
            raise
        log.debug("internal error on article %s", inp.id, exc_info=True)
        return error_report(inp.id, inp.path, BackcheckError(
            f"{INTERNAL_ERROR}{type(exc).__name__}: {exc}",
            "a bug in backcheck: rerun with --debug for the traceback and report it"))


def error_report(article_id: str, path: str | None, exc: BackcheckError | str) -> Report:
    """The report of an article that could not be checked (a corpus error row)."""
    from ..results import Report

    return Report(article_id=article_id, article_path=path, text="", findings=[], signature="", error=str(exc))


def check_article(inp: ArticleInput, options: CheckOptions | None = None, *, translator: Translator | None = None,
                  glossary: Glossary | None = None) -> Report:
    """Check one article and return its :class:`~backcheck.results.Report` (kept for compatibility):
    ``Checker(options, translator=translator, glossary=glossary).check(inp)``, where ``translator`` is a
    loaded engine or ``None`` for none (a :class:`Checker` loads everything once when checking many)."""
    return Checker(options, translator=translator, glossary=glossary).check(inp)


__all__ = ["INTERNAL_ERROR", "Checker", "Resources", "check_article", "error_report", "guarded"]
