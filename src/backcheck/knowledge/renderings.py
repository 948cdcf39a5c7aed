"""Italian renderings of an English word or phrase *for one place in one article*: the suggested fixes.

:func:`render` answers one question: the English source says ``source_phrase`` (in ``source_sentence``)
where the article has ``article[start:end]``; what could the article say instead? At most
:data:`MAX_OPTIONS` options, in a stable order, each in the article's form where it can be formed, or
none at all when unsure — no fix beats a wrong one. Where they come from, first found first:

1. **phrase renderings**: the glossary's accepted renderings (:mod:`.glossary`), then the news terms
   (``lang/data/news_terms.tsv``), for a term that the source phrase is part of;
2. **the en-it model** (optional, a model engine): the Italian words the pinned MarianMT aligns to the
   source phrase when it translates the source unit (:mod:`backcheck.translate.en_it`);
3. **MultiWordNet**, sense by sense (:mod:`.sense_rank`): the source word's part of speech from the parse
   of its sentence, its senses weighted by order and by the sentence, then Italian frequency (wordfreq)
   and the article's own vocabulary order the lemmas. A verb in the source where the article has a
   noun is read through its English nominalisation ("invade" → "invasion").

Never offered: the word the article already has (or one of its lemmas), a lemma whose meanings include
what the back-translation read in the article's word (the same slip again), an English word as its own
rendering, a rare or archaic lemma, a lexicon placeholder. Every option is put in the flagged word's
form by :mod:`backcheck.lang.inflect` (number, gender, tense, person; the determiners before a noun
agree with a new gender); when no form the dictionary lists fits, the option is the lemma and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from ..lang import cased_like, determiners, fold
from ..lang import inflect as it_inflect
from ..lang.it import FUNCTION_WORDS as IT_FUNCTION_WORDS
from ..lang.it import lemma as it_lemma
from ..lang.tokens import IT_TOKEN_RE
from .relations import names_person
from .rendering_sources import (
    LIGHT_VERBS,
    Option,
    content_words,
    italian_pos,
    lexicon_options,
    opposite_options,
    reading_of,
    reads_as,
    term_options,
)

if TYPE_CHECKING:
    from .glossary import Glossary
    from .lexicon import Lexicon

MAX_OPTIONS = 2
class ModelRenderer(Protocol):
    """The en-it model's side of :func:`render` (:class:`backcheck.translate.en_it.EnItRenderer`)."""

    def render(self, sentence: str, start: int, end: int) -> str | None:
        """The Italian words aligned to ``sentence[start:end]`` in the model's translation of it."""
        ...


@dataclass(frozen=True)
class Rendering:
    """One option: paste ``text`` over ``article[start:end]`` (``replaces``). ``form`` is "inflected"
    (put in the article's form), "as is" (a phrase or model output used as written) or "lemma" (the
    dictionary form: no regular form fitted, inflect it by hand)."""

    text: str
    lemma: str
    origin: str
    replaces: str
    start: int
    end: int
    form: str

    def details(self) -> dict[str, Any]:
        """The JSON evidence of the fix (``evidence.fix``)."""
        d: dict[str, Any] = {"origin": self.origin, "form": self.form}
        if self.lemma != self.text:
            d["lemma"] = self.lemma
        d["replaces"] = self.replaces
        return d


def _flag_words(article: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), start + m.start(), start + m.end()) for m in IT_TOKEN_RE.finditer(article[start:end])]


def _determiners_before(article: str, start: int) -> list[tuple[str, int, int]]:
    """The determiners right before ``start`` (same sentence), nearest last, back to the preposition
    that opens the phrase («dei» of «uno dei sanitari»)."""
    left = article[max(0, start - 40):start]
    toks = [(m.group(), start - len(left) + m.start(), start - len(left) + m.end()) for m in IT_TOKEN_RE.finditer(left)]
    out: list[tuple[str, int, int]] = []
    for w, a, b in reversed(toks):
        gap = article[b:(out[0][1] if out else start)]
        if gap.strip() or not determiners.is_determiner(w) or (out and determiners.is_fused(out[0][0])):
            break
        out.insert(0, (w, a, b))
    return out


def _lookalike_pos(word: str, source_phrase: str) -> set[str]:
    """The part of speech of an Italian word the lexicon does not know, when it is a look-alike of the
    source word it stands for («casualità» for "casualties": the translator copied the form, so the
    word is what the spelling correspondence makes it, a noun); empty otherwise."""
    from ..lang.en import lemma as en_lemma
    from .cognates import lookalikes, related

    alike, suffix = lookalikes(fold(word))
    said = {en_lemma(w.lower()) for w in source_phrase.split()} | {w.lower() for w in source_phrase.split()}
    if suffix is None or not any(related(a, s) or related(en_lemma(a), s) for a in alike for s in said):
        return set()
    return set(suffix.pos)


def _english_number(source_phrase: str) -> str | None:
    """"pl" when the source phrase ends in a regular English plural noun ("casualties"), else ``None``."""
    from ..lang.en import lemma as en_lemma

    last = source_phrase.split()[-1].lower().strip(".,;:!?\"'") if source_phrase.split() else ""
    return "pl" if last.endswith("s") and en_lemma(last) != last else None


def _shape(opt: Option, article: str, start: int, end: int, number: str | None = None) -> Rendering | None:
    """``opt`` in the flagged words' form, over what it replaces (``None`` when it cannot fit them);
    ``number``: the source's, for an Italian noun whose form does not tell («casualità»)."""
    words = _flag_words(article, start, end)
    content = [w for w in words if fold(w[0]) not in IT_FUNCTION_WORDS and not determiners.is_determiner(w[0])]
    replaced = article[start:end]
    if opt.pos is None or len(content) != 1 or content[0] != words[-1]:
        return Rendering(opt.lemma, opt.lemma, opt.origin, replaced, start, end, "as is")
    word, w_start, _ = content[0]
    dets = [w for w in words if w[2] <= w_start]
    if not all(determiners.is_determiner(w[0]) for w in dets):
        return Rendering(opt.lemma, opt.lemma, opt.origin, replaced, start, end, "as is")
    dets = _determiners_before(article, start) + dets if not dets or dets[0][1] == start else dets
    if opt.pos == "r":
        return Rendering(opt.lemma, opt.lemma, opt.origin, replaced, start, end, "as is")
    if " " in opt.lemma and opt.pos != "v" and opt.pos != "n":
        return Rendering(opt.lemma, opt.lemma, opt.origin, replaced, start, end, "lemma")
    like = it_inflect.analyse(word, opt.pos, [d[0] for d in dets])
    if like is not None and like.kind == "nominal" and like.number is None and number is not None:
        like = replace(like, number=number)
    text = it_inflect.inflect(opt.lemma, opt.pos, like) if like is not None else None
    form = "inflected"
    if text is None:
        if like is None and opt.pos == "v":
            return None  # the article has no verb here: a verb would be the wrong part of speech
        text, form = opt.lemma, "lemma"
    a = start
    if dets and opt.pos == "n" and " " not in opt.lemma and like is not None and like.number:
        gender = it_inflect.noun_gender(opt.lemma)
        new = determiners.agree_determiners([d[0] for d in dets], gender, like.number, text) if gender else None
        if new is not None and [d[0] for d in dets] != new:
            a = dets[0][1]
            text = determiners.spaced([*new, text])
    replaced = article[a:end]
    text = cased_like(text, replaced)
    return Rendering(text, opt.lemma, opt.origin, replaced, a, end, form)


def render(source_phrase: str, source_sentence: str, article: str, start: int, end: int, *,
           lexicon: Lexicon | None = None, parser: Any = None, embeddings: Any = None,
           glossary: Glossary | None = None, bt_phrase: str | None = None,
           model: ModelRenderer | None = None, limit: int = MAX_OPTIONS) -> tuple[Rendering, ...]:
    """At most ``limit`` Italian options for ``article[start:end]`` where the source says
    ``source_phrase`` (see module doc); ``()`` when unsure."""
    at = source_sentence.find(source_phrase) if source_phrase else -1
    if at < 0 or not source_phrase.strip() or start >= end:
        return ()
    phrase_at = (at, at + len(source_phrase))
    flagged = [w for w, _, _ in _flag_words(article, start, end)]
    options = term_options(phrase_at, source_sentence, glossary)
    if model is not None:
        got = model.render(source_sentence, *phrase_at)
        if got:
            options.append(Option(got, None, "en-it model"))
    reads = reads_as(article[start:end], bt_phrase, lexicon) if bt_phrase else None
    if reads is False:
        return ()  # the flagged words are not what the back-translation's phrase translates
    content = content_words(flagged)
    if lexicon is not None and parser is not None and len(content) == 1 and (reads or not bt_phrase):
        docs = parser.parse([source_sentence])
        if docs:
            parts = italian_pos(content[0], lexicon) or _lookalike_pos(content[0], source_phrase)
            lexical = lexicon_options(lexicon, docs[0], phrase_at, source_sentence, flagged, parts == {"n"},
                                       bt_phrase, article, embeddings)
            # an unknown Italian word: unsure; a person for a thing or a thing for a person: the source
            # word is used in a sense the lexicon lacks ("grommets", young surfers, is only a metal ring)
            kind = names_person(lexicon, it_lemma(content[0]))
            options += [o for o in lexical if o.pos in parts
                        and (o.pos != "n" or kind is None or names_person(lexicon, o.lemma) in (None, kind))]
    reading = reading_of(flagged) | {fold(" ".join(flagged))}
    kept = [o for o in options if fold(o.lemma) not in reading and it_lemma(o.lemma) not in reading
            and o.lemma not in LIGHT_VERBS]
    return _shaped(kept, article, start, end, _english_number(source_phrase), limit)


def _shaped(options: list[Option], article: str, start: int, end: int, number: str | None,
            limit: int) -> tuple[Rendering, ...]:
    """``options`` in the flagged words' form, each once: those in the article's form before dictionary
    forms, otherwise in the order given; a second option only in the first one's form."""
    out: list[Rendering] = []
    for opt in options:
        shaped = _shape(opt, article, start, end, number)
        if shaped is None or fold(shaped.text) == fold(shaped.replaces):
            continue
        if all(fold(shaped.text) != fold(r.text) for r in out):
            out.append(shaped)
    out.sort(key=lambda r: r.form == "lemma")
    return tuple(r for r in out[:limit] if r.form == out[0].form)


def render_opposite(source_word: str, read_word: str, article: str, start: int, end: int, *,
                    lexicon: Lexicon | None, converse: bool = False, limit: int = 1) -> tuple[Rendering, ...]:
    """Options for ``article[start:end]``, a word that reads as ``read_word``, the antonym or converse of
    the source's ``source_word`` (English lemmas): the Italian of the source word's opposed sense, or
    (``converse``) its dominant rendering (:func:`~.rendering_sources.opposite_options`), in the flagged
    word's form; ``()`` when unsure (the part of speech is unclear, no lemma dominates, none fits)."""
    flagged = [w for w, _, _ in _flag_words(article, start, end)]
    content = content_words(flagged)
    if lexicon is None or len(content) != 1:
        return ()
    parts = italian_pos(content[0], lexicon) & lexicon.pos(source_word, "english")
    options = opposite_options(lexicon, source_word, read_word, parts, flagged, converse)
    return _shaped(options, article, start, end, None, limit)


def render_addition(source_word: str, source_sentence: str, *, lexicon: Lexicon | None, parser: Any = None,
                    embeddings: Any = None, limit: int = 1) -> tuple[str, ...]:
    """The Italian lemmas for a source word the Italian lacks altogether (a dropped hedge: "add
    «probabilmente»"), ranked as :func:`render` ranks them; ``()`` when unsure."""
    at = source_sentence.find(source_word)
    if lexicon is None or parser is None or at < 0:
        return ()
    docs = parser.parse([source_sentence])
    if not docs:
        return ()
    opts = lexicon_options(lexicon, docs[0], (at, at + len(source_word)), source_sentence, [], False, None, "",
                            embeddings)
    return tuple(o.lemma for o in opts[:limit])


def as_fix(options: tuple[Rendering, ...]) -> tuple[str | None, dict[str, Any]]:
    """The finding's ``suggestion`` and its ``evidence.fix`` detail for ``options``: the options that
    replace the same words as the first, joined by " / " (a reviewer pastes one); ``(None, {})``
    without options."""
    if not options:
        return None, {}
    first = options[0]
    same = [r for r in options if (r.start, r.end) == (first.start, first.end)]
    fix: dict[str, Any] = {"replaces": first.replaces, "start": first.start, "end": first.end,
                           "options": [{k: v for k, v in r.details().items() if k != "replaces"} | {"text": r.text}
                                       for r in same]}
    return " / ".join(r.text for r in same), fix


def rendered(fix: dict[str, Any]) -> str:
    """The options of a ``fix`` detail as a message names them: their lemmas ("controparte or omologo")."""
    return " or ".join(dict.fromkeys(o.get("lemma", o["text"]) for o in fix.get("options", ())))


def negated_fix(article: str, start: int, end: int) -> tuple[str, dict[str, Any]]:
    """The suggestion and ``fix`` detail that negate the predicate at ``article[start:end]`` ("non" before
    its auxiliary: "non è stato revocato")."""
    text, a, b = determiners.negate(article, start, end)
    return text, {"replaces": article[a:b], "start": a, "end": b,
                  "options": [{"origin": "Italian negation", "form": "as is", "text": text}]}


def accepted_fix(accepted: tuple[str, ...], article: str, start: int, end: int,
                 origin: str = "glossary") -> tuple[str | None, dict[str, Any]]:
    """The glossary's accepted rendering that fits ``article[start:end]``: one the article already uses
    elsewhere (consistency) before the glossary's first, in the flagged word's number where a single noun
    replaces a single noun ("sanzionamenti" → "sanzioni")."""
    if not accepted:
        return None, {}
    folded = fold(article)
    used = [t for t in accepted if fold(t) in folded.replace(fold(article[start:end]), " ")]
    options = [Option(t, "n" if " " not in t else None, origin) for t in (used or list(accepted))]
    for opt in options:
        shaped = _shape(opt, article, start, end)
        if shaped is not None and fold(shaped.text) != fold(shaped.replaces):
            if shaped.form == "lemma":
                shaped = Rendering(opt.lemma, opt.lemma, origin, article[start:end], start, end, "as is")
            return as_fix((shaped,))
    return None, {}
