"""The rule judge: severity from what a detector proved (its :class:`Claim`) and the evidence.

A reversal the source proves (a lost negation) is critical; a wrong date or amount is critical, a
wrong count, time or measure major; a weekday or month other than the source's is a changed date
(critical), one the source does not give an addition (major; minor when the source dates the event
otherwise, by a relative day or a date, or names it elsewhere); another country or nationality, a
specific the Italian adds (a number, a quarter) and a source name the whole article lacks are major
(minor when the article or source around it explains it: the "soft" feature); a changed relative time
("ieri" for "today") is major, an added one and a parenthetical gloss minor; an evaluative word
stronger or weaker than the source's is minor, major when VADER grades the two two margins apart; a
dropped hedge or condition changes the truth of a claim (major), a dropped deadline leaves a vaguer
truth (minor), a dropped sentence loses every fact it states and an added one states facts the source
does not (major); a phrase difference and a model
hint are minor: alone they are symptoms, not proof.
"""

from __future__ import annotations

from collections.abc import Callable

from ..checks.base import Candidate, Claim
from ..knowledge.furniture import MINOR_REASONS
from ..results import Severity
from .base import Judge

MINOR, MAJOR, CRITICAL = Severity.MINOR, Severity.MAJOR, Severity.CRITICAL
# Modal readings whose misreading reverses a fact or what is allowed (checks/modality.py).
REVERSED_MODALITY = ("ought", "no-obligation", "prohibition", "necessity-as-possibility", "possibility-as-necessity")

# A changed date, year, percentage or amount is critical; a changed count, time or measure is major.
QUANTITY_SEVERITY = {"date": CRITICAL, "year": CRITICAL, "percent": CRITICAL, "amount": CRITICAL,
                     "count": MAJOR, "time": MAJOR, "measure": MAJOR}


def _flag(c: Candidate, name: str) -> bool:
    return bool(c.evidence.features.get(name, 0.0))


def _untranslated(c: Candidate) -> Severity:
    """Unquoted runs are major; a word-by-word find needs two English words or more."""
    d = c.evidence.details
    words = d.get("english_only_words")
    return MAJOR if not d.get("quoted") and (words is None or words >= 2) else MINOR


RULES: dict[Claim, Callable[[Candidate], Severity]] = {
    Claim.NEGATION_LOST: lambda c: CRITICAL,
    Claim.REVERSED: lambda c: CRITICAL,
    Claim.QUALIFIER_DROPPED: lambda c: MAJOR,
    Claim.DEADLINE_DROPPED: lambda c: MINOR,
    Claim.NUMBER_CHANGED: lambda c: QUANTITY_SEVERITY[c.evidence.details["kind"]],
    Claim.UNIT_NOT_CONVERTED: lambda c: MAJOR,
    Claim.LEVEL_CHANGED: lambda c: MAJOR,  # the figure stays, what it measures does not
    Claim.QUANTIFIER_CHANGED: lambda c: MAJOR,  # a claim about some made one about all, or none
    Claim.RANK_CHANGED: lambda c: MAJOR,  # "one of the largest" made "the largest"
    Claim.POINTS_AS_PERCENT: lambda c: MAJOR,
    Claim.HEADLINE_DISAGREES: lambda c: CRITICAL if c.evidence.details["kind"] == "amount" else MAJOR,
    Claim.NAME_VARIANT: lambda c: MAJOR if _flag(c, "confirmed") else MINOR,
    Claim.NAME_INCONSISTENT: lambda c: MAJOR,
    Claim.NAME_CHANGED: lambda c: MAJOR,
    Claim.NAME_ADDED: lambda c: MAJOR,
    # another date is critical; another part of the same day (dayparts) a smaller shift
    Claim.CALENDAR_CHANGED: lambda c: MAJOR if c.evidence.details.get("calendar") == "period" else CRITICAL,
    Claim.CALENDAR_ADDED: lambda c: MINOR if _flag(c, "soft") else MAJOR,
    Claim.NATIONALITY_CHANGED: lambda c: MAJOR,
    Claim.NATIONALITY_ADDED: lambda c: MINOR if _flag(c, "soft") else MAJOR,
    Claim.NAME_MISSING: lambda c: MINOR if _flag(c, "soft") else MAJOR,
    Claim.SPECIFIC_ADDED: lambda c: MINOR if _flag(c, "soft") else MAJOR,
    Claim.GLOSS_ADDED: lambda c: MINOR,
    Claim.RELATIVE_TIME_CHANGED: lambda c: MAJOR,
    Claim.RELATIVE_TIME_ADDED: lambda c: MINOR,
    Claim.TENSE_CHANGED: lambda c: MAJOR,  # an act still to come reported as done, or one done as still open
    Claim.INTENSITY_CHANGED: lambda c: MAJOR if _flag(c, "intensity_strong") else MINOR,
    Claim.PARTICIPANT_LOST: lambda c: MAJOR,
    Claim.REFERENT_CHANGED: lambda c: MAJOR,  # who did what is another's
    Claim.CAUSE_SWAPPED: lambda c: MAJOR,  # who acts (or is acted on) is gone from the sentence
    Claim.CONNECTIVE_CHANGED: lambda c: MAJOR,  # "but it was not used" / «until it had no»: another fact
    # a report or a guess stated as a fact (the writer now vouches for it); a fact hedged is milder
    Claim.STANCE_CHANGED: lambda c: MAJOR if _flag(c, "to_certain") else MINOR,
    Claim.NAME_NOT_STANDARD: lambda c: MINOR,  # the reader still finds the institution meant
    # "should have warned" (and did not) read as «hanno dovuto avvertire» (and did): the fact is reversed,
    # as is what is allowed when "don't have to" reads as «non devono» (must not) or back; a judged
    # likelihood read as an obligation is a shift of meaning, not a reversal
    Claim.MODALITY_CHANGED: lambda c: MAJOR if c.evidence.details.get("reading") in REVERSED_MODALITY else MINOR,
    Claim.FALSE_FRIEND: lambda c: MAJOR if _flag(c, "strong") else MINOR,
    Claim.FALSE_FRIEND_SUSPECTED: lambda c: MINOR,
    Claim.CALQUE: lambda c: MINOR,  # the reader may see through the image; Italian may share the idiom
    Claim.TERM_WRONG: lambda c: MINOR if _flag(c, "sense_unchecked") else MAJOR,
    Claim.UNTRANSLATED: _untranslated,
    Claim.FURNITURE: lambda c: MINOR if c.evidence.details.get("reason") in MINOR_REASONS else MAJOR,
    Claim.PHRASE_DIFFERS: lambda c: MINOR,
    Claim.PHRASE_ADDED: lambda c: MINOR,
    Claim.PHRASE_MISSING: lambda c: MINOR,
    Claim.SENTENCE_MISSING: lambda c: MAJOR,  # every fact the sentence states is lost
    Claim.SENTENCE_ADDED: lambda c: MAJOR,  # facts the reader takes for the source's
    Claim.MODEL_UNLIKELY: lambda c: MINOR,
    Claim.MODEL_UNSURE: lambda c: MINOR,
}


def rule_severity(c: Candidate) -> Severity:
    return RULES[c.claim](c)


class RuleJudge(Judge):
    """Severity by :data:`RULES`, one rule per claim."""

    name = "rules"

    def severity(self, candidate: Candidate) -> Severity:
        return rule_severity(candidate)
