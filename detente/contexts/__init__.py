"""The contexts stage: what each event is about, in PLOVER's contexts ("cbrn", "economic"...)."""

from detente.contexts.lexicon import CONTEXTS, ContextLexicon
from detente.contexts.stage import contexts_stage

__all__ = ["CONTEXTS", "ContextLexicon", "contexts_stage"]
