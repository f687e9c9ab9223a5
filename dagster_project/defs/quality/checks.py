"""Asset checks built from every Great Expectations suite in expectations/ (raw, extraction: blocking)."""

import dagster as dg

from dagster_project import settings
from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.quality.suites import SuiteResult, SuiteSpec, suite_paths, suite_spec, validate_dataframe


def check_name_for(spec: SuiteSpec) -> str:
    return "gx_" + spec.name.replace(".", "_").replace("-", "_")


def check_result(result: SuiteResult) -> dg.AssetCheckResult:
    """A suite's outcome as Dagster shows it: passed or not, with the failed expectations as JSON."""
    return dg.AssetCheckResult(
        passed=result.passed,
        severity=dg.AssetCheckSeverity(result.severity),
        description=result.description,
        metadata={
            "suite": result.suite,
            "suite_file": result.suite_file,
            "rows": result.rows,
            "evaluated_expectations": result.evaluated_expectations,
            "failed_expectations": len(result.failures),
            "failures": dg.MetadataValue.json(result.failures),
        },
    )


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
            frame = con.sql(spec.frame_sql()).df()
            layout_frame = con.sql(spec.layout_sql()).df() if spec.layout else None
        return check_result(validate_dataframe(spec.path, frame, severity=spec.severity, key_columns=spec.key_columns,
                                               layout=spec.layout, layout_frame=layout_frame))

    return _gx_check


gx_checks = [build_gx_check(suite_spec(path)) for path in suite_paths(settings.EXPECTATIONS_DIR)]
