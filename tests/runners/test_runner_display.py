"""Progress lines off a terminal (plain and JSON) and the final report line."""

from __future__ import annotations

import json

import pytest

from detente.runners import Failure, Progress, RunReport
from detente.runners.display import ProgressLog, render_report, report_json


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("fmt", "total", "expected"),
    [
        ("text", 100, "20/100 articles, 2.0 articles/s, ETA 40s"),
        ("text", None, "20 articles, 2.0 articles/s"),
        (
            "json",
            100,
            {"event": "progress", "done": 20, "total": 100, "articles_per_s": 2.0, "eta_s": 40.0, "elapsed_s": 10.0},
        ),
    ],
)
def test_a_line_every_interval_with_rate_and_eta(fmt, total, expected):
    lines: list[str] = []
    clock = Clock()
    log = ProgressLog(lines.append, fmt=fmt, every=10.0, clock=clock)
    clock.now += 5
    log(Progress(done=10, total=total))
    assert lines == []  # not yet: one line per interval
    clock.now += 5
    log(Progress(done=20, total=total))
    clock.now += 1
    log(Progress(done=21, total=total))
    assert len(lines) == 1
    assert (json.loads(lines[0]) if fmt == "json" else lines[0]) == expected


def test_report_line_and_json_carry_words_per_second():
    report = RunReport(
        read=5,
        new=3,
        recoded=0,
        already_stored=1,
        failed=(Failure(where="x.txt", reason="empty"),),
        events=7,
        quotes=2,
        words=3000,
        seconds=1.5,
    )
    assert (
        render_report(report)
        == "3 new, 1 already stored, 1 failed (7 events, 2 quotes, 1.5 s, 2,000 words/s; 5 inputs)"
    )
    data = json.loads(report_json(report))
    assert (data["event"], data["new"], data["failed"], data["words_per_s"]) == ("report", 3, 1, 2000.0)
