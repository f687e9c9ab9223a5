"""evaluation/accuracy: the marts measured against a gold file, once per build (dagster_project/evaluation/)."""
import json

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse, Evaluation
from dagster_project.evaluation.scoring import MART_COLUMNS, GoldError, evaluate_warehouse, headline, markdown

ACCURACY = dg.AssetKey(["evaluation", "accuracy"])


@dg.asset(
    key=ACCURACY,
    group_name="evaluation",
    kinds={"python", "json"},
    deps=[dg.AssetKey(["marts", name]) for name in MART_COLUMNS],  # the marts the evaluation reads
    check_specs=[dg.AssetCheckSpec(
        "gold_articles_in_warehouse", asset=ACCURACY, blocking=False,
        description="Warns when articles of the gold file are missing from the warehouse: the numbers then "
                    "measure another input than the gold's (point the evaluation resource, GOLD_PATH, at yours).",
    )],
)
def accuracy(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse,
             evaluation: Evaluation) -> dg.MaterializeResult:
    """Evaluate the marts against the gold file: one number per metric (plotted run after run) and evaluation.json."""
    gold = evaluation.gold_file()
    try:
        result = evaluate_warehouse(warehouse.db_path(), gold)
    except GoldError as exc:
        raise dg.Failure(f"cannot evaluate against {gold}: {exc}") from exc
    folder = warehouse.reports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "evaluation.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    numbers = headline(result)
    missing = result["gold_articles_missing"]
    n_gold = len(result["articles_scored"])
    for warning in result["warnings"]:
        context.log.warning(warning)
    check = dg.AssetCheckResult(
        check_name="gold_articles_in_warehouse",
        passed=not missing,
        severity=dg.AssetCheckSeverity.WARN,
        description=(f"all {n_gold} gold articles are in the warehouse" if not missing else
                     f"{len(missing)} of the {n_gold} articles of {gold.name} are not in the warehouse"),
        metadata={"missing": dg.MetadataValue.json(missing[:100])},
    )
    return dg.MaterializeResult(
        metadata={
            **{metric: value for metric, value in numbers.items() if value is not None},
            "gold": dg.MetadataValue.path(str(gold)),
            "gold_articles": n_gold,
            "gold_articles_missing": len(missing),
            "result": dg.MetadataValue.path(str(path)),
            "scores": dg.MetadataValue.md(markdown(result)),
        },
        check_results=[check],
    )
