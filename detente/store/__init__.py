"""The store stage: records in a DuckDB file (embedded, one file), one transaction per article.

Entry point: ``Store.open(path, read_only=False)``, a context manager giving a ``Store`` with
``contains``, ``write``, ``export`` and ``summary``.
"""

from __future__ import annotations

from detente.store.schema import SCHEMA_VERSION
from detente.store.store import Dyad, Store, Summary

__all__ = ["SCHEMA_VERSION", "Dyad", "Store", "Summary"]
