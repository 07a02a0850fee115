"""Quality gate: the events evaluation, through the same run() as `detente eval events`, must not
fall below the pinned floors (floor = measured - 0.02; never below a target once it is reached).

Targets on plover_gsr_dev.json: type F1 >= 0.70, (source country, type) F1 >= 0.60, extra <= 30%.
FLOORS holds the figures measured with the real pipeline; update them (upwards) when a change
improves them. While the actors stage resolves nothing, every figure is 0 and the gate skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluate import events as evaluation

# Measured with the real pipeline (all stages in place, 2026-12-03, issue #13): type F1 0.741,
# (source, type) F1 0.674, (source, target, type) F1 0.484, extra events 28.5%; PETRARCH sample
# root/code F1 1.000. Issue #13 item 5 removed the patterns that fired on a single sentence of this
# very gold set and nowhere else (0.786 -> 0.741): the floor follows the figure that holds off the
# development set, still above the 0.70 target. Item 8 then added codebook-named verbs (halting and
# rejecting mediation, ethnic cleansing, sharing expertise, cancelling restrictions): type F1 0.760,
# (source, type) F1 0.686, (source, target, type) F1 0.477, extra events 29.7%. Floors are
# measured - 0.02 (the dyad floor stays where it was set) and the extra-events ceiling is the
# target itself (30%), never looser. The whole-article recall rules of 2026-12-04 (denigration, name-
# calling, threats' parties, country descriptions, senses decided by complements): type F1 0.765,
# (source, type) F1 0.699, (source, target, type) F1 0.504, extra events 29.3%.
PLOVER_FLOORS: dict[str, float] = {"type_f1": 0.745, "source_type_f1": 0.679, "dyad_type_f1": 0.484}
PLOVER_EXTRA_CEILING: float | None = 0.30
PETRARCH_FLOORS: dict[str, float] = {"root_f1": 0.98, "code_f1": 0.98}


@pytest.fixture(scope="module")
def plover_report(pipeline, shared: Path):
    report = evaluation.run(shared / "gold" / "plover" / "plover_gsr_dev.json", pipeline)
    if report.metrics["type_f1"] == 0.0 and report.metrics["dyad_type_precision"] == 0.0:
        pytest.skip("no events coded on the gold: the actors stage resolves no mentions yet")
    return report


def test_plover_figures_hold(plover_report) -> None:
    for key, floor in PLOVER_FLOORS.items():
        assert plover_report.metrics[key] >= floor, f"{key} fell to {plover_report.metrics[key]:.3f} (< {floor})"
    if PLOVER_EXTRA_CEILING is not None:
        assert plover_report.metrics["extra_events"] <= PLOVER_EXTRA_CEILING


def test_plover_report_has_stable_keys(plover_report) -> None:
    for key in ("type_f1", "source_type_f1", "dyad_type_f1", "extra_events"):
        assert plover_report.metrics[key] >= 0.0


def test_petrarch_sample_reads_and_scores(pipeline, shared: Path) -> None:
    report = evaluation.run(shared / "gold" / "petrarch" / "format-sample.xml", pipeline)
    assert report.metrics["sentences"] == 4.0
    for key, floor in PETRARCH_FLOORS.items():
        assert report.metrics[key] >= floor
