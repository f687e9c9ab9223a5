"""Asset checks built from every Great Expectations suite in expectations/ (raw, extraction: blocking)."""

import dagster as dg

from dagster_project import settings
from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.incremental.changes import marts_scope, pending_scope
from dagster_project.quality.suites import SuiteResult, SuiteSpec, suite_paths, suite_spec, validate_dataframe


def check_name_for(spec: SuiteSpec) -> str:
    return "gx_" + spec.name.replace(".", "_").replace("-", "_")


def check_result(result: SuiteResult, scope: str = "whole table") -> dg.AssetCheckResult:
    """A suite's outcome as Dagster shows it: passed or not, with the failed expectations as JSON, and
    the rows it read (``scope``: the whole table, or the changed articles' rows on a refresh)."""
    return dg.AssetCheckResult(
        passed=result.passed,
        severity=dg.AssetCheckSeverity(result.severity),
        description=result.description,
        metadata={
            "suite": result.suite,
            "suite_file": result.suite_file,
            "rows": result.rows,
            "scope": scope,
            "evaluated_expectations": result.evaluated_expectations,
            "failed_expectations": len(result.failures),
            "failures": dg.MetadataValue.json(result.failures),
        },
    )


def check_scope(con, spec: SuiteSpec) -> str | None:
    """The table of the articles whose rows a check validates, or None for the whole table.

    A suite with a ``refresh_scope`` column, on a refresh: the marts' the articles the last dbt build
    took in (incremental/changes.py; None after a full build), the other tables' the articles changed
    since it (None when a full rebuild is due, or before the first build). Rows of other articles did
    not change since they were validated."""
    if spec.article_column is None:
        return None
    return marts_scope(con) if spec.asset_key[0] == "marts" else pending_scope(con)


def build_gx_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    """One asset check: read the suite's SQL from the warehouse into a DataFrame and validate it."""

    @dg.asset_check(
        asset=dg.AssetKey(list(spec.asset_key)),
        name=check_name_for(spec),
        description=spec.description,
        blocking=spec.blocking,
        metadata={"suite_file": str(spec.path.relative_to(settings.PROJECT_ROOT))},
    )
    def _gx_check(context: dg.AssetCheckExecutionContext, warehouse: DuckDBWarehouse) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            scope = check_scope(con, spec)
            frame = con.sql(spec.frame_sql(scope)).df()
            layout_frame = con.sql(spec.layout_sql()).df() if spec.layout else None
        return check_result(validate_dataframe(spec.path, frame, severity=spec.severity, key_columns=spec.key_columns,
                                               layout=spec.layout, layout_frame=layout_frame),
                            scope="changed articles" if scope else "whole table")

    return _gx_check


gx_checks = [build_gx_check(suite_spec(path)) for path in suite_paths(settings.EXPECTATIONS_DIR)]
