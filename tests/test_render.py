"""Renderers: pure Report → str functions. Reports are built by hand here, so these tests do not depend
on any check; the golden strings are the reports' own spans, messages and signature."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from backcheck.errors import BackcheckError
from backcheck.report import RENDERERS, render
from backcheck.report.render_markdown import escape_markdown
from backcheck.report.spans import Piece, numbered, pieces
from backcheck.results import SCHEMA_VERSION, Category, Evidence, Finding, Report, Severity, SkippedCheck

TEXT = (
    "Titolo: <b>Roma</b> & \"Milano\"\n"
    "\n"
    "Il ministro ha detto che the government will not raise taxes, ha spiegato.\n"
    "\n"
    "LEGGI ANCHE: Firenze | Uffizi *record*"
)
SIGNATURE = "bt:given|checks:all|sacrebleu:2.6.0|version:0.1.0"


def _finding(span: str, category: Category, severity: Severity, message: str, **kw: object) -> Finding:
    start = TEXT.index(span)
    return Finding(start, start + len(span), span, category, severity, message, "test", **kw)  # type: ignore[arg-type]


def make_report() -> Report:
    """Three findings: two overlapping in the second paragraph, one with markup-like characters."""
    return Report(
        article_id="demo",
        article_path="corpus/demo/article.it.txt",
        text=TEXT,
        findings=[
            _finding("the government will not raise taxes", Category.UNTRANSLATED, Severity.MAJOR,
                     "Left in English <untranslated>.", suggestion="il governo non alzerà le tasse"),
            _finding("will not raise", Category.MISTRANSLATION, Severity.CRITICAL, "Negation & tense",
                     evidence=Evidence(back_translation="will not raise taxes", source="will raise taxes",
                                       phrases=(("back_translation", "will not raise"), ("source", "will raise")))),
            _finding("LEGGI ANCHE: Firenze | Uffizi *record*", Category.BOILERPLATE, Severity.MINOR,
                     "Page furniture | remove"),
        ],
        signature=SIGNATURE,
        skipped=[SkippedCheck("confidence", "needs a model engine")],
        back_translation=[{"start": 0, "end": 10, "it": "Titolo", "en": "<Title>"}],
    )


# --- spans ---------------------------------------------------------------------------------------------


def _piece_table(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    findings = [Finding(s, e, text[s:e], Category.MISTRANSLATION, Severity.MINOR, "m", "t") for s, e in spans]
    return pieces(text, list(enumerate(findings, start=1)))


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        pytest.param([], [(0, 10, (), ())], id="no-findings"),
        pytest.param([(2, 5)], [(0, 2, (), ()), (2, 5, (1,), (1,)), (5, 10, (), ())], id="one"),
        pytest.param([(2, 6), (4, 8)],
                     [(0, 2, (), ()), (2, 4, (1,), ()), (4, 6, (1, 2), (1,)), (6, 8, (2,), (2,)),
                      (8, 10, (), ())], id="overlap-split"),
        pytest.param([(0, 10), (3, 5)],
                     [(0, 3, (1,), ()), (3, 5, (1, 2), (2,)), (5, 10, (1,), (1,))], id="nested"),
        pytest.param([(4, 4)], [(0, 4, (), (1,)), (4, 10, (), ())], id="zero-width"),
        pytest.param([(8, 15)], [(0, 8, (), ()), (8, 10, (1,), (1,))], id="clipped-past-end"),
    ],
)
def test_pieces(spans: list[tuple[int, int]], expected: list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]
                ) -> None:
    got = [(p.start, p.end, p.numbers, p.ends) for p in _piece_table("0123456789", spans)]
    assert got == expected


def test_numbered_is_reading_order() -> None:
    nums = numbered(make_report())
    assert [n for n, _ in nums] == [1, 2, 3]
    assert [f.text for _, f in nums] == ["the government will not raise taxes", "will not raise",
                                         "LEGGI ANCHE: Firenze | Uffizi *record*"]


# --- every format ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_has_messages_and_signature(fmt: str) -> None:
    from backcheck.report.render_text import render_text

    # the text report has the signature with -v only (issue #18: a 4-line signature on every check)
    out = render_text(make_report(), verbosity=1) if fmt == "text" else render(make_report(), fmt)
    assert SIGNATURE in out
    if fmt != "json":  # JSON has them verbatim below; the others may escape them
        assert "Negation" in out and "Page furniture" in out


def test_unknown_format_is_a_backcheck_error() -> None:
    with pytest.raises(BackcheckError, match="unknown report format 'pdf'"):
        render(make_report(), "pdf")


# --- json ---------------------------------------------------------------------------------------------


def test_json_round_trip() -> None:
    data = json.loads(render(make_report(), "json"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["signature"] == SIGNATURE
    assert [f["text"] for f in data["findings"]] == [f.text for f in make_report().findings]
    assert all(TEXT[f["start"]:f["end"]] == f["text"] for f in data["findings"])
    assert data["findings"][0]["suggestion"] == "il governo non alzerà le tasse"
    assert "alzerà" in render(make_report(), "json")  # ensure_ascii=False


# --- text -------------------------------------------------------------------------------------------------


def test_text_without_colour_has_no_escape_codes() -> None:
    out = render(make_report(), "text", color=False, width=200)
    assert "\x1b[" not in out
    for f in make_report().findings:
        assert f.message in out
    assert "[1]" in out and "[2]" in out and "[3]" in out  # footnote marks in the article
    assert "3 findings: 1 critical, 1 major, 1 minor" in out


def test_text_with_colour_has_escape_codes() -> None:
    assert "\x1b[" in render(make_report(), "text", color=True)


def test_text_does_not_read_article_as_rich_markup() -> None:
    report = make_report()
    report.findings.append(_finding("<b>Roma</b>", Category.ENTITY, Severity.MINOR, "[bold]not bold[/bold]"))
    out = render(report, "text", width=200)
    assert "Titolo: ⟦<b>Roma</b>⟧ & \"Milano\"" in out and "[bold]not bold[/bold]" in out


# --- markdown --------------------------------------------------------------------------------------------


def test_markdown_table_and_marks() -> None:
    out = render(make_report(), "markdown")
    rows = [line for line in out.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == 3
    assert rows[2].startswith("| 3 | minor |  | boilerplate |")  # no probability: decided by rule
    assert all(line.count("|") - line.count("\\|") == 9 for line in rows)  # pipes in cells are escaped
    # Overlapping spans form one bold run with both footnote numbers inside it.
    assert "**the government will not raise\\[2\\] taxes\\[1\\]**, ha spiegato" in out
    assert "**LEGGI ANCHE: Firenze \\| Uffizi \\*record\\*\\[3\\]**" in out
    assert "**3 findings**: 1 critical, 1 major, 1 minor" in out
    assert "&lt;" not in out and "\\<b\\>Roma\\</b\\>" in out


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a*b", "a\\*b"), ("x|y", "x\\|y"), ("[l](u)", "\\[l\\]\\(u\\)"), ("<i>", "\\<i\\>"), ("plain", "plain"),
])
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


# --- html -------------------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Records start/end tags to check nesting, and the text inside <mark> elements."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "mark" in self.stack:
            self.marks[-1] += data


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


def test_html_escapes_everything() -> None:
    out = render(make_report(), "html")
    assert "<b>Roma</b>" not in out and "&lt;b&gt;Roma&lt;/b&gt;" in out
    assert "&lt;untranslated&gt;" in out and "&lt;Title&gt;" in out
    assert "<untranslated>" not in out


def test_html_is_well_formed_with_overlapping_spans() -> None:
    parsed = _parse(render(make_report(), "html"))
    assert parsed.errors == []
    assert parsed.stack == []
    marked = "".join(parsed.marks)
    for f in make_report().findings:
        assert f.text in marked  # split pieces rejoin into every span
    classes = {attrs.get("class") for tag, attrs in parsed.tags if tag == "mark"}
    assert classes == {"sev-major", "sev-critical", "sev-minor"}
    titles = [attrs.get("title") or "" for tag, attrs in parsed.tags if tag == "mark"]
    assert any("[1]" in t and "[2]" in t for t in titles)  # the overlap's tooltip names both findings


def test_html_cards_show_evidence_side_by_side() -> None:
    out = render(make_report(), "html")
    for n in (1, 2, 3):
        assert f'id="f{n}"' in out
    assert "will raise taxes" in out and "Back-translation" in out and "Source" in out
    assert "il governo non alzerà le tasse" in out


def test_html_is_self_contained() -> None:
    parsed = _parse(render(make_report(), "html"))
    assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe")]
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{}]  # one inline script (the page's own), no src
    assert not [a for t, a in parsed.tags if (a.get("src") or a.get("href") or "#").split(":")[0] in
                ("http", "https")]


def test_render_error_report() -> None:
    broken = Report("bad", "bad/article.it.txt", "", [], "", error="bad/article.it.txt: not valid UTF-8")
    for fmt in RENDERERS:
        assert "not valid UTF-8" in render(broken, fmt)


# --- side-by-side rows -------------------------------------------------------------------------------------


def _aligned_report(alignments: list[dict[str, object]]) -> Report:
    report = make_report()
    report.alignments = alignments
    return report


P2 = TEXT.index("Il ministro")
P3 = TEXT.index("LEGGI")


@pytest.mark.parametrize(("alignments", "expected"), [
    ([], [("p", []), ("p", []), ("p", [])]),
    ([{"source_index": 0, "source": "Title", "it_start": 0, "it_end": 5, "matched": True},
      {"source_index": 1, "source": "Dropped sentence.", "matched": False},
      {"source_index": 2, "source": "The minister said", "it_start": P2, "it_end": P2 + 5, "matched": True}],
     [("p", ["Title"]), ("omission", "Dropped sentence."), ("p", ["The minister said"]), ("p", [])]),
    ([{"source_index": 0, "source": "Lead lost.", "matched": False},
      {"source_index": 1, "source": "Read also", "it_start": P3, "it_end": P3 + 3, "matched": True},
      {"source_index": 2, "source": "Tail lost.", "matched": False}],
     [("omission", "Lead lost."), ("p", []), ("p", []), ("p", ["Read also"]), ("omission", "Tail lost.")]),
], ids=["no-source", "omission-between-its-neighbours", "omissions-at-both-ends"])
def test_side_by_side_rows(alignments: list[dict[str, object]], expected: list[tuple[str, object]]) -> None:
    from backcheck.report.sidebyside import rows

    report = _aligned_report(alignments)
    got = [("p", r.sources) if r.is_paragraph else ("omission", r.omission) for r in rows(report, numbered(report))]
    assert got == expected


def test_side_by_side_rows_group_findings_and_back_translation_by_paragraph() -> None:
    from backcheck.report.sidebyside import rows

    report = make_report()
    got = rows(report, numbered(report))
    assert [[n for n, _ in r.findings] for r in got] == [[], [1, 2], [3]]
    assert got[0].back_translation == ["<Title>"]


def test_html_shows_omissions_and_no_source() -> None:
    out = render(_aligned_report([{"source_index": 0, "source": "A <dropped> line.", "matched": False}]), "html")
    assert "A &lt;dropped&gt; line." in out and "possible omission" in out
    assert "no source" in out
    # without a back-translation a sentence is placed only by shared words: left unplaced, not omitted
    bare = _aligned_report([{"source_index": 0, "source": "A <dropped> line.", "matched": False}])
    bare.back_translation = []
    out = render(bare, "html")
    assert "not placed (no back-translation)" in out and "possible omission" not in out
