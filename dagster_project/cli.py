"""Headless entry point: ``python -m dagster_project.cli build`` runs the refresh_warehouse job in process.

    python -m dagster_project.cli build [--input-dir DIR] [--warehouse FILE] [--no-parse]
    python -m dagster_project.cli parse            # dbt parse only (writes dbt/target/manifest.json)

The run is recorded in the Dagster instance under $DAGSTER_HOME when that is set (so it shows in
the UI), otherwise in an ephemeral in-memory instance. Console logs are at INFO level
(DAGSTER_LOG_LEVEL=DEBUG for every event). Exit code 0 on success, 1 on failure.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time


def dbt_parse() -> None:
    """Run ``dbt parse`` on dbt/ so dagster-dbt finds an up-to-date manifest."""
    from dagster_project import settings

    settings.warehouse_path()
    dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
    command = [dbt if os.path.exists(dbt) else "dbt", "parse", "--quiet",
               "--project-dir", str(settings.DBT_PROJECT_DIR), "--profiles-dir", str(settings.DBT_PROJECT_DIR)]
    subprocess.run(command, check=True, cwd=settings.DBT_PROJECT_DIR)


def build(parse: bool = True) -> int:
    """Execute refresh_warehouse in this process; print a summary; return the exit code."""
    import dagster as dg

    from dagster_project import settings

    if parse:
        dbt_parse()
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    started = time.monotonic()
    print(f"input:     {settings.input_dir()}")
    print(f"warehouse: {settings.warehouse_path()}")
    log_level = os.environ.get("DAGSTER_LOG_LEVEL", "INFO").upper()
    result = job.execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
    )
    elapsed = time.monotonic() - started

    failed_checks = []
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                failed_checks.append(
                    f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name} "
                    f"[{evaluation.severity.value}] {evaluation.description or ''}".rstrip()
                )
    failed_steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    for line in failed_checks:
        print(f"check failed: {line}")
    for step in failed_steps:
        print(f"step failed: {step}")
    status = "succeeded" if result.success else "FAILED"
    print(f"refresh_warehouse {status} in {elapsed:.1f}s (run {result.run_id})")
    print(f"quality report: {settings.reports_dir() / 'quality_report.html'}")
    return 0 if result.success else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="run the refresh_warehouse job headless")
    build_parser.add_argument("--input-dir", help="articles folder (default: $NEWS_INPUT_DIR or seeds/)")
    build_parser.add_argument("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or warehouse/warehouse.duckdb)")
    build_parser.add_argument("--no-parse", action="store_true", help="skip `dbt parse` (manifest already fresh)")
    sub.add_parser("parse", help="run `dbt parse` to write dbt/target/manifest.json")
    args = parser.parse_args(argv)

    if args.command == "parse":
        dbt_parse()
        return 0
    if args.input_dir:
        os.environ["NEWS_INPUT_DIR"] = os.path.abspath(args.input_dir)
    if args.warehouse:
        os.environ["WAREHOUSE_PATH"] = os.path.abspath(args.warehouse)
    return build(parse=not args.no_parse)


if __name__ == "__main__":
    sys.exit(main())
