"""A deterministic stand-in for the Checker's ``check`` used by the corpus, baseline, SARIF
and JUnit tests, so they test the corpus machinery and not the checks (which have their own tests).

It flags two blatant errors the fixture corpus contains: a "LEGGI ANCHE: …" related-article line
(boilerplate, major) and an English clause left in the Italian (untranslated, major); and anything
containing "ERRORE GRAVE" (mistranslation, critical), for tests that introduce a new error.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from backcheck.results import Category, Evidence, Finding, Report, Severity
from backcheck.text.document import paragraph_spans, segment

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
ARTICLES = CORPUS / "articles"
MANIFEST = CORPUS / "manifest.jsonl"
SIGNATURE = "bt:fake|checks:fake|version:test"

RULES = [
    (re.compile(r"^LEGGI ANCHE:.*$", re.M), Category.BOILERPLATE, Severity.MAJOR, "Page furniture; remove it."),
    (re.compile(r"the government will not raise taxes on families next year"), Category.UNTRANSLATED,
     Severity.MAJOR, "Left in English."),
    (re.compile(r"ERRORE GRAVE"), Category.MISTRANSLATION, Severity.CRITICAL, "Meaning reversed."),
]


class FakeTranslator:
    """Stands for a loaded engine; the fake check asserts the corpus passes the same one everywhere."""

    def translate(self, sentences: list[str]) -> list[Any]:  # pragma: no cover - never called
        raise AssertionError("the fake pipeline does not translate")

    def signature(self) -> dict[str, str]:
        return {"engine": "fake"}


def fake_check_article(inp: Any, options: Any = None, *, translator: Any = None, glossary: Any = None) -> Report:
    article = segment(inp.text, inp.path)
    findings = []
    for pattern, category, severity, message in RULES:
        for m in pattern.finditer(inp.text):
            sent = article.sentence_at(m.start())
            findings.append(Finding(m.start(), m.end(), m.group(0), category, severity, message, "fake",
                                    evidence=Evidence(back_translation="READ ALSO", source=""),
                                    context=sent.text if sent else ""))
    segments = []
    if inp.back_translation:
        paras = paragraph_spans(inp.text)
        bt = [inp.back_translation[a:b] for a, b in paragraph_spans(inp.back_translation)]
        if len(bt) == len(paras):
            segments = [{"start": a, "end": b, "it": inp.text[a:b], "en": en}
                        for (a, b), en in zip(paras, bt, strict=True)]
    return Report(inp.id, inp.path, inp.text, sorted(findings, key=lambda f: f.start), SIGNATURE,
                  back_translation=segments)


class FakeChecker:
    """Stands for :class:`backcheck.run.checker.Checker` (same constructor and ``check_or_error``); module-level,
    so worker processes can build it too. ``calls`` counts builds and checks in this process."""

    calls: Counter[str] = Counter()

    def __init__(self, options: Any = None, raise_internal: bool = False) -> None:
        FakeChecker.calls["build"] += 1
        self.raise_internal = raise_internal
        self.translator = FakeTranslator()

    def check(self, inp: Any) -> Report:
        FakeChecker.calls["check"] += 1
        return fake_check_article(inp, translator=self.translator)

    def check_or_error(self, inp: Any) -> Report:
        from backcheck.run.checker import guarded

        return guarded(self.check, inp, raise_internal=self.raise_internal)


class CrashingChecker(FakeChecker):
    """A FakeChecker with a bug: checking the article ``clean-weather`` raises RuntimeError."""

    def check(self, inp: Any) -> Report:
        if inp.id == "clean-weather":
            raise RuntimeError("injected crash")
        return super().check(inp)


def install_fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Replace the Checker the corpus builds by :class:`FakeChecker`; the counter counts builds and
    checks (in this process: with ``jobs > 1`` they happen in the workers)."""
    from backcheck.run import checker

    FakeChecker.calls = Counter()
    monkeypatch.setattr(checker, "Checker", FakeChecker)
    return FakeChecker.calls


def copy_corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus folder."""
    dest = tmp_path / "corpus"
    shutil.copytree(ARTICLES, dest)
    return dest
