"""JUnit XML for CI test reporters: one testcase per article (classname ``backcheck``).

A testcase *fails* when the article has new findings at or above ``fail_on`` (they are listed in the
failure text, one per line); it is an *error* when the article could not be read. Every finding,
baselined or below the threshold, is listed in ``system-out``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..results import Finding, Report, Severity
from .spans import worst

if TYPE_CHECKING:
    from ..corpus_results import CorpusReport

CLASSNAME = "backcheck"


# Characters XML 1.0 cannot carry at all (even escaped): C0 controls except tab/LF/CR, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding_line(corpus: CorpusReport, report: Report, f: Finding, state: str | None = None) -> str:
    loc = corpus.locate(report, f)
    where = f"{loc.file}:{loc.line}" + (f":{loc.col}" if loc.col else "")
    line = f'{where}: {f.severity.value} {f.category.value} "{f.text}": {f.message}'
    if f.suggestion:
        line += f" (fix: {f.fix_text()})"
    return f"{line} [{state}]" if state else line


def render_junit(corpus: CorpusReport, fail_on: Severity) -> str:
    """The corpus result as a JUnit XML document (UTF-8, with declaration)."""
    suites = ET.Element("testsuites", name="backcheck")
    suite = ET.SubElement(suites, "testsuite", name="backcheck")
    props = ET.SubElement(suite, "properties")  # properties come first in the JUnit schema
    ET.SubElement(props, "property", name="fail_on", value=fail_on.value)
    if corpus.signature:
        ET.SubElement(props, "property", name="signature", value=corpus.signature)
    failures = errors = 0
    for r in corpus.reports:
        case = ET.SubElement(suite, "testcase", classname=CLASSNAME, name=_xml_safe(r.article_id),
                             file=_xml_safe(corpus.locate(r).file), time=f"{r.seconds:.3f}")
        if r.error:
            errors += 1
            err = ET.SubElement(case, "error", message=_xml_safe(r.error), type="BackcheckError")
            err.text = _xml_safe(r.error)
            continue
        new = corpus.new_findings(r, at_least=fail_on)
        if new:
            failures += 1
            n = len(new)
            fail = ET.SubElement(
                case, "failure", type=worst(new).value,
                message=f"{n} new finding{'s' if n != 1 else ''} at or above {fail_on.value}",
            )
            fail.text = _xml_safe("\n".join(_finding_line(corpus, r, f) for f in new))
        if r.findings:
            out = ET.SubElement(case, "system-out")
            states = corpus.states(r)
            out.text = _xml_safe("\n".join(
                _finding_line(corpus, r, f, state) for f, state in zip(r.findings, states, strict=True)
            ))
    for el in (suites, suite):
        el.set("tests", str(len(corpus.reports)))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", f"{corpus.seconds:.3f}")
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"]
    )
