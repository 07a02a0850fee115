"""Analytics over stored records: folding reports into events (``fold``, ``fold_sql``), dyad
series and charts (``series``), GDELT and spreadsheet rows (``gdelt``), tone and contexts
(``tone``, ``contexts``, ``enrich``) and queries (``queries``). Import the modules directly; this
package re-exports only what the store's summary uses."""

from __future__ import annotations

from detente.analytics.series import YearPoint, dyad_by_year, render_series

__all__ = ["YearPoint", "dyad_by_year", "render_series"]
