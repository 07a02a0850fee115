"""detente: political event data from news articles, with evidence.

    import detente
    d = detente.load()                      # the model and knowledge, loaded once
    result = d("Chile recalled its ambassador from Peru.", published="2019-05-02")
    result.events, result.to_records()
    for result in d.pipe(texts): ...
    db = detente.open("news.duckdb")        # stored records as pandas or Arrow tables

Importing detente is cheap: the model loads on ``load()``, the API's modules on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from detente.api import Database, Detente, load, open
    from detente.records import Result
    from detente.runners import RunReport

# Public name -> the module that defines it, imported on first access (PEP 562).
_LAZY = {
    "load": "detente.api",
    "open": "detente.api",
    "Detente": "detente.api",
    "Database": "detente.api",
    "Result": "detente.records",
    "RunReport": "detente.runners",
}

__all__ = ["Database", "Detente", "Result", "RunReport", "__version__", "load", "open"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
