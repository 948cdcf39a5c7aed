"""Fuzz suite (Hypothesis): generated articles, snippets and back-translations — random Unicode,
control characters, right-to-left text, emoji, very long tokens, mismatched paragraph counts, empty
paragraphs, punctuation only, numbers in every format — through ``check_article`` and the CLI.

Properties: never an exception other than :class:`BackcheckError` (the CLI: never a traceback, exit
code in {0, 1, 2}); every finding's ``text == article[start:end]`` with offsets inside the article;
the JSON report validates against the schema ``backcheck schema`` prints.

CI runs a few examples (profile ``ci``); ``make fuzz`` runs many more (profile ``fuzz``).
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backcheck.errors import BackcheckError
from backcheck.run.checker import check_article
from backcheck.run.options import ArticleInput, CheckOptions

settings.register_profile("ci", max_examples=10, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "600")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

WORDS_IT = ["il", "governo", "ha", "approvato", "la", "legge", "di", "bilancio", "giovedì", "ministro", "Roma",
            "Lagarde", "Bce", "tassi", "perché", "città", "però", "sig.", "dott.", "U.S.A.", "n.", "ecc."]
WORDS_EN = ["the", "government", "approved", "budget", "law", "on", "Thursday", "minister", "Rome", "rates",
            "said", "ECB", "Lagarde", "bank", "not", "never"]
NUMBERS = ["1.300", "1,3", "3,5%", "3.5%", "€2.000", "$1,000.50", "1e6", "½", "٣٤", "१२", "12:30", "3.30",
           "2024-01-01", "1/2", "-0,5", "+7", "10.000.000", "0,8", "XIV", "1º", "2ª", "100 mila", "1 miliardo",
           "25 dicembre 2024", "nel 1999", "0x1F", "∞", "NaN", "1 000", "1\u202f000"]
ODD = ["\x1b]8;;http://x\x07link\x1b]8;;\x07", "\x1b[2J", "\u202e", "\u200f", "\u200b", "\ufeff", "\x00", "\r",
       "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "مرحبا بالعالم", "שלום עולם", "👩‍👩‍👧‍👦", "🇮🇹", "e\u0301",
       "…", "«", "»", "“", "”", "—", "!!!", "?!", "...", ".", ";", "ß", "İ", "ǅ", "\ud7ff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]


def _token(words: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(words), st.sampled_from(NUMBERS), st.sampled_from(ODD),
        st.text(min_size=1, max_size=12),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=5).map(lambda s: s * 200),  # long token
        st.sampled_from(words).map(str.upper),
    )


def _sentence(words: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(_token(words), min_size=1, max_size=25).map(" ".join).map(lambda s: s + "."),
        st.text(alphabet=".,;:!?…«»\"'()-–— ", min_size=1, max_size=20),  # punctuation only
        st.text(max_size=60),
        st.just(""),
    )


def _text(words: list[str], max_paragraphs: int = 6) -> st.SearchStrategy[str]:
    paragraph = st.lists(_sentence(words), min_size=0, max_size=4).map(" ".join)
    return st.tuples(st.lists(paragraph, min_size=0, max_size=max_paragraphs),
                     st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n\n", "\n \n"])).map(lambda t: t[1].join(t[0]))


articles = _text(WORDS_IT)
back_translations = st.one_of(st.none(), _text(WORDS_EN))  # mismatched paragraph counts come for free
sources = st.lists(_text(WORDS_EN, 3), max_size=2)


@st.composite
def mirrored(draw: st.DrawFn) -> tuple[str, str]:
    """An article and a back-translation with the same number of (non-empty) paragraphs, so the
    back-translation is used, not refused: the path the checks and the alignment take."""
    n = draw(st.integers(min_value=1, max_value=5))
    def one_line(parts: list[str]) -> str:  # no line break inside a paragraph: the counts stay equal
        return " ".join(" ".join(parts).splitlines())

    sentences_it = st.lists(_sentence(WORDS_IT), min_size=1, max_size=4).map(one_line)
    sentences_en = st.lists(_sentence(WORDS_EN), min_size=1, max_size=4).map(one_line)
    it = [draw(sentences_it) + " governo." for _ in range(n)]
    en = [draw(sentences_en) + " government." for _ in range(n)]
    return "\n\n".join(it), "\n\n".join(en)


@cache
def _glossary() -> Any:
    from backcheck.knowledge.glossary import load_glossary

    return load_glossary([], starter=True)


@cache
def _schema() -> dict[str, Any]:
    from backcheck.report.schema import report_schema

    return report_schema()


def _assert_report_ok(text: str, report: Any) -> None:
    import jsonschema

    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), (f.start, f.end, len(text))
        assert f.text == text[f.start:f.end]
    data = json.loads(json.dumps(report.to_dict()))
    jsonschema.validate(data, _schema())
    for seg in data["back_translation"]:
        assert 0 <= seg["start"] <= seg["end"] <= len(text)


@given(article=articles, back=back_translations, srcs=sources)
def test_check_article_never_crashes_and_spans_are_exact(article: str, back: str | None, srcs: list[str]) -> None:
    inp = ArticleInput(id="fuzz", text=article, sources=srcs, back_translation=back)
    try:
        report = check_article(inp, CheckOptions(engine="none", use_cache=False), glossary=_glossary())
    except BackcheckError:
        return  # a clear, one-line input error is a correct outcome (e.g. an empty article)
    _assert_report_ok(article, report)


@given(pair=mirrored(), srcs=sources, own=st.booleans())
def test_mirrored_back_translation_spans_are_exact(pair: tuple[str, str], srcs: list[str], own: bool) -> None:
    article, back = pair
    # ``own``: the back-translation's own text leads the source, so the source is this article's and the
    # checks run (a source of random sentences is mostly refused as another article's)
    inp = ArticleInput(id="fuzz", text=article, sources=[back, *srcs] if own else srcs, back_translation=back)
    try:
        report = check_article(inp, CheckOptions(engine="none", use_cache=False), glossary=_glossary())
    except BackcheckError as exc:
        assert "but the article has" not in str(exc)  # mirrored by construction (no paragraph-count mismatch)
        return
    _assert_report_ok(article, report)


raw_files = st.one_of(
    articles.map(lambda s: s.encode("utf-8", "surrogatepass")),
    articles.map(lambda s: s.encode("utf-16")),
    st.binary(max_size=300),
)


# Either independent files (mostly refused: encoding, mismatched paragraphs) or a mirrored pair that
# goes all the way through the checks and the renderers.
cli_inputs = st.one_of(
    st.tuples(raw_files, st.one_of(st.none(), back_translations.map(lambda s: (s or "").encode()))),
    mirrored().map(lambda p: (p[0].encode("utf-8", "surrogatepass"), p[1].encode("utf-8", "surrogatepass"))),
)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(files=cli_inputs, fmt=st.sampled_from(["json", "text", "markdown"]))
def test_cli_never_shows_a_traceback(files: tuple[bytes, bytes | None], fmt: str) -> None:
    from typer.testing import CliRunner

    from backcheck.cli import app

    article, back = files

    with tempfile.TemporaryDirectory() as tmp:
        a = Path(tmp) / "article.it.txt"
        a.write_bytes(article)
        args = ["check", str(a), "--engine", "none", "--no-cache", "-f", fmt]
        if back is not None:
            (Path(tmp) / "back.en.txt").write_bytes(back)
            args += ["-b", str(Path(tmp) / "back.en.txt")]
        result = CliRunner().invoke(app, args)
    event(f"exit {result.exit_code}")  # --hypothesis-show-statistics shows how many reached the checks
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-2000:])
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception,
                                                                                         SystemExit)
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    elif fmt == "json":
        import jsonschema

        data = json.loads(result.stdout)
        jsonschema.validate(data, _schema())
        text = article.decode("utf-8") if not article.startswith((b"\xff\xfe", b"\xfe\xff")) else None
        if text is not None:
            assert all(f["text"] == text[f["start"]:f["end"]] for f in data["findings"])
    else:
        assert "\x1b" not in result.stdout
