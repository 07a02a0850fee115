"""Small helpers the templates use: number formats, links that keep a page's filters, sparklines.
All return escaped text or Markup built from numbers and escaped values only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape
from starlette.requests import Request

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}"


def quad(value: int | None) -> str:
    return QUAD_NAMES.get(value or 0, "–")


def tone_class(value: float | None) -> str:
    """A CSS class for a Goldstein weight: cooperative, conflictual or neutral."""
    if value is None or abs(value) < 0.5:
        return "neutral"
    return "coop" if value > 0 else "conflict"


def shorten(value: str | None, size: int = 220) -> str:
    if not value:
        return ""
    value = " ".join(value.split())
    return value if len(value) <= size else value[: size - 1].rsplit(" ", 1)[0] + "…"


def web_url(value: str | None) -> str | None:
    """A stored URL fit for a link: http(s) only (a `javascript:` URL would run on click)."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one); blank ones dropped."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def sparkline(points: Sequence[dict[str, Any]], width: int = 240, height: int = 32) -> Markup:
    """An inline SVG of events per period (bars) coloured by the period's mean Goldstein weight."""
    if not points:
        return Markup("")
    most = max(p["events"] for p in points) or 1
    step = width / len(points)
    bars = []
    for i, p in enumerate(points):
        h = round(p["events"] / most * (height - 2), 1)
        bars.append(
            f'<rect x="{i * step:.1f}" y="{height - h:.1f}" width="{max(step - 1, 1):.1f}" height="{h}" '
            f'class="{tone_class(p.get("goldstein_mean"))}"><title>{escape(p["period"])}: {p["events"]} events, '
            f"mean Goldstein {signed(p.get('goldstein_mean'))}</title></rect>"
        )
    first, last = escape(points[0]["period"]), escape(points[-1]["period"])
    bars.append(
        f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" class="axis"><title>{first}–{last}</title></line>'
    )
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="events per year">{"".join(bars)}</svg>'
    )


FILTERS: dict[str, Callable[..., Any]] = {
    "signed": signed,
    "quad": quad,
    "tone": tone_class,
    "shorten": shorten,
    "sparkline": sparkline,
    "web_url": web_url,
}
