"""One owner per contract: the dbt sources file gives the layout of every raw.* and nlp.* table, the dbt
manifest the list of marts; the writers, the DDL and the checks agree with them."""
import json
from datetime import date

import duckdb
import pytest
import yaml

from dagster_project.storage import contracts
from dagster_project.storage.dbt_artifacts import mart_names, new_id_columns
from dagster_project.storage.tables import ensure_table, table_layout

DUCKDB_TYPES = {"VARCHAR", "INTEGER", "BIGINT", "DATE", "BOOLEAN", "DOUBLE", "VARCHAR[]", "INTEGER[]"}


def test_every_table_of_the_sources_file_is_complete():
    tables = contracts.load_contracts()
    assert {"raw.articles", "raw.article_sources", "raw.quarantine", "nlp.statements", "nlp.date_expressions",
            "nlp.parse_log", "nlp.meeting_participants"} <= set(tables)
    for table in tables.values():
        assert table.columns and table.description, table.relation
        assert {t for _, t in table.columns} <= DUCKDB_TYPES, table.relation
        assert set(table.order_by) <= set(table.column_names), table.relation
    assert set(contracts.EXTRACTION_TABLES) == {"sentences", "entity_mentions", "entities", "statements",
                                                "meeting_mentions", "date_expressions"}
    assert set(contracts.RESOLUTION_TABLES) == {"actors", "entity_actors", "meetings", "meeting_mention_map",
                                                "meeting_participants"}


def test_a_column_without_a_type_is_refused(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text(yaml.safe_dump({"sources": [{"name": "nlp", "tables": [{
        "name": "t", "config": {"meta": {"written_by": "extraction", "order_by": ["a"]}},
        "columns": [{"name": "a", "data_type": "varchar"}, {"name": "b"}]}]}]}), encoding="utf-8")
    with pytest.raises(contracts.ContractError, match="nlp.t.b has no data_type"):
        contracts.load_contracts(path)


def test_the_ddl_is_the_contract():
    con = duckdb.connect()
    for table in contracts.load_contracts().values():
        con.execute(f"create schema if not exists {table.schema}")
        ensure_table(con, table.relation, table.layout)
        assert table_layout(con, table.relation) == table.layout


def test_ingest_writes_exactly_the_contract_columns(tmp_path):
    from dagster_project.ingest.reader import read_folder

    (tmp_path / "a.txt").write_text("Sergueï Lavrov a reçu mardi à Moscou son homologue nord-coréenne, "
                                    "Choe Son-hui, pour des discussions sur la coopération.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = read_folder(tmp_path)
    assert result.articles and result.sources and result.quarantine
    for relation, rows in [("raw.articles", result.articles), ("raw.article_sources", result.sources),
                           ("raw.quarantine", result.quarantine)]:
        for row in rows:
            assert set(row) == set(contracts.contract(relation).column_names), relation


@pytest.mark.slow
def test_extraction_and_resolution_write_exactly_the_contract_columns(nlp):
    from dagster_project.extraction.pipeline import extract_article
    from dagster_project.extraction.resolution import resolve_corpus

    text = ("Sergueï Lavrov a reçu mardi 16 janvier 2024 à Moscou son homologue nord-coréenne, Choe Son-hui. "
            "« Nos relations sont excellentes », a déclaré Sergueï Lavrov. Il a ajouté que la coopération continuerait.")
    rows = extract_article(nlp, "a1", text, date(2024, 1, 16))
    assert set(rows) == set(contracts.EXTRACTION_TABLES)
    for name, layout in contracts.EXTRACTION_TABLES.items():
        assert rows[name], f"nothing extracted into nlp.{name}: the check below would be empty"
        for row in rows[name]:
            assert set(row) == {column for column, _ in layout}, name
    resolved = resolve_corpus(rows["entities"], rows["meeting_mentions"], {"a1": date(2024, 1, 16)})
    assert set(resolved) == set(contracts.RESOLUTION_TABLES)
    for name, layout in contracts.RESOLUTION_TABLES.items():
        assert resolved[name], f"nothing resolved into nlp.{name}"
        for row in resolved[name]:
            assert set(row) == {column for column, _ in layout}, name


def test_the_marts_come_from_the_manifest_and_dbt_enforces_their_contract(dbt_manifest):
    manifest = json.loads(dbt_manifest.read_text())
    marts = mart_names(manifest)
    assert set(marts) == {"dim_articles", "dim_actors", "fct_meetings", "bridge_meeting_participants",
                          "fct_meeting_evidence", "fct_statements", "fct_entity_mentions"}
    for name in marts:
        node = manifest["nodes"][f"model.news_warehouse.{name}"]
        assert node["config"]["contract"]["enforced"], name
        assert all(column.get("data_type") for column in node["columns"].values()), name
    assert new_id_columns(manifest) == {"dim_articles": "article_id", "dim_actors": "actor_id",
                                        "fct_meetings": "meeting_id", "fct_statements": "statement_id"}


@pytest.mark.slow
def test_the_built_tables_have_the_contract_layouts(seed_pipeline):
    with seed_pipeline.connect() as con:
        for table in contracts.load_contracts().values():
            assert table_layout(con, table.relation) == table.layout, table.relation
