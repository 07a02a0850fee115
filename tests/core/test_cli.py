import pytest

from detente.cli import EVAL_STAGES, build_parser, main


@pytest.mark.parametrize(
    "argv", [[], ["extract"], ["ingest"], ["export"], ["summary"], ["eval"]]
    + [["eval", stage] for stage in EVAL_STAGES]
)
def test_every_command_has_clear_help(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*argv, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: detente")
    assert len(out.splitlines()) >= 4


def test_missing_model_is_one_line_naming_the_package(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("The minister met the ambassador on Monday.\n")
    code = main(["extract", str(source), "--set", "nlp.model=no_such_model_pkg"])
    err = capsys.readouterr().err.strip()
    assert code == 3
    assert len(err.splitlines()) == 1
    assert "pip install" in err and "no_such_model_pkg" in err


def test_bad_setting_is_one_line(tmp_path, capsys):
    code = main(["extract", str(tmp_path), "--set", "nlp.colour=blue"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("detente: unknown configuration key 'nlp.colour'")
