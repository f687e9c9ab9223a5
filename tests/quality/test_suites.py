"""Great Expectations suites in expectations/ are valid, the suite runner really validates, and its result
becomes an asset check result."""
import json
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from dagster_project.defs.quality.checks import check_result
from dagster_project.quality.suites import SuiteResult, load_suite, suite_paths, suite_spec, validate_dataframe

ROOT = Path(__file__).resolve().parents[2]
EXPECTATIONS = ROOT / "expectations"
SUITES = suite_paths(EXPECTATIONS)


def test_one_folder_per_stage():
    stages = {p.parent.name for p in SUITES}
    assert stages == {"raw", "extraction", "marts"}
    assert (EXPECTATIONS / "raw" / "articles.json") in SUITES


@pytest.mark.parametrize("path", SUITES, ids=[str(p.relative_to(EXPECTATIONS)) for p in SUITES])
def test_suite_file_is_a_valid_gx_suite(path):
    import great_expectations as gx

    data = json.loads(path.read_text(encoding="utf-8"))  # valid JSON
    suite = load_suite(path)  # every expectation type and its kwargs are valid for GX
    assert isinstance(suite, gx.ExpectationSuite)
    assert suite.name == data["name"]
    assert len(suite.expectations) == len(data["expectations"]) > 0
    spec = suite_spec(path)
    assert spec.sql.lower().startswith("select")
    assert spec.asset_key[0] in {"raw", "nlp", "marts"}
    if spec.asset_key[0] in {"raw", "nlp"}:
        assert spec.blocking and spec.severity == "ERROR"


def _suite(tmp_path: Path) -> Path:
    path = tmp_path / "people.json"
    path.write_text(json.dumps({
        "name": "people",
        "expectations": [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "person_id"}},
            {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "person_id"}},
            {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "kind", "value_set": ["direct", "indirect"]}},
            {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}},
        ],
        "meta": {"dagster": {"asset_key": ["x"], "sql": "select 1", "key_columns": ["person_id", "name"]}},
    }))
    return path


def test_helper_passes_a_good_frame(tmp_path):
    frame = pd.DataFrame({"person_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["direct", "indirect", "direct"]})
    result = validate_dataframe(_suite(tmp_path), frame)
    assert isinstance(result, SuiteResult)
    assert result.passed is True
    assert result.evaluated_expectations == 4
    assert result.failures == []
    assert result.rows == 3


def test_helper_fails_a_bad_frame_with_examples(tmp_path):
    frame = pd.DataFrame({
        "person_id": ["a", "a", None, "d"],
        "name": ["A", "A2", "none", "D"],
        "kind": ["direct", "quote", "indirect", "paraphrase"],
    })
    result = validate_dataframe(_suite(tmp_path), frame)
    assert result.passed is False
    assert result.severity == "ERROR"
    assert len(result.failures) == 3
    failures = {f["expectation"]: f for f in result.failures}
    assert set(failures) == {
        "expect_column_values_to_not_be_null", "expect_column_values_to_be_unique", "expect_column_values_to_be_in_set",
    }
    in_set = failures["expect_column_values_to_be_in_set"]
    assert in_set["unexpected_count"] == 2
    assert sorted(in_set["examples"]) == ["paraphrase", "quote"]
    assert {"person_id": "a", "name": "A2"} in in_set["example_keys"]
    assert failures["expect_column_values_to_not_be_null"]["unexpected_count"] == 1
    assert "expect_column_values_to_be_unique(person_id)" in result.description


def test_helper_severity_and_empty_frame(tmp_path):
    frame = pd.DataFrame({"person_id": [], "name": [], "kind": []})
    result = validate_dataframe(_suite(tmp_path), frame, severity="WARN")
    assert result.passed is False  # the row-count expectation fails on an empty table
    assert result.severity == "WARN"
    assert [f["expectation"] for f in result.failures] == ["expect_table_row_count_to_be_between"]


def test_a_suite_result_becomes_an_asset_check_result(tmp_path):
    frame = pd.DataFrame({"person_id": ["a", "a"], "name": ["A", "B"], "kind": ["direct", "direct"]})
    check = check_result(validate_dataframe(_suite(tmp_path), frame, severity="WARN"))
    assert isinstance(check, dg.AssetCheckResult)
    assert check.passed is False and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["failed_expectations"].value == 1
    assert check.metadata["failures"].value[0]["expectation"] == "expect_column_values_to_be_unique"


def test_real_suite_checks_across_tables():
    """fct_meetings: most meetings have two participants or more, counted in bridge_meeting_participants."""
    path = EXPECTATIONS / "marts" / "fct_meetings.json"
    good = pd.DataFrame({"meeting_id": ["m1", "m2"], "n_participants": [2, 3]})
    bad = pd.DataFrame({"meeting_id": ["m1", "m2", "m3"], "n_participants": [2, 1, 1]})
    assert validate_dataframe(path, good).passed
    result = validate_dataframe(path, bad)
    assert not result.passed and result.severity == "WARN"
    assert [f["expectation"] for f in result.failures] == ["expect_column_values_to_be_between"]


def test_raw_and_nlp_layouts_come_from_the_contract_not_the_suites():
    """No suite lists the columns of a raw or nlp table: the layout expectation is derived from the dbt
    sources file, and fails when the table drifts from it."""
    from dagster_project.storage.contracts import contract

    for path in SUITES:
        spec = suite_spec(path)
        types = {e["type"] for e in json.loads(path.read_text(encoding="utf-8"))["expectations"]}
        assert not types & {"expect_column_to_exist", "expect_table_columns_to_match_ordered_list",
                            "expect_table_columns_to_match_set"}, path.name
        if spec.asset_key[0] in ("raw", "nlp"):
            assert spec.layout == tuple(contract(spec.relation).column_names), path.name
    spec = suite_spec(EXPECTATIONS / "raw" / "articles.json")
    columns = {name: pd.Series(dtype=object) for name in spec.layout}
    rows = pd.DataFrame({"article_id": ["a"]})
    ok = validate_dataframe(spec.path, rows, layout=spec.layout, layout_frame=pd.DataFrame(columns))
    drifted = validate_dataframe(spec.path, rows, layout=spec.layout,
                                 layout_frame=pd.DataFrame(columns).drop(columns=["language"]))
    assert "expect_table_columns_to_match_ordered_list" not in {f["expectation"] for f in ok.failures}
    assert "expect_table_columns_to_match_ordered_list" in {f["expectation"] for f in drifted.failures}
    assert drifted.evaluated_expectations == ok.evaluated_expectations


def test_no_marts_expectation_repeats_a_dbt_test(dbt_manifest):
    """dbt owns the marts (tests, enforced contracts); GX keeps distributions and cross-table checks."""
    manifest = json.loads(dbt_manifest.read_text())
    dbt_tests = {(n["attached_node"].split(".")[-1], n.get("column_name"), n["test_metadata"]["name"])
                 for n in manifest["nodes"].values() if n["resource_type"] == "test" and n.get("attached_node")}
    simple = {"expect_column_values_to_not_be_null": "not_null", "expect_column_values_to_be_unique": "unique",
              "expect_column_values_to_be_in_set": "accepted_values"}
    for path in (EXPECTATIONS / "marts").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        mart = data["meta"]["dagster"]["asset_key"][-1]
        for expectation in data["expectations"]:
            kwargs = expectation["kwargs"]
            assert expectation["type"] != "expect_compound_columns_to_be_unique", path.name
            if expectation["type"] in simple and "mostly" not in kwargs:
                assert (mart, kwargs["column"], simple[expectation["type"]]) not in dbt_tests, \
                    f"{path.name}: {expectation['type']}({kwargs['column']}) repeats a dbt test"
                pytest.fail(f"{path.name}: {expectation['type']}({kwargs['column']}) belongs in the mart's yml")


def test_check_reads_only_the_columns_its_expectations_name(tmp_path):
    import duckdb

    spec = suite_spec(_suite(tmp_path))
    con = duckdb.connect()
    con.execute("create table people as select 1 as person_id, 'direct' as kind, 'Ann' as name, "
                "repeat('x', 1000) as biography")
    spec = type(spec)(**{**spec.__dict__, "sql": "select * from people"})
    frame = con.sql(spec.frame_sql()).df()
    assert list(frame.columns) == ["person_id", "kind", "name"]  # name: a key column for the examples
    assert validate_dataframe(spec.path, frame).passed


def test_a_whole_table_expectation_keeps_every_column():
    from dagster_project.quality.suites import columns_read

    assert columns_read([{"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}}]) == ("id",)
    assert columns_read([{"type": "expect_table_columns_to_match_set", "kwargs": {"column_set": ["id"]}}]) is None
