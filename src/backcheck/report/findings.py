"""Kept for compatibility: the result types now live in :mod:`backcheck.results` (the bottom layer).
New code imports them from there."""

from __future__ import annotations

from ..results import SCHEMA_VERSION, Category, Finding, Report, Severity, SkippedCheck

__all__ = ["SCHEMA_VERSION", "Category", "Finding", "Report", "Severity", "SkippedCheck"]
