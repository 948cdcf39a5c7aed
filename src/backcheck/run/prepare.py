"""Build once what a check would otherwise build on its first run: the ONNX export of the embedding
model and the word tables (simplemma's lemmas, wordfreq's frequencies) in the cache folder.

    python -m backcheck.run.prepare      # `make install` runs it

Each is built only when missing and skipped when its package is not installed; a check builds any that
is still missing itself, so this only moves the wait (10–20 s once) from the first check to the install.
"""

from __future__ import annotations

import sys


def prepare() -> list[str]:
    """Build what is missing; the names of what is ready."""
    from ..knowledge import embeddings
    from ..lang import frequency, lemmas

    ready = []
    if embeddings.available():
        ready.append("embedding model")
    lemmas.lemmatize("case", "it")
    lemmas.forms_of("casa", "it")
    ready.append("lemma tables")
    if all(frequency.available(lang) for lang in ("it", "en")):
        ready.append("word frequency tables")
    return ready


def main() -> int:
    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ready = prepare()
    print(f"backcheck cache ready: {', '.join(ready) or 'nothing to build'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
