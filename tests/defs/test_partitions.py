"""Article partitions belong to one warehouse: a build of another warehouse with the same Dagster home leaves them alone."""
import dagster as dg
import duckdb

from dagster_project.defs.ingest.assets import raw_articles
from dagster_project.defs.ingest.partitions import article_id_of, article_partitions_name
from dagster_project.defs.resources import DuckDBWarehouse, InputFolder

TEXTS = [
    "Sergueï Lavrov a reçu mardi à Moscou son homologue nord-coréenne, Choe Son-hui, pour des discussions.",
    "Le président a reçu jeudi le ministre des Affaires étrangères pour un entretien sur la coopération.",
    "La ministre a rencontré vendredi l'ambassadeur à Paris pour évoquer la situation dans la région.",
]


def _ingest(instance, tmp_path, name: str, texts: list[str]):
    """Ingest these texts into tmp_path/<name>/warehouse.duckdb (the folder is rewritten each time)."""
    folder = tmp_path / f"in_{name}"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    warehouse = tmp_path / name / "warehouse.duckdb"
    resources = {"warehouse": DuckDBWarehouse(path=str(warehouse)), "articles": InputFolder(path=str(folder))}
    assert dg.materialize([raw_articles], resources=resources, instance=instance).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        ids = {r[0] for r in con.execute("select article_id from raw.articles").fetchall()}
    return warehouse, ids


def _ids(instance, warehouse) -> set[str]:
    """The articles of a warehouse's partition set (a key ends with its article id)."""
    return {article_id_of(key) for key in instance.get_dynamic_partitions(article_partitions_name(warehouse))}


def test_two_warehouses_one_dagster_home_keep_their_own_partitions(tmp_path):
    with dg.instance_for_test() as instance:
        first, first_ids = _ingest(instance, tmp_path, "first", TEXTS[:2])
        second, second_ids = _ingest(instance, tmp_path, "second", TEXTS[2:])
        assert article_partitions_name(first) != article_partitions_name(second)
        assert _ids(instance, first) == first_ids
        assert _ids(instance, second) == second_ids
        # a rebuild of the first follows its own input and leaves the second's alone
        _, fewer = _ingest(instance, tmp_path, "first", TEXTS[:1])
        assert _ids(instance, first) == fewer
        assert _ids(instance, second) == second_ids
    assert len(first_ids) == 2 and len(second_ids) == 1 and len(fewer) == 1


def test_the_partition_set_is_named_by_the_warehouse_path(tmp_path):
    name = article_partitions_name(tmp_path / "w.duckdb")
    assert name.startswith("articles_") and name == article_partitions_name(tmp_path / "." / "w.duckdb")
    assert name != article_partitions_name(tmp_path / "v.duckdb")
