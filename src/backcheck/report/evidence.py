"""Reading a finding's ``evidence`` dict the same way in every renderer: its evidence kinds, the
disagreeing phrases and the evidence sentences. Every key is optional; checks fill what they know."""

from __future__ import annotations

from typing import Any

from ..results import Finding

# Keys shown on their own (phrases, sentences, kinds); anything else is listed as "other evidence".
_SHOWN = {"back_translation", "source", "phrases", "kinds", "evidence_kinds"}


def kinds(f: Finding) -> list[str]:
    """The evidence kinds (``["lexicon", "back-translation", ...]``) when the check records them."""
    ev = f.evidence or {}
    value = ev.get("kinds", ev.get("evidence_kinds"))
    if value is None:
        value = getattr(f, "evidence_kinds", None)
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def _flat(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " / ".join(str(v) for v in value)
    return "" if value is None else str(value)


def phrases(f: Finding) -> list[tuple[str, str]]:
    """The disagreeing phrases as (label, text) pairs: ``("back-translation", "…"), ("source", "…")``
    for the usual dict, ``("", "a ↔ b")`` for pairs given as lists."""
    value = (f.evidence or {}).get("phrases")
    if not value:
        return []
    if isinstance(value, dict):
        return [(str(k).replace("_", "-"), _flat(v)) for k, v in value.items() if v not in (None, "")]
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, dict):
            out.extend((str(k).replace("_", "-"), _flat(v)) for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            out.append(("", " ↔ ".join(str(x) for x in item)))
        else:
            out.append(("", str(item)))
    return out


def sentences(f: Finding) -> tuple[str, str]:
    """(back-translation, source) sentences behind the finding; empty strings when unknown."""
    ev = f.evidence or {}
    return _flat(ev.get("back_translation")), _flat(ev.get("source"))


def other(f: Finding) -> list[tuple[str, str]]:
    """Check-specific evidence (``term``, ``similarity``, ``note``, …) as (key, text) pairs."""
    return [(k, _flat(v)) for k, v in (f.evidence or {}).items() if k not in _SHOWN and v not in (None, "")]
