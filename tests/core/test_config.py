from pathlib import Path

import pytest

from detente.config import load_config
from detente.errors import ConfigError


def test_defaults_are_typed():
    config = load_config(environ={})
    assert config.nlp.model == "auto"
    assert config.nlp.batch_size == 32
    assert config.store.path == Path("detente.duckdb")
    assert config.knowledge.office_holders == ()


def test_file_then_environment_then_set(tmp_path):
    user = tmp_path / "detente.toml"
    user.write_text('[nlp]\nbatch_size = 8\n[store]\npath = "a.duckdb"\n')
    config = load_config(user, environ={"DETENTE_NLP__BATCH_SIZE": "16"})
    assert config.nlp.batch_size == 16
    assert config.store.path == Path("a.duckdb")
    config = load_config(user, ["nlp.batch_size=64"], environ={"DETENTE_NLP__BATCH_SIZE": "16"})
    assert config.nlp.batch_size == 64


def test_list_values_from_set():
    config = load_config(overrides=["knowledge.office_holders=a.csv,b.csv"], environ={})
    assert config.knowledge.office_holders == (Path("a.csv"), Path("b.csv"))


@pytest.mark.parametrize("override", ["nlp.nope=1", "nope.model=x", "batch_size=3", "nlp.batch_size"])
def test_unknown_or_malformed_keys_say_so(override):
    with pytest.raises(ConfigError) as info:
        load_config(overrides=[override], environ={})
    assert "nlp" in str(info.value) or "section.key" in str(info.value) or "unknown" in str(info.value)


def test_bad_value_is_a_config_error():
    with pytest.raises(ConfigError, match="bad value"):
        load_config(overrides=["nlp.batch_size=many"], environ={})


def test_unreadable_user_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml", environ={})
