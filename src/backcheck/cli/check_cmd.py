"""Placeholder: filled by its command module."""

from __future__ import annotations
