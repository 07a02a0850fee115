"""Runners: a batch of articles through the pipeline into a store and/or a writer, with a report.

``run`` (local, in this process) is used by the CLI, the Python API and the web upload alike.
"""

from __future__ import annotations

from detente.runners.local import Failure, Progress, RunReport, Stored, run

__all__ = ["Failure", "Progress", "RunReport", "Stored", "run"]
