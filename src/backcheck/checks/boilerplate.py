"""boilerplate: report the scraped page furniture the pre-pass found (:mod:`backcheck.knowledge.furniture`):
related-article links, comment and share prompts, footers and site names; the span is the paragraph."""

from __future__ import annotations

from ..knowledge.furniture import MINOR_REASONS
from ..results import Category, Finding, Severity
from .base import Check, CheckContext, register


@register
class BoilerplateCheck(Check):
    name = "boilerplate"
    needs = frozenset()
    description = "Scraped page furniture: related-article links, comment/share prompts, footers, site names."
    specific = True

    def run(self, ctx: CheckContext) -> list[Finding]:
        out = []
        for f in ctx.furniture:  # found once per article by the context's pre-pass
            p = ctx.article.paragraphs[f.paragraph]
            out.append(
                self.finding(
                    ctx, p.start, p.end, Category.BOILERPLATE,
                    Severity.MINOR if f.reason in MINOR_REASONS else Severity.MAJOR,
                    f"Page furniture, not part of the story ({f.reason}); remove it.",
                    {"reason": f.reason, "paragraph": f.paragraph},
                )
            )
        return out
