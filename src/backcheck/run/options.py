"""What one check run is given: its options (:class:`CheckOptions`) and its articles (:class:`ArticleInput`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..defaults import CHECK_ENGINES, DEFAULT_ENGINE, DEFAULT_QUANTIZATION
from ..errors import BackcheckError
from ..text.limits import Limits
from ..text.reading import read_text

ENGINES = CHECK_ENGINES
# What an English source file holds: ``auto`` tells a whole original from snippets by its length (at
# least 0.75 of the back-translation's words: :data:`backcheck.align.units.WHOLE_ARTICLE_RATIO`);
# ``whole`` and ``snippets`` say it, for a translation much longer than its source (content added)
# or snippets that cover most of the article.
SOURCE_KINDS = ("auto", "whole", "snippets")


@dataclass
class CheckOptions:
    """Settings of one check run; every field that changes the result goes into the signature."""

    engine: str = DEFAULT_ENGINE  # auto | transformers | ctranslate2 | none
    model: str | None = None      # models.txt name, hub id or local folder; None = models.txt "it-en"
    beam: int | None = None
    quantization: str = DEFAULT_QUANTIZATION
    use_cache: bool = True
    cache_dir: Path | None = None
    glossaries: list[Path] = field(default_factory=list)
    starter_glossary: bool = True
    checks: list[str] | None = None  # None = all registered checks
    limits: Limits = field(default_factory=Limits)  # refuse over-size input (exit 2 / an error row)
    # what the English source is: told from its length (auto), or as the user says (see SOURCE_KINDS)
    source_kind: str = "auto"
    # CPU threads per engine (0 = the engine's default); does not change results, so not in the signature
    threads: int = 0

    def source_kind_for(self, inp: ArticleInput) -> str:
        """What ``inp``'s source is: as its manifest line says, else as the run's ``--source-kind``."""
        return inp.source_kind or self.source_kind

    def validate(self) -> None:
        self.limits.validate()
        if self.engine not in ENGINES:
            raise BackcheckError(f"unknown engine {self.engine!r}", f"use --engine {'|'.join(ENGINES)}")
        if self.source_kind not in SOURCE_KINDS:
            raise BackcheckError(f"unknown source kind {self.source_kind!r}",
                                 f"use --source-kind {'|'.join(SOURCE_KINDS)}")
        if self.beam is not None and self.beam < 1:
            raise BackcheckError(f"--beam must be at least 1, got {self.beam}")
        if self.checks:
            from ..checks import CHECKS

            unknown = [c for c in self.checks if c not in CHECKS]
            if unknown:
                raise BackcheckError(f"unknown check(s): {', '.join(unknown)}",
                                     f"choose from {', '.join(sorted(CHECKS))}")


@dataclass
class ArticleInput:
    """One article to check, as read from disk or a JSONL manifest."""

    id: str
    text: str
    path: str | None = None
    sources: list[str] = field(default_factory=list)
    back_translation: str | None = None
    back_translation_path: str | None = None
    source_kind: str | None = None  # what its source is, where a manifest says (else the run's --source-kind)


def load_article_input(
    article_path: Path,
    source_paths: list[Path] | None = None,
    back_translation_path: Path | None = None,
    article_id: str | None = None,
    max_bytes: int | None = None,
) -> ArticleInput:
    """Read an article, its English sources and an optional given back-translation from disk (``-``:
    standard input, for one of them); a file over ``max_bytes`` is refused unread."""
    paths = [article_path, *(source_paths or []), *([back_translation_path] if back_translation_path else [])]
    if sum(1 for p in paths if str(p) == "-") > 1:
        raise BackcheckError("standard input (-) can be given only once", "pass the other inputs as files")
    text = read_text(article_path, what="article", max_bytes=max_bytes)
    sources = [read_text(p, what="source", max_bytes=max_bytes) for p in (source_paths or [])]
    bt = (read_text(back_translation_path, what="back-translation", max_bytes=max_bytes)
          if back_translation_path else None)
    if str(article_path) == "-":
        default_id = "stdin"
    else:
        default_id = article_path.parent.name if article_path.stem.startswith("article") else article_path.stem
    return ArticleInput(
        id=article_id or default_id,
        text=text,
        path=str(article_path),
        sources=sources,
        back_translation=bt,
        back_translation_path=str(back_translation_path) if back_translation_path else None,
    )
