"""The Dagster definitions load, are well formed, and `dg check defs` accepts them; dbt parses."""
import json
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

ROOT = Path(__file__).resolve().parents[2]
DG = Path(sys.executable).parent / "dg"

CONTRACT_MARTS = [
    "dim_articles", "dim_actors", "fct_meetings", "bridge_meeting_participants",
    "fct_meeting_evidence", "fct_statements", "fct_entity_mentions",
]
NLP_TABLES = ["sentences", "entity_mentions", "entities", "statements", "meeting_mentions", "date_expressions",
              "actors", "entity_actors", "meetings", "meeting_mention_map", "meeting_participants"]


@pytest.fixture(scope="module")
def definitions(dbt_manifest) -> dg.Definitions:
    from dagster_project.definitions import defs

    return defs()


@pytest.fixture(scope="module")
def asset_graph(definitions):
    return definitions.resolve_asset_graph()


def test_expected_assets_and_groups(asset_graph):
    keys = {k.to_user_string() for k in asset_graph.get_all_asset_keys()}
    expected = {
        "raw/articles": "ingest", "raw/article_sources": "ingest", "raw/quarantine": "ingest",
        **{f"nlp/{t}": "nlp" for t in NLP_TABLES},
        **{f"marts/{m}": "warehouse" for m in CONTRACT_MARTS},
        "seeds/actor_dictionary": "warehouse", "seeds/actor_roles": "warehouse", "seeds/role_titles": "warehouse",
        "quality/report": "quality",
        "evaluation/accuracy": "evaluation",
        "publish/read_snapshot": "publish",
    }
    missing = set(expected) - keys
    assert not missing, f"missing assets: {sorted(missing)}"
    for key, group in expected.items():
        assert asset_graph.get(dg.AssetKey.from_user_string(key)).group_name == group, key


def test_every_asset_has_description_and_kinds(asset_graph):
    for key in asset_graph.get_all_asset_keys():
        node = asset_graph.get(key)
        assert node.description and node.description.strip(), f"{key.to_user_string()} has no description"
        assert node.kinds, f"{key.to_user_string()} has no kinds"


def test_dbt_sources_are_the_upstream_assets(asset_graph):
    """Every dbt source resolves to an asset we materialise: no dangling external assets."""
    for key in asset_graph.get_all_asset_keys():
        assert asset_graph.get(key).is_materializable, f"{key.to_user_string()} is not materialisable"
    stg = asset_graph.get(dg.AssetKey(["staging", "stg_nlp__statements"]))
    assert dg.AssetKey(["nlp", "statements"]) in stg.parent_keys
    stg_articles = asset_graph.get(dg.AssetKey(["staging", "stg_raw__articles"]))
    assert dg.AssetKey(["raw", "articles"]) in stg_articles.parent_keys


def test_checks(asset_graph):
    checks = {c.to_user_string() for c in asset_graph.asset_check_keys}
    assert "raw/articles:gx_raw_articles" in checks
    assert "nlp/statements:gx_extraction_statements" in checks
    assert "marts/fct_statements:gx_marts_fct_statements" in checks
    assert "marts/fct_statements:unique_fct_statements_statement_id" in checks  # dbt test as asset check
    for key in asset_graph.asset_check_keys:
        if key.name.startswith("gx_raw") or key.name.startswith("gx_extraction"):
            assert asset_graph.get_check_spec(key).blocking, f"{key.to_user_string()} must be blocking"


def test_refresh_job_selects_everything(definitions, asset_graph):
    job = definitions.resolve_job_def("refresh_warehouse")
    assert set(job.asset_layer.executable_asset_keys) >= set(asset_graph.get_all_asset_keys())


def test_dg_check_defs(dbt_manifest):
    completed = subprocess.run([str(DG) if DG.exists() else "dg", "check", "defs"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert "All definitions loaded successfully" in completed.stdout + completed.stderr


def test_dbt_project_layout(dbt_manifest):
    manifest = json.loads(dbt_manifest.read_text())
    assert not list((ROOT / "dbt").rglob("__init__.py")), "no Python packages inside dbt/"
    models = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    assert set(CONTRACT_MARTS) <= set(models)
    prefixes = {"staging": "stg_", "intermediate": "int_", "marts": ("dim_", "fct_", "bridge_")}
    for name, node in models.items():
        folder = node["fqn"][1]
        assert node["schema"] == folder, f"{name} is in schema {node['schema']}, expected {folder}"
        assert name.startswith(prefixes[folder]), f"{name} does not follow the {folder} naming"
        assert node["description"].strip(), f"{name} has no description"
        assert node["columns"], f"{name} documents no column"
        for column, spec in node["columns"].items():
            assert spec["description"].strip(), f"{name}.{column} has no description"
        tested = {t["test_metadata"]["name"] for t in tests
                  if node["unique_id"] in t["depends_on"]["nodes"] and t.get("attached_node") == node["unique_id"]}
        assert "unique_combination_of_columns" in tested or {"unique", "not_null"} <= tested, f"{name} grain untested"
    for fact in ("fct_statements", "fct_meeting_evidence", "fct_entity_mentions", "bridge_meeting_participants"):
        relationships = [t for t in tests if t["test_metadata"]["name"] == "relationships"
                         and t.get("attached_node") == models[fact]["unique_id"]]
        assert relationships, f"{fact} has no relationships test"
    seeds = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "seed"}
    assert {"actor_dictionary", "actor_roles", "role_titles"} <= set(seeds)
    assert seeds["actor_roles"]["config"]["column_types"]["valid_from"] == "date"
    unit_tested = {t["model"] for t in manifest.get("unit_tests", {}).values()}
    assert {"int_statements_resolved", "int_actors_enriched"} <= unit_tested  # models with logic
    for unit_test in manifest.get("unit_tests", {}).values():  # a unit test is a relation: PostgreSQL's limit
        assert len(unit_test["name"]) <= 63, f"unit test name too long for PostgreSQL: {unit_test['name']}"
    sources = {(n["source_name"], n["name"]) for n in manifest["sources"].values()}
    assert ("raw", "articles") in sources and ("nlp", "statements") in sources
