"""Check a whole corpus: discovery, one translator for every article, per-article reports, the gate
(``--fail-on`` with an optional baseline) and corpus-level sacrebleu scores.

A corpus is a folder of article folders (``<corpus>/<id>/article.it.txt`` with optional
``source.en.txt`` and ``back.en.txt``; hidden folders and plain files at the top are ignored) or a JSONL
manifest (one JSON object per line: ``id``, ``it``, optional ``source`` (a string or a list of strings)
and ``back_translation``; blank lines are allowed).

A *broken* article (missing, empty, binary or non-UTF-8 file, over a size limit, a symlink out of the
corpus folder, a text file misnamed for the source or back-translation; a malformed manifest line, a
duplicate id or an empty ``it`` in a manifest) becomes a :class:`Report` with ``error`` set (naming
``file:line`` for a manifest) and the other articles are still checked. A broken *corpus* (no such
path, an unreadable manifest, no articles) raises :class:`BackcheckError`.
"""

from __future__ import annotations

from ..corpus_results import CorpusReport, Location
from .discovery import discover
from .run import check_corpus
from .scores import corpus_scores

__all__ = ["CorpusReport", "Location", "check_corpus", "corpus_scores", "discover"]
