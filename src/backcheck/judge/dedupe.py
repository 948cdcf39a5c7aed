"""De-duplication, the one place where candidates are dropped for overlapping others.

Three rules, in order:

1. an *exclusive* check flags each word once: of its own overlapping candidates the first it proposed
   is kept (its detectors run in order of precedence: e.g. a name garbled against the source before a
   name spelled two ways);
2. a candidate of a non-specific check (a phrase difference, a model hint) that overlaps a specific
   check's candidate is dropped: the specific one says the same thing more precisely;
3. of candidates with the same span and category the first, in (start, end, check) order, is kept.
"""

from __future__ import annotations

from ..checks.base import Candidate


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def resolve(candidates: list[Candidate], *, specific: set[str], exclusive: set[str]) -> list[Candidate]:
    """The candidates that survive, sorted by (start, end, check). ``candidates`` are in each check's
    order of proposal; ``specific`` and ``exclusive`` name the checks with those flags."""
    kept: list[Candidate] = []
    by_check: dict[str, list[Candidate]] = {}
    for c in candidates:
        own = by_check.setdefault(c.check, [])
        if c.check in exclusive and any(_overlap(c, o) for o in own):
            continue
        own.append(c)
        kept.append(c)
    spec = [c for c in kept if c.check in specific]
    out: list[Candidate] = []
    seen: set[tuple[int, int, str]] = set()
    for c in sorted(kept, key=lambda c: (c.start, c.end, c.check)):
        if c.check not in specific and any(_overlap(c, s) for s in spec):
            continue
        key = (c.start, c.end, c.category.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
