"""A real refresh, a second one on the same warehouse, a reader all the while, then SIGKILL.

One scenario (a module fixture), several checks:
- item 10: a second build on the same warehouse stops at once and says another refresh is running;
- item 9: a reader loop running through the refresh and after the kill only ever reads the last
  published snapshot (raw and marts of the same refresh), never the warehouse file;
- item 8: the killed run does not block the sensor or the schedule: it is marked failed and they
  request the next refresh.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.helpers import ROOT, pipeline_resources
from tests.integration.test_refresh_runs import _wait_for_line

pytestmark = pytest.mark.integration

READER = r'''
import json, sys, time
from dagster_project import query as q

warehouse, stop = sys.argv[1], sys.argv[2]
reads, errors = [], []
sql = ("select (select count(*) from raw.articles), (select count(*) from marts.dim_articles), "
       "(select count(*) from nlp.parse_log), (select run_id from _snapshot.info)")
deadline = time.monotonic() + 600
import os
while time.monotonic() < deadline and not os.path.exists(stop):
    try:
        result = q.run_query(sql, warehouse=warehouse)
        reads.append([str(result.database), *result.rows[0]])
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    time.sleep(0.05)
print(json.dumps({"reads": reads, "errors": errors[:10]}))
'''


def _home(tmp: Path) -> Path:
    home = tmp / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


@pytest.fixture(scope="module")
def scenario(seed_pipeline, tmp_path_factory):
    assert seed_pipeline.result.success
    tmp = tmp_path_factory.mktemp("concurrent")
    warehouse = tmp / "warehouse.duckdb"
    snapshot = tmp / "warehouse.read.duckdb"
    shutil.copyfile(seed_pipeline.warehouse, warehouse)
    shutil.copyfile(seed_pipeline.warehouse.with_name("warehouse.read.duckdb"), snapshot)
    with duckdb.connect(str(snapshot), read_only=True) as con:
        [(first_run, n_raw, n_marts)] = con.execute(
            "select run_id, (select count(*) from raw.articles), (select count(*) from marts.dim_articles) "
            "from _snapshot.info").fetchall()
    folder = tmp / "in"
    shutil.copytree(ROOT / "seeds", folder)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "dev" / "articles.jsonl", folder / "dev.jsonl")  # 12 new articles
    home = _home(tmp)
    env = {k: v for k, v in os.environ.items()}
    env.update(DAGSTER_HOME=str(home), NLP_COMMIT_EVERY="1", NLP_N_PROCESS="1", PYTHONUNBUFFERED="1",
               NEWS_AUTOMATION="off")
    build = [sys.executable, "-m", "dagster_project.cli", "build", "--no-parse", "--no-progress",
             "--input-dir", str(folder), "--warehouse", str(warehouse)]

    stop = tmp / "stop-reader"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    first = subprocess.Popen(build, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
    out: dict = {"first_run": first_run, "n_raw": n_raw, "n_marts": n_marts, "warehouse": warehouse,
                 "snapshot": snapshot, "home": home, "folder": folder}
    try:
        _wait_for_line(first, "parsed 1/12 articles", timeout=600)  # raw rewritten, extraction under way
        started = time.monotonic()
        second = subprocess.run(build, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        out["second"] = (second.returncode, second.stdout + second.stderr, time.monotonic() - started)
        with dg.instance_for_test() as instance:  # the same, through the resources (the run's own lock)
            job_result = _in_process_build(instance, warehouse, folder)
        out["second_in_process"] = job_result
        assert first.poll() is None, "the first build ended before it could be killed"
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=60)
        time.sleep(3)  # the reader goes on after the kill
        after = subprocess.run([sys.executable, "-m", "dagster_project.cli", "query", "--csv", "--warehouse",
                                str(warehouse), "select count(*) as n from raw.articles"],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
        out["query_after_kill"] = (after.returncode, after.stdout, after.stderr)
    finally:
        stop.touch()
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        try:
            reader_out, _ = reader.communicate(timeout=120)
        finally:
            if reader.poll() is None:
                reader.kill()
    out["reader"] = json.loads(reader_out)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        out["main_raw"] = con.execute("select count(*) from raw.articles").fetchall()[0][0]
    return out


def _in_process_build(instance, warehouse: Path, folder: Path) -> tuple[bool, list[str], list[str]]:
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    result = job.execute_in_process(instance=instance, raise_on_error=False,
                                    resources=pipeline_resources(warehouse, input_dir=folder))
    errors = [e.event_specific_data.error.to_string() for e in result.all_events
              if e.event_type_value == "RESOURCE_INIT_FAILURE"]
    steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_START"]
    return result.success, errors, steps


def test_a_second_build_stops_at_once_saying_another_refresh_is_running(scenario):
    code, output, seconds = scenario["second"]
    assert code == 1 and "another refresh is running" in output, output[-2000:]
    assert seconds < 30 and "parsed" not in output
    success, errors, steps = scenario["second_in_process"]
    assert not success and not steps  # failed before any step ran
    assert errors and "another refresh is running" in errors[0]


def test_readers_only_ever_see_the_last_published_snapshot(scenario):
    reader = scenario["reader"]
    assert reader["errors"] == [], reader["errors"]
    reads = reader["reads"]
    assert len(reads) >= 10
    assert scenario["main_raw"] > scenario["n_raw"]  # the killed refresh had rewritten raw in the warehouse file
    expected = [str(scenario["snapshot"]), scenario["n_raw"], scenario["n_marts"]]
    for read in reads:
        assert read[:3] == expected and read[4] == scenario["first_run"], read
    code, stdout, stderr = scenario["query_after_kill"]
    assert code == 0 and stdout.splitlines() == ["n", str(scenario["n_raw"])], stderr


def test_the_killed_run_blocks_neither_the_sensor_nor_the_schedule(scenario):
    from dagster_project.defs.automation.sensors import daily_refresh, input_folder_sensor
    from dagster_project.defs.resources import InputFolder

    with dg.DagsterInstance.from_config(str(scenario["home"])) as instance:
        [record] = instance.get_run_records(dg.RunsFilter(job_name="refresh_warehouse"))
        killed = record.dagster_run
        assert killed.status == dg.DagsterRunStatus.STARTED  # nobody reported its end
        articles = InputFolder(path=str(scenario["folder"]), settle_seconds=0)
        tick = input_folder_sensor(dg.build_sensor_context(instance=instance, resources={"articles": articles}))
        assert isinstance(tick, dg.SensorResult) and len(tick.run_requests) == 1, tick
        assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.FAILURE
        when = dt.datetime(2026, 1, 5, 6, 0, tzinfo=dt.UTC)
        schedule = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
        assert isinstance(schedule, dg.RunRequest), schedule
