"""The real command on hostile input: every good article processed, every bad input named with
its reason on one line of stderr, no traceback, no hang, bounded memory, exit 1 when something
failed and 0 when nothing did."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from conftest import Run, extract, write_case, write_good
from hostile import CASES, GOOD, SMART, Case

QUICK = [c for c in CASES if not c.slow]
SLOW = [c for c in CASES if c.slow]


def _assert_case(run: Run, case: Case, prefix: str) -> None:
    lines = run.stderr.splitlines()
    assert "Traceback" not in run.stderr
    for name, reason in zip(case.failing, case.reasons, strict=True):
        named = [ln for ln in lines if f"/{name}:" in ln or ln.endswith(f"/{name}")]
        assert len(named) == 1, f"{name} not named once on stderr:\n{run.stderr}"
        assert reason in named[0], named[0]
    for doc_id in case.processed:
        # A file's id is its path in the folder read; a JSONL article's id is its own.
        assert {f"{prefix}{doc_id}", doc_id} & run.doc_ids, f"{doc_id} not processed:\n{run.stderr}"
    for word in case.warned:
        assert any("warning" in ln and word in ln for ln in lines), f"no warning with {word!r}:\n{run.stderr}"


@pytest.mark.parametrize("case", QUICK, ids=lambda c: c.name)
def test_quick_case(quick_run: tuple[Path, Run], case: Case) -> None:
    _, run = quick_run
    _assert_case(run, case, prefix=f"{case.name}/")
    assert all(name.removesuffix(".txt") in run.doc_ids for name in GOOD)


def test_the_quick_run_fails_for_its_bad_inputs_only(quick_run: tuple[Path, Run]) -> None:
    _, run = quick_run
    failing = sum(len(c.failing) for c in QUICK)
    # One line per bad input, and the closing count; every line starts with "detente:".
    assert run.returncode == 1
    assert f"{failing} input(s) failed" in run.stderr
    assert all(ln.startswith("detente: ") for ln in run.stderr.splitlines()), run.stderr


@pytest.mark.slow
@pytest.mark.parametrize("case", SLOW, ids=lambda c: c.name)
def test_slow_case(tmp_path: Path, case: Case) -> None:
    folder = tmp_path / "run"
    write_case(case, folder)
    write_good(folder)
    run = extract([str(folder)], timeout=300, output=tmp_path / "out.jsonl")
    _assert_case(run, case, prefix="")
    assert all(name.removesuffix(".txt") in run.doc_ids for name in GOOD)
    assert run.returncode == (1 if case.failing else 0), run.stderr


def test_a_clean_run_exits_0_even_with_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder)
    (folder / "legacy.txt").write_bytes(SMART.encode("cp1252"))
    (folder / "wide.txt").write_bytes(SMART.encode("utf-16"))
    run = extract([str(folder)], timeout=120, output=tmp_path / "out.jsonl")
    assert run.returncode == 0, run.stderr
    assert {"good_a", "good_b", "legacy", "wide"} <= run.doc_ids
    assert "Traceback" not in run.stderr


def test_the_output_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder)
    out = folder / "out.jsonl"
    out.write_text(json.dumps({"id": "stale", "text": "Old text from an earlier run."}) + "\n")
    run = extract([str(folder)], timeout=120, output=out)
    assert run.returncode == 0, run.stderr
    assert run.doc_ids == {"good_a", "good_b"}


@pytest.mark.parametrize(
    ("name", "data", "doc_ids"),
    [
        ("jsonl_with_bom", codecs.BOM_UTF8 + b'{"id": "s1", "text": "Fiji thanked Tonga for its help."}\n', {"s1"}),
        ("invalid_bytes", b"Fiji thanked Tonga for its help \xff\xfe\x81 on Monday.\n", {"stdin"}),
        ("utf16_text", SMART.encode("utf-16"), {"stdin"}),
        ("utf16_jsonl", '{"id": "s2", "text": "Fiji thanked Tonga."}\n'.encode("utf-16"), {"s2"}),
    ],
)
def test_standard_input(tmp_path: Path, name: str, data: bytes, doc_ids: set[str]) -> None:
    run = extract(["-"], stdin=data, timeout=120, output=tmp_path / "out.jsonl")
    assert run.returncode == 0, run.stderr
    assert run.doc_ids == doc_ids
    assert "Traceback" not in run.stderr


def test_binary_standard_input_is_one_line(tmp_path: Path) -> None:
    run = extract(["-"], stdin=bytes(range(256)) * 8, timeout=120, output=tmp_path / "out.jsonl")
    assert run.returncode == 1
    (line,) = [ln for ln in run.stderr.splitlines() if "<stdin>" in ln]
    assert "binary" in line and "Traceback" not in run.stderr


def test_a_fifo_given_by_name_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    run = extract([str(fifo)], timeout=60, output=tmp_path / "out.jsonl")
    assert run.returncode != 0 and "FIFO" in run.stderr and "Traceback" not in run.stderr
