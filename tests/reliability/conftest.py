"""The hostile corpus, written once per session, and a harness running the real command on it."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile import CASES, GOOD, Case

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 6 * 1024**3  # address space of one run: a runaway allocation fails, not the machine
PEAK_RSS_LIMIT = 3 * 1024**3  # resident memory any one run may reach


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a hostile case that takes tens of seconds (deselect with -m 'not slow')")


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    returncode: int
    stderr: str
    doc_ids: frozenset[str]
    seconds: float


# `python -m detente ARGS`, exactly (runpy), and the process's peak resident memory written at exit.
_AS_MAIN = (
    "import atexit, resource, runpy, sys\n"
    "peak = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(peak, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv[0] = 'detente'\n"
    "runpy.run_module('detente', run_name='__main__', alter_sys=True)\n"
)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def extract(args: list[str], *, timeout: float, stdin: bytes | None = None, output: Path) -> Run:
    """`python -m detente extract ARGS -o OUTPUT` in a subprocess, bounded in time and memory."""
    import time

    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(REPO)}
    peak_file = output.with_name(output.name + ".peak")
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _AS_MAIN, str(peak_file), "extract", *args, "-o", str(output)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        cwd=REPO,
        env=env,
        preexec_fn=_limit_memory,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak = int(peak_file.read_text()) * 1024 if peak_file.exists() else 0
    assert peak < PEAK_RSS_LIMIT, f"a run reached {peak / 1024**3:.1f} GiB resident"
    doc_ids: set[str] = set()
    if output.exists():
        for line in output.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("type") == "document":
                doc_ids.add(record["doc_id"])
    return Run(
        returncode=proc.returncode,
        stderr=proc.stderr.decode("utf-8", "replace"),
        doc_ids=frozenset(doc_ids),
        seconds=seconds,
    )


def write_case(case: Case, folder: Path) -> None:
    folder.mkdir(parents=True)
    case.write(folder)


def write_good(folder: Path) -> None:
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """Every quick case in its own subfolder, with the good articles, read in one run (the model
    loads once: a run per case would take minutes)."""
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "run"
    folder.mkdir()
    write_good(folder)
    for case in CASES:
        if not case.slow:
            write_case(case, folder / case.name)
    return folder, extract([str(folder)], timeout=240, output=base / "out.jsonl")
