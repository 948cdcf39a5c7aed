"""The judge: turns the checks' candidates into findings, in one place.

Checks *propose* (:class:`~backcheck.checks.base.Candidate`: a span, a category, a claim and typed
evidence); the judge *decides*: which candidates survive de-duplication (:mod:`.dedupe`), how severe
each is, and how its message and fix read. A :class:`Judge` is one interface for every way of
deciding; :class:`RuleJudge` decides with the rules of :mod:`.rules`.
"""

from __future__ import annotations

from .base import Judge
from .dedupe import resolve
from .rules import RuleJudge, rule_severity


def default_judge() -> Judge:
    """The judge a Checker uses unless given one: the trained error model (:mod:`.model`)."""
    from .model import ModelJudge

    return ModelJudge()


__all__ = ["Judge", "RuleJudge", "default_judge", "resolve", "rule_severity"]
