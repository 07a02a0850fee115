"""The store stage: records in a DuckDB file (embedded, one file), one transaction per article.

Entry point: ``Store.open(path, read_only=False)``, a context manager giving a ``Store`` with
``contains``, ``write``, ``articles``, ``export`` and ``summary``. Tables derive from the record
types (``schema``); older databases are upgraded on open (``migrations``). ``Hooks`` passed to
``open`` run inside the store's transactions: analytics folds each article as it is written
(``detente.analytics.fold_sql.STORE_HOOKS``) without the store importing analytics.
"""

from __future__ import annotations

from detente.store.migrations import SCHEMA_VERSION
from detente.store.store import Dyad, Hooks, Store, StoredArticle, Summary

__all__ = ["SCHEMA_VERSION", "Dyad", "Hooks", "Store", "StoredArticle", "Summary"]
