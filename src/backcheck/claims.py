"""What a detector establishes about the words it flags (:class:`Claim`): the kind of discrepancy, one
member per kind, each with a line for people. The judge's rules and its error model read it
(:mod:`backcheck.judge`); adding a detector of a new kind is adding one member here."""

from __future__ import annotations

from .results import TextEnum


class Claim(TextEnum):
    """What a detector establishes about the words it flags: the kind of discrepancy, not how bad it
    is (the judge decides that, see :mod:`backcheck.judge`). Each member carries a line for people."""

    NEGATION_LOST = ("negation-lost", "the source negates the statement, the Italian asserts it")
    REVERSED = ("reversed", "the Italian says the opposite or the converse of a source word")
    QUALIFIER_DROPPED = ("qualifier-dropped", "a hedge or condition of the source is missing")
    DEADLINE_DROPPED = ("deadline-dropped", "a deadline of the source is missing")
    LEVEL_CHANGED = ("level-changed", "a level reached read as a change by that much ('rose to 8%' as «aumentata "
                                      "dell'8%»), or a change as a level")
    QUANTIFIER_CHANGED = ("quantifier-changed", "how much of a set a statement covers changed ('most' as «tutti», "
                                                "'not all' as «nessuno»)")
    RANK_CHANGED = ("rank-changed", "a superlative the source restricts ('one of the largest', 'the second "
                                    "largest') stated as the top")
    NUMBER_CHANGED = ("number-changed", "a number, date, time or amount differs from the source")
    UNIT_NOT_CONVERTED = ("unit-not-converted", "the source's number kept with another unit")
    POINTS_AS_PERCENT = ("points-as-percent", "percentage points rendered as a relative percentage")
    HEADLINE_DISAGREES = ("headline-disagrees", "a number differs from the headline's")
    NAME_VARIANT = ("name-variant", "a name written two ways in the article")
    NAME_INCONSISTENT = ("name-inconsistent", "one person's name spelled several ways")
    NAME_CHANGED = ("name-changed", "a name the source spells otherwise")
    NAME_ADDED = ("name-added", "a name in a list of names the source gives without it")
    CALENDAR_CHANGED = ("calendar-changed", "a weekday or month differs from the source's")
    CALENDAR_ADDED = ("calendar-added", "a weekday or month the source does not give")
    NATIONALITY_CHANGED = ("nationality-changed", "a country or nationality differs from the source's")
    NATIONALITY_ADDED = ("nationality-added", "a country or nationality the source does not name")
    NAME_MISSING = ("name-missing", "a name the source uses is missing from the Italian")
    SPECIFIC_ADDED = ("specific-added", "a number, ordinal or quarter the source does not give")
    GLOSS_ADDED = ("gloss-added", "a parenthetical gloss the source does not have")
    RELATIVE_TIME_CHANGED = ("relative-time-changed", "a relative time (yesterday, next week) differs from the source")
    RELATIVE_TIME_ADDED = ("relative-time-added", "a relative time the source does not give")
    TENSE_CHANGED = ("tense-changed", "an event the source puts in the future told as past, or a past one as future")
    INTENSITY_CHANGED = ("intensity-changed", "an evaluative word stronger or weaker than the source's")
    CAUSE_SWAPPED = ("cause-swapped", "cause and effect the other way round from the source")
    CONNECTIVE_CHANGED = ("connective-changed", "two clauses linked by another relation than the source's "
                                                "(a contrast read as a time limit)")
    STANCE_CHANGED = ("stance-changed", "a likelihood stated as a certainty, or a certainty as a likelihood "
                                        "(\"apparently\" read as \"obviously\")")
    PARTICIPANT_LOST = ("participant-lost", "a source noun naming a participant read as its adverb")
    REFERENT_CHANGED = ("referent-changed", "two persons the source names dropped from a sentence that "
                                            "names others, who now stand in their place")
    NAME_NOT_STANDARD = ("name-not-standard", "a multi-word name not in its standard Italian form")
    MODALITY_CHANGED = ("modality-changed", "a modal read otherwise: 'must / should have done' as a real past "
                                            "obligation, 'don't have to' as 'must not', or back")
    FALSE_FRIEND = ("false-friend", "an Italian look-alike of the source word that means something else")
    FALSE_FRIEND_SUSPECTED = ("false-friend-suspected", "an Italian look-alike of a common English word")
    CALQUE = ("calque", "an English idiom put into Italian word for word, which reads literally")
    TERM_WRONG = ("term-wrong", "a known wrong rendering of a glossary term")
    UNTRANSLATED = ("untranslated", "text left in English or another language")
    FURNITURE = ("furniture", "scraped page furniture")
    PHRASE_DIFFERS = ("phrase-differs", "the back-translation and the source disagree on a phrase")
    PHRASE_ADDED = ("phrase-added", "the back-translation says something the source does not")
    PHRASE_MISSING = ("phrase-missing", "the source says something the back-translation does not")
    SENTENCE_MISSING = ("sentence-missing", "a sentence of the source that the Italian does not have")
    SENTENCE_ADDED = ("sentence-added", "a sentence of the Italian that the source does not have")
    MODEL_UNLIKELY = ("model-unlikely", "the model finds the source words unlikely given the Italian")
    MODEL_UNSURE = ("model-unsure", "the model was unsure of its back-translation")
