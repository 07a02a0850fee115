"""Shared fixtures: the model and the pipeline are loaded once per test session."""

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
