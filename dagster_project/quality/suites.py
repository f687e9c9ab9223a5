"""Great Expectations 1.x suites stored as JSON in expectations/, run on pandas DataFrames.

GX 1.x has no DuckDB datasource (and its SQL datasource over duckdb_engine fails here), so a check
reads its rows with ``con.sql(...).df()`` and validates that DataFrame through an ephemeral GX
context with a pandas datasource. A suite file's ``meta.dagster`` says what the check reads:

    {"asset_key": ["nlp", "statements"], "sql": "select ...", "blocking": true,
     "severity": "ERROR", "key_columns": ["article_id", "statement_idx"], "description": "..."}

A suite on a raw.* or nlp.* table never lists that table's columns: they are written once, in the
dbt sources file (storage/contracts.py), and ``layout_expectation`` derives the
``expect_table_columns_to_match_ordered_list`` expectation from it. It is validated on the table's
empty frame (``select * ... limit 0``), so that the rows' frame keeps only the columns the suite reads.

No Dagster here: ``validate_dataframe`` returns a plain ``SuiteResult``; defs/quality/checks.py
turns it into an asset check result.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dagster_project.storage.contracts import load_contracts

MAX_EXAMPLES = 5
SEVERITIES = ("ERROR", "WARN")


@dataclass(frozen=True)
class SuiteSpec:
    """Where a suite applies, read from its ``meta.dagster``."""

    path: Path
    name: str
    asset_key: tuple[str, ...]  # the checked asset's key path, e.g. ("nlp", "statements")
    sql: str
    blocking: bool
    severity: str  # ERROR or WARN
    key_columns: tuple[str, ...]
    description: str
    columns: tuple[str, ...] | None = None  # what the expectations read; None: every column
    layout: tuple[str, ...] | None = None  # the table's columns from its contract (raw.* and nlp.* tables)
    # the column naming each row's article: on a refresh, only the changed articles' rows are validated
    article_column: str | None = None

    @property
    def relation(self) -> str:
        return ".".join(self.asset_key)

    def layout_sql(self) -> str:
        """No rows, every column of the checked table: what the layout expectation looks at."""
        return f"select * from {self.relation} limit 0"

    def frame_sql(self, changed_articles: str | None = None) -> str:
        """The suite's SQL, narrowed to the columns its expectations and examples read: wide text
        and list columns the suite never looks at make the DataFrame and GX much slower. With
        ``changed_articles`` (a table of article ids) and an ``article_column``, narrowed to the rows
        of those articles too: every row of an article is in or out, so an expectation of uniqueness
        over columns that include the article's sees all the rows it could clash with."""
        columns = "*" if self.columns is None else ", ".join(
            f'"{c}"' for c in dict.fromkeys([*self.columns, *self.key_columns]))
        where = ""
        if changed_articles and self.article_column:
            where = f' where "{self.article_column}" in (select article_id from {changed_articles})'
        if columns == "*" and not where:
            return self.sql
        return f"select {columns} from ({self.sql}) as suite_rows{where}"


def read_suite_json(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_suite(path: Path):
    """The file as a ``great_expectations.ExpectationSuite`` (raises if an expectation is invalid)."""
    import great_expectations as gx

    data = read_suite_json(Path(path))
    return gx.ExpectationSuite(
        name=data["name"],
        expectations=data.get("expectations", []),
        meta=data.get("meta") or {},
        notes=data.get("notes"),
    )


def _severity(value: str) -> str:
    if value not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {value!r}")
    return value


def _contract_columns(asset_key: tuple[str, ...]) -> tuple[str, ...] | None:
    table = load_contracts().get(".".join(asset_key))
    return tuple(table.column_names) if table else None


def layout_expectation(columns: tuple[str, ...]) -> dict:
    """The expectation that a table has exactly its contract's columns, in order."""
    return {"type": "expect_table_columns_to_match_ordered_list", "kwargs": {"column_list": list(columns)}}


def suite_spec(path: Path) -> SuiteSpec:
    data = read_suite_json(Path(path))
    meta = (data.get("meta") or {}).get("dagster") or {}
    return SuiteSpec(
        path=Path(path),
        name=data["name"],
        asset_key=tuple(meta["asset_key"]),
        sql=meta["sql"],
        blocking=bool(meta.get("blocking", False)),
        severity=_severity(meta.get("severity", "ERROR")),
        key_columns=tuple(meta.get("key_columns", [])),
        description=meta.get("description") or f"Great Expectations suite {data['name']}",
        columns=columns_read(data.get("expectations", [])),
        layout=_contract_columns(tuple(meta["asset_key"])),
        article_column=_article_column(meta, data.get("expectations", [])),
    )


# expectations about the whole table (its row count...), which the rows of some articles cannot answer
_TABLE_LEVEL_TYPES = ("expect_table_row_count", "expect_table_column_count")


def _article_column(meta: dict, expectations: list[dict]) -> str | None:
    """``meta.dagster.refresh_scope``: the column naming each row's article, when a refresh may validate
    the changed articles' rows only. Refused for a suite with an expectation about the whole table."""
    column = meta.get("refresh_scope")
    if column is None:
        return None
    whole = [e["type"] for e in expectations if e["type"].startswith(_TABLE_LEVEL_TYPES)]
    if whole:
        raise ValueError(f"refresh_scope: {whole} need the whole table, not the rows of the changed articles")
    return column


# expectations about the table's column set need every column
_WHOLE_TABLE_TYPES = ("expect_table_column", "expect_table_columns")


def columns_read(expectations: list[dict]) -> tuple[str, ...] | None:
    """The columns a suite's expectations name, or None if one of them looks at the whole column set."""
    columns: list[str] = []
    for expectation in expectations:
        if expectation["type"].startswith(_WHOLE_TABLE_TYPES):
            return None
        kwargs = expectation.get("kwargs", {})
        for key in ("column", "column_A", "column_B"):
            if key in kwargs:
                columns.append(kwargs[key])
        for key in ("column_list", "column_set"):
            columns.extend(kwargs.get(key) or [])
    return tuple(dict.fromkeys(columns))


def suite_paths(folder: Path) -> list[Path]:
    """Every suite file under the folder (expectations/<stage>/<table>.json), sorted."""
    return sorted(Path(folder).rglob("*.json"))


def _plain(value: Any) -> Any:
    """JSON-safe version of a value from pandas / GX results."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


@functools.cache
def _dataframe_batches():
    """One ephemeral GX context and pandas batch definition per process: building a context costs
    more than validating most tables, and each validation passes its own DataFrame."""
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.enable_analytics(False)  # no usage statistics sent from a pipeline run
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # cosmetic only
        pass
    return (
        context.data_sources.add_pandas("warehouse")
        .add_dataframe_asset("rows")
        .add_batch_definition_whole_dataframe("all_rows")
    )


def _validate(suite, frame):
    batch = _dataframe_batches().get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, result_format="SUMMARY")


@dataclass
class SuiteResult:
    """The outcome of one suite on one DataFrame: counts, and each failed expectation with examples."""

    suite: str
    suite_file: str
    passed: bool
    severity: str
    description: str
    rows: int
    evaluated_expectations: int
    failures: list[dict] = field(default_factory=list)


def validate_dataframe(
    suite_path: Path,
    frame,
    *,
    severity: str | None = None,
    key_columns: tuple[str, ...] | None = None,
    layout: tuple[str, ...] | None = None,
    layout_frame=None,
    max_examples: int = MAX_EXAMPLES,
) -> SuiteResult:
    """Validate a DataFrame against a suite file: counts and failing examples. With ``layout`` (the
    contract's columns) and ``layout_frame`` (the table, no rows), the layout expectation is added."""
    import great_expectations as gx

    suite_path = Path(suite_path)
    suite = load_suite(suite_path)
    meta = (suite.meta or {}).get("dagster") or {}
    if severity is None:
        severity = _severity(meta.get("severity", "ERROR"))
    if key_columns is None:
        key_columns = tuple(meta.get("key_columns", []))
    results = list(_validate(suite, frame).results)
    if layout is not None and layout_frame is not None:
        layout_suite = gx.ExpectationSuite(name=f"{suite.name}.layout", expectations=[layout_expectation(layout)])
        results += list(_validate(layout_suite, layout_frame).results)

    failures = []
    for item in results:
        if item.success:
            continue
        config = item.expectation_config
        details = item.result or {}
        failure = {
            "expectation": config.type,
            "column": config.kwargs.get("column") or config.kwargs.get("column_list"),
            "unexpected_count": details.get("unexpected_count"),
            "unexpected_percent": details.get("unexpected_percent"),
            "observed_value": details.get("observed_value"),
            "examples": (details.get("partial_unexpected_list") or [])[:max_examples],
        }
        if item.exception_info and item.exception_info.get("raised_exception"):
            failure["exception"] = str(item.exception_info.get("exception_message"))[:500]
        rows = [i for i in (details.get("partial_unexpected_index_list") or []) if isinstance(i, int)][:max_examples]
        keys = [c for c in key_columns if c in frame.columns]
        if rows and keys:
            failure["example_keys"] = frame.iloc[rows][keys].to_dict(orient="records")
        failures.append(_plain(failure))

    evaluated = len(results)
    passed = not failures
    summary = (
        f"{evaluated - len(failures)}/{evaluated} expectations passed on {len(frame)} rows"
        + ("" if passed else ": " + "; ".join(f"{f['expectation']}({f['column']})" for f in failures))
    )
    return SuiteResult(suite=suite.name, suite_file=str(suite_path), passed=passed, severity=severity,
                       description=summary, rows=len(frame), evaluated_expectations=evaluated, failures=failures)
