"""Input limits, so a huge input is refused in a second with a message naming the flag to raise,
instead of running for an hour. Each default is defined once here; the CLI shows them in ``--help``."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BackcheckError
from .document import DEFAULT_MAX_SENTENCE_TOKENS

# ~100 pages of news text; a long news article is 5,000–30,000 characters.
DEFAULT_MAX_ARTICLE_CHARS = 500_000
# English source units (snippet lines, or sentences of a whole English article). Source alignment is
# still quadratic in them (align/units.py): 500 units take a few minutes; a long news article has ~250.
DEFAULT_MAX_SOURCE_UNITS = 500
UTF8_MAX_BYTES_PER_CHAR = 4

LIMITS_HELP = (
    f"Limits (raise them with the flags): --max-article-chars {DEFAULT_MAX_ARTICLE_CHARS:,} characters per "
    f"article, --max-source-units {DEFAULT_MAX_SOURCE_UNITS:,} English source units (lines or sentences) per "
    f"article, --max-sentence-tokens {DEFAULT_MAX_SENTENCE_TOKENS} words per sentence (longer sentences are "
    "split, never truncated). Time grows about linearly with the article's size."
)


def too_big(what: str, size: int, limit: int, unit: str = "bytes",
            flag: str = "--max-article-chars") -> BackcheckError:
    if unit == "bytes":  # a file refused unread: ``limit`` is max_file_bytes
        return BackcheckError(f"{what} is too big: {size:,} bytes, more than {limit // UTF8_MAX_BYTES_PER_CHAR:,} "
                              "characters (the limit) can take", f"raise it with {flag} N")
    return BackcheckError(f"{what} is too big: {size:,} {unit}, the limit is {limit:,}",
                          f"raise it with {flag} N")


@dataclass(frozen=True)
class Limits:
    """Per-article limits; ``None`` disables one."""

    max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS
    max_source_units: int | None = DEFAULT_MAX_SOURCE_UNITS
    max_sentence_tokens: int | None = DEFAULT_MAX_SENTENCE_TOKENS

    def validate(self) -> None:
        for flag, value in (("--max-article-chars", self.max_article_chars),
                            ("--max-source-units", self.max_source_units),
                            ("--max-sentence-tokens", self.max_sentence_tokens)):
            if value is not None and value < 1:
                raise BackcheckError(f"{flag} must be at least 1, got {value}", f"use {flag} 1 or more")

    @property
    def max_file_bytes(self) -> int | None:
        """Bytes above which a file cannot hold ``max_article_chars`` characters (refused unread)."""
        return None if self.max_article_chars is None else self.max_article_chars * UTF8_MAX_BYTES_PER_CHAR

    def check_article(self, where: str, text: str, back_translation: str | None = None) -> None:
        if self.max_article_chars is None:
            return
        for what, t in (("article", text), ("back-translation", back_translation)):
            if t is not None and len(t) > self.max_article_chars:
                raise too_big(f"{where}: {what}", len(t), self.max_article_chars, "characters")

    def check_sources(self, where: str, sources: list[str]) -> None:
        chars = sum(len(s) for s in sources)
        if self.max_article_chars is not None and chars > self.max_article_chars:
            raise too_big(f"{where}: English source", chars, self.max_article_chars, "characters")
        if self.max_source_units is None:
            return
        from .document import source_units

        units = len(source_units(sources))
        if units > self.max_source_units:
            raise too_big(f"{where}: English source", units, self.max_source_units, "units (lines or sentences)",
                          "--max-source-units")
