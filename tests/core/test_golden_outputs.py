"""Whole-article outputs on the project's own example articles, pinned as golden files.

A change that alters any record of these articles fails here; when the change is intended,
regenerate with `DETENTE_UPDATE_GOLDEN=1 python -m pytest tests/core/test_golden_outputs.py`
and review the diff of tests/core/golden/ before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from detente.errors import DetenteError
from detente.ingest import read_inputs

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "files"
GOLDEN = Path(__file__).parent / "golden"


def _records(pipeline, path: Path) -> list[dict]:
    articles = [a for a in read_inputs([str(path)]) if not isinstance(a, DetenteError)]
    out = []
    for result in pipeline.process(articles):
        assert not isinstance(result, DetenteError), result
        out.extend(result.records())
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")))
def test_example_article_outputs_match_golden(pipeline, name: str) -> None:
    records = _records(pipeline, EXAMPLES / name)
    golden = GOLDEN / f"{name}.jsonl"
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    if os.environ.get("DETENTE_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    assert lines == expected, f"outputs of {name} changed; see this test's docstring to regenerate"


def test_golden_records_keep_their_offsets() -> None:
    for golden in GOLDEN.glob("*.jsonl"):
        records = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
        text = records[0]["text"]
        for r in records[1:]:
            start, end = r["span"]
            assert 0 <= start < end <= len(text)
            if r["type"] == "quote":
                for s, e in r["parts"]:
                    assert start <= s < e <= end
