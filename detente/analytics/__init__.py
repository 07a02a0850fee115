"""Analytics over stored records: dyad series now; event deduplication and tone come next."""

from __future__ import annotations

from detente.analytics.series import YearPoint, dyad_by_year, render_series

__all__ = ["YearPoint", "dyad_by_year", "render_series"]
