"""Analytics over stored records: folding reports into events (``fold``, ``fold_sql``), dyad
series and charts (``series``), GDELT and spreadsheet rows (``gdelt``) and queries (``queries``).
Tone and contexts are stages of the pipeline (``detente.tone``, ``detente.contexts``). Import the
modules directly; this package re-exports only what the summary uses."""

from __future__ import annotations

from detente.analytics.series import YearPoint, dyad_by_year, render_series

__all__ = ["YearPoint", "dyad_by_year", "render_series"]
