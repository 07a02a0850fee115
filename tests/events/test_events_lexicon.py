"""The events lexicon: CAMEO table, CAMEO→PLOVER table, pattern file format."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.config import KnowledgeConfig
from detente.errors import KnowledgeError
from detente.events import Lexicon
from detente.events.lexicon import PLOVER_TYPES
from detente.knowledge import Knowledge


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Knowledge.load(KnowledgeConfig()))


def test_cameo_table_codes_are_strings_with_gdelt_weights(lexicon: Lexicon) -> None:
    codes = lexicon.codes
    assert "010" in codes and "10" in codes and codes["010"].root == "01" and codes["10"].root == "10"
    assert codes["016"].goldstein == -2.0  # GDELT's value, not the codebook's -5
    assert codes["1213"].goldstein == -4.0  # GDELT lacks 1213: the codebook's
    assert codes["043"].goldstein == 2.8


def test_quad_classes_follow_roots(lexicon: Lexicon) -> None:
    for c in lexicon.codes.values():
        root = int(c.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert c.quad_class == expected, c.code


def test_plover_types_are_the_2024_ones(lexicon: Lexicon) -> None:
    for c in lexicon.codes.values():
        if c.root == "01":
            assert c.plover is None
        elif c.root == "02":
            assert c.plover == "REQUEST"
        else:
            assert c.plover in PLOVER_TYPES, c.code
    assert lexicon.codes["100"].plover == "REQUEST"  # DEMAND renamed
    assert lexicon.codes["111"].plover == "ACCUSE"  # DISAPPROVE renamed
    assert lexicon.codes["090"].plover == "ACCUSE"  # INVESTIGATE renamed
    assert lexicon.codes["190"].plover == "ASSAULT"  # FIGHT renamed
    assert lexicon.codes["042"].plover_mode == "visit"


def test_patterns_cover_all_roots_and_120_codes(lexicon: Lexicon) -> None:
    codes = {p.code for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) >= 120


def test_most_specific_pattern_first(lexicon: Lexicon) -> None:
    first = lexicon.verbs["refuse"][0]
    assert first.xcomp not in (None, "*")


def test_future_codes(lexicon: Lexicon) -> None:
    assert lexicon.future_code("042") == "036"
    assert lexicon.future_code("163") == "1312"
    assert lexicon.future_code("112") == "112"


def test_user_pattern_file_extends_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[verb]\n"snog" = "051"\n', encoding="utf-8")
    lex = Lexicon.load(Knowledge.load(KnowledgeConfig(patterns=(extra,))))
    assert lex.verbs["snog"][0].code == "051"
    assert "meet" in lex.verbs


def test_unknown_code_in_user_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[verb]\n"snog" = "51"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown CAMEO code"):
        Lexicon.load(Knowledge.load(KnowledgeConfig(patterns=(bad,))))
