"""The judge: the error model's file matches the code, its probabilities drive severity, claims it was
not trained on keep the rules' severity, and de-duplication happens in one place."""

from __future__ import annotations

import json

import pytest

from backcheck.checks.base import Candidate, Claim
from backcheck.judge import RuleJudge
from backcheck.judge.dedupe import resolve
from backcheck.judge.features import UNTRAINED, feature_vector, model_features
from backcheck.judge.model import MODEL_FILE, ErrorModel, ModelJudge
from backcheck.results import Category, Evidence, Severity


def _candidate(claim: Claim, start: int = 0, end: int = 5, check: str = "divergence", **features: float) -> Candidate:
    return Candidate(start, end, "x" * (end - start), Category.MISTRANSLATION, claim, check, "message",
                     Evidence(kinds=("word-alignment",), features=dict(features)))


def test_model_file_lists_the_codes_features_and_says_where_it_came_from() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == [n for n in model_features() if n not in UNTRAINED]
    for target in ("error", "major"):
        m = data["models"][target]
        assert len(m["mean"]) == len(m["scale"]) == len(m["coef"]) == len(data["features"])
    assert data["training_rows_sha256"] and data["sklearn"] and 0 < data["thresholds"]["minor"] <= 1


def test_a_file_that_is_not_a_model_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a backcheck judge model"):
        ErrorModel.load(bad)


def test_probabilities_are_probabilities_and_graded() -> None:
    model = ErrorModel.load()
    near = _candidate(Claim.PHRASE_DIFFERS, substitution=1.0, source_found=0.95, bt_found=0.95, similarity=0.9,
                      has_similarity=1.0, has_found=1.0, source_supported=1.0)
    far = _candidate(Claim.PHRASE_DIFFERS, substitution=1.0, source_found=0.3, bt_found=0.3, similarity=0.05,
                     has_similarity=1.0, has_found=1.0, source_unsupported=1.0)
    (pn, mn), (pf, mf) = model.probabilities(near), model.probabilities(far)
    assert all(0.0 <= p <= 1.0 for p in (pn, mn, pf, mf))
    # a paraphrase the Italian supports is less likely an error than a far reading it does not
    assert pn < pf


def test_reversal_is_critical_when_reported_and_engine_claims_keep_the_rules() -> None:
    judge = ModelJudge()
    reversed_ = _candidate(Claim.NEGATION_LOST, check="polarity")
    assert judge.severity(reversed_) in (Severity.CRITICAL, None)
    unsure = _candidate(Claim.MODEL_UNSURE, check="confidence")
    assert judge.severity(unsure) == RuleJudge().severity(unsure) == Severity.MINOR
    assert judge.probability(unsure) is None


def test_every_reported_finding_carries_its_probability() -> None:
    judge = ModelJudge()
    found = judge.decide([_candidate(Claim.FURNITURE, check="boilerplate")], specific={"boilerplate"},
                         exclusive=set())
    assert all(f.probability is not None and 0 <= f.probability <= 1 for f in found)


@pytest.mark.parametrize(("candidates", "specific", "exclusive", "kept"), [
    # a specific check's candidate wins over a phrase difference on the same words
    ([("divergence", 0, 10), ("numbers", 2, 6)], {"numbers"}, set(), [("numbers", 2, 6)]),
    # an exclusive check keeps its first of two overlapping candidates
    ([("entities", 0, 6), ("entities", 3, 9)], {"entities"}, {"entities"}, [("entities", 0, 6)]),
    # a non-exclusive check keeps both
    ([("polarity", 0, 6), ("polarity", 3, 9)], {"polarity"}, set(), [("polarity", 0, 6), ("polarity", 3, 9)]),
], ids=["specific-over-divergence", "exclusive-first-wins", "others-keep-both"])
def test_dedupe(candidates: list[tuple[str, int, int]], specific: set[str], exclusive: set[str],
                kept: list[tuple[str, int, int]]) -> None:
    cands = [_candidate(Claim.PHRASE_DIFFERS, a, b, check=c) for c, a, b in candidates]
    assert [(c.check, c.start, c.end) for c in resolve(cands, specific=specific, exclusive=exclusive)] == kept


def test_feature_vector_carries_the_rules_verdict_and_the_claim() -> None:
    vec = feature_vector(_candidate(Claim.NEGATION_LOST, check="polarity"))
    assert vec["claim:negation-lost"] == 1.0 and vec["rule:critical"] == 1.0 and vec["rule:minor"] == 0.0
