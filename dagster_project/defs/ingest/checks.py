"""A warning (non-blocking) asset check on raw/quarantine: visible in the UI whenever some input was set aside."""

from collections import Counter

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.ingest.raw_tables import quarantine_preview
from dagster_project.storage.tables import fetch_dicts, table_exists


def quarantine_check_result(rows: list[dict]) -> dg.AssetCheckResult:
    """Passed when nothing is quarantined; otherwise a WARN with counts by reason and the first rows."""
    reasons = Counter(r["reason_code"] for r in rows)
    summary = ", ".join(f"{n} {code}" for code, n in sorted(reasons.items()))
    return dg.AssetCheckResult(
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        description=("no input quarantined" if not rows
                     else f"{len(rows)} input(s) quarantined ({summary}); every other article was loaded"),
        metadata={
            "quarantined": len(rows),
            "by_reason": dg.MetadataValue.json(dict(sorted(reasons.items()))),
            "sources": dg.MetadataValue.json(sorted({r["source_name"] for r in rows})[:100]),
            "preview": dg.MetadataValue.md(quarantine_preview(rows)),
        },
    )


@dg.asset_check(
    asset=dg.AssetKey(["raw", "quarantine"]),
    name="no_quarantined_input",
    blocking=False,
    description="Warns (never blocks) when some input was quarantined: see raw.quarantine for the reason of each.",
)
def no_quarantined_input(warehouse: DuckDBWarehouse) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as con:
        rows = fetch_dicts(con, "select * from raw.quarantine order by source_name, source_path, reason") \
            if table_exists(con, "raw.quarantine") else []
    return quarantine_check_result(rows)
