"""Check a whole corpus: discovery, one translator for every article, per-article reports, the gate
(``--fail-on`` with an optional baseline) and corpus-level sacrebleu scores.

A corpus is a folder of article folders (``<corpus>/<id>/article.it.txt`` with optional
``source.en.txt`` and ``back.en.txt``; hidden folders and plain files at the top are ignored) or a JSONL
manifest (one JSON object per line: ``id``, ``it``, optional ``source`` (a string or a list of strings)
and ``back_translation``; blank lines are allowed).

A *broken* article (missing, empty, binary or non-UTF-8 file, over a size limit, a symlink out of the
corpus folder; a malformed manifest line, a duplicate id or an empty ``it`` in a manifest) becomes a
:class:`Report` with ``error`` set (naming ``file:line`` for a manifest) and the other articles are still
checked. A broken *corpus* (no such path, an unreadable manifest, no articles) raises
:class:`BackcheckError`.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import paragraph_spans
from .errors import BackcheckError
from .report.findings import SCHEMA_VERSION, Finding, Report, Severity
from .report.spans import category_counts, line_col, severity_counts

if TYPE_CHECKING:
    from .pipeline import ArticleInput, CheckOptions

log = logging.getLogger(__name__)

ARTICLE_FILE = "article.it.txt"
SOURCE_FILE = "source.en.txt"
BACK_TRANSLATION_FILE = "back.en.txt"
NEW, UNCHANGED = "new", "unchanged"  # SARIF baselineState values


@dataclass(frozen=True)
class Location:
    """Where a finding is, for CI tools: 1-based ``line``/``col`` (``col`` is None when only the line
    is known, as for an article inside a JSONL manifest, which points at its manifest line)."""

    file: str
    line: int = 1
    col: int | None = None
    end_line: int | None = None
    end_col: int | None = None


@dataclass
class _Entry:
    """One discovered article: either its input or why it cannot be read."""

    id: str
    path: str | None
    load: Callable[[], ArticleInput]
    manifest_line: int | None = None


@dataclass
class CorpusReport:
    """All article reports of one corpus run, in article-id order (folder) or manifest order.

    ``baseline_states`` (set by :meth:`backcheck.baseline.Baseline.apply`) maps an article id to
    ``"new"``/``"unchanged"`` for each of its findings; without a baseline every finding is new.
    ``scores`` holds corpus-level BLEU/chrF/TER of the back-translation against the source (see
    :func:`corpus_scores`).
    """

    path: str
    reports: list[Report]
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    baseline_states: dict[str, list[str]] | None = None
    manifest_lines: dict[str, int] = field(default_factory=dict)  # article id → line, for a JSONL ``path``
    seconds: float = 0.0
    internal_errors: list[str] = field(default_factory=list)  # ids of articles that hit a bug

    def states(self, report: Report) -> list[str]:
        """``"new"`` or ``"unchanged"`` for each finding of ``report``, in order."""
        if self.baseline_states is None:
            return [NEW] * len(report.findings)
        return self.baseline_states.get(report.article_id, [NEW] * len(report.findings))

    def new_findings(self, report: Report, at_least: Severity = Severity.MINOR) -> list[Finding]:
        """The findings of ``report`` not in the baseline, at or above ``at_least``."""
        return [
            f for f, s in zip(report.findings, self.states(report), strict=True)
            if s == NEW and f.severity.rank >= at_least.rank
        ]

    def failing(self, fail_on: Severity) -> list[Report]:
        """Articles that fail the gate: broken, or with a new finding at or above ``fail_on``."""
        return [r for r in self.reports if r.error or self.new_findings(r, fail_on)]

    def exit_code(self, fail_on: Severity) -> int:
        """0 when every article passes the gate, else 1; 3 when an article hit an internal error (a bug)
        (usage errors, exit 2, never get this far)."""
        if self.internal_errors:
            return 3
        return 1 if self.failing(fail_on) else 0

    @property
    def signature(self) -> str:
        """The signature most articles share (articles with a given back-translation may differ)."""
        sigs = Counter(r.signature for r in self.reports if r.signature)
        return sigs.most_common(1)[0][0] if sigs else ""

    @property
    def summary(self) -> dict[str, Any]:
        findings = [f for r in self.reports for f in r.findings]
        out: dict[str, Any] = {
            "articles": len(self.reports),
            "errors": sum(1 for r in self.reports if r.error),
            "findings": len(findings),
            "by_severity": severity_counts(findings),
            "by_category": category_counts(findings),
        }
        if self.baseline_states is not None:
            new = sum(len(self.new_findings(r)) for r in self.reports)
            out["new"] = new
            out["baselined"] = len(findings) - new
        return out

    def locate(self, report: Report, finding: Finding | None = None) -> Location:
        """The file and region to show a CI tool for ``finding`` (or the whole article)."""
        if report.article_id in self.manifest_lines:
            return Location(self.path, self.manifest_lines[report.article_id])
        file = report.article_path or report.article_id
        if finding is None:
            return Location(file)
        line, col = line_col(report.text, finding.start)
        end_line, end_col = line_col(report.text, finding.end)
        return Location(file, line, col, end_line, end_col)

    def to_dict(self, fail_on: Severity | None = None) -> dict[str, Any]:
        """JSON form: summary, scores, signature(s) and every article report, each finding with its
        ``baseline_state``; with ``fail_on``, the gate result too."""
        reports = []
        for r in self.reports:
            d = r.to_dict()
            for fd, state in zip(d["findings"], self.states(r), strict=True):
                fd["baseline_state"] = state
            reports.append(d)
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "signature": self.signature,
            "signatures": sorted({r.signature for r in self.reports if r.signature}),
            "corpus": {"path": self.path, "seconds": round(self.seconds, 3)},
            "summary": self.summary,
            "scores": self.scores,
            "reports": reports,
        }
        if fail_on is not None:
            out["gate"] = {
                "fail_on": fail_on.value,
                "failing": [r.article_id for r in self.failing(fail_on)],
                "exit_code": self.exit_code(fail_on),
            }
        return out


# ---------------------------------------------------------------------------------------------- discovery


def _refuse(article_id: str, where: str | None, message: str, hint: str) -> _Entry:
    """An entry that cannot be checked: it becomes an error row, and the other articles still run."""

    def load() -> ArticleInput:
        raise BackcheckError(message, hint)

    return _Entry(article_id, where, load)


def _outside(path: Path, root: Path) -> bool:
    """True when ``path`` (following every symlink) is not inside ``root`` (already resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a symlink loop
        return True
    return False


def _folder_entries(root: Path, *, follow_symlinks: bool = False, max_bytes: int | None = None) -> list[_Entry]:
    from . import pipeline

    if (root / ARTICLE_FILE).is_file():
        raise BackcheckError(
            f"{root} is a single article folder, not a corpus",
            f"run `backcheck check {root / ARTICLE_FILE}`, or give its parent folder",
        )
    real_root = root.resolve()
    entries = []
    for d in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        article, source, back = d / ARTICLE_FILE, d / SOURCE_FILE, d / BACK_TRANSLATION_FILE
        if not follow_symlinks:
            escaping = [p for p in (d, article, source, back) if p.exists() and _outside(p, real_root)]
            if escaping:
                link = escaping[0]
                entries.append(_refuse(d.name, str(link), f"{link} is a symlink to {link.resolve()}, outside the "
                                       f"corpus {root}", "refused so outside files never reach a report; pass "
                                       "--follow-symlinks to read it"))
                continue

        def load(article: Path = article, source: Path = source, back: Path = back,
                 article_id: str = d.name) -> ArticleInput:
            if not article.is_file():
                raise BackcheckError(f"{article} not found", f"every article folder needs an {ARTICLE_FILE}")
            return pipeline.load_article_input(
                article, [source] if source.is_file() else [], back if back.is_file() else None,
                article_id=article_id, max_bytes=max_bytes,
            )

        entries.append(_Entry(d.name, str(article), load))
    return entries


def _manifest_article(obj: object, where: str) -> tuple[str, str, list[str], str | None]:
    """Validate one manifest line: (id, it, sources, back_translation)."""
    if not isinstance(obj, dict):
        raise BackcheckError(f"{where}: expected a JSON object, got {type(obj).__name__}",
                             'write {"id": ..., "it": ...} on each line')
    art_id, it = obj.get("id"), obj.get("it")
    if not isinstance(art_id, str) or not art_id.strip():
        raise BackcheckError(f'{where}: "id" is missing or not a non-empty string',
                             "give every article a unique string id")
    if not isinstance(it, str):
        raise BackcheckError(f'{where}: "it" (the Italian article) is missing or not a string',
                             'add "it": "<article text>"')
    source = obj.get("source", [])
    if isinstance(source, str):
        sources = [source] if source.strip() else []
    elif isinstance(source, list) and all(isinstance(s, str) for s in source):
        sources = [s for s in source if s.strip()]
    else:
        raise BackcheckError(f'{where}: "source" must be a string or a list of strings', "fix that line")
    back = obj.get("back_translation")
    if back is not None and not isinstance(back, str):
        raise BackcheckError(f'{where}: "back_translation" must be a string', "fix that line")
    unknown = set(obj) - {"id", "it", "source", "back_translation"}
    if unknown:
        raise BackcheckError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}",
                             "allowed keys: id, it, source, back_translation")
    return art_id, it, sources, back


def _manifest_entries(path: Path, *, max_bytes: int | None = None) -> list[_Entry]:
    """One entry per non-blank line; a malformed line becomes an error row naming ``file:line``."""
    from .pipeline import ArticleInput
    from .textio import read_text

    text = read_text(path, what="corpus manifest", max_bytes=None if max_bytes is None else 1000 * max_bytes)
    entries: list[_Entry] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = f"{exc.msg}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deep"
                raise BackcheckError(f"{where}: not valid JSON ({msg})", "each line must be one JSON object") from None
            art_id, it, sources, back = _manifest_article(obj, where)
            if art_id in seen:
                raise BackcheckError(f"{where}: duplicate id {art_id!r} (first on line {seen[art_id]})",
                                     "ids must be unique")
        except BackcheckError as exc:
            bad_id = f"{path.name}:{lineno}"
            entries.append(_refuse(bad_id, None, exc.message, exc.hint or ""))
            entries[-1].manifest_line = lineno
            seen.setdefault(bad_id, lineno)
            continue
        seen[art_id] = lineno

        def load(art_id: str = art_id, it: str = it, sources: list[str] = sources,
                 back: str | None = back, where: str = where) -> ArticleInput:
            if not it.strip():
                raise BackcheckError(f'{where}: article {art_id!r} has an empty "it"',
                                     "give the Italian text")
            if back is not None and not back.strip():
                raise BackcheckError(f'{where}: article {art_id!r} has an empty "back_translation"',
                                     "drop the key or give the text")
            return ArticleInput(id=art_id, text=it, path=None, sources=sources, back_translation=back)

        entries.append(_Entry(art_id, None, load, manifest_line=lineno))
    return entries


def discover(path: Path, *, follow_symlinks: bool = False, max_bytes: int | None = None) -> list[_Entry]:
    """The articles of a corpus folder (sorted by id) or JSONL manifest (in file order; ``-``: standard
    input).

    In a folder, an article folder or file that is a symlink to somewhere outside the corpus becomes an
    error entry unless ``follow_symlinks``; in a manifest, so does a malformed line. ``max_bytes``
    refuses bigger article files unread.
    """
    if str(path) == "-":
        entries = _manifest_entries(path, max_bytes=max_bytes)  # a JSONL manifest on standard input
    elif not path.exists():
        raise BackcheckError(f"corpus not found: {path}", "give a corpus folder or a .jsonl manifest")
    elif path.is_dir():
        entries = _folder_entries(path, follow_symlinks=follow_symlinks, max_bytes=max_bytes)
    else:
        entries = _manifest_entries(path, max_bytes=max_bytes)
    if not entries:
        what = f"no article folders (<id>/{ARTICLE_FILE})" if path.is_dir() else "no articles"
        raise BackcheckError(f"empty corpus: {path} has {what}", "check the path")
    return entries


# ------------------------------------------------------------------------------------------------ scoring


def _score_pairs(report: Report, sources: list[str]) -> list[tuple[str, str]]:
    """(back-translation, source) segment pairs of one article.

    Line-aligned when the article's paragraphs and the source lines match one to one (the back-
    translation segments are grouped by the Italian paragraph they cover); otherwise one pair of the
    whole back-translation against the whole source.
    """
    segs = sorted(report.back_translation, key=lambda s: s.get("start", 0))
    src_lines = [" ".join(s.split()) for src in sources for s in src.splitlines() if s.strip()]
    bt_text = " ".join(" ".join(str(s.get("en", "")).split()) for s in segs).strip()
    if not bt_text or not src_lines:
        return []
    paras = paragraph_spans(report.text)
    if len(paras) == len(src_lines) > 1:
        grouped = ["" for _ in paras]
        for s in segs:
            start = int(s.get("start", 0))
            idx = next((i for i, (a, b) in enumerate(paras) if a <= start < b), None)
            if idx is None:
                break
            grouped[idx] = f"{grouped[idx]} {' '.join(str(s.get('en', '')).split())}".strip()
        else:
            return list(zip(grouped, src_lines, strict=True))
    return [(bt_text, " ".join(src_lines))]


def corpus_scores(pairs: list[tuple[str, str]], articles: int) -> dict[str, dict[str, Any]]:
    """BLEU, chrF and TER of the back-translation (hypothesis) against the source (reference), with
    each metric's sacrebleu signature. Empty when there is nothing to score."""
    if not pairs:
        return {}
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = [h for h, _ in pairs]
    refs = [[r for _, r in pairs]]
    out = {}
    for name, metric in (("BLEU", BLEU()), ("chrF", CHRF()), ("TER", TER())):
        score = metric.corpus_score(hyps, refs)
        out[name] = {
            "score": round(float(score.score), 2),
            "signature": str(metric.get_signature()),
            "articles": articles,
            "segments": len(pairs),
        }
    return out


# -------------------------------------------------------------------------------------------------- check


def _raising_checker(options: CheckOptions) -> Any:
    """A Checker that lets an unexpected exception through (``--debug``: the traceback)."""
    from .checker import Checker

    return Checker(options, raise_internal=True)


def check_corpus(
    path: Path,
    options: CheckOptions,
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    follow_symlinks: bool = False,
    raise_internal: bool = False,
    backend: str = "local",
    ray_address: str | None = None,
    checker_factory: Callable[[CheckOptions], Any] | None = None,
) -> CorpusReport:
    """Check every article of the corpus at ``path``.

    Articles are read here and checked by :class:`backcheck.checker.Checker` instances built once per
    worker (:mod:`backcheck.parallel`): in this process (``jobs=1``), on ``jobs`` worker processes, or
    on Ray actors (``backend="ray"``, ``ray_address``). Reports keep corpus order either way.
    ``progress`` is called with ``(done, total)`` after each article. ``checker_factory`` replaces
    :class:`Checker` (it must be picklable for ``jobs > 1``). Raises :class:`BackcheckError` for an
    unusable corpus or options; a broken article (unreadable, over a limit, a symlink out of the
    corpus without ``follow_symlinks``, a malformed manifest line) becomes a report with ``error``
    set. An unexpected exception (a bug) in one article does too, and is listed in
    ``internal_errors`` (exit code 3), unless ``raise_internal`` (then it propagates; one process).
    """
    from .checker import INTERNAL_ERROR, error_report
    from .parallel import run_reports

    if jobs < 0 or (jobs == 0 and backend == "local"):
        raise BackcheckError(f"--jobs must be at least 1, got {jobs}", "use --jobs 1 or more")
    started = time.perf_counter()
    options.validate()
    entries = discover(path, follow_symlinks=follow_symlinks, max_bytes=options.limits.max_file_bytes)
    sources: dict[str, list[str]] = {}
    if raise_internal and checker_factory is None and jobs == 1 and backend == "local":
        checker_factory = _raising_checker

    def items() -> Iterator[ArticleInput | Report]:
        for entry in entries:
            try:
                inp = entry.load()
            except BackcheckError as exc:
                yield error_report(entry.id, entry.path, exc)
                continue
            sources[entry.id] = inp.sources
            yield inp

    reports: list[Report] = []
    for report in run_reports(items(), options, jobs=jobs, backend=backend, ray_address=ray_address,
                              factory=checker_factory):
        reports.append(report)
        if progress:
            progress(len(reports), len(entries))
    internal = [r.article_id for r in reports if r.error and r.error.startswith(INTERNAL_ERROR)]
    pairs: list[tuple[str, str]] = []
    scored = 0
    for report in reports:
        if not report.error and (p := _score_pairs(report, sources.get(report.article_id, []))):
            pairs += p
            scored += 1
    return CorpusReport(
        path=str(path),
        reports=reports,
        scores=corpus_scores(pairs, scored),
        manifest_lines={e.id: e.manifest_line for e in entries if e.manifest_line is not None},
        seconds=time.perf_counter() - started,
        internal_errors=[e.id for e in entries if e.id in set(internal)],
    )


__all__ = ["CorpusReport", "Location", "check_corpus", "corpus_scores", "discover"]
