"""A disk filling while storing, and damaged databases: one line, and the database stays usable."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_roundtrip import make_result

from detente.analytics.fold_sql import STORE_HOOKS
from detente.cli import main
from detente.errors import StoreError, StoreFailed
from detente.store import Store

BLOCK, HEADER = 262_144, 12_288  # DuckDB's block size and its file header


def _article(n: int):
    return make_result(f"d{n}", f"Lavrov met Kerry in Moscow, meeting number {n}. " * 40, events=2)


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "tiny"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_stops_the_run_and_leaves_the_database_consistent(tiny_fs, tmp_path):
    db = tiny_fs / "full.duckdb"
    stored = 0
    with pytest.raises(StoreFailed) as info, Store.open(db, hooks=STORE_HOOKS) as store:
        for n in range(2000):
            store.write(_article(n))
            stored += 1
    message = str(info.value)
    assert "No space left on device" in message and "the database is consistent" in message
    assert "\n" not in message and stored > 0
    # Read back from a copy where there is room: every article written before the failure, whole.
    copy = tmp_path / "copy.duckdb"
    for f in tiny_fs.iterdir():
        shutil.copy(f, tmp_path / f.name.replace("full", "copy"))
    with Store.open(copy, hooks=STORE_HOOKS) as store:
        assert store.counts()["documents"] == stored
        assert store.counts()["events"] == 2 * stored
        store.write(_article(stored))  # and it takes the rest
        assert store.counts()["documents"] == stored + 1


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("damaged") / "good.duckdb"
    with Store.open(db, hooks=STORE_HOOKS) as store:
        for n in range(200):
            store.write(_article(n))
    return db


def _damaged(good: Path, folder: Path, how: str) -> Path:
    bad = folder / f"{how}.duckdb"
    shutil.copy(good, bad)
    size = bad.stat().st_size
    with bad.open("r+b") as f:
        if how == "truncated":
            f.truncate(size // 2)
        elif how == "header-block":
            f.seek(HEADER + 1000)
            f.write(b"\xff" * 16)
        else:  # every data block after the first: whatever the tables use is hit
            for offset in range(HEADER + BLOCK + 1000, size, BLOCK):
                f.seek(offset)
                f.write(b"\xff" * 16)
    return bad


COMMANDS = (
    ["summary"],
    ["export", "--format", "jsonl", "-o", "{out}"],
    ["events"],
    ["actors"],
    ["migrate"],
    ["dyad", "RUS", "USA"],
)


@pytest.mark.parametrize("how", ("truncated", "header-block", "data-blocks"))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_damaged_database_is_named_by_every_command(good_db, tmp_path, how, command, capsys):
    bad = _damaged(good_db, tmp_path, how)
    args = [a.replace("{out}", str(tmp_path / "out.jsonl")) for a in command]
    code = main([*args, "--db", str(bad)])
    err = capsys.readouterr().err.strip()
    assert code == StoreError.exit_code, err
    assert err.splitlines() == [err] and f"{bad} is damaged" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()


def test_an_intact_database_passes_the_check(good_db, capsys):
    assert main(["summary", "--db", str(good_db)]) == 0
    assert "articles  200" in capsys.readouterr().out
