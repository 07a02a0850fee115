"""Shared fixtures: the model and the pipeline are loaded once per test session; unit tests that
need only a parse shape build their Doc on ``en_vocab`` (``tests/docs.py``) instead."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from detente.config import NlpConfig
    from detente.nlp import load

    return load(NlpConfig())


@pytest.fixture(scope="session")
def en_vocab():
    """A blank English vocabulary (lexical attributes such as ``like_num``, no model), as spaCy's
    own tests build their Docs on."""
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def pipeline():
    from detente.config import load_config
    from detente.core import Pipeline

    return Pipeline(load_config(environ={}))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (it sits next to the repository root)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    return shared / "corpus" / "seeds"
