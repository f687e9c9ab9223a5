"""Asset checks built from every Great Expectations suite in expectations/ (raw, extraction: blocking)."""

import dagster as dg

from dagster_project import settings
from dagster_project.defs.quality.gx_suites import SuiteSpec, suite_paths, suite_spec, validate_dataframe
from dagster_project.defs.resources import DuckDBWarehouse


def check_name_for(spec: SuiteSpec) -> str:
    return "gx_" + spec.name.replace(".", "_").replace("-", "_")


def build_gx_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    """One asset check: read the suite's SQL from the warehouse into a DataFrame and validate it."""

    @dg.asset_check(
        asset=spec.asset_key,
        name=check_name_for(spec),
        description=spec.description,
        blocking=spec.blocking,
        metadata={"suite_file": str(spec.path.relative_to(settings.PROJECT_ROOT))},
    )
    def _gx_check(context: dg.AssetCheckExecutionContext, warehouse: DuckDBWarehouse) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = con.sql(spec.frame_sql()).df()
        return validate_dataframe(spec.path, frame, severity=spec.severity, key_columns=spec.key_columns)

    return _gx_check


gx_checks = [build_gx_check(suite_spec(path)) for path in suite_paths(settings.EXPECTATIONS_DIR)]
