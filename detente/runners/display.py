"""How a run tells its progress: periodic plain or JSON lines (off a terminal, for logs and
machines), and its final report as one line. The live bar on a terminal is the CLI's (tqdm).

Nothing here prints: a ``ProgressLog`` hands each line to the function it is given.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict

from detente.runners.local import Failure, Progress, RunReport

LOG_FORMATS = ("text", "json")
LOG_EVERY_SECONDS = 10.0  # between two progress lines off a terminal


def words_per_second(report: RunReport) -> float:
    return report.words / report.seconds if report.seconds > 0 else 0.0


def render_report(report: RunReport) -> str:
    """One line: what a run did with its inputs (articles, new, already stored, failed, events,
    quotes, seconds, words/s)."""
    parts = [f"{report.new} new"]
    if report.recoded:
        parts.append(f"{report.recoded} recoded")
    parts += [f"{report.already_stored} already stored", f"{len(report.failed)} failed"]
    return ", ".join(parts) + (
        f" ({report.events} events, {report.quotes} quotes, {report.seconds:.1f} s, "
        f"{words_per_second(report):,.0f} words/s; {report.read} inputs)"
    )


def report_json(report: RunReport) -> str:
    fields = asdict(report)
    fields["failed"] = len(report.failed)
    fields["seconds"] = round(report.seconds, 3)
    return json.dumps({"event": "report", **fields, "words_per_s": round(words_per_second(report), 1)})


def failure_json(failure: Failure) -> str:
    return json.dumps({"event": "failure", "where": failure.where, "reason": failure.reason})


class ProgressLog:
    """Progress lines every `every` seconds: "120/840 articles, 3.1 articles/s, ETA 3m52s", or
    the same as JSON objects. `clock` is injectable for tests."""

    def __init__(
        self,
        emit: Callable[[str], None],
        *,
        fmt: str = "text",
        every: float = LOG_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.emit = emit
        self.fmt = fmt
        self.every = every
        self.clock = clock
        self.started = clock()
        self.last = self.started

    def __call__(self, progress: Progress) -> None:
        now = self.clock()
        if now - self.last < self.every:
            return
        self.last = now
        elapsed = now - self.started
        rate = progress.done / elapsed if elapsed > 0 else 0.0
        eta = (progress.total - progress.done) / rate if progress.total is not None and rate > 0 else None
        if self.fmt == "json":
            self.emit(
                json.dumps(
                    {
                        "event": "progress",
                        "done": progress.done,
                        "total": progress.total,
                        "articles_per_s": round(rate, 2),
                        "eta_s": None if eta is None else round(eta, 1),
                        "elapsed_s": round(elapsed, 1),
                    }
                )
            )
            return
        of = f"/{progress.total}" if progress.total is not None else ""
        tail = f", ETA {_duration(eta)}" if eta is not None else ""
        self.emit(f"{progress.done}{of} articles, {rate:.1f} articles/s{tail}")


def _duration(seconds: float) -> str:
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"
