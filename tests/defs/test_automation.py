"""The input-folder sensor and the daily schedule, evaluated with Dagster's test utilities (no run started here)."""
import datetime as dt
import json
import os
import time
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.test_utils import create_run_for_test

from dagster_project.defs.automation.sensors import (
    build_daily_refresh,
    build_input_folder_sensor,
    daily_refresh,
)
from dagster_project.defs.resources import DuckDBWarehouse, InputFolder
from dagster_project.ingest.reader import folder_fingerprint
from dagster_project.storage.refresh_state import record_input_folder, recorded_input_folder

ARTICLE = "Sergueï Lavrov a reçu mardi à Moscou son homologue nord-coréenne, Choe Son-hui, pour des discussions."


def _old(path: Path, seconds: float = 3600) -> None:
    """Backdate a file, as if its copy had finished long ago."""
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    (path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _old(path / "a.txt")
    return path


@pytest.fixture(scope="module")
def _instance():
    with dg.instance_for_test() as inst:
        yield inst


@pytest.fixture
def instance(_instance):
    _instance.wipe()  # no run left by another test
    return _instance


@pytest.fixture
def articles(folder):
    return InputFolder(path=str(folder), settle_seconds=10)


@pytest.fixture
def warehouse(tmp_path):
    return DuckDBWarehouse(path=str(tmp_path / "wh" / "warehouse.duckdb"))


def _tick(instance, articles, cursor=None, warehouse=None):
    """One evaluation of the sensor, reading the last refresh from this warehouse's snapshot (none by default)."""
    snapshot = (warehouse.read_snapshot_path() if warehouse
                else articles.folder().parent / "no_wh" / "warehouse.read.duckdb")
    sensor = build_input_folder_sensor(read_snapshot=snapshot)
    return sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"articles": articles}))


def _record_refresh(warehouse: DuckDBWarehouse, folder: Path, run_id: str = "run-1") -> None:
    """What a successful refresh leaves: the fingerprint of the folder it read, in the read snapshot."""
    import duckdb

    digest, files, _ = folder_fingerprint(folder)
    con = duckdb.connect(str(warehouse.read_snapshot_path()))
    try:
        record_input_folder(con, input_dir=folder, digest=digest, files=files, run_id=run_id)
    finally:
        con.close()


def _requested(result) -> dg.RunRequest:
    assert isinstance(result, dg.SensorResult), result
    [request] = result.run_requests
    return request


def test_definitions_have_the_sensor_schedule_and_jobs(dbt_manifest):
    from dagster_project.definitions import defs

    definitions = defs()
    sensor = definitions.resolve_sensor_def("input_folder_sensor")
    assert sensor.job_name == "refresh_warehouse"
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert sensor.minimum_interval_seconds == 30
    assert set(sensor.required_resource_keys) == {"articles"}  # never the warehouse: it takes the writer lock
    schedule = definitions.resolve_schedule_def("daily_refresh")
    assert schedule.job_name == "refresh_warehouse"
    assert schedule.cron_schedule == "0 6 * * *" and schedule.execution_timezone == "Europe/Paris"
    reprocess = definitions.resolve_job_def("reprocess_articles")
    from dagster_project.defs.ingest.partitions import article_partitions_name
    from dagster_project.defs.resources import configured_warehouse_path

    # the partitions of the configured warehouse (keyed by its path: tests/defs/test_partitions.py)
    assert reprocess.partitions_def == dg.DynamicPartitionsDefinition(
        name=article_partitions_name(configured_warehouse_path()))
    assert definitions.resolve_job_def("refresh_warehouse").partitions_def is None  # the full refresh stays unpartitioned


def test_sensor_requests_a_refresh_for_new_or_changed_files_only(folder, articles, instance):
    first = _tick(instance, articles)
    request = _requested(first)
    assert request.job_name in (None, "refresh_warehouse")
    assert request.tags["news/trigger"] == "sensor" and request.tags["news/input_files"] == "1"
    cursor = first.cursor

    assert isinstance(_tick(instance, articles, cursor), dg.SkipReason)  # nothing changed

    (folder / "notes.md").write_text("not an article", encoding="utf-8")  # unsupported: ignored
    assert isinstance(_tick(instance, articles, cursor), dg.SkipReason)

    (folder / "b.jsonl").write_text(json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    _old(folder / "b.jsonl")
    added = _tick(instance, articles, cursor)
    assert _requested(added).tags["news/input_files"] == "2"
    assert _requested(added).run_key != request.run_key
    cursor = added.cursor

    (folder / "a.txt").write_text(ARTICLE + " Suite.", encoding="utf-8")  # changed content
    _old(folder / "a.txt", 60)
    changed = _tick(instance, articles, cursor)
    _requested(changed)

    (folder / "b.jsonl").unlink()  # removed articles leave the warehouse too
    assert isinstance(_tick(instance, articles, changed.cursor), dg.SensorResult)


def test_a_folder_back_in_an_earlier_state_gets_a_run_key_of_its_own(folder, articles, instance):
    """Add a file, delete it, add it back: three requests, three distinct run keys (a repeated key is
    dropped by the daemon as 'already requested', and the deletion would never reach the marts)."""
    first = _tick(instance, articles)
    extra = folder / "b.txt"
    extra.write_text(ARTICLE + " Autre.", encoding="utf-8")
    _old(extra)
    stamp = extra.stat().st_mtime_ns
    added = _tick(instance, articles, first.cursor)
    extra.unlink()
    deleted = _tick(instance, articles, added.cursor)
    assert _requested(deleted).tags["news/input_digest"] == _requested(first).tags["news/input_digest"]
    extra.write_text(ARTICLE + " Autre.", encoding="utf-8")
    os.utime(extra, ns=(stamp, stamp))  # the very same file back: the folder's fingerprint repeats
    again = _tick(instance, articles, deleted.cursor)
    assert _requested(again).tags["news/input_digest"] == _requested(added).tags["news/input_digest"]
    keys = [_requested(r).run_key for r in (first, added, deleted, again)]
    assert len(set(keys)) == 4, keys


def test_a_new_dagster_home_starts_from_the_last_successful_refresh(folder, articles, instance, warehouse):
    assert recorded_input_folder(warehouse.read_snapshot_path()) is None
    no_record = _tick(instance, articles, warehouse=warehouse)  # nothing built yet: refresh
    assert "no successful refresh recorded" in _requested(no_record).tags["news/reason"]

    _record_refresh(warehouse, folder)
    assert recorded_input_folder(warehouse.read_snapshot_path())["run_id"] == "run-1"
    first = _tick(instance, articles, warehouse=warehouse)  # no cursor, the folder as the refresh read it
    assert isinstance(first, dg.SensorResult) and not first.run_requests
    assert "since the last successful refresh (run run-1)" in first.skip_reason.skip_message
    assert json.loads(first.cursor)["digest"] == folder_fingerprint(folder)[0]
    assert isinstance(_tick(instance, articles, first.cursor, warehouse=warehouse), dg.SkipReason)

    (folder / "b.txt").write_text(ARTICLE + " Autre.", encoding="utf-8")  # changed since that refresh
    _old(folder / "b.txt")
    changed = _tick(instance, articles, warehouse=warehouse)
    assert "since the last successful refresh" in _requested(changed).tags["news/reason"]
    _requested(_tick(instance, articles, first.cursor, warehouse=warehouse))

    elsewhere = InputFolder(path=str(folder.parent / "other"), settle_seconds=10)  # another folder: refresh
    (folder.parent / "other").mkdir()
    assert "another folder" in _requested(_tick(instance, elsewhere, warehouse=warehouse)).tags["news/reason"]


def test_sensor_waits_for_a_file_still_being_copied(folder, articles, instance):
    cursor = _tick(instance, articles).cursor
    (folder / "copying.txt").write_text(ARTICLE[:20], encoding="utf-8")  # modified just now
    waiting = _tick(instance, articles, cursor)
    assert isinstance(waiting, dg.SkipReason) and "settle" in waiting.skip_message
    _old(folder / "copying.txt")
    _requested(_tick(instance, articles, cursor))


def test_sensor_waits_while_a_refresh_is_running(folder, articles, instance):
    run = create_run_for_test(instance, job_name="refresh_warehouse", status=dg.DagsterRunStatus.STARTED)
    skipped = _tick(instance, articles)
    assert isinstance(skipped, dg.SkipReason) and run.run_id in skipped.skip_message
    instance.report_run_canceled(run)  # the change is still seen afterwards: the cursor did not move
    _requested(_tick(instance, articles))


def test_sensor_refreshes_after_a_reprocess_run(folder, articles, instance):
    cursor = _tick(instance, articles).cursor
    run = create_run_for_test(instance, job_name="reprocess_articles", status=dg.DagsterRunStatus.SUCCESS)
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.SUCCESS
    after = _tick(instance, articles, cursor)
    assert "reprocess_articles" in _requested(after).tags["news/reason"]
    assert isinstance(_tick(instance, articles, after.cursor), dg.SkipReason)  # each reprocess run counts once


def test_schedule_requests_one_refresh_a_day(instance):
    when = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    request = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
    assert isinstance(request, dg.RunRequest)
    assert request.run_key == "daily-2026-03-02" and request.tags["news/trigger"] == "schedule"
    create_run_for_test(instance, job_name="refresh_warehouse", status=dg.DagsterRunStatus.STARTING)
    skipped = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
    assert isinstance(skipped, dg.SkipReason)


def test_automation_can_start_stopped_and_the_cron_is_a_setting():
    assert build_input_folder_sensor(running=False).default_status == dg.DefaultSensorStatus.STOPPED
    assert build_input_folder_sensor(interval_seconds=5).minimum_interval_seconds == 5
    schedule = build_daily_refresh(cron="30 5 * * 1-5", running=False)
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert schedule.cron_schedule == "30 5 * * 1-5"
