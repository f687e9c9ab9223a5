"""Headless entry point: ``python -m dagster_project.cli build`` runs the refresh_warehouse job in process.

    python -m dagster_project.cli build [--input-dir DIR] [--warehouse FILE] [--no-parse] [--no-progress]
    python -m dagster_project.cli parse            # dbt parse only (writes dbt/target/manifest.json)
    python -m dagster_project.cli query "select ..." [--csv | --json] [--warehouse FILE]
    python -m dagster_project.cli query meetings_between_countries --param country_a=RU --param country_b=KP
    python -m dagster_project.cli query --list     # the example queries in warehouse/queries/
    python -m dagster_project.cli docs [--serve [--port 8080]]   # dbt docs generate (and serve)

The CLI is an entry point: it reads the settings from the environment (dagster_project/settings.py),
and ``--input-dir`` / ``--warehouse`` override them for this run (they are passed to the resources,
never written to the environment). The run is recorded in the Dagster instance under $DAGSTER_HOME
when that is set (so it shows in the UI), otherwise in an ephemeral in-memory instance. Console logs are at INFO level
(DAGSTER_LOG_LEVEL=DEBUG for every event); on a terminal, progress bars count assets and parsed
articles. Exit code 0 on success, 1 on failure. ``query`` is read-only (see dagster_project/query.py).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import uuid


def dbt_parse() -> None:
    """Run ``dbt parse`` on dbt/ so dagster-dbt finds an up-to-date manifest."""
    from dagster_project import settings

    dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
    command = [dbt if os.path.exists(dbt) else "dbt", "parse", "--quiet",
               "--project-dir", str(settings.DBT_PROJECT_DIR), "--profiles-dir", str(settings.DBT_PROJECT_DIR)]
    subprocess.run(command, check=True, cwd=settings.DBT_PROJECT_DIR)


def seed_input_folder(folder, seeds) -> int:
    """Create the drop folder with a copy of the seed articles when it does not exist; the number copied.

    The default input folder (``input/``, git-ignored) is the user's: the pipeline never writes it
    again, and ``seeds/`` stays as shipped (the tests read it).
    """
    import shutil
    from pathlib import Path

    folder, seeds = Path(folder), Path(seeds)
    if folder.exists():
        return 0
    folder.mkdir(parents=True)
    copied = 0
    for path in sorted(seeds.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, folder / path.name)  # keeps the modification times
            copied += 1
    return copied


class Progress:
    """Progress bars (tqdm, on a terminal only) fed by the run's events: assets materialised, and
    articles parsed from the nlp step's "parsed N/M articles" log lines."""

    ARTICLES = re.compile(r"parsed (\d+)/(\d+) articles")
    STARTING = re.compile(r"parsing (\d+) articles")

    def __init__(self, total_assets: int, enabled: bool | None = None):
        from tqdm import tqdm

        self._tqdm = tqdm
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.assets = tqdm(total=total_assets, desc="assets", unit="asset", position=0, disable=not self.enabled,
                           dynamic_ncols=True)
        self.articles = None

    def __call__(self, entry) -> None:
        try:
            event = entry.dagster_event
            if event is not None:
                if event.event_type_value == "ASSET_MATERIALIZATION":
                    self.assets.update(1)
                    self.assets.set_postfix_str(event.asset_key.to_user_string(), refresh=True)
                elif event.event_type_value == "STEP_START":
                    self.assets.set_postfix_str(f"running {event.step_key}", refresh=True)
                return
            message = entry.user_message or ""
            match = self.ARTICLES.search(message)
            starting = self.STARTING.search(message)
            if starting and not match:
                match, done, total = starting, 0, int(starting[1])
            elif match:
                done, total = int(match[1]), int(match[2])
            if match and self.enabled:
                if self.articles is None or self.articles.total != total:
                    if self.articles is not None:
                        self.articles.close()
                    self.articles = self._tqdm(total=total, desc="articles", unit="article", position=1,
                                               dynamic_ncols=True)
                self.articles.update(done - self.articles.n)
        except Exception:  # a progress bar must never break a run
            pass

    def close(self) -> None:
        if self.articles is not None:
            self.articles.close()
        self.assets.close()


def build(parse: bool = True, progress: bool | None = None, input_dir: str | None = None,
          warehouse: str | None = None) -> int:
    """Execute refresh_warehouse in this process; print a summary; return the exit code.

    ``input_dir`` / ``warehouse`` (absolute paths) replace the configured folder and file for this run.
    """
    import dagster as dg

    from dagster_project import settings
    from dagster_project.storage.writer_lock import WriterLock, busy_message

    target = settings.warehouse_path(warehouse or settings.value("warehouse_path"))
    holder = WriterLock(target).holder()  # say it now, not after dbt parse and loading the definitions
    if holder is not None:
        print(f"refresh_warehouse not started: {busy_message(target, holder)}", file=sys.stderr)
        return 1
    if parse:
        dbt_parse()
    from dagster_project.definitions import defs
    from dagster_project.defs.resources import process_tags, project_resources

    if input_dir is None and not settings.is_set("input_dir"):
        copied = seed_input_folder(settings.DEFAULT_INPUT_DIR, settings.SEEDS_DIR)
        if copied:
            print(f"input:     created {settings.DEFAULT_INPUT_DIR} with the {copied} seed articles (drop yours there)")
    overrides = {k: v for k, v in {"input_dir": input_dir, "warehouse_path": warehouse}.items() if v}
    resources = project_resources(**overrides)
    job = defs().resolve_job_def("refresh_warehouse")
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    started = time.monotonic()
    print(f"input:     {settings.input_dir(input_dir or settings.value('input_dir'))}")
    print(f"warehouse: {settings.warehouse_path(warehouse or settings.value('warehouse_path'))}")
    log_level = os.environ.get("DAGSTER_LOG_LEVEL", "INFO").upper()
    run_id = str(uuid.uuid4())
    bars = Progress(len(job.asset_layer.executable_asset_keys), enabled=progress)
    instance.add_event_listener(run_id, bars)
    try:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_id=run_id,
            tags=process_tags(),  # so that the sensor can tell this run died if this process is killed
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
            resources=resources,
        )
    finally:
        bars.close()
    elapsed = time.monotonic() - started

    from dagster_project.quality.report import on_failure

    failed_checks = []
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                spec = job.asset_layer.asset_graph.get_check_spec(evaluation.asset_check_key)
                failed_checks.append(
                    f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name} "
                    f"[{on_failure(spec.blocking, evaluation.severity.value)}] {evaluation.description or ''}".rstrip()
                )
    failed_steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    for line in failed_checks:
        print(f"check failed: {line}")
    for step in failed_steps:
        print(f"step failed: {step}")
    for event in result.all_events:
        if event.event_type_value == "RESOURCE_INIT_FAILURE":  # e.g. the warehouse's writer lock is held
            error = event.event_specific_data.error
            print(f"run failed: {error.cause.message.strip() if error.cause else error.message.strip()}")
    status = "succeeded" if result.success else "FAILED"
    print(f"refresh_warehouse {status} in {elapsed:.1f}s (run {result.run_id})")
    reports = settings.reports_dir(settings.warehouse_path(warehouse or settings.value("warehouse_path")))
    print(f"quality report: {reports / 'quality_report.html'}")
    return 0 if result.success else 1


def query(args) -> int:
    """Run SQL, an example query or a .sql file read-only; print a table, CSV or JSON."""
    from dagster_project import query as q
    from dagster_project import settings

    if args.list:
        print(q.list_examples())
        return 0
    if not args.sql:
        print("query: give SQL, an example name (see --list) or a .sql file", file=sys.stderr)
        return 2
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        warehouse = args.warehouse or settings.warehouse_path(settings.value("warehouse_path"))
        result = q.run_query(sql, q.parse_params(args.param or []), warehouse=warehouse)
    except Exception as exc:
        print(f"query failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if args.csv:
        sys.stdout.write(q.format_csv(result.columns, result.rows))
    elif args.json:
        print(q.format_json(result.columns, result.rows))
    else:
        print(q.format_table(result.columns, result.rows, max_width=args.max_width or None,
                             max_rows=args.max_rows or None))
        print(f"-- {result.database} ({result.elapsed_s:.2f}s)", file=sys.stderr)
    return 0


def docs(args) -> int:
    """`dbt docs generate` against the warehouse (catalog included), then optionally `dbt docs serve`."""
    from dagster_project import settings

    path = os.path.abspath(args.warehouse) if args.warehouse else settings.warehouse_path(settings.value("warehouse_path"))
    dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
    base = [dbt if os.path.exists(dbt) else "dbt"]
    where = ["--project-dir", str(settings.DBT_PROJECT_DIR), "--profiles-dir", str(settings.DBT_PROJECT_DIR),
             "--vars", json.dumps({"warehouse_path": str(path)})]
    if args.target_path:
        where += ["--target-path", os.path.abspath(args.target_path)]
    print(f"warehouse: {path} (dbt holds it while generating the catalog: not during a refresh)")
    done = subprocess.run([*base, "docs", "generate", "--quiet", *where], cwd=settings.DBT_PROJECT_DIR)
    if done.returncode != 0:
        return done.returncode
    target = os.path.abspath(args.target_path) if args.target_path else str(settings.DBT_PROJECT_DIR / "target")
    print(f"docs: {os.path.join(target, 'index.html')}")
    if args.serve:
        print(f"serving on http://localhost:{args.port} (Ctrl-C to stop)")
        return subprocess.run([*base, "docs", "serve", "--port", str(args.port), "--no-browser", *where],
                              cwd=settings.DBT_PROJECT_DIR).returncode
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="run the refresh_warehouse job headless")
    build_parser.add_argument("--input-dir", help="articles folder (default: $NEWS_INPUT_DIR or input/, "
                              "created with the seed articles on the first build)")
    build_parser.add_argument("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or warehouse/warehouse.duckdb)")
    build_parser.add_argument("--no-parse", action="store_true", help="skip `dbt parse` (manifest already fresh)")
    build_parser.add_argument("--progress", dest="progress", action="store_true", default=None,
                              help="always show progress bars (default: only on a terminal)")
    build_parser.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress bars")
    sub.add_parser("parse", help="run `dbt parse` to write dbt/target/manifest.json")

    query_parser = sub.add_parser(
        "query", help="run read-only SQL on the warehouse's last published snapshot",
        description="Run SQL text, an example query of warehouse/queries/ (by name) or a .sql file on the last "
                    "published snapshot (warehouse.read.duckdb beside the warehouse), read-only: it reads no "
                    "file, extension or database but that snapshot.",
    )
    query_parser.add_argument("sql", nargs="?", help="SQL text, an example name, a .sql file, or - for stdin")
    query_parser.add_argument("-p", "--param", action="append", metavar="NAME=VALUE",
                              help="set a parameter of an example query (repeatable)")
    out = query_parser.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help="print CSV")
    out.add_argument("--json", action="store_true", help="print a JSON array of objects")
    query_parser.add_argument("--list", action="store_true", help="list the example queries and their parameters")
    query_parser.add_argument("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or warehouse/warehouse.duckdb)")
    query_parser.add_argument("--max-rows", type=int, default=100, help="rows shown in a table (0 = all; default 100)")
    query_parser.add_argument("--max-width", type=int, default=60, help="cell width in a table (0 = no limit)")

    docs_parser = sub.add_parser("docs", help="dbt docs generate (with the catalog of the warehouse); --serve to browse")
    docs_parser.add_argument("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or warehouse/warehouse.duckdb)")
    docs_parser.add_argument("--target-path", help="where dbt writes the docs (default dbt/target)")
    docs_parser.add_argument("--serve", action="store_true", help="then run `dbt docs serve`")
    docs_parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    from dagster_project.settings import WarehouseNameError

    try:
        return _run(args)
    except WarehouseNameError as exc:  # a configuration error: the message, not a traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        dbt_parse()
        return 0
    if args.command == "query":
        return query(args)
    if args.command == "docs":
        return docs(args)
    return build(parse=not args.no_parse, progress=args.progress,
                 input_dir=os.path.abspath(args.input_dir) if args.input_dir else None,
                 warehouse=os.path.abspath(args.warehouse) if args.warehouse else None)


def exit_now(code: int) -> None:
    """Run the exit handlers, flush, and end the process without interpreter teardown: with dagster,
    dbt and Great Expectations loaded, Python's finalisation alone takes 2-3 s after every build.
    Everything that must persist is committed and closed by then (DuckDB, the Dagster instance)."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
