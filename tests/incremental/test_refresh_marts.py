"""A refresh builds the marts of the changed articles only (dbt incremental models, checks on their rows)
and gives the marts of a full build of the same inputs, row for row, ids included: the five seeds and
the twelve dev fixture articles, added in two refreshes, then some removed again."""
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.helpers import pipeline_resources

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "fixtures" / "dev" / "articles.jsonl"


def _run(warehouse: Path, folder: Path):
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False,
                                        resources=pipeline_resources(warehouse, input_dir=folder))
    assert result.success
    return result


def _dbt_build(result) -> str:
    modes = {m.metadata["dbt_build"].value for m in result.asset_materializations_for_node("dbt_warehouse")
             if "dbt_build" in m.metadata}
    assert len(modes) == 1
    return modes.pop()


def _check_scopes(result) -> dict[str, tuple[str, int]]:
    out = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if "scope" in evaluation.metadata:
                out[evaluation.check_name] = (evaluation.metadata["scope"].value, evaluation.metadata["rows"].value)
    return out


def _marts(path: Path) -> dict[str, list]:
    """Every mart's sorted rows, without dim_articles.source_path (the input folder's own path)."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        out = {}
        for table in tables:
            columns = [r[0] for r in con.execute(f'describe marts."{table}"').fetchall() if r[0] != "source_path"]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f'select {select} from marts."{table}"').fetchall(), key=repr)
        return out


def _inputs(folder: Path, dev_lines: list[str], name: str = "dev_a.jsonl", seeds: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if seeds:
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, folder / path.name)
    (folder / name).write_text("".join(dev_lines), encoding="utf-8")


def test_refreshes_give_the_marts_of_a_full_build_of_the_same_inputs(dbt_manifest, tmp_path):
    lines = DEV.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 12
    first, later = lines[:8], lines[8:]

    folder, warehouse = tmp_path / "input", tmp_path / "warehouse.duckdb"
    _inputs(folder, first)
    assert _dbt_build(_run(warehouse, folder)) == "full"  # the first build
    before = _marts(warehouse)

    (folder / "dev_b.jsonl").write_text("".join(later), encoding="utf-8")
    refresh = _run(warehouse, folder)
    assert _dbt_build(refresh) == "incremental"
    scopes = _check_scopes(refresh)
    # the big tables' suites read the changed articles' rows only; the others whole
    assert scopes["gx_marts_fct_statements"][0] == "changed articles"
    assert scopes["gx_extraction_sentences"][0] == "changed articles"
    assert scopes["gx_raw_articles"][0] == "whole table"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(statements,)] = con.execute("select count(*) from marts.fct_statements").fetchall()
        [(sentences,)] = con.execute("select count(*) from nlp.sentences").fetchall()
    assert 0 < scopes["gx_marts_fct_statements"][1] < statements
    assert 0 < scopes["gx_extraction_sentences"][1] < sentences

    reference_folder, reference = tmp_path / "reference_input", tmp_path / "reference.duckdb"
    _inputs(reference_folder, first + later, name="dev.jsonl")
    assert _dbt_build(_run(reference, reference_folder)) == "full"
    expected = _marts(reference)
    assert all(expected.values())
    assert _marts(warehouse) == expected

    # the later articles go again: back to the marts of the first build
    (folder / "dev_b.jsonl").unlink()
    _run(warehouse, folder)
    assert _marts(warehouse) == before
