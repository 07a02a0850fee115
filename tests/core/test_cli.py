import pytest

from detente.cli import EVAL_STAGES, build_parser, main


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["ingest"], ["export"], ["summary"], ["eval"], ["dyad"], ["events"], ["actors"], ["network"]]
    + [["eval", stage] for stage in EVAL_STAGES],
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


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("nlp.batch_size=0", "nlp.batch_size must be at least 1"),
        ("nlp.batch_size=-3", "nlp.batch_size must be at least 1"),
        ("run.progress_after_seconds=-1", "run.progress_after_seconds must be 0 or more"),
    ],
)
def test_invalid_settings_are_a_clear_error(tmp_path, capsys, setting, message):
    source = tmp_path / "a.txt"
    source.write_text("The minister met the ambassador on Monday.\n")
    code = main(["extract", str(source), "--set", setting])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith(f"detente: {message}") and len(err.splitlines()) == 1


def test_an_output_whose_format_is_unknown_is_refused_before_anything_runs(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("The minister met the ambassador on Monday.\n")
    code = main(["extract", str(source), "-o", str(tmp_path / "out.xml"), "--set", "nlp.model=no_such_model_pkg"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "out.xml" in err and "--format (jsonl, parquet, csv, gdelt)" in err
    assert not (tmp_path / "out.xml").exists()


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


# --- the analytics commands, on a small folded store built without the model -------------------


@pytest.fixture
def story_db(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "analytics"))
    from analytics_builders import standard_results

    from detente.analytics.fold_sql import STORE_HOOKS
    from detente.store import Store

    path = tmp_path / "story.duckdb"
    with Store.open(path, hooks=STORE_HOOKS) as store:
        for result in standard_results():
            store.write(result)
    return path


def test_dyad_prints_every_period_and_plots(story_db, tmp_path, capsys):
    chart = tmp_path / "chart.svg"
    assert (
        main(
            [
                "dyad",
                "usa",
                "RUS",
                "--by",
                "quarter",
                "--since",
                "2015",
                "--until",
                "2015",
                "--plot",
                str(chart),
                "--db",
                str(story_db),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "USA–RUS by quarter (folded events)"
    periods = [line.split()[0] for line in lines if line.startswith("2015-Q")]
    assert periods == ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4"]  # empty quarters shown
    assert "(3 art.)" in captured.out  # the meeting three outlets reported, counted once
    assert chart.read_text(encoding="utf-8").lstrip().startswith("<?xml") and str(chart) in captured.err


def test_dyad_json_and_csv(story_db, capsys):
    import json

    assert main(["dyad", "USA", "RUS", "--format", "json", "--db", str(story_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dyad"] == ["USA", "RUS"] and data["by"] == "year"
    assert [p["period"] for p in data["periods"]] == ["2015", "2016", "2017"]
    assert data["periods"][0]["events"] == 2 and data["periods"][2]["goldstein_mean"] > 0
    assert main(["dyad", "USA", "RUS", "--format", "csv", "--db", str(story_db)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("period,events,") and len(rows) == 4


@pytest.mark.parametrize(
    ("argv", "count"),
    [
        (["--dyad", "USA,RUS"], 6),
        (["--root", "04"], 3),
        (["--plover", "sanction"], 1),
        (["--q", "TREATY"], 1),
        (["--since", "2016", "--until", "2016-12"], 1),
        (["--actor", "john-kerry", "--limit", "2"], 3),
    ],
)
def test_events_filters(story_db, capsys, argv, count):
    import json

    assert main(["events", *argv, "--format", "json", "--db", str(story_db)]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["total"] == count and all(r["evidence"] for r in page["rows"])


def test_events_text_names_the_folded_event_and_the_next_page(story_db, capsys):
    assert main(["events", "--root", "04", "--limit", "2", "--db", str(story_db)]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("[F1]") == 2 and "next page: --offset 2" in captured.err


def test_actors_and_network(story_db, tmp_path, capsys):
    assert main(["actors", "--country", "RUS", "--format", "csv", "--db", str(story_db)]) == 0
    out = capsys.readouterr().out
    assert "Sergey Lavrov" in out and "Foreign Minister" in out
    graph = tmp_path / "met.graphml"
    assert main(["network", "-o", str(graph), "--db", str(story_db)]) == 0
    text = graph.read_text(encoding="utf-8")
    assert "<graphml" in text and 'id="john-kerry"' in text and 'id="sergey-lavrov"' in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["events", "--dyad", "USA"], "two country codes"),
        (["events", "--limit", "0"], "limit 0 is out of range"),
        (["network", "-o", "met.txt"], ".graphml or .json"),
        (["dyad", "USA", "RUS", "--plot", "chart.pdf"], ".png or .svg"),
    ],
)
def test_analytics_mistakes_are_one_line(story_db, capsys, argv, message):
    assert main([*argv, "--db", str(story_db)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


def test_summary_counts_folded_events(story_db, capsys):
    assert main(["summary", "--db", str(story_db)]) == 0
    assert "events    4 events from 6 reports in 6 articles" in capsys.readouterr().out


def test_every_command_and_format_appears_in_the_readme():
    import argparse
    from pathlib import Path

    from detente.writers import names

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    missing = [name for name in sub.choices if f"detente {name}" not in readme]
    assert not missing, f"commands not in the README: {missing}"
    assert all(f"`{fmt}`" in readme for fmt in names())
