"""Automation: a sensor on the input folder, and the daily refresh schedule. Both start refresh_warehouse.

``input_folder_sensor`` (every NEWS_SENSOR_INTERVAL_SECONDS, default 30 s) fingerprints the input
folder (the ``articles`` resource: name, size and modification time of every .txt/.html/.jsonl/.jsonl.gz
file) and requests a refresh whenever the fingerprint differs from the one of its last request (files
added, changed or removed, including a change back to an earlier state), or when a
``reprocess_articles`` run succeeded since then (so re-parsed articles reach the marts). Each request
has a run key of its own (a request counter kept in the cursor), so the daemon never drops one as a
repeat. It waits until no file changed for ``articles.settle_seconds`` (a copy in progress is not
read half-way), and while a refresh is queued or running (DuckDB has one writer); its cursor only
moves when it requests a run, so nothing is lost. On its first tick in a new Dagster home (no cursor)
it starts from the fingerprint of the last successful refresh, recorded in the warehouse's read
snapshot (storage/refresh_state.py): a warehouse just built is not refreshed again.

``daily_refresh`` runs refresh_warehouse every day at NEWS_REFRESH_CRON (default 06:00,
Europe/Paris), skipping the day's run while another refresh is still going.

Both start RUNNING in a new Dagster instance (NEWS_AUTOMATION=off starts them stopped); either
can be toggled in the UI (Automation tab). The cron, the interval and the default status are read
from the environment when the definitions load (settings.py); ``build_input_folder_sensor`` and
``build_daily_refresh`` make them with other values.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import dagster as dg

from dagster_project import settings
from dagster_project.defs.automation.run_liveness import fail_dead_runs
from dagster_project.defs.jobs import refresh_warehouse, reprocess_articles
from dagster_project.defs.resources import InputFolder, configured_warehouse_path
from dagster_project.ingest.reader import folder_fingerprint
from dagster_project.storage.refresh_state import recorded_input_folder
from dagster_project.storage.snapshot import snapshot_path

ACTIVE_STATUSES = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


def active_refresh(instance: dg.DagsterInstance) -> str | None:
    """Run id of a refresh_warehouse run that is queued or in progress, if any (a run whose process died is
    marked failed first: it would block the sensor and the schedule for good)."""
    fail_dead_runs(instance, [refresh_warehouse.name, reprocess_articles.name])
    records = instance.get_run_records(
        filters=dg.RunsFilter(job_name=refresh_warehouse.name, statuses=ACTIVE_STATUSES), limit=1
    )
    return records[0].dagster_run.run_id if records else None


def reprocess_runs_since(instance: dg.DagsterInstance, after: float) -> list[tuple[float, str]]:
    """(end time, run id) of reprocess_articles runs that succeeded after the given timestamp, oldest first."""
    records = instance.get_run_records(
        filters=dg.RunsFilter(
            job_name=reprocess_articles.name,
            statuses=[dg.DagsterRunStatus.SUCCESS],
            updated_after=dt.datetime.fromtimestamp(after, tz=dt.UTC) if after else None,
        ),
        limit=1000,
    )
    out = [(r.end_time or r.update_timestamp.timestamp(), r.dagster_run.run_id) for r in records]
    return sorted(item for item in out if item[0] > after)


def start_from_last_refresh(folder: Path, read_snapshot: Path) -> tuple[dict, str]:
    """The cursor state of a sensor with no cursor yet, and what it is based on.

    A new Dagster home has no cursor: the sensor then takes the input fingerprint that the last
    successful refresh recorded (in the read snapshot, published only when a refresh succeeded), so
    an unchanged folder is not refreshed again. Without one, the state is empty and the folder counts
    as changed.
    """
    recorded = recorded_input_folder(read_snapshot)
    if not recorded:
        return {}, "no successful refresh recorded in the warehouse"
    if recorded["input_dir"] != str(folder):
        return {}, f"the last successful refresh read another folder ({recorded['input_dir']})"
    return {"digest": recorded["input_digest"]}, f"since the last successful refresh (run {recorded['run_id']})"


def _check_input_folder(context: dg.SensorEvaluationContext, articles: InputFolder, read_snapshot: Path):
    folder = articles.folder()
    if not folder.is_dir():
        return dg.SkipReason(f"input folder {folder} does not exist")
    first_tick = not context.cursor
    if first_tick:
        state, basis = start_from_last_refresh(folder, read_snapshot)
    else:
        state, basis = json.loads(context.cursor), "since the last request"
    digest, count, newest = folder_fingerprint(folder)
    changed = state.get("digest") != digest
    reprocessed = reprocess_runs_since(context.instance, float(state.get("reprocessed_until", 0.0)))
    if not changed and not reprocessed:
        message = f"no change in {folder} ({count} input files) {basis}"
        if first_tick:  # remember the starting point, so later ticks compare with it
            return dg.SensorResult(skip_reason=message, cursor=json.dumps({**state, "digest": digest}, sort_keys=True))
        return dg.SkipReason(message)
    settle = articles.settle_seconds
    if changed and newest is not None and time.time() - newest < settle:
        return dg.SkipReason(f"a file in {folder} changed less than {settle:g}s ago; waiting for it to settle")
    running = active_refresh(context.instance)
    if running:
        return dg.SkipReason(f"refresh_warehouse run {running} is queued or running; will look again")
    until = max([float(state.get("reprocessed_until", 0.0)), *[end for end, _ in reprocessed]])
    # Every request gets a key of its own: the folder may come back to an earlier state (a file
    # deleted after it was added), and a repeated key would make the daemon drop the request.
    number = int(state.get("requests", 0)) + 1
    why = []
    if changed:
        why.append(f"input folder changed ({count} files) {basis}" if first_tick else f"input folder changed ({count} files)")
    if reprocessed:
        why.append(f"{len(reprocessed)} reprocess_articles run(s) succeeded")
    request = dg.RunRequest(
        run_key=f"input-{number}-{digest[:16]}",
        tags={
            "news/trigger": "sensor",
            "news/input_files": str(count),
            "news/input_digest": digest[:16],
            "news/reason": "; ".join(why),
        },
    )
    cursor = {"digest": digest, "reprocessed_until": until, "requests": number}
    return dg.SensorResult(run_requests=[request], cursor=json.dumps(cursor, sort_keys=True))


def build_input_folder_sensor(running: bool = True, interval_seconds: int = 30,
                              read_snapshot: Path | None = None) -> dg.SensorDefinition:
    """The input-folder sensor, RUNNING or STOPPED by default in a new instance, looking every interval_seconds;
    its first tick in a new Dagster home reads the last successful refresh from ``read_snapshot`` (the read
    snapshot of the configured warehouse). A path, not the warehouse resource: that resource takes the
    warehouse's writer lock when it starts, and a sensor tick must never hold it."""
    read_snapshot = read_snapshot or snapshot_path(configured_warehouse_path())

    @dg.sensor(
        name="input_folder_sensor",
        job=refresh_warehouse,
        minimum_interval_seconds=interval_seconds,
        default_status=dg.DefaultSensorStatus.RUNNING if running else dg.DefaultSensorStatus.STOPPED,
        description="Starts refresh_warehouse whenever the input folder changes (articles added, changed or "
                    "removed, also back to an earlier state) or a reprocess_articles run succeeded; waits for copies "
                    "to settle and for a running refresh. On a new Dagster home it starts from the input folder the "
                    "last successful refresh read (recorded in the warehouse).",
    )
    def input_folder_sensor(context: dg.SensorEvaluationContext, articles: InputFolder):
        return _check_input_folder(context, articles, read_snapshot)

    return input_folder_sensor


def _daily_request(context: dg.ScheduleEvaluationContext):
    running = active_refresh(context.instance)
    if running:
        return dg.SkipReason(f"refresh_warehouse run {running} is still queued or running")
    day = context.scheduled_execution_time.date().isoformat() if context.scheduled_execution_time else "manual"
    return dg.RunRequest(run_key=f"daily-{day}", tags={"news/trigger": "schedule", "news/scheduled_date": day})


def build_daily_refresh(cron: str = "0 6 * * *", running: bool = True) -> dg.ScheduleDefinition:
    """The daily refresh schedule at ``cron`` (Europe/Paris), RUNNING or STOPPED by default."""

    @dg.schedule(
        name="daily_refresh",
        job=refresh_warehouse,
        cron_schedule=cron,
        execution_timezone="Europe/Paris",
        default_status=dg.DefaultScheduleStatus.RUNNING if running else dg.DefaultScheduleStatus.STOPPED,
        description="Daily refresh of the whole warehouse (NEWS_REFRESH_CRON, default 06:00 Europe/Paris); "
                    "skipped while another refresh is queued or running.",
    )
    def daily_refresh(context: dg.ScheduleEvaluationContext):
        return _daily_request(context)

    return daily_refresh


# Definitions loading reads the settings that shape the definitions themselves.
_AUTOMATION_ON = settings.flag(settings.value("automation"))
input_folder_sensor = build_input_folder_sensor(running=_AUTOMATION_ON,
                                                interval_seconds=int(settings.value("sensor_interval_seconds")))
daily_refresh = build_daily_refresh(cron=settings.value("refresh_cron"), running=_AUTOMATION_ON)
