"""boilerplate: report the scraped page furniture the pre-pass found (:mod:`backcheck.knowledge.furniture`):
related-article links, comment and share prompts, footers and site names; the span is the paragraph."""

from __future__ import annotations

from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, register


@register
class BoilerplateCheck(Check):
    name = "boilerplate"
    needs = frozenset()
    description = "Scraped page furniture: related-article links, comment/share prompts, footers, site names."
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        for f in ctx.furniture:  # found once per article by the context's pre-pass
            p = ctx.article.paragraphs[f.paragraph]
            out.append(
                self.candidate(
                    ctx, p.start, p.end, Category.BOILERPLATE, Claim.FURNITURE,
                    f"Page furniture, not part of the story ({f.reason}); remove it.",
                    Evidence(details={"reason": f.reason, "paragraph": f.paragraph}),
                )
            )
        return out
