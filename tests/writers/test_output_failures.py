"""Outputs that cannot be written: one line, a non-zero exit, nothing half-written. A regular file
is written through a temporary file renamed on success; a device is written directly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.analytics.fold_sql import STORE_HOOKS
from detente.cli import main
from detente.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from test_store_roundtrip import make_result

FORMATS = ("jsonl", "csv", "gdelt", "parquet")
NAMES = {"jsonl": "out.jsonl", "csv": "out.csv", "gdelt": "out.tsv", "parquet": "out.parquet"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred articles of our own: enough to overflow a tiny file system."""
    path = tmp_path_factory.mktemp("out") / "db.duckdb"
    with Store.open(path, hooks=STORE_HOOKS) as store:
        for n in range(120):
            store.write(make_result(f"d{n}", f"Lavrov met Kerry in Moscow, meeting number {n}. " * 40, events=2))
    return path


def _mount(folder: Path, *options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)], capture_output=True, check=False
    )
    return done.returncode == 0


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 16 KiB tmpfs: full long before the export ends."""
    folder = tmp_path / "tiny"
    if not _mount(folder, "size=16k"):
        pytest.skip("mounting a tmpfs is not permitted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture
def read_only_fs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    if not _mount(folder, "size=1m", "ro"):
        pytest.skip("mounting a tmpfs is not permitted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def _export(db: Path, fmt: str, out: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    err = capsys.readouterr().err
    return code, err


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("detente: ") and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_file_system_is_one_line_and_leaves_nothing(db, fmt, tiny_fs, capsys):
    code, err = _export(db, fmt, tiny_fs / NAMES[fmt], capsys)
    assert code != 0
    assert "No space left on device" in _one_line_error(err) and "nothing was written" in err
    leftovers = [p for p in tiny_fs.rglob("*") if p.is_file()]
    assert leftovers == []  # no temporary file, no half file


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_read_only_location_is_one_line(db, fmt, read_only_fs, capsys):
    code, err = _export(db, fmt, read_only_fs / NAMES[fmt], capsys)
    assert code != 0 and "Read-only file system" in _one_line_error(err)


@pytest.mark.parametrize("fmt", ("jsonl", "csv", "gdelt"))
def test_dev_full_is_written_directly_and_its_error_is_one_line(db, fmt, capsys):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    code, err = _export(db, fmt, "/dev/full", capsys)
    line = _one_line_error(err)
    assert code != 0 and "cannot write to /dev/full" in line and "incomplete" in line
    assert Path("/dev/full").is_char_device()  # never renamed over


@pytest.mark.parametrize("fmt", ("jsonl", "csv", "gdelt"))
def test_a_folder_given_for_a_file_is_one_line(db, fmt, tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    code, err = _export(db, fmt, tmp_path / "taken", capsys)
    assert code != 0 and "is a folder" in _one_line_error(err)


def test_a_file_in_place_of_a_folder_is_one_line(db, tmp_path, capsys):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, err = _export(db, "jsonl", tmp_path / "plain" / "out.jsonl", capsys)
    assert code != 0 and "is not a folder" in _one_line_error(err)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_created_and_no_temporary_file_stays(db, fmt, tmp_path, capsys):
    out = tmp_path / "new" / "deeper" / NAMES[fmt]
    code, _ = _export(db, fmt, out, capsys)
    assert code == 0 and out.exists()
    names = sorted(p.name for p in out.parent.rglob("*"))
    assert not [n for n in names if ".tmp" in n], names


def test_a_failed_write_keeps_the_old_file(tmp_path):
    """The old output stays whole when the new one is given up half-way."""
    from detente.writers.files import OutputFile

    out = tmp_path / "kept.jsonl"
    out.write_text("old\n", encoding="utf-8")
    sink = OutputFile.open(out, what="JSON Lines")
    sink.write("new, half\n")
    sink.discard()
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.jsonl"]


def test_a_fifo_is_written_directly(db, tmp_path, capsys):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    copy = tmp_path / "copy.jsonl"
    with copy.open("wb") as sink:  # a file, not a pipe: a full pipe would block the export
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        code, _ = _export(db, "jsonl", fifo, capsys)
        reader.wait(timeout=30)
    assert code == 0 and copy.read_bytes().count(b"\n") > 120
    assert fifo.is_fifo()


def test_dash_is_standard_output(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The Norwegian foreign minister met his Canadian counterpart in Oslo.", encoding="utf-8")
    assert main(["extract", str(article), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert '"type": "document"' in out and not (Path.cwd() / "-").exists()


@pytest.mark.parametrize("target", ("plot", "network"))
def test_plots_and_networks_go_through_a_temporary_file(db, target, tmp_path, capsys):
    if target == "plot":
        written = tmp_path / "chart.png"
        code = main(["dyad", "RUS", "USA", "--db", str(db), "--plot", str(written)])
    else:
        written = tmp_path / "net.json"
        code = main(["network", "--db", str(db), "-o", str(written)])
    assert code == 0 and written.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [written.name]


def test_a_plot_into_a_read_only_folder_is_one_line(db, read_only_fs, capsys):
    code = main(["dyad", "RUS", "USA", "--db", str(db), "--plot", str(read_only_fs / "chart.png")])
    err = capsys.readouterr().err
    assert code != 0 and "Read-only file system" in _one_line_error(err)
