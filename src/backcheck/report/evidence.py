"""Reading a finding's :class:`~backcheck.results.Evidence` the same way in every renderer: its
evidence kinds, the disagreeing phrases, the evidence sentences and the check's own details."""

from __future__ import annotations

from typing import Any

from ..results import Finding


def kinds(f: Finding) -> list[str]:
    """The evidence kinds (``["lexicon", "back-translation", ...]``) when the check records them."""
    return list(f.evidence.kinds or ())


def _flat(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " / ".join(str(v) for v in value)
    return "" if value is None else str(value)


def phrases(f: Finding) -> list[tuple[str, str]]:
    """The disagreeing phrases as (label, text) pairs: ``("back-translation", "…"), ("source", "…")``."""
    return [(role.replace("_", "-"), text) for role, text in f.evidence.phrases or () if text]


def sentences(f: Finding) -> tuple[str, str]:
    """(back-translation, source) sentences behind the finding; empty strings when unknown."""
    return f.evidence.back_translation or "", f.evidence.source or ""


def other(f: Finding) -> list[tuple[str, str]]:
    """Check-specific evidence (``term``, ``similarity``, ``note``, …) as (key, text) pairs."""
    ev = f.evidence
    out = [("similarity", _flat(ev.similarity))] if ev.similarity is not None else []
    return out + [(k, _flat(v)) for k, v in ev.details.items() if v not in (None, "")]
