"""Every default the library and CLI share, defined once."""

from __future__ import annotations

from pathlib import Path

DEFAULT_FAIL_ON = "major"
DEFAULT_FORMAT = "text"
# "auto": the transformers/ctranslate2 model when one is available locally, else no back-translation.
DEFAULT_ENGINE = "auto"
DEFAULT_MODEL = "it-en"          # a models.txt name
DEFAULT_QUANTIZATION = "int8"
DEFAULT_BATCH_SIZE = 16


def default_cache_dir() -> Path:
    """$BACKCHECK_CACHE, else $XDG_CACHE_HOME/backcheck, else ~/.cache/backcheck."""
    import os

    if os.environ.get("BACKCHECK_CACHE"):
        return Path(os.environ["BACKCHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "backcheck"


# Back-translation engines: the two that run a model, and what check/corpus/translate accept.
MODEL_ENGINES = ("transformers", "ctranslate2")
CHECK_ENGINES = ("auto", *MODEL_ENGINES, "none")   # none: only checks that need no back-translation
TRANSLATE_ENGINES = ("auto", *MODEL_ENGINES)
