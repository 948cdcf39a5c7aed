"""The base class every check shares, and the registry that lists them (like sacrebleu's METRICS).

Adding a check is adding one module under ``backcheck/checks/`` that defines a :class:`Check`
subclass decorated with :func:`register`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..results import Category, Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..align import Alignment
    from ..checker import Resources
    from ..document import Article
    from ..glossary import Glossary
    from ..translate.base import Translation

# What a check may need; a check whose needs are not met is skipped and the report says why.
NEED_BACK_TRANSLATION = "back_translation"
NEED_SOURCE = "source"
NEED_MODEL = "model"


@dataclass
class CheckContext:
    """Everything a check may look at. Only ``article`` is always there."""

    article: Article
    sources: list[str] = field(default_factory=list)
    translation: Translation | None = None
    alignment: Alignment | None = None
    glossary: Glossary | None = None
    model_backed: bool = False
    suggest: Callable[[str], str | None] | None = None
    # shared, lazily loaded resources of the Checker (lexicon, parser, embeddings): load them with
    # ``ctx.resources.get(name, loader)`` so they load once per Checker, not once per article
    resources: Resources | None = None
    # the loaded model engine, when there is one (a check may score text with it: ``engine.force``)
    engine: Any = None

    def available(self) -> set[str]:
        have = set()
        if self.translation is not None:
            have.add(NEED_BACK_TRANSLATION)
        if self.sources:
            have.add(NEED_SOURCE)
        if self.model_backed:
            have.add(NEED_MODEL)
        return have


class Check:
    """One kind of evidence for mistranslation. Subclasses set ``name``, ``needs`` and ``run``."""

    name: ClassVar[str] = ""
    needs: ClassVar[frozenset[str]] = frozenset()
    description: ClassVar[str] = ""

    def run(self, ctx: CheckContext) -> list[Finding]:
        raise NotImplementedError

    def missing(self, ctx: CheckContext) -> set[str]:
        return set(self.needs) - ctx.available()

    def finding(
        self,
        ctx: CheckContext,
        start: int,
        end: int,
        category: Category,
        severity: Severity,
        message: str,
        evidence: dict[str, Any] | None = None,
        suggestion: str | None = None,
    ) -> Finding:
        """Build a finding for ``article.text[start:end]`` with its sentence as context."""
        sent = ctx.article.sentence_at(start)
        return Finding(
            start=start,
            end=end,
            text=ctx.article.text[start:end],
            category=category,
            severity=severity,
            message=message,
            check=self.name,
            evidence=evidence or {},
            suggestion=suggestion,
            context=sent.text if sent else "",
        )


CHECKS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator adding a check to :data:`CHECKS` under its ``name``."""
    if not cls.name:
        raise TypeError(f"{cls.__name__} has no name")
    CHECKS[cls.name] = cls
    return cls
