"""A refresh whose process died is failed, so that it blocks neither the sensor nor the schedule.

A build killed with SIGKILL (or by the OOM killer, or a reboot) never reports its end: its run stays
STARTED, and the sensor and schedule, which wait while a refresh is running, would wait forever.
Every run that writes the warehouse records its process in its tags (``news/pid``, ``news/host``,
``news/process_started``: the ``warehouse`` resource, and the CLI when it creates the run). Before
they look for a running refresh, the sensor and the schedule mark as failed each in-progress run
whose process is gone from this host (or whose pid now belongs to another process). A run without
those tags, or on another host, is left to Dagster's run monitoring (``run_monitoring`` in the
instance's dagster.yaml, which scripts/_setup.sh turns on: runs stuck starting or cancelling).
"""
from __future__ import annotations

import dagster as dg

from dagster_project.defs.resources import PROCESS_TAGS
from dagster_project.storage.writer_lock import ProcessIdentity

IN_PROGRESS = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]


def run_process(run: dg.DagsterRun) -> ProcessIdentity | None:
    """The process a run recorded in its tags, or None."""
    pid_tag, host_tag, started_tag = PROCESS_TAGS
    try:
        return ProcessIdentity(int(run.tags[pid_tag]), run.tags[host_tag], run.tags.get(started_tag) or None)
    except (KeyError, ValueError):
        return None


def fail_dead_runs(instance: dg.DagsterInstance, job_names: list[str]) -> list[str]:
    """Mark as failed the in-progress runs of these jobs whose process died on this host; their run ids."""
    failed = []
    records = instance.get_run_records(filters=dg.RunsFilter(job_name=None, statuses=IN_PROGRESS), limit=100)
    for record in records:
        run = record.dagster_run
        if run.job_name not in job_names:
            continue
        process = run_process(run)
        if process is None or process.is_alive() is not False:
            continue
        current = instance.get_run_by_id(run.run_id)
        if current is None or current.status not in IN_PROGRESS:
            continue  # it ended meanwhile
        instance.report_run_failed(
            current, f"the run's process (pid {process.pid} on {process.host}) is gone: it was killed or crashed "
                     "without reporting its end; marked failed so that the next refresh can start")
        failed.append(run.run_id)
    return failed
