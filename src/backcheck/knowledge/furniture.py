"""Finding scraped page furniture left in the article (the boilerplate pre-pass, run once per article
when a :class:`backcheck.checks.CheckContext` is made; the boilerplate check reports it and every other
check skips it): related-article links, comment and share prompts,
footers and site names. The span is the whole paragraph.

Rules are structural (short line, no terminal punctuation, a page-furniture marker or a call to
action, position at the end of the article); the vocabulary is generic web furniture in Italian and
English. The first paragraph (the headline) is never flagged.

Two more structural rules, anywhere after the headline:

- a site name with its tagline ("NomeSito24 – Le notizie di oggi"): a short unpunctuated line cut
  by a dash or a pipe, one side of which is a short brand-like name (a capital inside a word, letters
  with digits, or a domain name) -> minor;
- a prompt to the reader ("Ricevi ogni mattina le nostre notizie", "Get our stories in your inbox"):
  a short unpunctuated line that opens with a verb form and addresses the reader (second person or
  "our"/"nostro"; closed-class words of the grammar, not a site's vocabulary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import en, words
from ..lang.datafiles import entries
from ..lang.datafiles import word_set as data_words
from ..text.document import CLOSERS, Article, Paragraph

# Related-content markers that introduce a link line ("LEGGI ANCHE  Titolo dell'articolo"), calls to
# action and legal furniture (regular expressions), and the words that address the reader: generic web
# furniture in Italian and English, data/boilerplate.tsv.
MARKERS = entries("boilerplate.tsv", "it", "marker") + entries("boilerplate.tsv", "en", "marker")
CTA_PATTERNS = entries("boilerplate.tsv", "it", "action") + entries("boilerplate.tsv", "en", "action")
READER_WORDS = data_words("boilerplate.tsv", "it", "reader") | data_words("boilerplate.tsv", "en", "reader")
_MARKER_RE = re.compile(
    r"^(?:" + "|".join(re.escape(m) for m in sorted(MARKERS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# An all-caps lead-in of one to three words followed by a separator: "READ  ...", "ALSO READ: ...".
_CAPS_LEADIN_RE = re.compile(
    r"^((?:[A-ZÀ-Ý]{2,}[ \u00a0]){0,2}[A-ZÀ-Ý]{2,})(?:[ \u00a0]{2,}|[ \u00a0]*[:|»›>–—\-][ \u00a0]*)(?=\S)"
)
_CTA_RE = re.compile(r"(?<!\w)(?:" + "|".join(CTA_PATTERNS) + r")(?!\w)", re.IGNORECASE)

# A site-name line: "<brand> <separator> <tagline>" or the reverse, the brand at most BRAND_MAX_WORDS.
_SEPARATOR_RE = re.compile(r"[ \u00a0]+[–—|·-][ \u00a0]+")
BRAND_MAX_WORDS = 3
TAGLINE_MAX_WORDS = 12
_BRAND_TOKEN_RE = re.compile(
    r"[a-zà-ÿ][A-ZÀ-Ý]"          # a capital inside a word: "NotizieOggi"
    r"|^[A-ZÀ-Ý][a-zà-ÿ]+\d+$"  # a word with a number: "Cronaca24"
    r"|\.(?:it|com|net|org|eu|info|news|tv|fm)$",  # a domain name
)
# Italian imperatives carry the reader as an enclitic: "iscriviti", "seguici", "scriveteci".
_ENCLITIC_RE = re.compile(r"(?:[aei]ti|[aei]ci|[aei]vi|teci)$", re.IGNORECASE)
PROMPT_MAX_WORDS = 14
# A short line: at most this many words (trailing footer block) / this many (call to action).
FOOTER_MAX_WORDS = 8
CTA_MAX_WORDS = 12
LINK_MAX_WORDS = 30


SITE_NAME = "site name and tagline"
# Reasons reported as minor: a stray site name misleads nobody, it only has to go.
MINOR_REASONS = frozenset({SITE_NAME})


@dataclass(frozen=True)
class Furniture:
    """A paragraph judged to be page furniture, and why."""

    paragraph: int
    reason: str


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(t) and t[-1] in ".!?…;"


def _n_words(text: str) -> int:
    return len(words(text))


def _related_link(p: Paragraph) -> bool:
    """A marker (or any all-caps lead-in with a separator) followed by a headline with no full stop."""
    text = p.text
    if "\n" in text or _ends_sentence(text) or _n_words(text) > LINK_MAX_WORDS:
        return False
    m = _CAPS_LEADIN_RE.match(text)
    if m:
        return text[m.end() :][:1].isupper() or text[m.end() :][:1].isdigit()
    m = _MARKER_RE.match(text)
    if m:
        rest = text[m.end() :]
        sep = re.match(r"[ \u00a0]*[:|»›>–—\-][ \u00a0]*|[ \u00a0]{2,}", rest)
        return sep is not None and rest[sep.end() :][:1].isupper()
    return False


def _site_name_line(text: str) -> bool:
    """A site name and its tagline as one short unpunctuated line."""
    if "\n" in text or _ends_sentence(text) or _n_words(text) > TAGLINE_MAX_WORDS:
        return False
    parts = _SEPARATOR_RE.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or not all(parts):
        return False
    for brand, tagline in (parts, parts[::-1]):
        tokens = brand.split()
        if 0 < len(tokens) <= BRAND_MAX_WORDS and _n_words(tagline) >= 2 \
                and any(_BRAND_TOKEN_RE.search(t) and not t.isupper() for t in tokens):
            return True
    return False


def _verb_form(word: str) -> bool:
    """The word is a form of a verb (MultiWordNet knows its lemma as a verb), in either language."""
    from .cognates import it_lemmas, word_pos
    from .lexicon import load_lexicon

    lex = load_lexicon()
    if lex is None:
        return False
    low = word.lower()
    english_base_verb = en.lemma(low) == low and "v" in word_pos(lex, "english", low)
    italian_verb_form = any(f != low and "v" in word_pos(lex, "italian", f) for f in it_lemmas(low))
    return english_base_verb or italian_verb_form


def _reader_prompt(text: str) -> bool:
    """A line that opens with a verb and addresses the reader, with no full stop."""
    ws = words(text)
    if "\n" in text or not ws or len(ws) > PROMPT_MAX_WORDS or text.rstrip().rstrip(CLOSERS).endswith((".", "?", ";")):
        return False
    first = ws[0].text
    if not first[:1].isupper() or first.isupper():
        return False
    addressed = any(w.lower in READER_WORDS for w in ws[1:]) or bool(_ENCLITIC_RE.search(first))
    return addressed and _verb_form(first)


def _call_to_action(text: str) -> bool:
    if _n_words(text) > CTA_MAX_WORDS or (_ends_sentence(text) and not text.rstrip().endswith("!")):
        return False
    return bool(_CTA_RE.search(text))


def _footer_evidence(text: str) -> str | None:
    """Why a short trailing line looks like a footer, or None."""
    if _CTA_RE.search(text):
        return "call to action"
    ws = words(text)
    if len(ws) <= 1 and len(text.split()) == 1:
        return "bare site or brand name"
    if any(ch in text for ch in "@©") or re.search(r"https?://|www\.|\.\w{2,4}\b", text):
        return "link or handle"
    if len(ws) >= 2 and all(w.is_acronym or not w.text.isalpha() for w in ws):
        return "all-caps line"
    if len(ws) >= 2:
        from .langid import foreign_language

        if foreign_language(text, min_confidence=0.6, max_italian=0.2):
            return "short non-Italian line"
    return None


@lru_cache(maxsize=4)
def find_furniture(article: Article) -> tuple[Furniture, ...]:
    """All paragraphs that are page furniture, in article order (cached: the source alignment and the
    checks' context both ask)."""
    paras = article.paragraphs
    found: dict[int, str] = {}
    for p in paras[1:]:
        if _related_link(p):
            found[p.index] = "related-article link"
        elif _call_to_action(p.text) or _reader_prompt(p.text):
            found[p.index] = "comment, share or subscribe prompt"
        elif _site_name_line(p.text):
            found[p.index] = SITE_NAME
    # The trailing block: short unpunctuated lines after the last real sentence.
    block: list[int] = []
    for p in reversed(paras[1:]):
        short = _n_words(p.text) <= FOOTER_MAX_WORDS and not _ends_sentence(p.text)
        if not (short or p.index in found):
            break
        block.append(p.index)
    if block and block[-1] > 1:  # something real stands between the headline and the block
        evidence = {i: found.get(i) or _footer_evidence(paras[i].text) for i in block}
        if len(block) >= 2 and any(evidence.values()):
            for i in block:
                found.setdefault(i, evidence[i] or "footer line after the article's last sentence")
        else:
            for i, why in evidence.items():
                if why:
                    found.setdefault(i, why)
    return tuple(Furniture(i, found[i]) for i in sorted(found))

