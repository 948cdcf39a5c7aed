"""Reading a finding's :class:`~backcheck.results.Evidence` the same way in every renderer: its
evidence kinds, the disagreeing phrases, the evidence sentences and the check's own details, written
for people: a dict of spellings is ``Millie ×1, Mille ×1``, a list is comma-separated, a flag that is
off is left out (on, it is "yes"), a paragraph is the ¶ number the report shows. The JSON report keeps
the raw values."""

from __future__ import annotations

from typing import Any

from ..offsets import paragraph_spans
from ..results import Finding, Report

# details a reviewer reads under another name; the rest lose their underscores
LABELS = {
    "canonical_from": "canonical form from",
    "detected_language": "language",
    "english_only_words": "English-only words",
    "italian_meanings": "Italian meanings",
    "lookalike_renderings": "renderings of the look-alike",
    "mean_logprob": "mean log-probability",
    "logprob": "log-probability",
}
# details that are settings, not evidence: the resource version is in the signature
HIDDEN = {"lexicon", "fix"}  # the fix has its own line (Finding.fix_text)


def kinds(f: Finding) -> list[str]:
    """The evidence kinds (``["lexicon", "back-translation", ...]``) when the check records them."""
    return list(f.evidence.kinds or ())


def human(value: Any) -> str:
    """``value`` as a reviewer reads it ("" when there is nothing to say): counts as ``a ×2, b ×1``,
    sequences comma-separated, ``True`` as "yes", ``False`` and ``None`` as nothing, numbers rounded."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, dict):
        return ", ".join(f"{k} ×{v}" if isinstance(v, int) and not isinstance(v, bool) else f"{k}: {human(v)}"
                         for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(human(v) for v in value if human(v))
    return str(value)


def phrases(f: Finding) -> list[tuple[str, str]]:
    """The disagreeing phrases as (label, text) pairs: ``("back-translation", "…"), ("source", "…")``."""
    return [(role.replace("_", "-"), text) for role, text in f.evidence.phrases or () if text]


def sentences(f: Finding) -> tuple[str, str]:
    """(back-translation, source) sentences behind the finding; empty strings when unknown."""
    return f.evidence.back_translation or "", f.evidence.source or ""


def paragraph_number(report: Report, offset: int) -> int:
    """The ¶ number the reports show for the paragraph holding ``offset`` (1-based)."""
    return sum(1 for a, _ in paragraph_spans(report.text)[1:] if a <= offset) + 1


def other(f: Finding, report: Report | None = None) -> list[tuple[str, str]]:
    """Check-specific evidence (``variants``, ``similarity``, ``term``, …) as (label, text) pairs
    written for people (see the module docstring); a ``paragraph`` detail becomes the ¶ number the
    report shows for the finding (left out without ``report``)."""
    ev = f.evidence
    out = [("similarity", human(ev.similarity))] if ev.similarity is not None else []
    for key, value in ev.details.items():
        if key in HIDDEN:
            continue
        if key == "paragraph":
            if report is not None:
                out.append(("paragraph", f"¶{paragraph_number(report, f.start)}"))
            continue
        text = human(value)
        if text:
            out.append((LABELS.get(key, key.replace("_", " ")), text))
    return out
