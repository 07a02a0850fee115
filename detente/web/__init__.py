"""The web layer: `detente serve` runs an HTTP API and a dashboard over a database (read-only)."""

from __future__ import annotations

from detente.web.app import create_app

__all__ = ["create_app"]
