"""A refresh run whose process is gone is failed before the sensor and the schedule look for a running refresh."""

import datetime as dt
import os
import subprocess
import sys
import time

import dagster as dg
import pytest
from dagster._core.test_utils import create_run_for_test

from dagster_project.defs.automation.run_liveness import fail_dead_runs
from dagster_project.defs.automation.sensors import daily_refresh, input_folder_sensor
from dagster_project.defs.resources import DuckDBWarehouse, InputFolder, process_tags
from dagster_project.storage.writer_lock import ProcessIdentity, WriterLock

ARTICLE = "Sergueï Lavrov a reçu mardi à Moscou son homologue nord-coréenne, Choe Son-hui, pour des discussions."


@pytest.fixture(scope="module")
def _instance():
    with dg.instance_for_test() as inst:
        yield inst


@pytest.fixture
def instance(_instance):
    _instance.wipe()
    return _instance


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    old = time.time() - 3600
    os.utime(folder / "a.txt", (old, old))
    return InputFolder(path=str(folder), settle_seconds=10)


def _dead_process() -> ProcessIdentity:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return ProcessIdentity(int(done.stdout), ProcessIdentity.current().host, None)


def _run(instance, identity: ProcessIdentity | None, status=dg.DagsterRunStatus.STARTED, job="refresh_warehouse"):
    tags = process_tags(identity) if identity else {}
    return create_run_for_test(instance, job_name=job, status=status, tags=tags)


def test_the_sensor_goes_on_after_a_killed_refresh(instance, articles):
    dead = _run(instance, _dead_process())
    tick = input_folder_sensor(dg.build_sensor_context(instance=instance, resources={"articles": articles}))
    assert isinstance(tick, dg.SensorResult) and len(tick.run_requests) == 1, tick
    assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE
    [failure] = instance.all_logs(dead.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)
    assert "is gone" in failure.message


def test_the_schedule_goes_on_after_a_killed_refresh(instance):
    dead = _run(instance, _dead_process(), status=dg.DagsterRunStatus.STARTING)
    when = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
    request = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
    assert isinstance(request, dg.RunRequest)
    assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE


def test_a_live_refresh_still_holds_them_back(instance, articles):
    alive = _run(instance, ProcessIdentity.current())
    tick = input_folder_sensor(dg.build_sensor_context(instance=instance, resources={"articles": articles}))
    assert isinstance(tick, dg.SkipReason) and alive.run_id in tick.skip_message
    assert instance.get_run_by_id(alive.run_id).status == dg.DagsterRunStatus.STARTED


def test_runs_that_cannot_be_checked_are_left_alone(instance):
    untagged = _run(instance, None)
    elsewhere = _run(instance, ProcessIdentity(12345, "another-host.example", None))
    other_job = _run(instance, _dead_process(), job="some_other_job")
    assert fail_dead_runs(instance, ["refresh_warehouse"]) == []
    for run in (untagged, elsewhere, other_job):
        assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.STARTED


def test_the_warehouse_resource_records_its_process_and_holds_the_writer_lock(tmp_path):
    warehouse = DuckDBWarehouse(path=str(tmp_path / "warehouse.duckdb"))

    @dg.asset
    def probe(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse) -> dict:
        holder = WriterLock(warehouse.db_path()).holder()
        return {"holder": holder, "tags": dict(context.instance.get_run_by_id(context.run_id).tags)}

    with dg.instance_for_test() as instance:
        result = dg.materialize([probe], resources={"warehouse": warehouse}, instance=instance)
        seen = result.output_for_node("probe")
    assert seen["holder"]["pid"] == os.getpid() and seen["holder"]["run_id"] == result.run_id
    assert seen["tags"]["news/pid"] == str(os.getpid())
    assert WriterLock(tmp_path / "warehouse.duckdb").holder() is None  # released at the end of the run


def test_a_second_run_on_a_busy_warehouse_fails_at_once_with_the_reason(tmp_path):
    @dg.asset
    def never(warehouse: DuckDBWarehouse) -> None:
        raise AssertionError("must not run while another refresh holds the warehouse")

    with WriterLock(tmp_path / "warehouse.duckdb"):
        with dg.instance_for_test() as instance:
            busy = DuckDBWarehouse(path=str(tmp_path / "warehouse.duckdb"))
            result = dg.materialize([never], resources={"warehouse": busy}, instance=instance, raise_on_error=False)
            messages = [str(e.event_specific_data.error.to_string()) for e in result.all_events
                        if e.event_type_value == "RESOURCE_INIT_FAILURE"]
    assert not result.success
    assert messages and "another refresh is running" in messages[0]


def test_the_instance_the_scripts_create_has_run_monitoring_on(tmp_path):
    from pathlib import Path

    yaml_text = (Path(__file__).resolve().parents[2] / "scripts" / "dagster.yaml").read_text(encoding="utf-8")
    (tmp_path / "dagster.yaml").write_text(yaml_text, encoding="utf-8")  # what scripts/_instance.sh copies
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.run_monitoring_enabled
        assert instance.run_monitoring_start_timeout_seconds == 180
