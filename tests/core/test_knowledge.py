"""The knowledge registry: every table declared once, shipped, configurable, extensible."""

from __future__ import annotations

import ast
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from detente.config import KnowledgeConfig, load_config
from detente.errors import KnowledgeError
from detente.knowledge import TABLES, Knowledge
from detente.quotes import load_cues

PACKAGE = Path(__file__).resolve().parents[2] / "detente"
STAGES = ("actors", "dates", "events", "places", "quotes", "ingest", "nlp")


def test_every_table_has_its_shipped_file_and_a_configuration_key() -> None:
    default = tomllib.loads((PACKAGE / "default.toml").read_text(encoding="utf-8"))["knowledge"]
    config_keys = {f.name for f in fields(KnowledgeConfig)}
    keys = [t.key for t in TABLES]
    assert len(keys) == len(set(keys))
    for table in TABLES:
        assert (PACKAGE / table.package.split(".")[1] / "data" / table.file).is_file(), table.shipped
    assert set(keys) == config_keys == set(default)


def test_every_shipped_data_file_is_declared() -> None:
    shipped = {(p.parent.parent.name, p.name) for p in PACKAGE.glob("*/data/*") if p.suffix in (".csv", ".toml")}
    declared = {(t.package.split(".")[1], t.file) for t in TABLES}
    assert shipped == declared


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_opens_a_data_file_or_keeps_a_module_cache(stage: str) -> None:
    for path in (PACKAGE / stage).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                # importlib.resources.files: how a package opens its own data files
                assert node.attr != "files", f"{path.name} opens a data file itself"
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                for dec in node.decorator_list:
                    name = dec.func if isinstance(dec, ast.Call) else dec
                    assert getattr(name, "id", getattr(name, "attr", "")) not in ("cache", "lru_cache"), path.name


def test_a_user_csv_extends_the_shipped_rows(tmp_path: Path) -> None:
    mine = tmp_path / "eras.csv"
    mine.write_text("keywords,start,end,note\nthe long quiet,1901-01-01,1905-12-31,made up\n", encoding="utf-8")
    knowledge = Knowledge.load(KnowledgeConfig(eras=(mine,)), keys=("eras",))
    rows = knowledge.rows("eras")
    shipped = Knowledge.load(keys=("eras",)).rows("eras")
    assert rows[: len(shipped)] == shipped
    assert rows[-1]["keywords"] == "the long quiet"


def test_a_user_toml_is_merged_into_the_shipped_table(tmp_path: Path) -> None:
    mine = tmp_path / "cues.toml"
    mine.write_text('direct = ["harrumph"]\n[object_cues]\nharrumph = "dobj"\n', encoding="utf-8")
    config = load_config(overrides=[f"knowledge.quote_cues={mine}"], environ={})
    cues = load_cues(Knowledge.load(config.knowledge, keys=("quote_cues",)))
    shipped = load_cues(Knowledge.load(keys=("quote_cues",)))
    assert "harrumph" in cues.direct and shipped.direct < cues.direct
    assert cues.object_cues["harrumph"] == "dobj"
    assert shipped.object_cues.items() <= cues.object_cues.items()


def test_a_user_csv_without_the_columns_says_which(tmp_path: Path) -> None:
    bad = tmp_path / "titles.csv"
    bad.write_text("phrase\nwarden\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lacks column"):
        Knowledge.load(KnowledgeConfig(titles=(bad,)))


def test_a_table_not_loaded_is_an_error() -> None:
    with pytest.raises(KnowledgeError, match="not loaded"):
        Knowledge.load(keys=("eras",)).rows("countries")
