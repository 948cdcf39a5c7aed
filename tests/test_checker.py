"""The one :class:`Checker`: which engine serves which article, shared resources, ``check_many``, and
issue #8's bug: ``check`` and ``corpus`` must give the same findings and signature for the same article
and options (they once gave 17 and 80 findings with identical signatures)."""

from __future__ import annotations

import json
import pickle
import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck import ArticleInput, Checker, CheckOptions, Resources
from backcheck.cli import app
from backcheck.run.signature import make_signature
from backcheck.translate.base import Translation
from corpus_fakes import FakeTranslator

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mt-article"
runner = CliRunner()


# --- which engine serves which article ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "explicit", "given", "used"),
    [
        pytest.param("auto", False, False, True, id="auto-back-translates"),
        pytest.param("auto", False, True, False, id="auto-never-aligns-a-given-bt"),
        pytest.param("auto", True, True, True, id="explicit-translator-aligns"),
        pytest.param("none", True, False, True, id="explicit-translator-even-with-none"),
    ],
)
def test_engine_for(monkeypatch: pytest.MonkeyPatch, engine: str, explicit: bool, given: bool, used: bool) -> None:
    from backcheck.run import engine as engine_module

    fake = FakeTranslator()
    monkeypatch.setattr(engine_module, "build_translator", lambda options: fake)
    checker = Checker(CheckOptions(engine=engine), translator=fake) if explicit else \
        Checker(CheckOptions(engine=engine))
    inp = ArticleInput(id="a", text="Testo.", back_translation="Text." if given else None)
    assert (checker.engine_for(inp) is fake) is used


def test_named_engine_is_built_up_front_and_auto_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    from backcheck.run import engine

    built: list[str] = []
    monkeypatch.setattr(engine, "build_translator", lambda options: built.append(options.engine))
    Checker(CheckOptions(engine="transformers"))
    assert built == ["transformers"]  # a missing package/model is a usage error before any article
    auto = Checker(CheckOptions(engine="auto"))
    assert built == ["transformers"]
    auto.engine_for(ArticleInput(id="a", text="Testo."))
    auto.engine_for(ArticleInput(id="b", text="Testo."))
    assert built == ["transformers", "auto"]  # once


# --- resources and check_many --------------------------------------------------------------------------------


def test_resources_load_once_across_threads_and_do_not_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    from backcheck.knowledge import resources

    loads: list[int] = []

    def loader() -> object:
        loads.append(1)
        return object()

    monkeypatch.setitem(resources._LOADERS, "lexicon", loader)
    res = Resources()
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(res.lexicon)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len({id(g) for g in got}) == 1
    assert res.loaded() == ["lexicon"]
    assert pickle.loads(pickle.dumps(res)).loaded() == []  # each worker loads its own


def test_a_check_is_skipped_when_its_resource_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that needs the parser is reported as skipped with the reason, never silently empty."""
    from backcheck.knowledge import resources

    monkeypatch.setitem(resources._LOADERS, "parser", lambda: None)
    inp = ArticleInput(id="a", text="Il ministro ha firmato.", sources=["The minister did not sign."],
                       back_translation="The minister signed.")
    report = Checker(CheckOptions(engine="none", checks=["polarity", "omission"]), resources=Resources()).check(inp)
    why = {s.check: s.reason for s in report.skipped}
    assert set(why) == {"polarity", "omission"} and all("parser" in r for r in why.values())


def test_check_many_keeps_order_and_turns_a_bad_article_into_an_error_row() -> None:
    checker = Checker(CheckOptions(engine="none", checks=["boilerplate"]))
    inputs = [
        ArticleInput(id="one", text="Primo articolo.\n"),
        ArticleInput(id="bad", text="Un paragrafo.\n", back_translation="One.\n\nTwo.\n"),  # 2 ≠ 1 paragraphs
        ArticleInput(id="three", text="LEGGI ANCHE: altro\n"),
    ]
    reports = list(checker.check_many(inputs))
    assert [r.article_id for r in reports] == ["one", "bad", "three"]
    assert [r.error is None for r in reports] == [True, False, True]
    assert "paragraphs" in (reports[1].error or "")
    assert pickle.loads(pickle.dumps(reports[2])).findings == reports[2].findings  # crosses processes


@pytest.mark.parametrize(
    ("sig", "expected"),
    [
        pytest.param({"engine": "given", "back_translation": "b"}, "bt:given|glossary", id="no-aligner"),
        pytest.param({"engine": "given", "aligner": "Helsinki-NLP/opus-mt-it-en", "aligner_revision": "abc",
                      "aligner_engine": "ctranslate2", "aligner_quant": "int8"},
                     "bt:given|aligner:Helsinki-NLP/opus-mt-it-en|aligner_revision:abc|aligner_engine:ctranslate2|"
                     "aligner_quant:int8|glossary", id="aligner-recorded"),
    ],
)
def test_signature_of_a_given_back_translation(sig: dict[str, str], expected: str) -> None:
    signature = make_signature(Translation([], sig), True, None, ["numbers"], Resources())
    assert signature.format().startswith(expected)


# --- issue #8: check and corpus agree -------------------------------------------------------------------------


def _check_and_corpus(tmp_path: Path, extra: list[str]) -> tuple[dict, dict]:  # type: ignore[type-arg]
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLE, corpus / "mt-article", ignore=shutil.ignore_patterns("gold.tsv"))
    art = corpus / "mt-article"
    one = runner.invoke(app, ["check", str(art / "article.it.txt"), "-s", str(art / "source.en.txt"),
                              "-b", str(art / "back.en.txt"), "--format", "json", "--fail-on", "critical",
                              *extra])
    assert one.exit_code in (0, 1), one.output
    out = tmp_path / "corpus.json"
    many = runner.invoke(app, ["corpus", str(corpus), "--json", str(out), *extra])
    assert many.exit_code in (0, 1), many.output
    return json.loads(one.stdout), json.loads(out.read_text(encoding="utf-8"))["reports"][0]


@pytest.mark.slow  # the real checks (lingua, the embedding model) and, for two cases, the tiny model
@pytest.mark.parametrize(
    ("engine", "with_model", "aligned"),
    [
        pytest.param("none", False, False, id="no-model"),
        pytest.param("auto", True, False, id="auto-with-model-uses-the-given-bt-as-is"),
        pytest.param("transformers", True, True, id="named-engine-aligns-the-given-bt"),
    ],
)
def test_check_and_corpus_agree(tmp_path: Path, isolated_caches: Path, tiny_marian: Path, engine: str,
                                with_model: bool, aligned: bool) -> None:
    extra = ["--engine", engine, *(["--model", str(tiny_marian)] if with_model else [])]
    one, many = _check_and_corpus(tmp_path, extra)
    assert one["signature"] == many["signature"]
    assert [f["fingerprint"] for f in one["findings"]] == [f["fingerprint"] for f in many["findings"]]
    assert [(f["start"], f["end"], f["severity"]) for f in one["findings"]] == \
        [(f["start"], f["end"], f["severity"]) for f in many["findings"]]
    assert ("|aligner:" in one["signature"]) is aligned
    assert one["signature"].startswith("bt:given|")
