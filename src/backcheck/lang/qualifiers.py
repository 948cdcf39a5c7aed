"""How a qualifier of the source is kept in a text: a deadline by its numbers or month, a possibility by
the conditional mood or an adverb, and the fix that makes a flat Italian future a possibility again.
The detector that reads them is :mod:`backcheck.checks.omission`."""

from __future__ import annotations

import re
from typing import Any

from . import cased_like, en, fold
from .calendar import month_names, weekday_list
from .datafiles import word_set
from .it import verb_lemmas
from .tokens import strip_accents

# The Italian conditional's third persons and first plural (Serianni, Grammatica italiana, XI.86), and
# the English one: a possibility kept another way than by a modal verb.
CONDITIONAL = re.compile(r"(?i)\w{2,}(?:rebbe|rebbero|remmo)\b")
SAYS_WOULD = re.compile(r"\bwould\b")
# An Italian verb told in the past: the imperfect, a past participle, the past historic (Serianni XI).
TOLD_IN_PAST = re.compile(r"(?i)(?:v[aoi]|vano|vamo|vate|[aiu]t[oaie]|rono|[òì])\b")
# English adverbs of possibility whose Italian (MultiWordNet: «forse», «probabilmente») keeps a modal's sense.
POSSIBLY = ("possibly", "perhaps", "maybe", "probably")
_MONTHS = "|".join(m.capitalize() for m in en.MONTHS)  # English month names (CLDR)
_WEEKDAYS = "|".join(d.capitalize() for d in weekday_list("en"))
# An English deadline: "by March 3", "until 2031", "before the end of May", "by Friday" (not "before
# Monday's vote": a time, not a limit).
DEADLINE = re.compile(
    rf"\b(?:by|until|before|no later than)\s+(?:(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{_MONTHS})"
    rf"(?:\s+\d{{4}})?|(?:the end of\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}}|(?:next\s+)?(?:{_WEEKDAYS}))\b(?!'s)")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")


def has_deadline(key: str, text: str, lang: str) -> bool:
    """Whether ``text`` (English or Italian) gives the deadline ``key``: its numbers ("by March 1",
    "until 2031"), or for a deadline without any ("until March", "by Friday"), its month or weekday by
    name in that language (CLDR). A date given with another month is not a dropped deadline but a changed
    date, the numbers check's."""
    digits = _DIGITS.findall(key)
    if digits:
        return all(d in text for d in digits)
    words = {w.lower() for w in _WORD.findall(key)}
    named = {month_names(lang)[k] for k, m in enumerate(en.MONTHS) if m in words}
    named |= {weekday_list(lang)[k] for k, d in enumerate(weekday_list("en")) if d in words}
    return bool(named) and {strip_accents(n) for n in named} <= {strip_accents(w.lower()) for w in _WORD.findall(text)}


def possible_fix(article: str, start: int, end: int) -> str | None:
    """The flagged finite verb («ridurrà», «costeranno») made a possibility: «potrebbe» or «potrebbero»
    and its infinitive; ``None`` for anything else (a compound tense, a reflexive, several words)."""
    word = article[start:end]
    before = article[max(0, start - 4):start].split()
    if " " in word or (before and fold(before[-1]) in ("si", "ci", "vi")):
        return None
    infinitives = [v for v in verb_lemmas(word) if v.endswith(("are", "ere", "ire", "rre")) and v != fold(word)]
    if len(infinitives) != 1:
        return None
    plural = fold(word).endswith(("anno", "ono", "ano"))
    return cased_like(f"{'potrebbero' if plural else 'potrebbe'} {infinitives[0]}", word)


def hearsay(hedge: str) -> bool:
    """A hedge of likelihood or hearsay ("probably", "allegedly": data/stance.tsv), which the Italian
    conditional keeps (Serianni XI.386, the conditional of reported news), unlike a degree ("partly")."""
    return hedge in word_set("stance.tsv", "en", "likely")


# Words that make "if" no condition: "even if" concedes (Italian «anche se», «sebbene»), "as if" compares
# (Huddleston & Pullum ch. 8, concessive conditionals; ch. 11 on "as if").
NOT_CONDITION = frozenset({"even", "as"})


def condition_at(doc: Any, tok: Any) -> tuple[str, int, Any] | None:
    """(marker, its first token, the clause's head) when spaCy token ``tok`` of ``doc`` opens a condition: a
    subordinator ("if", "unless"; not "even if"), "as long as", or "provided" the parser reads as a preposition."""
    conditions = word_set("qualifiers.tsv", "en", "condition")
    if tok.dep_ == "mark" and tok.i >= 2 and doc[tok.i - 2:tok.i + 1].text.lower() == "as long as":
        return "as long as", tok.i - 2, tok.head
    if tok.dep_ == "mark" and tok.lower_ in conditions and not (tok.i and doc[tok.i - 1].lower_ in NOT_CONDITION):
        return tok.lower_, tok.i, tok.head
    if tok.lower_ not in ("provided", "providing") or tok.dep_ != "prep":
        return None
    verb = next((t for t in doc[tok.i + 1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and (verb in tok.subtree or not list(tok.children)):
        return tok.lower_, tok.i, verb  # "provided the harvest is good" (the parser may hang the clause elsewhere)
    return None
