"""Automation: a sensor on the input folder, and the daily refresh schedule. Both start refresh_warehouse.

``input_folder_sensor`` (every 30 s) fingerprints the input folder (name, size and modification
time of every .txt/.html/.jsonl/.jsonl.gz file) and requests a refresh when the fingerprint changed
since its last request (files added, changed or removed), or when a ``reprocess_articles`` run
succeeded since then (so re-parsed articles reach the marts). It waits until no file changed for
NEWS_SENSOR_SETTLE_SECONDS (a copy in progress is not read half-way), and while a refresh is queued
or running (DuckDB has one writer); its cursor only moves when it requests a run, so nothing is lost.

``daily_refresh`` runs refresh_warehouse every day at NEWS_REFRESH_CRON (default 06:00,
Europe/Paris), skipping the day's run while another refresh is still going.

Both start RUNNING in a new Dagster instance (NEWS_AUTOMATION=off starts them stopped); either
can be toggled in the UI (Automation tab).
"""
from __future__ import annotations

import datetime as dt
import json
import time

import dagster as dg

from dagster_project import settings
from dagster_project.defs.jobs import refresh_warehouse, reprocess_articles
from dagster_project.ingest.reader import folder_fingerprint

ACTIVE_STATUSES = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


def _default_status() -> dg.DefaultSensorStatus:
    return dg.DefaultSensorStatus.RUNNING if settings.automation_running_by_default() else dg.DefaultSensorStatus.STOPPED


def active_refresh(instance: dg.DagsterInstance) -> str | None:
    """Run id of a refresh_warehouse run that is queued or in progress, if any."""
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
            updated_after=dt.datetime.fromtimestamp(after, tz=dt.timezone.utc) if after else None,
        ),
        limit=1000,
    )
    out = [(r.end_time or r.update_timestamp.timestamp(), r.dagster_run.run_id) for r in records]
    return sorted(item for item in out if item[0] > after)


@dg.sensor(
    name="input_folder_sensor",
    job=refresh_warehouse,
    minimum_interval_seconds=30,
    default_status=_default_status(),
    description="Starts refresh_warehouse when articles are added, changed or removed in NEWS_INPUT_DIR "
                "(or after a reprocess_articles run); waits for copies to settle and for a running refresh.",
)
def input_folder_sensor(context: dg.SensorEvaluationContext):
    folder = settings.input_dir()
    if not folder.is_dir():
        return dg.SkipReason(f"input folder {folder} does not exist")
    state = json.loads(context.cursor) if context.cursor else {}
    digest, count, newest = folder_fingerprint(folder)
    changed = state.get("digest") != digest
    reprocessed = reprocess_runs_since(context.instance, float(state.get("reprocessed_until", 0.0)))
    if not changed and not reprocessed:
        return dg.SkipReason(f"no change in {folder} ({count} input files)")
    settle = settings.sensor_settle_seconds()
    if changed and newest is not None and time.time() - newest < settle:
        return dg.SkipReason(f"a file in {folder} changed less than {settle:g}s ago; waiting for it to settle")
    running = active_refresh(context.instance)
    if running:
        return dg.SkipReason(f"refresh_warehouse run {running} is queued or running; will look again")
    until = max([float(state.get("reprocessed_until", 0.0)), *[end for end, _ in reprocessed]])
    why = []
    if changed:
        why.append(f"input folder changed ({count} files)")
    if reprocessed:
        why.append(f"{len(reprocessed)} reprocess_articles run(s) succeeded")
    request = dg.RunRequest(
        run_key=f"input-{digest[:16]}-{int(until * 1000)}",
        tags={
            "news/trigger": "sensor",
            "news/input_files": str(count),
            "news/input_digest": digest[:16],
            "news/reason": "; ".join(why),
        },
    )
    return dg.SensorResult(run_requests=[request],
                           cursor=json.dumps({"digest": digest, "reprocessed_until": until}, sort_keys=True))


@dg.schedule(
    name="daily_refresh",
    job=refresh_warehouse,
    cron_schedule=settings.refresh_cron(),
    execution_timezone="Europe/Paris",
    default_status=dg.DefaultScheduleStatus.RUNNING if settings.automation_running_by_default()
    else dg.DefaultScheduleStatus.STOPPED,
    description="Daily refresh of the whole warehouse (NEWS_REFRESH_CRON, default 06:00 Europe/Paris); "
                "skipped while another refresh is queued or running.",
)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    running = active_refresh(context.instance)
    if running:
        return dg.SkipReason(f"refresh_warehouse run {running} is still queued or running")
    day = context.scheduled_execution_time.date().isoformat() if context.scheduled_execution_time else "manual"
    return dg.RunRequest(run_key=f"daily-{day}", tags={"news/trigger": "schedule", "news/scheduled_date": day})
