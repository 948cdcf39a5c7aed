"""All checks, one module each; importing this package registers them in :data:`CHECKS`."""

from __future__ import annotations

import importlib
import pkgutil

from .base import CHECKS, Check, CheckContext, register

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name != "base":
        importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["CHECKS", "Check", "CheckContext", "register"]
