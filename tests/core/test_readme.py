"""The README's Python examples run, in order, as a reader would paste them (real model)."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from conftest import REPO

pytestmark = pytest.mark.model

ARTICLES = {
    "talks.txt": "Kenya's foreign minister met the Ugandan ambassador in Nairobi on Tuesday.\n",
    "visit.txt": "Kenya's president will visit Tanzania next month, his office said.\n",
}


def python_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def test_the_readme_has_python_examples():
    blocks = python_blocks()
    assert len(blocks) >= 3
    assert "detente.load()" in blocks[0] and "detente.open(" in blocks[-1]


def test_the_readme_python_examples_run(tmp_path, monkeypatch, pipeline):
    import detente
    from detente.api import Detente

    # The examples' detente.load() reuses the test session's pipeline (same defaults).
    monkeypatch.setattr(detente.api, "load", lambda *a, **k: Detente(pipeline))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in python_blocks():
            exec(compile(block, "README.md", "exec"), namespace)
    report = namespace["report"]
    assert report.new == 2 and not report.failed  # type: ignore[attr-defined]
    assert len(namespace["frame"]) >= 1  # type: ignore[arg-type]
    assert namespace["records"][0]["type"] == "document"  # type: ignore[index]
    assert (tmp_path / "news.duckdb").exists() and out.getvalue()
