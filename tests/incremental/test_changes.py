"""The changed-articles bookkeeping that lets dbt and the checks of a refresh follow the new articles:
who records what, when the marts are rebuilt whole, what the checks read."""
from datetime import date

import duckdb
import pytest

from dagster_project.incremental.changes import (
    CHANGED,
    MARTS_CHANGES,
    changed_article_ids,
    marts_build_plan,
    marts_scope,
    pending_scope,
    record_changed_articles,
    record_full_rebuild,
    record_marts_built,
)
from dagster_project.incremental.extract import run_extraction
from dagster_project.incremental.resolve import update_resolution
from dagster_project.quality.suites import suite_paths, suite_spec
from dagster_project.settings import EXPECTATIONS_DIR
from dagster_project.storage.dbt_artifacts import project_fingerprint
from tests.incremental.test_extract import FakeExtractor, _article, _raw, connector


@pytest.fixture
def con(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        yield con


def test_the_first_build_is_full_then_incremental_until_something_asks_for_a_full_one(con):
    plan = marts_build_plan(con, "fp1")
    assert plan.full and "no earlier build" in plan.reason
    record_changed_articles(con, ["a", "b", "a"])
    assert changed_article_ids(con) == ["a", "b"]
    assert record_marts_built(con, "fp1", full=True, run_id="r1") == 2
    assert changed_article_ids(con) == []

    record_changed_articles(con, ["c"])
    record_changed_articles(con, ["c", "d"])  # a second writer, or a run that failed after extraction
    plan = marts_build_plan(con, "fp1")
    assert not plan.full and plan.changed_articles == 2
    assert marts_build_plan(con, "fp2").full  # a model, a macro, a seed or a rule changed
    record_full_rebuild(con, "full resolution")
    plan = marts_build_plan(con, "fp1")
    assert plan.full and plan.reason == "full resolution"
    record_marts_built(con, "fp1", full=True, run_id="r2")
    assert not marts_build_plan(con, "fp1").full


def test_checks_read_whole_tables_until_an_incremental_build_then_the_changed_articles(con):
    assert pending_scope(con) is None and marts_scope(con) is None  # nothing built yet
    record_changed_articles(con, ["a"])
    record_marts_built(con, "fp", full=True, run_id="r1")
    assert marts_scope(con) is None  # after a full build the marts are checked whole
    record_changed_articles(con, ["b"])
    assert pending_scope(con) == CHANGED  # extraction and resolution tables: what changed since
    record_marts_built(con, "fp", full=False, run_id="r2")
    assert marts_scope(con) == MARTS_CHANGES
    assert con.execute(f"select article_id from {MARTS_CHANGES}").fetchall() == [("b",)]
    record_full_rebuild(con, "extraction tables recreated")
    assert pending_scope(con) is None


def test_extraction_records_parsed_failed_and_removed_articles(tmp_path):
    connect = connector(tmp_path / "w.duckdb")
    with connect() as con:
        _raw(con, _article("a", "Texte a."), _article("b", "Texte b."), _article("c", "Texte c."))
    run_extraction(connect, FakeExtractor(fail_on={"c"}), "v1")
    with connect() as con:
        assert changed_article_ids(con) == ["a", "b", "c"]
        record_marts_built(con, "fp", full=True, run_id="r")
        _raw(con, _article("a", "Texte a."), _article("c", "Texte c."), _article("d", "Texte d."))
    run_extraction(connect, FakeExtractor(), "v1")
    with connect() as con:
        # b removed (its marts rows must go), c parsed at last, d new; a untouched
        assert changed_article_ids(con) == ["b", "c", "d"]
        assert not marts_build_plan(con, "fp").full


def test_resolution_records_articles_whose_entities_move_and_asks_a_full_rebuild_after_a_full_one(tmp_path):
    from tests.incremental.test_resolve import ENTITIES, _add, _database

    published = {a: date(2024, 1, 16) for a in ENTITIES}
    con = _database(tmp_path / "w.duckdb", published)
    _add(con, ["b", "c", "d"])
    update_resolution(con, "v1")
    assert marts_build_plan(con, "fp").reason == "no earlier build of the marts recorded"
    record_marts_built(con, "fp", full=True, run_id="r")
    _add(con, ["a"])  # 'a' changes the actor of an older entity of 'b' (see test_resolve)
    counts = update_resolution(con, "v1")
    assert counts["mode"] == "incremental"
    assert "b" in set(changed_article_ids(con))
    assert not marts_build_plan(con, "fp").full
    update_resolution(con, "v1", full=True)
    assert marts_build_plan(con, "fp").full


def test_suites_scoped_to_changed_articles_read_only_their_rows():
    specs = {spec.relation: spec for spec in map(suite_spec, suite_paths(EXPECTATIONS_DIR))}
    scoped = {name for name, spec in specs.items() if spec.article_column}
    assert {"nlp.entity_mentions", "nlp.sentences", "nlp.statements", "marts.fct_statements",
            "marts.fct_entity_mentions"} <= scoped
    assert "raw.articles" not in scoped  # its row-count expectation needs the whole table
    spec = specs["nlp.statements"]
    assert "where \"article_id\" in (select article_id from _refresh.changed_articles)" in spec.frame_sql(CHANGED)
    assert "_refresh" not in spec.frame_sql(None)


def test_a_suite_about_the_whole_table_cannot_be_scoped(tmp_path):
    import json

    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "s", "expectations": [
        {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}],
        "meta": {"dagster": {"asset_key": ["marts", "x"], "sql": "select 1", "refresh_scope": "article_id"}}}))
    with pytest.raises(ValueError, match="whole table"):
        suite_spec(path)


def test_the_fingerprint_follows_the_dbt_projects_files(tmp_path):
    import shutil

    from dagster_project.settings import DBT_PROJECT_DIR

    copy = tmp_path / "dbt"
    shutil.copytree(DBT_PROJECT_DIR, copy, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    # the seed path ../dagster_project/extraction/dictionaries, beside the copy
    shutil.copytree(DBT_PROJECT_DIR.parent / "dagster_project" / "extraction" / "dictionaries",
                    tmp_path / "dagster_project" / "extraction" / "dictionaries")
    before = project_fingerprint(copy, "v1")
    assert project_fingerprint(copy, "v1") == before
    assert project_fingerprint(copy, "v2") != before  # another extractor version
    model = copy / "models" / "marts" / "fct_statements.sql"
    model.write_text(model.read_text() + "\n-- changed\n")
    assert project_fingerprint(copy, "v1") != before
