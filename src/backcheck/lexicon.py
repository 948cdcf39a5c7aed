"""Small language resources for English↔English and English↔Italian word matching.

Everything here is generic news-language knowledge: function words, number words, and a handful of
paraphrase sets that back-translations produce constantly ("said"/"stated"). Lemmas come from
simplemma (a maintained lemmatiser that ships its data) so "spoke" and "speak" match.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

EN_STOP = frozenset(
    """
    a an the this that these those of in on at to for from by with about into over after before as
    and or but so than then if while because which who whom whose what when where how there here
    it its it's he him his she her hers they them their theirs we us our you your i me my be is are
    was were been being am has have had having do does did will would shall should can could may
    might must also just only very more most such some any each other another both all s
    said says say told tell tells according ago per via up out off again still even yet
    whether between among within during through across upon
    """.split()
)
# Words that carry meaning even though they are short and frequent.
EN_KEEP = frozenset("not no never none nothing without against first last".split())

IT_STOP = frozenset(
    """
    il lo la i gli le l un uno una un' di a da in con su per tra fra del dello della dei degli delle
    al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo
    sulla sui sugli sulle e ed o ma che chi cui non si ci ne è sono era erano essere stato stata stati
    ha hanno aveva avevano avere come anche più se quando dove questo questa questi queste quello
    quella quelli quelle suo sua suoi sue loro mio mia tuo tua nostro nostra vostro vostra d c
    """.split()
)

NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve".split(),
    "it": "zero uno due tre quattro cinque sei sette otto nove dieci undici dodici".split(),
}
_NUM = {w: str(i) for lang in NUMBER_WORDS.values() for i, w in enumerate(lang)}
_NUM.update({"una": "1", "un": "1", "once": "1", "twice": "2", "single": "1", "both": "2"})

# A few function words with an obvious Italian counterpart, used as alignment anchors.
EN_IT_FUNCTION = {
    "not": ("non",), "no": ("non", "nessun", "nessuno", "nessuna", "alcun", "alcuna"),
    "never": ("mai",), "without": ("senza",), "first": ("primo", "prima", "primi", "prime"),
    "last": ("ultimo", "ultima", "ultimi", "ultime", "scorso", "scorsa"),
}

# Paraphrase sets: a back-translation using one member where the source has another is not an error.
PARAPHRASES = [
    {"say", "state", "declare", "tell", "add", "note", "explain"},
    {"us", "u.s", "american", "america", "united states"},
    {"uk", "u.k", "british", "britain"},
    {"begin", "start", "launch"},
    {"end", "finish"},
    {"big", "large", "major"},
    {"small", "little", "minor"},
    {"about", "around", "roughly", "approximately", "some", "nearly", "almost"},
    {"people", "person", "individual"},
    {"government", "administration", "executive"},
    {"also", "too"},
    {"call", "phone", "telephone"},
    {"talk", "speak", "conversation"},
    {"help", "assist", "aid"},
    {"show", "reveal", "indicate"},
    {"try", "attempt", "seek"},
    {"want", "wish"},
    {"buy", "purchase"},
    {"get", "obtain", "receive"},
    {"rise", "increase", "grow"},
    {"fall", "drop", "decrease", "decline"},
    {"however", "but", "though"},
    {"allow", "let", "permit"},
    {"need", "require"},
    {"country", "nation"},
    {"firm", "company", "business"},
    {"gen", "general"},
    {"minister", "secretary"},
    {"defense", "defence"},
    {"problem", "issue"},
    {"deal", "agreement", "accord", "pact"},
    {"army", "military", "militaries", "troops", "forces"},
    {"cause", "lead", "trigger", "provoke"},
    {"officer", "official"},
]
_PARA_INDEX: dict[str, int] = {}
for _i, _group in enumerate(PARAPHRASES):
    for _w in _group:
        _PARA_INDEX[_w] = _i


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """Lower-case and strip accents and curly apostrophes."""
    w = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in w if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def en_lemma(word: str) -> str:
    """Lemma of an English word (lower case), numbers as digits, possessives stripped."""
    w = fold(word).rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _NUM:
        return _NUM[w]
    try:
        import simplemma

        lemma = simplemma.lemmatize(w, lang="en")
    except ImportError:  # pragma: no cover - simplemma is a core dependency
        lemma = w
    return lemma.lower()


@lru_cache(maxsize=65536)
def it_lemma(word: str) -> str:
    w = fold(word).rstrip(".")
    if w in _NUM:
        return _NUM[w]
    try:
        import simplemma

        return simplemma.lemmatize(w, lang="it").lower()
    except ImportError:  # pragma: no cover
        return w


def is_en_content(word: str) -> bool:
    w = fold(word).rstrip(".")
    if not any(c.isalnum() for c in w):
        return False
    return w in EN_KEEP or w not in EN_STOP


def is_it_content(word: str) -> bool:
    w = fold(word)
    if w.endswith("'"):  # elided article or preposition: "dall'", "l'"
        return False
    return any(c.isalnum() for c in w) and w not in IT_STOP and len(w) > 1


def paraphrase(a: str, b: str) -> bool:
    """True when lemmas ``a`` and ``b`` are in one paraphrase set."""
    ia, ib = _PARA_INDEX.get(a), _PARA_INDEX.get(b)
    return ia is not None and ia == ib


def canonical(lemma: str) -> str:
    """One key per paraphrase set (the lemma itself when it is in none)."""
    i = _PARA_INDEX.get(lemma)
    return f"~{i}" if i is not None else lemma


def demonym_match(a: str, b: str) -> bool:
    """"Russia"~"Russian", "Ukraine"~"Ukrainian", "Syria"~"Syrian": a place and its adjective."""
    if len(a) < 4 or len(b) < 4:
        return False
    short, long_ = sorted((a, b), key=len)
    common = common_prefix(short, long_)
    return common >= max(4, len(short) - 1) and long_[common:] in {"n", "an", "ian", "ese", "ish", "i", "ean"}


def common_prefix(a: str, b: str) -> int:
    """Length of the prefix ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
