"""The HTML reports in a real browser (headless Chromium via selenium; skipped with the reason when
Chromium or its driver is absent, installed by ``.ci/run`` in CI). Reports are built by hand so the tests
do not depend on any check."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from backcheck.corpus.baseline import Baseline
from backcheck.report import render
from backcheck.results import Category, Evidence, Finding, Report, Severity
from browser import chromium, console_errors, in_viewport

pytestmark = pytest.mark.slow  # headless Chromium

FILLER = "Frase di riempimento che allunga molto il paragrafo. " * 60
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def _finding(text: str, span: str, cat: Category, sev: Severity, **kw: Any) -> Finding:
    start = text.index(span)
    return Finding(start, start + len(span), span, cat, sev, f"message about {span}", "test",
                   context=span, **kw)


def long_report(article_id: str = "long") -> Report:
    """Three paragraphs, each starting with a flagged span and then ~3000 characters of filler, so a
    finding's card sits far below its span."""
    text = "\n\n".join([f"Primo errore qui. {FILLER}", f"Secondo errore qui. {FILLER}",
                        f"Terzo errore qui. {FILLER}"])
    findings = [
        _finding(text, "Primo errore", Category.MISTRANSLATION, Severity.MAJOR, suggestion="primo giusto",
                 evidence=Evidence(phrases=(("back_translation", "first"), ("source", "one")),
                                   kinds=("lexicon", "back-translation"),
                                   details={"lookalike_renderings": ["sopportare, tollerare, reggere, "
                                                                     "mantenere, confermare, sostenere"] * 3})),
        _finding(text, "Secondo errore", Category.NUMBER, Severity.MINOR),
        _finding(text, "Terzo errore", Category.ENTITY, Severity.CRITICAL),
    ]
    return Report(article_id, f"{article_id}/article.it.txt", text, findings, "bt:given|version:0.1.0",
                  back_translation=[{"start": 0, "end": 16, "it": "Primo errore qui.", "en": "First mistake."}])


def hostile_report() -> Report:
    """Script and event-handler markup in every place article-derived text reaches the page."""
    text = f"Titolo {HOSTILE}\n\nIl ministro {HOSTILE} ha parlato."
    f = _finding(text, HOSTILE, Category.UNTRANSLATED, Severity.MAJOR, suggestion=HOSTILE,
                 evidence=Evidence(back_translation=HOSTILE, source=HOSTILE, phrases=(("source", HOSTILE),),
                                   kinds=(HOSTILE,)))
    return Report(HOSTILE, HOSTILE, text, [f], HOSTILE,
                  back_translation=[{"start": 0, "end": 7, "it": "Titolo", "en": HOSTILE}],
                  alignments=[{"source_index": 0, "source": HOSTILE, "matched": False}])


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with chromium() as d:
        yield d


def _fresh(driver: Any, page: Path) -> None:
    """Open ``page`` with this browser's storage empty. The storage is cleared from a blank page of the
    same (file) origin: a report page that is left saves its ticks as it goes, so clearing from one
    would race with that save and an earlier test's ticks could come back."""
    blank = page.with_name("blank.html")
    blank.write_text("<!doctype html><title>blank</title>", encoding="utf-8")
    driver.get(blank.as_uri())
    driver.execute_script("localStorage.clear()")
    console_errors(driver)  # drop anything from before this page
    driver.get(page.as_uri())


def _open(driver: Any, tmp_path: Path, report: Report) -> Path:
    page = tmp_path / f"{report.article_id if report.article_id.isalnum() else 'page'}.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    _fresh(driver, page)
    return page


def _card(driver: Any, n: int) -> Any:
    return driver.find_element("id", f"f{n}")


def test_page_loads_without_console_errors(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, long_report())
    assert driver.find_element("id", "bc-shown").text == "3 of 3 findings shown"  # the script ran
    assert console_errors(driver) == []


@pytest.mark.parametrize(("toggle", "hidden"), [
    ('button.toggle[data-kind="sev"][data-value="minor"]', {2}),
    ('button.toggle[data-kind="cat"][data-value="entity"]', {3}),
    ("#bc-majors", {2}),
], ids=["severity-minor", "category-entity", "only-majors"])
def test_filter_hides_findings_and_survives_reload(driver: Any, tmp_path: Path, toggle: str,
                                                   hidden: set[int]) -> None:
    _open(driver, tmp_path, long_report())
    driver.find_element("css selector", toggle).click()
    shown = {n for n in (1, 2, 3) if _card(driver, n).is_displayed()}
    assert shown == {1, 2, 3} - hidden
    assert "#off=" in driver.current_url
    driver.refresh()
    assert {n for n in (1, 2, 3) if _card(driver, n).is_displayed()} == {1, 2, 3} - hidden
    assert console_errors(driver) == []


def test_clicking_a_finding_scrolls_its_span_into_view_and_back(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, long_report())
    card = _card(driver, 3)
    mark = driver.find_element("css selector", 'mark[data-findings="f3"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
    assert not in_viewport(driver, mark)  # the page is long enough for this test to mean something
    card.find_element("css selector", "p").click()
    assert in_viewport(driver, mark)
    assert "current" in mark.get_attribute("class") and "current" in card.get_attribute("class")
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    first = driver.find_element("css selector", 'mark[data-findings="f1"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.click()
    assert in_viewport(driver, _card(driver, 1)) and "current" in _card(driver, 1).get_attribute("class")


def test_keyboard_moves_between_findings(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, long_report())
    body = driver.find_element("tag name", "body")
    for key, expected in (("j", 1), ("j", 2), ("j", 3), ("k", 2)):
        body.send_keys(key)
        assert driver.find_element("css selector", "li.finding.current").get_attribute("id") == f"f{expected}"
    assert in_viewport(driver, driver.find_element("css selector", 'mark[data-findings="f2"]'))


def test_hostile_article_runs_nothing(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, hostile_report())
    assert driver.execute_script("return window.pwned === undefined")
    assert driver.find_elements("css selector", "main img") == []
    assert HOSTILE in driver.find_element("css selector", ".seg .it").text  # shown as text
    assert console_errors(driver) == []


def test_accepted_findings_export_a_baseline_corpus_reads(driver: Any, tmp_path: Path) -> None:
    report = long_report("art1")
    _open(driver, tmp_path, report)
    for n in (1, 3):
        _card(driver, n).find_element("css selector", "input.accept-box").click()
    from selenium.webdriver.support.wait import WebDriverWait

    assert driver.find_element("id", "bc-accepted").text == "2 accepted"
    keys = [_card(driver, n).get_attribute("data-key") for n in (1, 3)]
    # the ticks are in the URL by each finding's stable key (a reload or a shared link restores them)
    # and in this browser's storage (a later visit without the link); the storage is read back from the
    # page, since Chromium commits it to disk in batches and a reload's timing against that is not the
    # page's to control
    assert f"acc={'%2C'.join(keys)}" in driver.current_url
    stored = driver.execute_script("return localStorage.getItem('backcheck:' + (document.body.getAttribute("
                                   "'data-key') || document.title))")
    assert json.loads(stored) == {"acc": keys, "rej": []}
    driver.refresh()
    WebDriverWait(driver, 15).until(lambda d: d.find_element("id", "bc-accepted").text == "2 accepted")
    assert [b.is_selected() for b in driver.find_elements("css selector", "li.finding input.accept-box")] == \
        [True, False, True]
    exported = driver.execute_script("return window.backcheckBaseline()")
    path = tmp_path / "baseline.json"
    path.write_text(exported, encoding="utf-8")
    base = Baseline.load(path)
    ordered = sorted(report.findings, key=lambda f: f.start)
    assert base.states(report) == ["unchanged", "new", "unchanged"]
    assert json.loads(exported)["articles"]["art1"][0]["fingerprint"] == ordered[0].fingerprint()


def test_a_tick_stays_on_its_finding_when_the_article_changes(driver: Any, tmp_path: Path) -> None:
    """Issue #18, item 1: tick a finding, edit the article (a new finding appears before it, so every
    number after it moves), regenerate the page at the same path and reload: the tick is on the same
    finding and on no other, and the export accepts only it."""
    from selenium.webdriver.support.wait import WebDriverWait

    report = long_report("art1")
    page = _open(driver, tmp_path, report)
    _card(driver, 2).find_element("css selector", "input.accept-box").click()  # «Secondo errore»
    assert driver.find_element("id", "bc-accepted").text == "1 accepted"
    text = "Nuovo errore. " + report.text
    shift = len("Nuovo errore. ")
    moved = [replace(f, start=f.start + shift, end=f.end + shift) for f in report.findings]
    edited = replace(report, text=text, findings=[_finding(text, "Nuovo errore", Category.NUMBER, Severity.MAJOR),
                                                  *moved])
    page.write_text(render(edited, "html"), encoding="utf-8")
    for url in (driver.current_url, page.as_uri()):  # the link with its hash, and a later visit without it
        driver.get(url)
        # the page restores its ticks from the hash or the browser's storage once its script has run
        WebDriverWait(driver, 15).until(lambda d: d.find_element("id", "bc-accepted").text == "1 accepted")
        ticked = [c.get_attribute("data-text") for c in driver.find_elements("css selector", "li.finding")
                  if c.find_element("css selector", "input.accept-box").is_selected()]
        assert ticked == ["Secondo errore"]
    exported = json.loads(driver.execute_script("return window.backcheckBaseline()"))
    assert [e["text"] for e in exported["articles"]["art1"]] == ["Secondo errore"]
    assert console_errors(driver) == []


def test_copy_button_and_evidence_kinds(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, long_report())
    card = _card(driver, 1)
    assert [k.text for k in card.find_elements("css selector", ".kind")] == ["lexicon", "back-translation"]
    button = card.find_element("css selector", "button.copy")
    assert button.get_attribute("data-copy") == "primo giusto"
    button.click()
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(driver, 15).until(lambda _: button.text == "copied")  # the clipboard API answers async
    assert console_errors(driver) == []


def test_print_hides_the_controls(driver: Any, tmp_path: Path) -> None:
    _open(driver, tmp_path, long_report())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element("css selector", "nav.toolbar").is_displayed()
        assert not _card(driver, 1).find_element("css selector", "input.accept-box").is_displayed()
        assert _card(driver, 1).is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# --- the corpus dashboard ------------------------------------------------------------------------------


def _corpus_page(driver: Any, tmp_path: Path) -> Any:
    from backcheck.corpus import CorpusReport
    from backcheck.report.corpus_html import render_corpus_html

    corpus = CorpusReport("corpus", [long_report("one"), long_report("two"), hostile_report()],
                          scores={"BLEU": {"score": 30.0, "signature": "nrefs:1|version:2.6.0"}},
                          chrf={"one": 55.0, "two": 70.0})
    page = tmp_path / "corpus.html"
    page.write_text(render_corpus_html(corpus, Severity.MAJOR), encoding="utf-8")
    _fresh(driver, page)
    return corpus


def test_corpus_page_sorts_filters_and_exports_a_baseline(driver: Any, tmp_path: Path) -> None:
    corpus = _corpus_page(driver, tmp_path)
    assert console_errors(driver) == []
    assert driver.execute_script("return window.pwned === undefined")
    assert len(driver.find_elements("css selector", "svg")) == 3

    def first_column() -> list[str]:
        return [td.text for td in driver.find_elements("css selector", "table.articles tbody tr td:first-child")]

    header = driver.find_element("css selector", "table.articles th")
    header.click()
    ascending = first_column()
    header.click()
    assert first_column() == list(reversed(ascending)) and sorted(ascending) == ascending

    driver.find_element("css selector", 'button.toggle[data-kind="sev"][data-value="critical"]').click()
    hidden = [c for c in driver.find_elements("css selector", "li.finding") if not c.is_displayed()]
    assert {c.get_attribute("data-severity") for c in hidden} == {"critical"} and len(hidden) == 2

    for section in ("one", "two"):
        box = driver.find_element("css selector", f'section[data-article="{section}"] li.finding input.accept-box')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    path = tmp_path / "baseline.json"
    path.write_text(driver.execute_script("return window.backcheckBaseline()"), encoding="utf-8")
    Baseline.load(path).apply(corpus)
    assert {r.article_id: corpus.states(r) for r in corpus.reports[:2]} == {
        "one": ["unchanged", "new", "new"], "two": ["unchanged", "new", "new"]}


def test_baseline_run_marks_cards_new_or_baselined_and_exports_the_whole_baseline(driver: Any,
                                                                                  tmp_path: Path) -> None:
    """Issue #18, item 2: with --baseline each card says new or in baseline, "New only" shows just the
    new ones, baselined findings start ticked, and an export without touching anything is a complete
    baseline: applied to the same corpus, nothing is new but the one new finding, ticked or not."""
    from backcheck.corpus import CorpusReport
    from backcheck.report.corpus_html import render_corpus_html

    old = long_report("one")
    now = replace(old, findings=[*old.findings, _finding(old.text, "qui. Frase", Category.NUMBER, Severity.MAJOR)])
    corpus = CorpusReport("corpus", [now, long_report("two")])
    Baseline.from_reports([old, long_report("two")]).apply(corpus)
    page = tmp_path / "corpus.html"
    page.write_text(render_corpus_html(corpus, Severity.MAJOR), encoding="utf-8")
    _fresh(driver, page)
    cards = driver.find_elements("css selector", "li.finding")
    states = {c.get_attribute("data-text"): c.find_element("css selector", ".state").text
              for c in cards if c.get_attribute("data-state") == "new"}
    assert states == {"qui. Frase": "new"}
    assert [c.find_element("css selector", "input.accept-box").is_selected() for c in cards] == \
        [c.get_attribute("data-state") == "baselined" for c in cards]
    assert driver.find_element("id", "bc-accepted").text == "6 accepted"
    driver.find_element("id", "bc-new-only").click()
    assert [c.get_attribute("data-text") for c in cards if c.is_displayed()] == ["qui. Frase"]
    assert "state%3Abaselined" in driver.current_url
    path = tmp_path / "baseline.json"
    path.write_text(driver.execute_script("return window.backcheckBaseline()"), encoding="utf-8")
    fresh = CorpusReport("corpus", [now, long_report("two")])
    Baseline.load(path).apply(fresh)
    assert fresh.baseline_states == corpus.baseline_states
    # unticking a baselined finding survives a reload (the hash records it as rejected)
    box = next(c for c in cards if c.get_attribute("data-state") == "baselined").find_element(
        "css selector", "input.accept-box")
    driver.find_element("id", "bc-all").click()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    assert "rej=" in driver.current_url
    driver.refresh()
    assert driver.find_element("id", "bc-accepted").text == "5 accepted"
    assert console_errors(driver) == []


def test_demo_article_end_to_end(driver: Any, tmp_path: Path) -> None:
    """`backcheck check --format html` on the bundled example (given back-translation, no model),
    opened in Chromium: every finding has a card and a span, and nothing logs an error."""
    from typer.testing import CliRunner

    from backcheck.cli import app

    example = Path(__file__).resolve().parents[1] / "examples" / "mt-article"
    page, data = tmp_path / "demo.html", tmp_path / "demo.json"
    common = ["check", str(example / "article.it.txt"), "--source", str(example / "source.en.txt"),
              "--back-translation", str(example / "back.en.txt"), "--engine", "none"]
    for fmt, out in (("html", page), ("json", data)):
        assert CliRunner().invoke(app, [*common, "--format", fmt, "-o", str(out)]).exit_code == 1
    findings = json.loads(data.read_text(encoding="utf-8"))["findings"]
    driver.get(page.as_uri())
    cards = driver.find_elements("css selector", "li.finding")
    assert len(cards) == len(findings) > 0
    for card in cards:
        assert driver.find_elements("css selector", f'mark[data-findings~="{card.get_attribute("id")}"]')
    assert console_errors(driver) == []


@pytest.mark.parametrize("width", [375, 768], ids=["phone", "tablet"])
def test_corpus_page_fits_a_phone(driver: Any, tmp_path: Path, width: int) -> None:
    """Issue #18, item 6: the plots were fixed at ~544 px and the page overflowed sideways on a phone;
    stacked side-by-side cells lost their column labels. At phone and tablet width nothing is wider
    than the viewport and every stacked cell says which column it is."""
    _corpus_page(driver, tmp_path)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    try:
        driver.refresh()
        viewport = driver.execute_script("return document.documentElement.clientWidth")
        assert viewport == width
        assert driver.execute_script("return document.documentElement.scrollWidth") <= viewport
        wide = driver.execute_script(
            "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
            "  var r = e.getBoundingClientRect(); return r.width > 0 && r.right > arguments[0] + 1"
            "    && !e.closest('.table-wrap');"  # the article table scrolls inside its own box
            "}).map(function (e) { return e.tagName + '.' + e.className; })", viewport)
        assert wide == []
        svgs = driver.find_elements("css selector", ".plots svg")
        assert len(svgs) == 3 and all(0 < s.size["width"] <= viewport for s in svgs)
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('.seg:not(.omission) > div')).slice(0, 3).map("
            "  function (d) { return getComputedStyle(d, '::before').content; })")
        assert labels == ['"Italian (article)"', '"Back-translation"', '"Source"']
        assert not driver.find_element("css selector", ".seg-head").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert console_errors(driver) == []
