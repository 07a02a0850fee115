"""Quality gate: TIMEX3 value F1 (TempEval-3 scoring, all types) on TBAQ-cleaned.

The 256 documents (TimeBank 183 + AQUAINT 73) are read from ../shared (never copied) and run
once per session through ``detente.evaluate.dates.predict`` (the pipeline's parse and the
dates stage, as ``detente eval dates`` runs them); TimeBank, AQUAINT and all of TBAQ are scored
from that one run with ``detente.evaluate.dates.score``.

Floors are the figures measured when the gate was set, less 0.02 (they are raised as the stage
improves; once a figure reaches 0.80 its floor never goes below 0.80).
    measured: TimeBank 0.839, AQUAINT 0.760, TBAQ 0.814 (TBAQ's floor is 0.80: reached)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluate.dates import TimeMLDoc, predict, read_timeml, score

FLOORS = {"TimeBank": 0.819, "AQUAINT": 0.740, "TBAQ": 0.800}


@pytest.fixture(scope="session")
def tbaq_predictions(shared: Path, pipeline):
    root = shared / "gold" / "tempeval3" / "TBAQ-cleaned"
    if not root.is_dir():
        pytest.skip(f"TBAQ-cleaned not found under {root}")
    docs: list[tuple[str, TimeMLDoc]] = []
    for part in ("TimeBank", "AQUAINT"):
        docs += [(part, read_timeml(f)) for f in sorted((root / part).glob("*.tml"))]
    part_of = {d.doc_id: part for part, d in docs}
    return [(part_of[doc.doc_id], doc, found) for doc, found in predict([d for _, d in docs], pipeline)]


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_dates_value_f1_floor(tbaq_predictions, part: str):
    rows = [(doc, found) for p, doc, found in tbaq_predictions if part in ("TBAQ", p)]
    metrics, lines = score(rows)
    expected_docs = {"TimeBank": 183, "AQUAINT": 73, "TBAQ": 256}[part]
    assert metrics["documents"] == expected_docs
    assert metrics["value_f1"] >= FLOORS[part], f"{part}: " + "; ".join(lines)
