"""Small SVG charts drawn on the server: no chart library, no script, works offline."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT, PAD = 320, 120, 24


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]  # oldest first


def trend(series: Series, low: float = 1, high: float = 4) -> str:
    """A line of ``values`` between ``low`` and ``high`` with its axis labels."""
    points = series.values
    if not points:
        return ""
    span = max(len(points) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        x = PAD + (WIDTH - 2 * PAD) * (i / span if len(points) > 1 else 0.5)
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * ((v - low) / (high - low))
        return round(x, 1), round(y, 1)

    coords = [xy(i, v) for i, v in enumerate(points)]
    line = " ".join(f"{x},{y}" for x, y in coords)
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="3"/>' for x, y in coords)
    title = escape(series.name)
    base = HEIGHT - PAD
    return (
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{title}: {", ".join(f"{v:g}" for v in points)}">'
        f"<title>{title}</title>"
        f'<line class="axis" x1="{PAD}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}"/>'
        f'<text x="4" y="{PAD + 4}">{high:g}</text><text x="4" y="{base + 4}">{low:g}</text>'
        f'<polyline points="{line}"/>{dots}</svg>'
    )
