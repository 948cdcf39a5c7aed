"""The back-translation engine of a run, built once from its options."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..errors import BackcheckError
from .options import CheckOptions

if TYPE_CHECKING:
    from ..translate.base import Translator

log = logging.getLogger(__name__)


def build_translator(options: CheckOptions) -> Translator | None:
    """Load the back-translation engine once. ``auto`` uses a model only when one is available
    locally (never downloads) and returns ``None`` otherwise, unless the options name the model (then
    it raises with the reason, as a named engine that cannot load does)."""
    options.validate()
    if options.engine == "none":
        return None
    from ..translate import load_translator, model_available

    if options.engine == "auto":
        for engine in ("ctranslate2", "transformers"):
            try:
                if model_available(options.model, engine):
                    return load_translator(engine, options.model, beam=options.beam,
                                           quantization=options.quantization, use_cache=options.use_cache,
                                           cache_dir=options.cache_dir, threads=options.threads)
            except (BackcheckError, ImportError) as exc:
                log.info("engine %s not usable: %s", engine, exc)
        if options.model is not None:
            # a model the user named is wanted, not a nicety: say why it cannot be used (a folder not
            # found, a hub id not in the cache) rather than check without it
            from ..knowledge.models import resolve_model

            resolve_model(options.model)
            raise BackcheckError(f"model {options.model} is here but no engine can load it (neither "
                                 "ctranslate2 nor torch with transformers is installed)",
                                 "pip install 'backcheck[models]', or leave --model out")
        return None
    try:
        return load_translator(options.engine, options.model, beam=options.beam,
                               quantization=options.quantization, use_cache=options.use_cache,
                               cache_dir=options.cache_dir, threads=options.threads)
    except ImportError as exc:
        raise BackcheckError(f"the {options.engine} engine needs a package that is not installed: {exc.name}",
                             "pip install 'backcheck[models]'") from None
