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


def test_a_missing_path_is_reported_before_the_model_loads(tmp_path, capsys):
    # The model named does not exist: reaching it would be exit 3, the path problem comes first.
    code = main(["extract", str(tmp_path / "nope.txt"), "--set", "nlp.model=no_such_model_pkg"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and err == f"detente: {tmp_path / 'nope.txt'}: no such file or folder; check the path"


@pytest.mark.parametrize(("setting", "message"), [
    ("nlp.batch_size=0", "nlp.batch_size must be at least 1"),
    ("nlp.batch_size=-3", "nlp.batch_size must be at least 1"),
    ("run.progress_after_seconds=-1", "run.progress_after_seconds must be 0 or more"),
])
def test_invalid_settings_are_a_clear_error(tmp_path, capsys, setting, message):
    source = tmp_path / "a.txt"
    source.write_text("The minister met the ambassador on Monday.\n")
    code = main(["extract", str(source), "--set", setting])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith(f"detente: {message}") and len(err.splitlines()) == 1


def test_an_output_whose_format_is_unknown_is_refused_before_anything_runs(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("The minister met the ambassador on Monday.\n")
    code = main(["extract", str(source), "-o", str(tmp_path / "out.csv"), "--set", "nlp.model=no_such_model_pkg"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "out.csv" in err and "--format (jsonl, parquet)" in err
    assert not (tmp_path / "out.csv").exists()


def test_python_dash_m_detente_is_the_cli():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "detente", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip().startswith("detente ")


def test_importing_detente_loads_no_model():
    import subprocess
    import sys

    code = "import sys, detente; detente.load; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(("total", "shown"), [(3, "3/3"), (None, "3article")])
def test_the_progress_bar_has_a_total_and_eta_when_known(monkeypatch, total, shown):
    import io
    import sys
    import time

    from detente.cli import _progress_bar
    from detente.config import load_config

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    config = load_config(overrides=["run.progress_after_seconds=0"], environ={})
    with _progress_bar(config, "article", total) as update:
        assert update is not None
        for done in (1, 2, 3):
            time.sleep(0.12)  # past tqdm's minimum refresh interval, so each step is drawn
            update(done)
    assert shown in err.getvalue().replace(" ", "")
    assert ("<" in err.getvalue()) == (total is not None)  # tqdm's ETA: "elapsed<remaining"
