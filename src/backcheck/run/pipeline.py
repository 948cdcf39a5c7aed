"""check_article: segment → back-translate → align → run checks → Report."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..defaults import CHECK_ENGINES, DEFAULT_ENGINE, DEFAULT_QUANTIZATION
from ..errors import BackcheckError
from ..results import Finding, Report, SkippedCheck
from ..text.document import Article, segment
from ..text.limits import Limits
from ..text.reading import read_text
from ..version import __version__

if TYPE_CHECKING:
    from ..knowledge.glossary import Glossary
    from ..translate.base import Translation, Translator
    from .checker import Resources

log = logging.getLogger(__name__)

ENGINES = CHECK_ENGINES


@dataclass
class CheckOptions:
    """Settings of one check run; every field that changes the result goes into the signature."""

    engine: str = DEFAULT_ENGINE  # auto | transformers | ctranslate2 | none
    model: str | None = None      # models.txt name, hub id or local folder; None = models.txt "it-en"
    beam: int | None = None
    quantization: str = DEFAULT_QUANTIZATION
    use_cache: bool = True
    cache_dir: Path | None = None
    glossaries: list[Path] = field(default_factory=list)
    starter_glossary: bool = True
    checks: list[str] | None = None  # None = all registered checks
    limits: Limits = field(default_factory=Limits)  # refuse over-size input (exit 2 / an error row)
    # CPU threads per engine (0 = the engine's default); does not change results, so not in the signature
    threads: int = 0

    def validate(self) -> None:
        self.limits.validate()
        if self.engine not in ENGINES:
            raise BackcheckError(f"unknown engine {self.engine!r}", f"use --engine {'|'.join(ENGINES)}")
        if self.beam is not None and self.beam < 1:
            raise BackcheckError(f"--beam must be at least 1, got {self.beam}")
        if self.checks:
            from ..checks import CHECKS

            unknown = [c for c in self.checks if c not in CHECKS]
            if unknown:
                raise BackcheckError(f"unknown check(s): {', '.join(unknown)}",
                                     f"choose from {', '.join(sorted(CHECKS))}")


@dataclass
class ArticleInput:
    """One article to check, as read from disk or a JSONL manifest."""

    id: str
    text: str
    path: str | None = None
    sources: list[str] = field(default_factory=list)
    back_translation: str | None = None
    back_translation_path: str | None = None


def load_article_input(
    article_path: Path,
    source_paths: list[Path] | None = None,
    back_translation_path: Path | None = None,
    article_id: str | None = None,
    max_bytes: int | None = None,
) -> ArticleInput:
    """Read an article, its English sources and an optional given back-translation from disk (``-``:
    standard input, for one of them); a file over ``max_bytes`` is refused unread."""
    paths = [article_path, *(source_paths or []), *([back_translation_path] if back_translation_path else [])]
    if sum(1 for p in paths if str(p) == "-") > 1:
        raise BackcheckError("standard input (-) can be given only once", "pass the other inputs as files")
    text = read_text(article_path, what="article", max_bytes=max_bytes)
    sources = [read_text(p, what="source", max_bytes=max_bytes) for p in (source_paths or [])]
    bt = (read_text(back_translation_path, what="back-translation", max_bytes=max_bytes)
          if back_translation_path else None)
    if str(article_path) == "-":
        default_id = "stdin"
    else:
        default_id = article_path.parent.name if article_path.stem.startswith("article") else article_path.stem
    return ArticleInput(
        id=article_id or default_id,
        text=text,
        path=str(article_path),
        sources=sources,
        back_translation=bt,
        back_translation_path=str(back_translation_path) if back_translation_path else None,
    )


def build_translator(options: CheckOptions) -> Translator | None:
    """Load the back-translation engine once. ``auto`` uses a model only when one is available
    locally (never downloads) and returns ``None`` otherwise; a named engine that cannot load raises."""
    options.validate()
    if options.engine == "none":
        return None
    from ..translate import load_translator, model_available

    if options.engine == "auto":
        for engine in ("ctranslate2", "transformers"):
            try:
                if model_available(options.model, engine):
                    return load_translator(engine, options.model, beam=options.beam,
                                           quantization=options.quantization, use_cache=options.use_cache,
                                           cache_dir=options.cache_dir, threads=options.threads)
            except (BackcheckError, ImportError) as exc:
                log.info("engine %s not usable: %s", engine, exc)
        return None
    try:
        return load_translator(options.engine, options.model, beam=options.beam,
                               quantization=options.quantization, use_cache=options.use_cache,
                               cache_dir=options.cache_dir, threads=options.threads)
    except ImportError as exc:
        raise BackcheckError(f"the {options.engine} engine needs a package that is not installed: {exc.name}",
                             "pip install 'backcheck[models]'") from None


def make_signature(options: CheckOptions, translation: Translation | None, given: bool,
                   glossary_id: str, checks: list[str]) -> str:
    """sacrebleu-style ``key:value|…`` signature of every setting that changed the result."""
    import sacrebleu

    from ..checks.base import settings_id
    from ..knowledge import embeddings as semantic
    from ..knowledge import parser as en_parse
    from ..knowledge import support

    parts: dict[str, str] = {}
    sig = dict(translation.signature) if translation is not None else {}
    if given:
        parts["bt"] = "given"
        # the model that scored and aligned the given English (translate/given.py records it)
        for key in ("aligner", "aligner_revision", "aligner_engine", "aligner_quant"):
            if sig.get(key):
                parts[key] = str(sig[key])
    elif sig:
        parts["bt"] = sig.get("engine", "?")
    else:
        parts["bt"] = "none"
    for key in ("model", "revision", "engine", "quant", "beam"):
        if key in sig and not given:
            parts[key] = str(sig[key])
    parts["glossary"] = glossary_id
    parts["checks"] = "+".join(checks)
    parts["settings"] = settings_id(checks)
    parts["embed"] = semantic.signature()
    parts["lexicon"] = support.lexicon_signature()
    parts["parser"] = en_parse.signature()
    parts["sacrebleu"] = sacrebleu.__version__
    parts["version"] = __version__
    return "|".join(f"{k}:{v}" for k, v in parts.items())


def _dedupe(findings: list[Finding], specific_checks: set[str]) -> list[Finding]:
    """Drop divergence findings that a more specific check already reports on the same words."""
    specific = [f for f in findings if f.check in specific_checks]
    out = []
    seen: set[tuple[int, int, str]] = set()
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.check)):
        if f.check not in specific_checks and any(s.start < f.end and f.start < s.end for s in specific):
            continue
        key = (f.start, f.end, f.category.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def check_article(
    inp: ArticleInput,
    options: CheckOptions | None = None,
    *,
    translator: Translator | None = None,
    glossary: Glossary | None = None,
) -> Report:
    """Check one article and return its :class:`Report` (kept for compatibility; a thin wrapper over
    :class:`backcheck.run.checker.Checker`, which loads everything once when checking many articles).

    ``translator`` is a loaded engine (see :func:`build_translator`), used for every article as in
    ``Checker(options, translator=...)``; without one and without a given back-translation, checks
    that need a back-translation are skipped and the report says why.
    """
    from .checker import Checker

    return Checker(options, translator=translator, glossary=glossary).check(inp)


def run_checks(
    inp: ArticleInput,
    options: CheckOptions,
    *,
    translator: Translator | None,
    glossary: Glossary,
    resources: Resources | None = None,
) -> Report:
    """Segment, back-translate (or pair the given back-translation), align and run the checks.

    ``translator`` is the engine to use for this article (the back-translator, or the aligner of a
    given back-translation), already chosen by :meth:`backcheck.run.checker.Checker.engine_for`.
    """
    from ..align import align_sources, align_sources_without_bt
    from ..checks import CHECKS, CheckContext
    from ..checks.base import why_skipped
    from .progress import step

    where = inp.path or inp.id
    step("segmenting")
    options.limits.check_article(where, inp.text, inp.back_translation)
    if inp.sources:
        options.limits.check_sources(where, inp.sources)
    article: Article = segment(inp.text, inp.path, options.limits.max_sentence_tokens)
    if not article.paragraphs:
        raise BackcheckError(f"{inp.path or inp.id}: article has no text", "give a non-empty article")

    translation: Translation | None = None
    given = inp.back_translation is not None
    if given or translator is not None:
        step("pairing the back-translation" if given else "back-translating")
    if given:
        from ..translate import pair_given

        assert inp.back_translation is not None
        translation = pair_given(article, inp.back_translation, aligner=translator,
                                 where=inp.back_translation_path or f"{inp.id} back-translation")
    elif translator is not None:
        from ..translate import translate_article

        translation = translate_article(article, translator)

    sources = [s for s in inp.sources if s.strip()]
    if sources:
        step("aligning the source")
    if translation is not None and sources:
        alignment = align_sources(article, sources, translation)
    elif sources:
        alignment = align_sources_without_bt(article, sources)
    else:
        alignment = None

    ctx = CheckContext(  # runs the boilerplate pre-pass
        article=article,
        sources=sources,
        translation=translation,
        alignment=alignment,
        glossary=glossary,
        model_backed=translation is not None and any(s.alignment for s in translation.segments),
        resources=resources,
        engine=translator,
    )
    names = options.checks or sorted(CHECKS)
    findings: list[Finding] = []
    skipped: list[SkippedCheck] = []
    for n, name in enumerate(names):
        step(f"{name} check", n, len(names))
        check = CHECKS[name]()
        missing = check.missing(ctx)
        if missing:
            skipped.append(SkippedCheck(name, why_skipped(missing)))
            continue
        findings.extend(check.run(ctx))

    gid = _glossary_id(glossary)
    report = Report(
        article_id=inp.id,
        article_path=inp.path,
        text=inp.text,
        findings=_dedupe(findings, {n for n in names if CHECKS[n].specific}),
        signature=make_signature(options, translation, given, gid, names),
        skipped=skipped,
        back_translation=[
            {"start": s.start, "end": s.end, "it": s.it, "en": s.en, "score": s.score}
            for s in (translation.segments if translation else [])
        ],
        alignments=_alignment_dicts(alignment),
    )
    return report


def _glossary_id(glossary) -> str:  # type: ignore[no-untyped-def]
    """Short hash of the glossary's content, so a changed term base changes the signature."""
    if not glossary or not len(glossary):
        return "none"
    rows = sorted(f"{e.english}\t{'|'.join(e.accepted)}\t{'|'.join(e.wrong)}" for e in glossary)
    return f"{len(rows)}terms-" + hashlib.sha256("\n".join(rows).encode()).hexdigest()[:8]


def _alignment_dicts(alignment) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    if alignment is None:
        return []
    out: list[dict[str, object]] = [dict(m.to_dict(), matched=True) for m in alignment.matches]
    for i in alignment.unmatched:
        out.append({"source_index": i, "source": alignment.units[i], "matched": False,
                    "note": "matches nothing in the article: a possible omission"})
    return sorted(out, key=lambda d: int(d["source_index"]))  # type: ignore[call-overload]
