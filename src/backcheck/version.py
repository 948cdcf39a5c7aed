"""The backcheck version, in a leaf module so a renderer or the signature can read it without importing
the package ``__init__``."""

from __future__ import annotations

__version__ = "0.1.0"
