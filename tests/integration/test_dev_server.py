"""`dg dev` as a user runs it, with the real daemon: scripts/dev.sh on a new Dagster home, beside a warehouse
the CLI has just built, then files added and removed in the input folder, then scripts/stop.sh.

One scenario (the module's fixture) records what happened; each test checks one promise:

* the first sensor tick of a new home does not refresh the warehouse just built (it starts from the
  input fingerprint the last successful refresh recorded);
* add a file, delete it, add the very same file back: three refreshes, and the marts follow each time
  (a folder back in an earlier state is never dropped as a repeated run key);
* no sensor tick fails while a refresh runs (a tick never touches the warehouse's writer lock);
* the console stays quiet: the run's own lines (a dozen or so) per refresh, not hundreds, and dbt's line
  per model stays in the run's log;
* dg dev started in the background (where a shell makes it ignore SIGINT, and so SIGTERM) stops
  cleanly with scripts/stop.sh, webserver, daemon and code server included.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.scheduler.instigation import InstigatorType, TickStatus

from dagster_project.storage.snapshot import connect_read_snapshot
from tests.ui.helpers import ARTIFACTS, Browser, chromium_binary, free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
WAIT_S = 420
MAX_CONSOLE_LINES_PER_REFRESH = 25  # 640 before the console was quieted (every DEBUG event, each dbt step)

NEW_ARTICLE = (
    "Le 3 mars 2025, le ministre français des Affaires étrangères, Jean-Noël Barrot, a rencontré à Rome son homologue "
    "italien, Antonio Tajani, pour évoquer la situation en Ukraine. « Nous voulons une paix juste et durable », "
    "a déclaré M. Barrot à l'issue de l'entretien.\n"
)


def _articles(snapshot: Path) -> set[str]:
    con = connect_read_snapshot(snapshot)
    try:
        return {r[0] for r in con.execute("select source_name from raw.article_sources").fetchall()}
    finally:
        con.close()


def _snapshot_run(snapshot: Path) -> str:
    con = connect_read_snapshot(snapshot)
    try:
        return con.execute("select run_id from _snapshot.info").fetchall()[0][0]
    finally:
        con.close()


def _sensor_ticks(instance: dg.DagsterInstance) -> list:
    """The input-folder sensor's ticks, oldest first (none before the daemon evaluated it)."""
    states = [s for s in instance.all_instigator_state(instigator_type=InstigatorType.SENSOR)
              if s.instigator_name == "input_folder_sensor"]
    if not states:
        return []
    ticks = instance.get_ticks(states[0].instigator_origin_id, states[0].selector_id)
    return sorted(ticks, key=lambda t: t.timestamp)


def _wait(what: str, condition, log: Path, timeout_s: float = WAIT_S):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(1)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n--- dg dev console ---\n{tail}")


def _serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _dev_pid(home: Path) -> int | None:
    pidfile = home / "dg_dev.pid"
    return int(pidfile.read_text()) if pidfile.exists() else None


def _children(pid: int) -> list[int]:
    done = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in done.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(") ", 1)[-1].startswith("Z"))


def _location_name(url: str) -> str:
    """The code location's name as dg dev registered it (it follows the project folder's name)."""
    body = json.dumps({"query": "{ repositoriesOrError { ... on RepositoryConnection { nodes { location { name } } } } }"})
    request = urllib.request.Request(f"{url}/graphql", data=body.encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]["repositoriesOrError"]["nodes"][0]["location"]["name"]


def _automation_pages(url: str) -> dict[str, str] | None:
    """The Automation page and the sensor's page with its ticks, as text, with screenshots in tests/artifacts/."""
    if chromium_binary() is None:
        return None
    pages = {}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sensor_page = f"/locations/{_location_name(url)}/sensors/input_folder_sensor"
    with Browser(1400, 1000) as browser:
        for name, path, shown in [("automation", "/automation", "input_folder_sensor"),
                                  ("sensor", sensor_page, "Latest tick")]:
            browser.open(url + path)
            browser.wait_for(f"document.body.innerText.includes({shown!r})", f"the {name} page", 90)
            time.sleep(2)
            pages[name] = browser.text()
            browser.screenshot(ARTIFACTS / f"dev_{name}.png")
    return pages


@pytest.fixture(scope="module")
def scenario(dbt_manifest, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dev_server")
    folder = tmp / "input"
    shutil.copytree(SEEDS, folder)  # copy2: the seeds' modification times, long settled
    warehouse = tmp / "warehouse" / "warehouse.duckdb"
    snapshot = warehouse.with_name("warehouse.read.duckdb")
    home = tmp / "dagster_home"  # new: scripts/dev.sh creates it with scripts/dagster.yaml
    log = tmp / "dg_dev.log"
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "GOLD_PATH", "VIRTUAL_ENV")}
    env.update({
        "WAREHOUSE_PATH": str(warehouse), "NEWS_INPUT_DIR": str(folder), "NEWS_AUTOMATION": "on",
        "NEWS_SENSOR_SETTLE_SECONDS": "1", "NEWS_SENSOR_INTERVAL_SECONDS": "5",
        "DO_NOT_TRACK": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "GX_ANALYTICS_ENABLED": "False",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    })
    built = subprocess.run([sys.executable, "-m", "dagster_project.cli", "build", "--no-parse", "--no-progress"],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    built_run = _snapshot_run(snapshot)

    observed: dict = {"home": home, "log": log, "built_run": built_run, "refreshes": []}
    env["DAGSTER_HOME"] = str(home)
    port = free_port()
    # Started in the background by a non-interactive shell, which makes it ignore SIGINT (and dg dev
    # maps SIGTERM to the SIGINT handler): the case where plain `dg dev &` cannot be stopped cleanly.
    subprocess.run(["bash", "-c", f"bash scripts/dev.sh -p {port} -h 127.0.0.1 > '{log}' 2>&1 &"],
                   cwd=ROOT, env=env, check=True, timeout=30)
    pid = _wait("scripts/dev.sh to write its pid file", lambda: _dev_pid(home), log, 60)
    observed["pid"] = pid
    try:
        # Opened only once dg dev has created its storage: two processes creating it at once would both migrate.
        _wait("the webserver", lambda: _serving(port), log, 300)
        instance = dg.DagsterInstance.from_config(str(home))
        observed["dagster_yaml"] = (home / "dagster.yaml").read_text(encoding="utf-8")
        first = _wait("the sensor's first tick", lambda: [t for t in _sensor_ticks(instance)
                                                          if t.status != TickStatus.STARTED], log)[0]
        time.sleep(6)  # one more tick: still nothing to do
        observed["first_tick"] = first
        observed["runs_after_start"] = instance.get_runs()
        observed["processes"] = [pid, *_children(pid)]

        new_file = folder / "rome.txt"
        seen: set[str] = set()

        def refresh(change) -> dict:
            """Make a change, wait for the sensor's run and its end; what the run left."""
            offset = log.stat().st_size
            change()
            run = _wait("a refresh started by the sensor",
                        lambda: next((r for r in instance.get_runs() if r.run_id not in seen), None), log)
            seen.add(run.run_id)
            done = _wait(f"run {run.run_id} to finish", lambda: (r := instance.get_run_by_id(run.run_id))
                         and r.is_finished and r, log)
            time.sleep(2)  # the run's last lines reach the console
            console = log.read_bytes()[offset:].decode("utf-8", errors="replace").splitlines()
            dbt_lines = [e.user_message for e in instance.all_logs(run.run_id) if " START sql " in e.user_message]
            return {"run": done, "stats": instance.get_run_stats(run.run_id), "articles": _articles(snapshot),
                    "snapshot_run": _snapshot_run(snapshot), "console": console, "dbt_lines_in_run_log": dbt_lines}

        def add():
            new_file.write_text(NEW_ARTICLE, encoding="utf-8")
            os.utime(new_file, (time.time() - 600,) * 2)

        added = refresh(add)
        stamp = new_file.stat().st_mtime_ns
        removed = refresh(new_file.unlink)

        def add_back():  # the very same file: the folder's fingerprint repeats that of the first refresh
            new_file.write_text(NEW_ARTICLE, encoding="utf-8")
            os.utime(new_file, ns=(stamp, stamp))

        again = refresh(add_back)
        observed["refreshes"] = [added, removed, again]
        observed["ticks"] = _sensor_ticks(instance)
        try:  # the pages are checked by their own test; the scenario goes on to the stop
            observed["pages"] = _automation_pages(f"http://127.0.0.1:{port}")
        except Exception as exc:
            observed["pages"] = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        stop = subprocess.run(["bash", "scripts/stop.sh"], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)
        observed["stop"] = stop
        time.sleep(3)
        observed["left_running"] = [p for p in observed.get("processes", [pid]) if _alive(p)]
        for leftover in observed["left_running"]:  # never leave a server behind, whatever the test says
            try:
                os.kill(leftover, 9)
            except ProcessLookupError:
                pass
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if log.exists():
            shutil.copy(log, ARTIFACTS / "dg_dev_console.log")
    return observed


def test_the_instance_the_scripts_create_has_no_community_popup(scenario):
    assert "nux:\n  enabled: false" in scenario["dagster_yaml"]
    assert "telemetry:\n  enabled: false" in scenario["dagster_yaml"]


def test_a_new_dagster_home_does_not_refresh_a_warehouse_just_built(scenario):
    tick = scenario["first_tick"]
    assert tick.status == TickStatus.SKIPPED, tick
    assert f"since the last successful refresh (run {scenario['built_run']})" in (tick.skip_reason or "")
    assert scenario["runs_after_start"] == []


def test_add_delete_and_add_back_each_refresh_the_marts(scenario):
    added, removed, again = scenario["refreshes"]
    for step in (added, removed, again):
        assert step["run"].status == dg.DagsterRunStatus.SUCCESS, step["run"]
        assert step["run"].tags["news/trigger"] == "sensor"
        assert step["snapshot_run"] == step["run"].run_id  # the marts of this very refresh
    assert "rome.txt" in added["articles"] and len(added["articles"]) == 6
    assert "rome.txt" not in removed["articles"] and len(removed["articles"]) == 5
    assert "rome.txt" in again["articles"] and len(again["articles"]) == 6
    assert again["run"].tags["news/input_digest"] == added["run"].tags["news/input_digest"]  # the same state again
    keys = {step["run"].tags["dagster/run_key"] for step in (added, removed, again)}
    assert len(keys) == 3


def test_no_sensor_tick_fails_while_a_refresh_holds_the_warehouse(scenario):
    """Ticks every 5 s, some while a refresh holds the warehouse's writer lock: none fails (a tick that opened
    the warehouse resource would try to take that lock, and fail, or make the refresh fail)."""
    ticks = scenario["ticks"]
    failed = [t for t in ticks if t.status == TickStatus.FAILURE]
    assert not failed, [t.error for t in failed][:2]
    runs = [(step["stats"].start_time, step["stats"].end_time) for step in scenario["refreshes"]]
    during = [t for t in ticks if any(start < t.timestamp < end for start, end in runs)]
    assert len(during) >= 3, (runs, [t.timestamp for t in ticks])  # ticks did happen while a refresh ran


def test_the_console_stays_quiet(scenario):
    for step in scenario["refreshes"]:
        lines = step["console"]
        assert len(lines) <= MAX_CONSOLE_LINES_PER_REFRESH, "\n".join(lines)
        text = "\n".join(lines)
        assert " - DEBUG - " not in text
        assert "START sql table model" not in text and "PASS unique_" not in text  # dbt's steps
        assert "Checking for new runs for sensor" not in text  # the daemon's two lines per tick
        assert "quality: all" in text  # the quality headline of the refresh
        assert len(step["dbt_lines_in_run_log"]) > 10  # dbt's line per model: in the run's log, not the console
    text = "\n".join(scenario["refreshes"][0]["console"])
    assert "parsed 1/1 articles" in text  # the useful lines are still there


def test_stop_script_stops_dg_dev_started_in_the_background(scenario):
    stop = scenario["stop"]
    assert stop.returncode == 0, stop.stdout + stop.stderr
    assert "dg dev stopped" in stop.stdout
    assert len(scenario["processes"]) >= 3  # dg dev, its webserver, its daemon (and the code server)
    assert scenario["left_running"] == []
    assert not (scenario["home"] / "dg_dev.pid").exists()


def test_the_automation_pages_show_the_sensor_running_and_its_ticks(scenario):
    if scenario.get("pages") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (scripts/_setup.sh installs it with apt-get when run as root)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    assert "error" not in scenario["pages"], scenario["pages"].get("error")
    assert "input_folder_sensor" in scenario["pages"]["automation"] and "daily_refresh" in scenario["pages"]["automation"]
    sensor = scenario["pages"]["sensor"]
    assert "Running" in sensor and '"requests": 3' in sensor  # its cursor: three requests, three run keys
