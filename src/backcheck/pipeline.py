"""check_article: segment → back-translate → align → run checks → Report. (Being written.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .defaults import DEFAULT_ENGINE, DEFAULT_QUANTIZATION


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


@dataclass
class ArticleInput:
    """One article to check, as read from disk or a JSONL manifest."""

    id: str
    text: str
    path: str | None = None
    sources: list[str] = field(default_factory=list)
    back_translation: str | None = None
