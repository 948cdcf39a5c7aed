"""The signature of a result: every setting that changed it, as named fields (sacrebleu's ``Signature``).

The engine, the glossary, each check's settings, the language resources and the judge contribute
fields; :meth:`Signature.format` writes ``key:value|…`` with the backcheck version last, and
:meth:`Signature.parse` reads it back, so a baseline compares fields, not strings, and names the
ones that differ (:meth:`Signature.differences`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..version import __version__

if TYPE_CHECKING:
    from ..knowledge.glossary import Glossary
    from ..knowledge.resources import Resources
    from ..translate.base import Translation

# The model that scored and aligned a given back-translation (translate/given.py records it).
_ALIGNER_FIELDS = ("aligner", "aligner_revision", "aligner_engine", "aligner_quant")
_ENGINE_FIELDS = ("model", "revision", "engine", "quant", "beam")


@dataclass(frozen=True)
class Signature:
    """Ordered ``(key, value)`` fields; the version is always written last."""

    fields: tuple[tuple[str, str], ...]

    def __getitem__(self, key: str) -> str:
        return dict(self.fields)[key]

    def get(self, key: str) -> str | None:
        return dict(self.fields).get(key)

    def format(self) -> str:
        """``key:value|…|version:X`` (the version last, as sacrebleu writes it)."""
        rest = [(k, v) for k, v in self.fields if k != "version"]
        version = [(k, v) for k, v in self.fields if k == "version"]
        return "|".join(f"{k}:{v}" for k, v in rest + version)

    def __str__(self) -> str:
        return self.format()

    @classmethod
    def parse(cls, text: str) -> Signature:
        """The fields of a formatted signature (a part without ``:`` is kept under its own text)."""
        out = []
        for part in text.split("|") if text else []:
            key, sep, value = part.partition(":")
            out.append((key, value) if sep else (part, ""))
        return cls(tuple(out))

    def differences(self, other: Signature) -> list[str]:
        """The fields whose value differs from ``other``'s (``other`` is the earlier one, e.g. a
        baseline's), as ``key (baseline X, now Y)``; a field only one side has counts as differing,
        ``-`` standing for the missing value."""
        old, new = dict(other.fields), dict(self.fields)
        keys = list(dict.fromkeys([*old, *new]))
        return [f"{k} (baseline {old.get(k, '-')}, now {new.get(k, '-')})"
                for k in keys if old.get(k) != new.get(k)]


def glossary_id(glossary: Glossary | None) -> str:
    """Short hash of the glossary's content, so a changed term base changes the signature."""
    if not glossary or not len(glossary):
        return "none"
    rows = sorted(f"{e.english}\t{'|'.join(e.accepted)}\t{'|'.join(e.wrong)}" for e in glossary)
    return f"{len(rows)}terms-" + hashlib.sha256("\n".join(rows).encode()).hexdigest()[:8]


def make_signature(translation: Translation | None, given: bool, glossary: Glossary | None, checks: list[str],
                   resources: Resources, judge: str | None = None, source_kind: str = "auto") -> Signature:
    """The signature of one article's result: back-translation (given, or the engine's settings), the
    glossary, the checks and their settings, the resources' versions, the judge, sacrebleu, backcheck."""
    from importlib.metadata import version  # sacrebleu's version without importing it (0.15 s)

    from ..checks.base import settings_id

    parts: dict[str, str] = {}
    sig = dict(translation.signature) if translation is not None else {}
    if given:
        parts["bt"] = "given"
        parts.update((k, str(sig[k])) for k in _ALIGNER_FIELDS if sig.get(k))
    else:
        parts["bt"] = sig.get("engine", "?") if sig else "none"
        parts.update((k, str(sig[k])) for k in _ENGINE_FIELDS if k in sig)
    if source_kind != "auto":  # told from the source's length otherwise (signatures of before stay valid)
        parts["source"] = source_kind
    parts["glossary"] = glossary_id(glossary)
    parts["checks"] = "+".join(checks)
    parts["settings"] = settings_id(checks)
    parts.update(resources.versions())
    if judge:
        parts["judge"] = judge
    parts["sacrebleu"] = version("sacrebleu")
    parts["version"] = __version__
    return Signature(tuple(parts.items()))
