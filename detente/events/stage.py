"""The events stage's entry points, as detente.core calls them."""

from __future__ import annotations

from detente.events.coder import code
from detente.events.lexicon import Lexicon

__all__ = ["Lexicon", "code"]
