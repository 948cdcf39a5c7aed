"""Alignment: English source units ↔ back-translation segments ↔ Italian spans.

(Implementation in progress; the dataclasses below are the interface the checks use.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceMatch:
    """One English source unit (snippet or sentence) and where it lands.

    ``segments`` index ``Translation.segments`` (empty when there is no back-translation);
    ``it_start``/``it_end`` are article offsets of the Italian region it covers; ``bt`` is the
    matched back-translation text ("" without one); ``score`` in [0, 1].
    """

    source_index: int
    source: str
    segments: list[int]
    it_start: int
    it_end: int
    bt: str
    score: float


@dataclass
class Alignment:
    matches: list[SourceMatch] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)

    def covering(self, start: int, end: int) -> list[SourceMatch]:
        """Matches whose Italian region overlaps ``[start, end)``."""
        return [m for m in self.matches if m.it_start < end and start < m.it_end]
