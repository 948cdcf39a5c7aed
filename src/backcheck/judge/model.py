"""The trained error model and the judge that uses it.

The model is two logistic regressions over :func:`~backcheck.judge.features.feature_vector` — the
probability that a candidate is an error, and that it is a major one — shipped as plain JSON
(``model.json``: feature names, standardisation, coefficients, thresholds, the hash of its training
rows and the scikit-learn version that fitted it; ``training/train_judge.py`` writes it, ``make
train``). Inference is plain Python: no scikit-learn at run time.

:class:`ModelJudge` reports a candidate when p(error) reaches the ``minor`` threshold, as major when
p(major) reaches the ``major`` one, and as critical when the claim is a reversal a specific detector
proves (a lost negation, an antonym or swapped roles, a changed date, amount or percentage) and the
model reports it at all. A claim the model was not trained on (those only a model engine raises, a
detector newer than the training data) keeps the rules' severity. Thresholds were chosen on held-out
documents (see training/REPORT.md).
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache
from pathlib import Path

from ..checks.base import Candidate, Claim
from ..results import Severity
from .base import Judge
from .features import feature_vector
from .rules import QUANTITY_SEVERITY, rule_severity

MODEL_FILE = Path(__file__).resolve().parent / "model.json"
FORMAT = "backcheck-judge-logistic/1"


class ErrorModel:
    """The two regressions of ``model.json``."""

    def __init__(self, data: dict, digest: str) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a backcheck judge model: format {data.get('format')!r}")
        self.features: list[str] = list(data["features"])
        self.thresholds: dict[str, float] = dict(data["thresholds"])
        # the claims the model was trained on; the others (the engine-only ones, a new detector) are
        # left to the rules
        self.claims: frozenset[str] = frozenset(data.get("claims", ()))
        self.models = data["models"]
        self.digest = digest

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ErrorModel:
        raw = path.read_bytes()
        return cls(json.loads(raw), hashlib.sha256(raw).hexdigest()[:12])

    def _p(self, target: str, vec: dict[str, float]) -> float:
        m = self.models[target]
        z = m["intercept"]
        for name, mean, scale, coef in zip(self.features, m["mean"], m["scale"], m["coef"], strict=True):
            z += coef * (vec.get(name, 0.0) - mean) / (scale or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def probabilities(self, candidate: Candidate) -> tuple[float, float]:
        """(p(error), p(major error)) of ``candidate``."""
        vec = feature_vector(candidate)
        return self._p("error", vec), self._p("major", vec)


@cache
def default_model() -> ErrorModel:
    return ErrorModel.load()


def _critical(c: Candidate) -> bool:
    """A reversal a specific detector proves."""
    if c.claim in (Claim.NEGATION_LOST, Claim.REVERSED):
        return True
    if c.claim in (Claim.NUMBER_CHANGED, Claim.HEADLINE_DISAGREES):
        return QUANTITY_SEVERITY.get(str(c.evidence.details.get("kind")), Severity.MAJOR) is Severity.CRITICAL
    return False


class ModelJudge(Judge):
    """Severity from the error model's calibrated probabilities (see module doc)."""

    name = "model"

    def __init__(self, model: ErrorModel | None = None) -> None:
        self.model = model or default_model()
        self._memo: dict[int, tuple[float, float]] = {}

    def _probs(self, c: Candidate) -> tuple[float, float]:
        key = id(c)
        if key not in self._memo:
            self._memo[key] = self.model.probabilities(c)
        return self._memo[key]

    def probability(self, candidate: Candidate) -> float | None:
        if candidate.claim.value not in self.model.claims:
            return None
        return self._probs(candidate)[0]

    def severity(self, candidate: Candidate) -> Severity | None:
        if candidate.claim.value not in self.model.claims:
            return rule_severity(candidate)
        p_err, p_maj = self._probs(candidate)
        t = self.model.thresholds
        if p_err < t["minor"]:
            return None
        if _critical(candidate):
            return Severity.CRITICAL
        return Severity.MAJOR if p_maj >= t["major"] else Severity.MINOR

    def decide(self, candidates, *, specific, exclusive):  # type: ignore[no-untyped-def]
        try:
            return super().decide(candidates, specific=specific, exclusive=exclusive)
        finally:
            self._memo.clear()

    def signature(self) -> str | None:
        return f"lr-{self.model.digest}"
