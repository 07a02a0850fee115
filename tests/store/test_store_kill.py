"""An ingest killed with SIGKILL and run again loses and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.analytics.fold_sql import STORE_HOOKS
from detente.ingest import read_inputs
from detente.runners import run
from detente.store import Store

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
PARTS = (
    "The Brazilian foreign minister met officials from Argentina on Friday.",
    "Ghana's parliament approved a loan from the World Bank.",
    "Police in the Thai capital arrested dozens of protesters overnight.",
    "Egypt urged Ethiopia to resume talks over the dam.",
)


def write_inputs(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        text = " ".join(PARTS[(n + k) % 4] for k in range(4)) + f" The session number {n} ended late."
        (folder / f"art{n:03d}.txt").write_text(text, encoding="utf-8")


def test_killed_ingest_run_again_equals_an_uninterrupted_one(pipeline, tmp_path):
    inputs = tmp_path / "in"
    write_inputs(inputs, 150)
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "DETENTE_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "detente", "ingest", str(inputs), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    # The log grows once the tables are created, and again with each batch of articles committed.
    while proc.poll() is None and time.monotonic() < deadline and _size(wal) < 64_000:
        time.sleep(0.05)
    time.sleep(0.3)
    still_running = proc.poll() is None
    workers = _workers(proc.pid)  # by default one per core, each with a model
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not still_running:
        pytest.skip("the ingest finished before it could be killed (a very fast machine)")
    # The workers see their parent gone and stop: none lives on, orphaned, holding a model.
    deadline = time.monotonic() + 30
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_alive, workers))
    with Store.open(db, hooks=STORE_HOOKS) as store:
        partial = store.summary().articles
    assert 0 < partial < 150, "killed part way"
    again = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{150 - partial} new, {partial} already stored, 0 failed" in again.stdout

    with Store.open(tmp_path / "clean.duckdb", hooks=STORE_HOOKS) as store:
        run(read_inputs([str(inputs)]), pipeline, store=store)
        expected = list(store.records())
    with Store.open(db, hooks=STORE_HOOKS) as store:
        got = list(store.records())
        assert store.summary().articles == 150
    assert got == expected


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _workers(pid: int) -> list[int]:
    """The worker processes among a process's children (Linux /proc; none elsewhere)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            if "resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace"):
                found.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited; only its parent may reap it
