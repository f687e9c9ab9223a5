"""The build command's progress bars, fed with fake run events (no run needed)."""
from types import SimpleNamespace

import dagster as dg

from dagster_project.cli import Progress


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
