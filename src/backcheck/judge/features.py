"""The feature vector the error model reads for one candidate: the check's graded features (its
``Evidence.features``), which claim it makes, which kinds of evidence back it, and the few facts other
checks record in their details. One function for training and for inference, so they cannot drift."""

from __future__ import annotations

from ..checks.base import Candidate, Claim
from .rules import rule_severity

RULE_LEVELS = ("minor", "major", "critical")

# Evidence kinds the checks record (report/evidence.py shows them); one 0/1 feature each.
EVIDENCE_KINDS = ("lexicon", "back-translation", "back-translation-affirms", "source", "source-name",
                  "name-list", "name-variant", "lingua", "word-frequency", "unit", "time", "percentage-points",
                  "source-number", "article-internal", "italian", "false-friend", "sense", "embedding",
                  "model-contrast")
# Details other checks record, read as numbers (booleans as 0/1; absent as 0).
DETAILS = ("quoted", "english_only_words", "confidence")
# The kinds of quantity the numbers check records.
QUANTITIES = ("date", "year", "percent", "amount", "count", "time", "measure")


# The divergence check's features the model reads. Left out on purpose: the unit-level ones (they
# describe the sentence and its back-translation's style, not the difference; training/REPORT.md's
# probe), the back-translation side's lexicon support and the part of speech (the synthetic errors
# are planted where the lexicon knows the words, so on real errors these features point the other way).
DIVERGENCE = ("substitution", "deletion", "insertion", "n_source", "n_bt", "edge", "anchors", "similarity",
              "has_similarity", "source_supported", "source_unsupported", "source_unknown",
              "source_supported_region", "source_unsupported_region", "zipf_source", "zipf_bt", "source_name",
              "bt_name", "source_number", "bt_number", "light_bt", "same_stem", "rel_synonym", "rel_antonym",
              "rel_hypernym", "rel_sibling", "rel_unrelated", "rel_unknown", "source_found", "bt_found",
              "has_found")
# Graded features other checks record.
CHECK_FEATURES = ("strong", "confirmed")
# The intensity check's: the difference of the two words' VADER magnitudes, whether it is at least two
# margins, whether the back-translation's word is the stronger, whether one side is neutral, whether the
# Italian supports the back-translation's word.
INTENSITY = ("intensity_shift", "intensity_strong", "intensity_stronger", "intensity_neutral",
             "intensity_bt_supported")


# Evidence only a model engine produces: the training documents have none (given back-translations),
# so the model cannot weigh it and leaves it out; the rules judge those claims.
ENGINE_ONLY = ("claim:model-unlikely", "claim:model-unsure", "kind:model-contrast")
# Claims of a detector too rare in the training documents to weigh (a calque: two in the gold sets; a
# tense swapped, a level read as a change, a quantifier changed, a superlative unrestricted: none); the
# rules judge them.
RULES_ONLY = ("claim:calque", "claim:level-changed", "claim:quantifier-changed", "claim:rank-changed",
              "claim:tense-changed")
UNTRAINED = ENGINE_ONLY + RULES_ONLY


def model_features() -> list[str]:
    """Every feature name the model may read, in the model file's order."""
    names = [f"claim:{claim.value}" for claim in Claim] + [f"kind:{k}" for k in EVIDENCE_KINDS]
    names += [f"detail:{k}" for k in DETAILS] + [f"quantity:{q}" for q in QUANTITIES]
    names += [f"rule:{level}" for level in RULE_LEVELS]
    names += ["span_words", "span_capitalised", *DIVERGENCE, *CHECK_FEATURES, *INTENSITY]
    return sorted(names)


def feature_vector(c: Candidate) -> dict[str, float]:
    """Every feature of ``c`` by name (absent ones are simply not there: the model reads them as 0)."""
    ev = c.evidence
    out = {f"claim:{claim.value}": float(c.claim is claim) for claim in Claim}
    kinds = set(ev.kinds or ())
    out.update({f"kind:{k}": float(k in kinds) for k in EVIDENCE_KINDS})
    for key in DETAILS:
        value = ev.details.get(key)
        if isinstance(value, (bool, int, float)):
            out[f"detail:{key}"] = float(value)
    if ev.details.get("kind"):
        out[f"quantity:{ev.details['kind']}"] = 1.0
    # the rules' verdict as a prior (a check new to the training data still starts from what it proves)
    rule = rule_severity(c).value
    out.update({f"rule:{level}": float(rule == level) for level in RULE_LEVELS})
    out["span_words"] = float(len(c.text.split()))
    out["span_capitalised"] = float(c.text[:1].isupper())
    out.update(ev.features)
    return out


def model_vector(c: Candidate) -> dict[str, float]:
    """:func:`feature_vector` restricted to :func:`model_features`."""
    names = _names()
    return {k: v for k, v in feature_vector(c).items() if k in names}


_NAMES: list[frozenset[str]] = []


def _names() -> frozenset[str]:
    if not _NAMES:
        _NAMES.append(frozenset(model_features()))
    return _NAMES[0]
