"""Quality gate: the actors evaluation may not fall below its pinned floors (measured − 0.02,
never below the issue's target once reached). Runs the same `run()` as `detente eval actors`."""

from __future__ import annotations

import pytest

from detente.evaluate.actors import run

FLOORS = {"actor_recall": 0.85, "mention_precision": 0.823}  # measured 0.860 / 0.843 on 2026-11-23


@pytest.fixture(scope="module")
def report(pipeline, shared):
    return run(shared / "gold" / "plover" / "plover_gsr_dev.json", pipeline)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_actor_figures_hold(report, metric: str) -> None:
    assert report.metrics[metric] >= FLOORS[metric], f"{metric} fell to {report.metrics[metric]:.3f}"
