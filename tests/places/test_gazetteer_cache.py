"""The gazetteer's cache file: built once, read back equal, rebuilt when a table changes."""

from __future__ import annotations

from pathlib import Path

from detente.config import KnowledgeConfig
from detente.knowledge import Knowledge
from detente.places.cache import default_cache_dir, digest
from detente.places.gazetteer import Gazetteer


def test_cached_gazetteer_equals_built_one(tmp_path: Path) -> None:
    knowledge = Knowledge.load(KnowledgeConfig())
    built = Gazetteer.load(knowledge)
    first = Gazetteer.load(knowledge, cache_dir=tmp_path)
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    again = Gazetteer.load(knowledge, cache_dir=tmp_path)
    for g in (first, again):
        assert g.places == built.places
        assert dict(g.index) == dict(built.index)
        assert dict(g.countries) == dict(built.countries)
        assert g.phrasing == built.phrasing
    assert again.lookup("Geneva") == built.lookup("Geneva")


def test_changed_table_builds_a_new_file(tmp_path: Path) -> None:
    extra = tmp_path / "places.csv"
    extra.write_text("name,kind,country,lat,lon,aliases\nZorbatown,city,FRA,45.0,5.0,\n", encoding="utf-8")
    plain = Knowledge.load(KnowledgeConfig())
    custom = Knowledge.load(KnowledgeConfig(places=(extra,)))
    assert digest(plain) != digest(custom)
    cache = tmp_path / "cache"
    Gazetteer.load(plain, cache_dir=cache)
    g = Gazetteer.load(custom, cache_dir=cache)
    assert len(list(cache.glob("gazetteer-*.pickle"))) == 2
    location = g.lookup("Zorbatown")
    assert location is not None and location.country == "FRA"
    assert Gazetteer.load(plain, cache_dir=cache).lookup("Zorbatown") is None


def test_unreadable_file_is_rebuilt(tmp_path: Path) -> None:
    knowledge = Knowledge.load(KnowledgeConfig())
    (tmp_path / f"gazetteer-{digest(knowledge)}.pickle").write_bytes(b"not a pickle")
    assert Gazetteer.load(knowledge, cache_dir=tmp_path).lookup("Geneva") is not None


def test_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert default_cache_dir({"DETENTE_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "detente"
    assert default_cache_dir({}).name == "detente"
