"""One article through the pipeline, step by step: segment → back-translate → align → the checks
propose → the judge decides → :class:`~backcheck.results.Report`. Only :class:`.checker.Checker`
calls it, with what it loaded once (engine, glossary, resources, judge)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BackcheckError
from ..results import Report, SkippedCheck
from ..text.document import Article, segment
from .signature import make_signature

if TYPE_CHECKING:
    from ..align import Alignment
    from ..checks.base import Candidate, CheckContext
    from ..judge import Judge
    from ..knowledge.glossary import Glossary
    from ..knowledge.resources import Resources
    from ..translate.base import Translation, Translator
    from .options import ArticleInput, CheckOptions


def check_article_input(inp: ArticleInput, options: CheckOptions, *, translator: Translator | None,
                        glossary: Glossary, resources: Resources, judge: Judge) -> Report:
    """The report of one article. ``translator`` is the engine for this article (the back-translator,
    or the aligner of a given back-translation), as :meth:`Checker.engine_for` chose it. Invisible
    format characters (a soft hyphen) are read as nothing, the offsets mapped back
    (:mod:`backcheck.text.invisible`)."""
    from ..text.invisible import mapped_report, stripped_input

    clean, index = stripped_input(inp)
    report = _check(clean, options, translator=translator, glossary=glossary, resources=resources, judge=judge)
    return report if index is None else mapped_report(report, inp.text, index)


def _check(inp: ArticleInput, options: CheckOptions, *, translator: Translator | None,
           glossary: Glossary, resources: Resources, judge: Judge) -> Report:
    from ..checks import CHECKS

    resources.begin_article()
    article = _segment(inp, options)
    translation = _back_translation(inp, article, translator)
    sources = [s for s in inp.sources if s.strip()]
    kind = options.source_kind_for(inp)
    alignment = _align(article, sources, translation, kind)
    if alignment is not None and translation is not None and (why := alignment.mismatch()):
        # which of the two is another article's the alignment cannot tell: the message names both
        what = ("the English source does not match the model's back-translation (the source is another "
                "article's, or the back-translation is poor)" if inp.back_translation is None else
                "the English source and the back-translation do not match (one of them is another article's)")
        raise BackcheckError(f"{inp.path or inp.id}: {what}: {why}",
                             "give this article's own source and back-translation, or leave the source out")
    ctx = _context(article, sources, translation, alignment, glossary, resources, translator)
    names = options.checks or sorted(CHECKS)
    candidates, skipped = _propose(ctx, names)
    findings = judge.decide(candidates, specific={n for n in names if CHECKS[n].specific},
                            exclusive={n for n in names if CHECKS[n].exclusive})
    signature = make_signature(translation, inp.back_translation is not None, glossary, names, resources,
                               judge.signature(), source_kind=kind)
    return Report(
        article_id=inp.id,
        article_path=inp.path,
        text=inp.text,
        findings=findings,
        signature=signature.format(),
        skipped=skipped,
        back_translation=[
            {"start": s.start, "end": s.end, "it": s.it, "en": s.en, "score": s.score}
            for s in (translation.segments if translation else [])
        ],
        alignments=_alignment_dicts(alignment, translation is not None),
    )


def _segment(inp: ArticleInput, options: CheckOptions) -> Article:
    """The article in paragraphs and sentences, after the input limits."""
    from .progress import step

    where = inp.path or inp.id
    step("segmenting")
    options.limits.check_article(where, inp.text, inp.back_translation)
    if inp.sources:
        options.limits.check_sources(where, inp.sources)
    _english_inputs(inp)
    article = segment(inp.text, inp.path, options.limits.max_sentence_tokens)
    if not article.paragraphs:
        raise BackcheckError(f"{inp.path or inp.id}: article has no text", "give a non-empty article")
    return article


def _english_inputs(inp: ArticleInput) -> None:
    """Refuse a back-translation or source in Italian (the article given in its place)."""
    from ..lang.which import reads_as_italian

    where = inp.path or inp.id
    if inp.back_translation is not None and (why := reads_as_italian(inp.back_translation)):
        raise BackcheckError(f"{inp.back_translation_path or f'the back-translation of {where}'} is Italian, not "
                             f"English: {why}", "give the English back-translation, not the article")
    for k, source in enumerate(inp.sources):
        if why := reads_as_italian(source):
            which = f"source {k + 1} of {len(inp.sources)}" if len(inp.sources) > 1 else "source"
            raise BackcheckError(f"{where}: the {which} is Italian, not English: {why}",
                                 "give the English original, not the article")


def _back_translation(inp: ArticleInput, article: Article, translator: Translator | None) -> Translation | None:
    """The given back-translation paired with the article's segments, or the engine's; ``None`` without."""
    from .progress import step

    if inp.back_translation is not None:
        from ..translate import pair_given

        step("pairing the back-translation")
        return pair_given(article, inp.back_translation, aligner=translator,
                          where=inp.back_translation_path or f"{inp.id} back-translation")
    if translator is not None:
        from ..translate import translate_article

        step("back-translating")
        return translate_article(article, translator)
    return None


def _align(article: Article, sources: list[str], translation: Translation | None, kind: str = "auto"
           ) -> Alignment | None:
    """The source units placed on the back-translation (or, without one, on the Italian); ``kind``: what
    the source is (:data:`backcheck.run.options.SOURCE_KINDS`)."""
    if not sources:
        return None
    from ..align import align_sources, align_sources_without_bt
    from .progress import step

    step("aligning the source")
    if translation is not None:
        from ..knowledge.furniture import find_furniture

        return align_sources(article, sources, translation, frozenset(f.paragraph for f in find_furniture(article)),
                             whole=None if kind == "auto" else kind == "whole")
    return align_sources_without_bt(article, sources)


def _context(article: Article, sources: list[str], translation: Translation | None, alignment: Alignment | None,
             glossary: Glossary, resources: Resources, translator: Translator | None) -> CheckContext:
    from ..checks import CheckContext
    from ..translate.en_it import renderer_for

    return CheckContext(  # runs the boilerplate pre-pass
        article=article,
        sources=sources,
        translation=translation,
        alignment=alignment,
        glossary=glossary,
        model_backed=translation is not None and any(s.alignment for s in translation.segments),
        resources=resources,
        engine=translator,
        renderer=renderer_for(translator),  # the en-it model's fixes, with a model engine and the model at hand
    )


def _propose(ctx: CheckContext, names: list[str]) -> tuple[list[Candidate], list[SkippedCheck]]:
    """Every selected check's candidates, in check order; a check whose needs are not met is skipped
    with the reason. Checks that prepare (:attr:`~backcheck.checks.base.Check.prepares`) start their
    background work first and run last."""
    from ..checks import CHECKS
    from ..checks.base import why_skipped
    from .progress import step

    skipped: list[SkippedCheck] = []
    checks = []
    for name in names:
        check = CHECKS[name]()
        missing = check.missing(ctx)
        if missing:
            skipped.append(SkippedCheck(name, why_skipped(missing)))
        else:
            checks.append(check)
    for check in checks:
        if check.prepares:
            step(f"{check.name} check (starting)", 0, len(checks))
            check.prepare(ctx)
    # a check that prepared runs last: its background work overlaps the others (the output keeps names' order)
    proposed: dict[str, list[Candidate]] = {}
    for n, check in enumerate(sorted(checks, key=lambda c: c.prepares)):
        step(f"{check.name} check", n, len(checks))
        proposed[check.name] = check.run(ctx)
    return [c for check in checks for c in proposed[check.name]], skipped


def _alignment_dicts(alignment: Alignment | None, translated: bool) -> list[dict[str, object]]:
    """The source units with where they were placed; a unit placed nowhere says why it may be: with a
    back-translation it matched nothing (a possible omission), without one it shared too little with the
    Italian to be placed."""
    if alignment is None:
        return []
    out: list[dict[str, object]] = [dict(m.to_dict(), matched=True) for m in alignment.matches]
    note = ("matches nothing in the article: a possible omission" if translated
            else "shares too few words, names or numbers with the Italian to be placed (no back-translation)")
    for i in alignment.unmatched:
        out.append({"source_index": i, "source": alignment.units[i], "matched": False, "note": note})
    return sorted(out, key=lambda d: int(d["source_index"]))  # type: ignore[call-overload]
