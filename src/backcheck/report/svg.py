"""Inline SVG bar charts for the corpus report: no plotting library at build or view time, every label
escaped. Horizontal bars, one row per label, optionally stacked by severity."""

from __future__ import annotations

from .html_page import esc

SEVERITY_COLOURS = {"critical": "#e03131", "major": "#fd7e14", "minor": "#fcc419"}
ROW, LABEL_W, BAR_W, PAD = 20, 170, 300, 6


def _label(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stacked_bars(rows: list[tuple[str, dict[str, int]]], title: str,
                 colours: dict[str, str] = SEVERITY_COLOURS) -> str:
    """One bar per ``(label, {part: count})`` row, parts stacked in ``colours`` order, total at the end."""
    top = max((sum(parts.values()) for _, parts in rows), default=0) or 1
    height = PAD * 2 + ROW * max(len(rows), 1) + 18
    width = LABEL_W + BAR_W + 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}"><title>{esc(title)}</title>']
    for i, (label, parts) in enumerate(rows):
        y = PAD + i * ROW
        out.append(f'<text x="{LABEL_W - 6}" y="{y + 14}" text-anchor="end">{esc(_label(label))}'
                   f"<title>{esc(label)}</title></text>")
        x = float(LABEL_W)
        for part, colour in colours.items():
            n = parts.get(part, 0)
            if not n:
                continue
            w = BAR_W * n / top
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW - 6}" fill="{colour}">'
                       f"<title>{esc(label)}: {n} {esc(part)}</title></rect>")
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 14}">{sum(parts.values())}</text>')
    if not rows:
        out.append(f'<text x="{LABEL_W}" y="{PAD + 14}">nothing to plot</text>')
    legend_y = height - 6
    lx = LABEL_W
    for part, colour in colours.items():
        out.append(f'<rect x="{lx}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{lx + 14}" y="{legend_y}">{esc(part)}</text>')
        lx += 80
    out.append("</svg>")
    return "".join(out)


def score_bars(rows: list[tuple[str, float]], title: str) -> str:
    """One bar per ``(label, score)`` on a 0–100 scale (chrF per article), the score at the end."""
    height = PAD * 2 + ROW * max(len(rows), 1)
    width = LABEL_W + BAR_W + 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}"><title>{esc(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = PAD + i * ROW
        w = BAR_W * max(0.0, min(value, 100.0)) / 100
        out.append(f'<text x="{LABEL_W - 6}" y="{y + 14}" text-anchor="end">{esc(_label(label))}'
                   f"<title>{esc(label)}</title></text>"
                   f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W}" height="{ROW - 6}" fill="#f1f3f5"/>'
                   f'<rect x="{LABEL_W}" y="{y + 3}" width="{w:.1f}" height="{ROW - 6}" fill="#5f3dc4">'
                   f"<title>{esc(label)}: {value:.2f}</title></rect>"
                   f'<text x="{LABEL_W + BAR_W + 4}" y="{y + 14}">{value:.1f}</text>')
    out.append("</svg>")
    return "".join(out)
