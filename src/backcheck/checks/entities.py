"""Person and organisation names spelled several ways, or garbled against the source.

Candidates are capitalised words (the part after an elided article: "dell’Ucraina" → "Ucraina") of
at least :data:`MIN_LEN` letters, not at the start of a sentence unless the same word also appears
mid-sentence; acronyms, Italian function words, months, weekdays, titles, institution words and words
the article also uses in lower case are left out.

* One name written two ways in the article (names.spelling_variants): spacing or hyphens ("Van der
  Poel"/"Vanderpoel"), two neighbouring letters swapped, one letter changed inside a name of 5+
  letters, or another romanisation (data/translit.tsv). The form the source writes is canonical and
  is never reported; otherwise the more frequent form (a one-letter change needs twice as many uses,
  a tie takes the first seen and is minor). Common words (wordfreq), two people told apart by their
  first names, and inflected forms ("Obama"/"Obamas", "Rossi"/"Rosso") are left alone.
* Person names within the article that are looser look-alikes (Jaro-Winkler at least
  :data:`ARTICLE_SIMILARITY`, more than an ending apart): reported with the source's spelling, or
  without a source only when clearly rarer than the other spelling.
* Against the source: a name missing from the source but within :data:`SOURCE_SIMILARITY` of a
  source name is reported with the source spelling, unless it is a regular Italian form of it
  ("Pentagono", "Siria", "Zelenskyj") or a back-translation shows it was translated (an exonym).
  Either the source name must be a person's (a first name and surname in the source) or the Italian
  occurrence must sit among person names.
* A name in a list of person names whose aligned source snippet names others of that list but not
  this one, and nothing like it, is reported as a spurious name.
"""

from __future__ import annotations

import re
from collections import Counter

from ..knowledge.mentions import (
    Mention,
    clearly_rarer,
    different_first_names,
    find_mentions,
    first_names_of_different_people,
    in_source_text,
    keep_sentence_starts,
    source_variant,
    whole_name,
)
from ..knowledge.names import (
    ARTICLE_SIMILARITY,
    SOURCE_SIMILARITY,
    italian_form_of,
    jw,
    related,
    similar,
    skeleton,
    spaced_forms,
    spelling_variants,
)
from ..knowledge.source_names import SourceNames, source_names
from ..knowledge.surnames import surname_changes
from ..lang import INSTITUTION_WORDS, words
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register


@register
class EntitiesCheck(Check):
    name = "entities"
    needs = frozenset()
    description = "Names spelled several ways in the article, or garbled against the source."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        text = ctx.article.text
        spans = [(s.start, s.end) for s in ctx.content_sentences()]
        src = source_names(ctx.sources) if ctx.sources else SourceNames({}, frozenset())
        if src.names:
            def is_person(t: str) -> bool:
                return t.lower() in src.in_runs
        else:
            def is_person(t: str) -> bool:
                return t.lower() not in INSTITUTION_WORDS and not t.isupper()
        mentions = keep_sentence_starts(find_mentions(text, spans, is_person, lists_count=bool(src.names)), src)
        bt = ctx.translation.text.lower() if ctx.translation is not None else None
        # in order of precedence: of overlapping candidates the judge keeps the first (exclusive)
        out = self._spelling_variants(ctx, mentions, src, spans) + self._article_variants(ctx, mentions, src)
        if src.names:
            out += self._source_variants(ctx, mentions, src, bt)
            out += self._surnames_replaced(ctx, src)
        return out

    def _surnames_replaced(self, ctx: CheckContext, src: SourceNames) -> list[Candidate]:
        """A source person's surname replaced after the same first name (:mod:`~backcheck.knowledge.surnames`)."""
        if ctx.alignment is None:
            return []
        text, out = ctx.article.text, []
        for match in ctx.alignment.matches:
            region = text[match.it_start:match.it_end]
            for ch in surname_changes(match.source, region, match.it_start, set(src.names), ctx.resources.lexicon):
                how = (f" (the surname translated as the English word '{ch.surname.lower()}')" if ch.translated
                       else "")
                out.append(self.candidate(
                    ctx, ch.start, ch.end, Category.ENTITY, Claim.NAME_CHANGED,
                    f"«{ch.first} {ch.italian}» is '{ch.first} {ch.surname}' in the source: the surname is "
                    f"changed{how}.",
                    Evidence(kinds=("source-name", "first-name"), source=match.source,
                             similarity=round(jw(ch.italian, ch.surname), 3),
                             details={"source_spelling": ch.surname, "translated": ch.translated}),
                    suggestion=ch.surname,
                ))
        return out

    def _spelling_variants(
        self, ctx: CheckContext, mentions: list[Mention], src: SourceNames, spans: list[tuple[int, int]]
    ) -> list[Candidate]:
        """One name written two ways in the article: spacing, swapped letters, a letter, romanisation."""
        text = ctx.article.text
        singles: dict[str, list[tuple[int, int]]] = {}
        for m in mentions:
            singles.setdefault(m.text, []).append((m.start, m.end))
        spaced: dict[str, list[tuple[int, int]]] = {}
        for a, b in spans:
            for form, s, e in spaced_forms(text, a, b):
                spaced.setdefault(form, []).append((s, e))

        def in_source(form: str) -> bool:
            return form.lower() in src.names or in_source_text(form, ctx.sources)

        def different_people(a: str, b: str) -> bool:
            return first_names_of_different_people(text, mentions, a, b) or different_first_names(text, a, b)

        out = []
        variants = spelling_variants(singles, spaced, in_source, different_people)
        settled = {v.form: v.canonical for v in variants if v.from_source}
        for v in variants:
            counts = {v.canonical: len({**singles, **spaced}[v.canonical]), v.form: len(v.spans)}
            canon = settled.get(v.canonical, v.canonical)  # the article's majority form is itself garbled
            why = "source" if v.from_source or canon != v.canonical else "article"
            for a, b in v.spans:
                out.append(self.candidate(
                    ctx, a, b, Category.ENTITY, Claim.NAME_VARIANT,
                    f"Name written two ways ({v.kind}, '{v.canonical}' elsewhere); the {why} has '{canon}'.",
                    Evidence(kinds=("name-variant",) + (("source-name",) if v.from_source else ()),
                             details={"variants": counts, "canonical": v.canonical, "canonical_from": why,
                                      "variant": v.kind},
                             # the source has the canonical form, or the article writes it at least twice
                             features={"confirmed": float(v.major)}),
                    suggestion=canon))
        return out

    def _article_variants(self, ctx: CheckContext, mentions: list[Mention], src: SourceNames) -> list[Candidate]:
        """Spellings of one person's name that disagree within the article."""
        counts = Counter(m.text for m in mentions)
        order = list(dict.fromkeys(m.text for m in mentions))
        parent = {t: t for t in order}

        def find(t: str) -> str:
            while parent[t] != t:
                t = parent[t]
            return t

        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                if (
                    similar(a, b, ARTICLE_SIMILARITY, endings=False)
                    and skeleton(a) != skeleton(b)  # "Cina"/"China", "Zelensky"/"Zelenskyj": transliterations
                    and not first_names_of_different_people(ctx.article.text, mentions, a, b)
                ):
                    parent[find(b)] = find(a)
        clusters: dict[str, list[str]] = {}
        for t in order:
            clusters.setdefault(find(t), []).append(t)
        out = []
        for members in clusters.values():
            if len(members) < 2:
                continue
            personal = any(m.person_context for m in mentions if m.text in members) or any(
                t.lower() in src.persons for t in members
            )
            if not personal:
                continue
            in_source = [t for t in members if t.lower() in src.names]
            close = [e for e in src.names.values()
                     if any(similar(t, e, SOURCE_SIMILARITY, endings=False) for t in members)]
            if in_source:
                canon, why = src.names[in_source[0].lower()], "source"
            elif close:
                canon, why = max(close, key=lambda e: max(jw(t, e) for t in members)), "source"
            else:
                canon = max(members, key=lambda t: (counts[t], -order.index(t)))
                why = "article"
            variants = {t: counts[t] for t in members}
            for m in mentions:
                if m.text not in members or m.text.lower() == canon.lower() or m.text.lower() in src.names:
                    continue
                if in_source_text(m.text, ctx.sources):
                    continue  # written exactly as the source writes it
                if any(italian_form_of(m.text, e) for e in src.names.values()):
                    continue
                if why == "article" and not clearly_rarer(ctx.article.text, m.text, canon, counts):
                    continue
                out.append(
                    self.candidate(
                        ctx, m.start, m.end, Category.ENTITY, Claim.NAME_INCONSISTENT,
                        f"Name spelled several ways in the article; the {why} has '{canon}'.",
                        Evidence(kinds=("name-variant",) + (("source-name",) if why == "source" else ()),
                                 details={"variants": variants, "canonical": canon, "canonical_from": why}),
                        suggestion=canon,
                    )
                )
        return out

    def _source_variants(
        self, ctx: CheckContext, mentions: list[Mention], src: SourceNames, bt: str | None,
    ) -> list[Candidate]:
        """Names garbled against the source, and spurious names in a list of persons."""
        out = []
        for m in mentions:
            if m.text.lower() in src.names or in_source_text(m.text, ctx.sources):
                continue
            kept_in_bt = bt is None or bool(re.search(rf"(?<!\w){re.escape(m.text.lower())}(?!\w)", bt))
            similar_names = [e for e in src.names.values() if related(m.text, e)]
            close = [e for e in src.names.values() if source_variant(m.text, e, e.lower() in src.persons)]
            if close:
                e = max(close, key=lambda e: jw(m.text, e))
                if e.lower() in src.persons or (m.person_context and kept_in_bt):
                    out.append(
                        self.candidate(
                            ctx, m.start, m.end, Category.ENTITY, Claim.NAME_CHANGED,
                            f"Name not in the source; the source has '{e}'.",
                            Evidence(kinds=("source-name",), similarity=round(jw(m.text, e), 3),
                                     details={"source_spelling": e}),
                            suggestion=e,
                        )
                    )
                continue
            if m.listed and kept_in_bt and not similar_names:
                snippet = self._snippet_naming_neighbours(ctx, m, mentions, src)
                if snippet:
                    for part in whole_name(ctx.article.text, m, mentions):
                        if part.text.lower() in src.names or any(related(part.text, e) for e in src.names.values()):
                            continue
                        out.append(
                            self.candidate(
                                ctx, part.start, part.end, Category.ENTITY, Claim.NAME_ADDED,
                                "Name not in the source, in a list of names the source gives without it.",
                                Evidence(kinds=("source-name", "name-list"), source=snippet),
                            )
                        )
        return out

    def _snippet_naming_neighbours(
        self, ctx: CheckContext, m: Mention, mentions: list[Mention], src: SourceNames
    ) -> str | None:
        sent = ctx.article.sentence_at(m.start)
        if sent is None:
            return None
        neighbours = {o.text.lower() for o in mentions
                      if sent.start <= o.start < sent.end and o is not m and o.text.lower() in src.persons}
        for snippet in ctx.sources_for(sent.start, sent.end):
            named = {w.lower for w in words(snippet)} & neighbours
            if len(named) >= 2:
                return snippet
        return None
