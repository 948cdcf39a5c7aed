"""The check contract (issue #8): self-describing checks, a registry that refuses clashes, needs that
say why a check is skipped, settings in the signature, the boilerplate pre-pass."""

from __future__ import annotations

import dataclasses
import json

import pytest

from backcheck.checks import CHECKS, CheckContext
from backcheck.checks.base import Check, Need, register, settings_id, why_skipped
from backcheck.knowledge.resources import Resources
from backcheck.results import Finding
from backcheck.run.checker import check_article
from backcheck.run.options import ArticleInput, CheckOptions
from backcheck.run.signature import make_signature
from backcheck.text.document import segment

FURNITURE = ("Il governo ha approvato la legge ieri sera.\n\n"
             "Leggi anche: Le notizie più lette della settimana\n\n"
             "Il voto è previsto per martedì.\n")


def test_every_registered_check_describes_itself() -> None:
    for name, cls in CHECKS.items():
        assert cls.name == name and cls.description
        assert all(isinstance(n, Need) for n in cls.needs)
        assert dataclasses.is_dataclass(cls.config) and cls.config.__dataclass_params__.frozen  # type: ignore[attr-defined]
        for f in dataclasses.fields(cls.config):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(cls.config, f.name, 0)
    assert dataclasses.fields(CHECKS["divergence"].config)  # settings are declared, not hidden in code


def test_register_refuses_a_second_check_of_the_same_name() -> None:
    class Clash(Check):
        name = "numbers"
        description = "another numbers check"

        def run(self, ctx: CheckContext) -> list[Finding]:
            return []

    with pytest.raises(TypeError, match="already registered"):
        register(Clash)
    assert CHECKS["numbers"] is not Clash


def test_a_check_without_run_or_description_is_refused() -> None:
    class NoRun(Check):
        name = "norun"
        description = "x"

    with pytest.raises(TypeError):
        NoRun()  # type: ignore[abstract]

    class NoDescription(Check):
        name = "nodesc"

        def run(self, ctx: CheckContext) -> list[Finding]:
            return []

    with pytest.raises(TypeError, match="no description"):
        register(NoDescription)
    assert "nodesc" not in CHECKS


def test_skipped_checks_say_why_with_the_need_text() -> None:
    report = check_article(ArticleInput(id="a", text=FURNITURE), CheckOptions(engine="none"))
    why = {s.check: s.reason for s in report.skipped}
    assert why["divergence"] == why_skipped({Need.BACK_TRANSLATION, Need.SOURCE})
    assert "--back-translation" in why["divergence"] and "--source" in why["divergence"]
    assert "--engine" in why["confidence"]
    # without a source, whether it is whole cannot be asked: the missing source is the reason
    assert "whole English original" not in why["dropped"] and "--source" in why["dropped"]


def test_a_changed_setting_changes_the_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    cls = CHECKS["divergence"]
    before = make_signature(None, False, None, ["divergence", "numbers"], Resources())
    other = dataclasses.replace(cls.config, neighbourhood=cls.config.neighbourhood + 1)
    monkeypatch.setattr(cls, "config", other)
    after = make_signature(None, False, None, ["divergence", "numbers"], Resources())
    assert before.differences(after) == [f"settings (baseline {after['settings']}, now {before['settings']})"]
    assert settings_id(["numbers"]) == settings_id(["numbers"])


def test_boilerplate_is_found_once_and_every_check_sees_it() -> None:
    ctx = CheckContext(article=segment(FURNITURE))
    assert ctx.boilerplate == {1}
    assert all(s.paragraph != 1 for s in ctx.content_sentences())
    assert len(ctx.content_sentences()) == 2
    # the boilerplate check reports the pre-pass's rows
    found = CHECKS["boilerplate"]().run(ctx)
    assert [(f.start, f.end) for f in found] == [(p.start, p.end) for p in ctx.article.paragraphs if p.index == 1]


def test_every_category_describes_itself_and_sarif_uses_it() -> None:
    from backcheck.report.sarif import render_sarif
    from backcheck.results import Category, CorpusReport

    assert all(c.description.endswith(".") and c.description[0].isupper() for c in Category)
    assert len({c.description for c in Category}) == len(Category)
    report = check_article(ArticleInput(id="a", text=FURNITURE), CheckOptions(engine="none", checks=["boilerplate"]))
    sarif = render_sarif(CorpusReport(path="c", reports=[report]))
    rules = {r["id"]: r["shortDescription"]["text"] for r in json.loads(sarif)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules == {c.value: c.description for c in Category}


def test_a_check_that_prepares_starts_first_runs_last_and_keeps_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from backcheck.checks.base import Claim
    from backcheck.results import Category
    from backcheck.run.article import _propose

    events: list[str] = []

    class Early(Check):
        name = "early"
        description = "Prepares work in the background."
        prepares = True

        def prepare(self, ctx: CheckContext) -> None:
            events.append("early prepares")

        def run(self, ctx: CheckContext) -> list:  # type: ignore[type-arg]
            events.append("early runs")
            return [self.candidate(ctx, 0, 2, Category.MISTRANSLATION, Claim.PHRASE_DIFFERS, "first")]

    class Plain(Check):
        name = "plain"
        description = "Does its work when run."

        def run(self, ctx: CheckContext) -> list:  # type: ignore[type-arg]
            events.append("plain runs")
            return [self.candidate(ctx, 3, 5, Category.MISTRANSLATION, Claim.PHRASE_DIFFERS, "second")]

    monkeypatch.setitem(CHECKS, "early", Early)
    monkeypatch.setitem(CHECKS, "plain", Plain)
    got, skipped = _propose(CheckContext(article=segment(FURNITURE)), ["early", "plain"])
    assert events == ["early prepares", "plain runs", "early runs"]
    assert [c.message for c in got] == ["first", "second"] and skipped == []  # the names' order, as before
