"""The command line without a run: the build's progress bars fed with fake run events, the drop folder the
first build creates, the installed `news-warehouse` command."""
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import dagster as dg

from dagster_project import settings
from dagster_project.cli import Progress, seed_input_folder

ROOT = Path(__file__).resolve().parents[1]


def _log(message):
    return SimpleNamespace(dagster_event=None, user_message=message)


def _materialised(key):
    return SimpleNamespace(user_message="", dagster_event=SimpleNamespace(
        event_type_value="ASSET_MATERIALIZATION", asset_key=dg.AssetKey(key), step_key="x"))


def test_progress_counts_assets_and_articles(capsys):
    bars = Progress(total_assets=3, enabled=True)
    bars(_materialised(["raw", "articles"]))
    bars(_log("parsing 400 articles with n_process=2, batch_size=16"))
    assert bars.articles.total == 400 and bars.articles.n == 0
    bars(_log("parsed 200/400 articles"))
    bars(_log("parsed 400/400 articles"))
    bars(_log("something else"))
    assert bars.assets.n == 1 and bars.articles.n == 400
    bars(SimpleNamespace(dagster_event=None, user_message=None))  # never raises
    bars.close()
    assert "articles" in capsys.readouterr().err


def test_progress_off_when_disabled(capsys):
    bars = Progress(total_assets=3, enabled=False)
    bars(_materialised(["raw", "articles"]))
    bars(_log("parsed 1/2 articles"))
    bars.close()
    assert bars.articles is None and capsys.readouterr().err == ""


def test_the_default_drop_folder_is_input_and_git_ignored():
    assert settings.input_dir() == ROOT / "input" == settings.DEFAULT_INPUT_DIR
    assert settings.SEEDS_DIR == ROOT / "seeds"
    ignored = subprocess.run(["git", "check-ignore", "-q", "input/new_article.txt"], cwd=ROOT)
    assert ignored.returncode == 0, "input/ must be git-ignored: following the README must not dirty the checkout"


def test_the_first_build_seeds_the_drop_folder_once(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("un article", encoding="utf-8")
    (seeds / ".hidden").write_text("x", encoding="utf-8")
    os.utime(seeds / "a.txt", (1_000_000, 1_000_000))
    folder = tmp_path / "input"
    assert seed_input_folder(folder, seeds) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    assert (folder / "a.txt").stat().st_mtime == 1_000_000  # copied as it was: the sensor sees a settled file
    (folder / "a.txt").unlink()  # the user's folder from now on: never seeded again
    assert seed_input_folder(folder, seeds) == 0 and not any(folder.iterdir())


def test_the_installed_command_is_the_cli():
    script = Path(sys.executable).parent / "news-warehouse"
    assert script.exists(), "pip install -e . installs the news-warehouse command (pyproject [project.scripts])"
    listed = subprocess.run([str(script), "query", "--list"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert "most_active_pairs" in listed.stdout


def test_a_warehouse_named_like_one_of_its_schemas_is_refused_before_anything_runs(tmp_path, capsys):
    from dagster_project.cli import main

    target = tmp_path / "marts.duckdb"  # DuckDB would call the database 'marts', like the marts schema
    assert main(["build", "--warehouse", str(target), "--no-parse", "--input-dir", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: warehouse file") and "'marts'" in error and "Traceback" not in error
    assert not target.exists()
    assert settings.warehouse_path(tmp_path / "marts_2024.duckdb").name == "marts_2024.duckdb"
