"""Word tokens with offsets and the small closed word classes the rule-based checks share.

Everything here is general Italian/English grammar (function words, months, weekdays, titles),
never the vocabulary of a particular article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters, optionally joined by an apostrophe or hyphen ("dell’Ucraina", "week-end").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’‘\-][^\W\d_]+)*")
# Things that are not prose: URLs, e-mail addresses, @handles, #hashtags, domain names.
NON_PROSE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#][\w.]+|\b[\w-]+\.(?:com|it|org|net|eu|info|news|io|co\.uk)\b",
    re.IGNORECASE,
)
APOSTROPHES = "'’‘"


@dataclass(frozen=True)
class Word:
    """A word of ``text`` with absolute offsets (``text[start:end] == word``)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of ``text[start:end]`` (absolute offsets), skipping URLs, handles and hashtags."""
    end = len(text) if end is None else end
    masked = [(m.start(), m.end()) for m in NON_PROSE_RE.finditer(text, start, end)]
    out = []
    for m in WORD_RE.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in masked):
            continue
        out.append(Word(m.group(), m.start(), m.end()))
    return out


@lru_cache(maxsize=131072)
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def elided_tail(word: str) -> str:
    """The part after an elided article or preposition: "dell’Ucraina" → "Ucraina"."""
    for ap in APOSTROPHES:
        if ap in word:
            head, _, tail = word.partition(ap)
            if head.lower() in ELIDED_HEADS and tail:
                return tail
    return word


ELIDED_HEADS = frozenset(
    "l un d dell all dall nell sull coll quell quest c n s m t v po tutt sant bell grand".split()
)

ITALIAN_FUNCTION_WORDS = frozenset(
    """
    il lo la i gli le l un uno una un' del dello della dei degli delle al allo alla ai agli alle dal
    dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi
    di a da in con su per tra fra e ed o od ma se che non né ne ci vi si mi ti sé come dove quando
    anche ancora già più meno molto poco tutto tutti tutta tutte ogni altro altri altra altre questo
    questa questi queste quello quella quelli quelle quel cui chi cosa ciò è sono era erano sia siano
    ha hanno aveva avevano essere avere stato stata stati state sta stanno poi però quindi dunque
    mentre dopo prima oltre secondo circa senza contro verso sopra sotto dentro fuori qui qua lì là
    oggi ieri domani sempre mai solo soltanto proprio così cioè ovvero oppure neanche nemmeno neppure
    inoltre infatti tuttavia anzi nonché pure allora ecco sì no noi voi loro lui lei esso essa essi
    egli ella suo sua suoi sue mio mia miei mie tuo tua nostro nostra nostri nostre vostro vostra
    """.split()
)

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the a an of to in on at by for with from into onto about as and or but if than that this these
    those there here is are was were be been being has have had do does did will would shall should
    can could may might must not no yes we you they he she it i our your their his her its my me us
    them him what which who whom whose when where why how all any some each every more most other
    such only own same so too very just also then now up down out over under again further once
    """.split()
)

# Function words of the other languages lingua tells apart (Italian ones removed where they clash).
FOREIGN_FUNCTION_WORDS = {
    "en": ENGLISH_FUNCTION_WORDS - ITALIAN_FUNCTION_WORDS,
    "fr": frozenset(
        """le les du des une et est à au aux ce cette ces qui dans pour sur avec pas nous vous ils elles
        sont été être avoir avait leur leurs mais ou où très aussi même sans lundi mardi mercredi jeudi
        vendredi samedi dimanche""".split()
    ) - ITALIAN_FUNCTION_WORDS,
    "de": frozenset(
        """der die das und ist nicht ein eine einen mit von zu den dem des im auf für sich auch wie wir
        ihr sie er es sind war wird werden hat haben aus bei nach oder aber noch nur schon sehr""".split()
    ),
    "es": frozenset(
        """el los las del y que por con para es su sus al lo como pero más muy sin sobre este esta
        estos estas también ya hay fue ser está están""".split()
    ) - ITALIAN_FUNCTION_WORDS,
    "pt": frozenset(
        """o os as do da dos das em um uma não ao na no nas nos pelo pela com para é são foi ser está
        também mais muito sem sobre este esta isso já""".split()
    ) - ITALIAN_FUNCTION_WORDS,
}

# Italian function words no other detected language writes the same way: a foreign run never
# crosses one ("di", "della", "il", "ha", ...).
ITALIAN_ONLY_WORDS = ITALIAN_FUNCTION_WORDS - frozenset().union(*FOREIGN_FUNCTION_WORDS.values()) - frozenset(
    "a in no e o se me da do come con la le lo un una per non si ne ma chi sono era ci vi mi ti tra fra".split()
)

MONTHS_IT = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()
)
MONTHS_EN = (
    "january february march april may june july august september october november december".split()
)
MONTH_ABBR_EN = {m[:3]: i + 1 for i, m in enumerate(MONTHS_EN)} | {"sept": 9}
WEEKDAYS_IT = "lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi"
WEEKDAYS_EN = "monday tuesday wednesday thursday friday saturday sunday"
CALENDAR_WORDS = frozenset(MONTHS_IT + MONTHS_EN + WEEKDAYS_IT.split() + WEEKDAYS_EN.split())

# Capitalised words that introduce or describe a name rather than being one (Italian and English).
TITLE_WORDS = frozenset(
    """
    signor signora sig dott dottor dottoressa prof professor professore avv ing on sen gen generale
    ministro ministra presidente premier segretario segretaria portavoce ambasciatore ambasciatrice
    sindaco governatore senatore deputato giudice papa re regina principe principessa capitano
    colonnello ammiraglio sergente tenente maggiore direttore direttrice amministratore
    mr mrs ms dr sir lord lady president minister secretary general gen spokesman spokeswoman
    spokesperson ambassador senator governor mayor judge pope king queen prince princess captain
    colonel admiral chairman chief director chancellor vicecancelliere cancelliere
    """.split()
)

# Capitalised words of institution and place names ("Stati Uniti", "Unione Europea", "United
# States"): parts of names, but never a person's name, so never spelling variants of one.
INSTITUTION_WORDS = frozenset(
    """
    stati uniti unite unito unione europea europeo europei nazioni repubblica regno consiglio camera senato
    ministero governo parlamento commissione corte banca centrale federale nazionale generale
    partito democratico democratica popolare comune regione provincia casa bianca difesa esteri
    interno interni sicurezza giustizia tesoro sanità salute esercito marina aeronautica forze
    agenzia autorità fondo fondazione università istituto ospedale tribunale procura polizia
    guardia nord sud est ovest san santa santo assemblea costituzione ministro ministri membri
    united states kingdom nations union european republic council house senate ministry department
    government parliament commission court bank central federal national party democratic
    republican white defense defence foreign home state treasury justice health army navy force
    forces agency authority fund foundation university institute hospital police guard joint
    chiefs staff office north south east west new saint assembly constitution member members
    """.split()
)
