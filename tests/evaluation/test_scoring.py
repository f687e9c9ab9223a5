"""The project's evaluation (dagster_project/evaluation): its metrics on small warehouses written here,
and its agreement with the outside referee (../shared/eval/score.py) on the seeds' warehouse."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from dagster_project.evaluation.scoring import (
    METRICS,
    SEEDS_GOLD,
    GoldError,
    evaluate_warehouse,
    headline,
    load_gold,
)

ROOT = Path(__file__).resolve().parents[2]
REFEREE = ROOT.parent / "shared" / "eval" / "score.py"
SHARED_SEEDS_GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"

GOLD = {
    "articles": [{"file": "a.txt", "published_date": "2024-01-16"}, {"file": "b.txt", "published_date": "2024-02-01"}],
    "actors": [
        {"id": "lavrov", "name": "Sergueï Lavrov", "type": "person", "aliases": ["Lavrov"],
         "mentions": {"a.txt": ["Sergueï Lavrov", "Lavrov"]}},
        {"id": "choe", "name": "Choe Son-hui", "type": "person", "aliases": [], "mentions": {"a.txt": ["Choe Son-hui"]}},
        {"id": "russia", "name": "Russie", "type": "country", "aliases": [], "metonyms": ["Moscou"]},
    ],
    "meetings": [{"id": "m1", "date": "2024-01-16", "precision": "day", "status": "occurred",
                  "participants": ["lavrov", "choe"], "articles": ["a.txt"]}],
    "statements": [
        {"id": "s1", "article": "a.txt", "speaker": "lavrov", "type": "direct",
         "text": "Nous soutenons la reprise du dialogue"},
        {"id": "s2", "article": "b.txt", "speaker": None, "type": "indirect",
         "text": "la visite aura lieu en mai"},
    ],
}


def _warehouse(path: Path, *, published_b=date(2024, 2, 1), speaker="A1", meeting_status="occurred",
               lavrov_aliases=("Lavrov",), extra_statement=False) -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.dim_articles (article_id varchar, source_name varchar, published_date date)")
    con.execute("insert into marts.dim_articles values ('x', 'in/a.txt', '2024-01-16'), ('y', 'b.txt', ?)",
                [published_b])
    con.execute("create table marts.dim_actors (actor_id varchar, canonical_name varchar, actor_type varchar, "
                "aliases varchar[])")
    con.execute("insert into marts.dim_actors values ('A1', 'Sergueï Lavrov', 'person', ?), "
                "('A2', 'Choe Son-hui', 'person', []), ('A3', 'Moscou', 'country', [])", [list(lavrov_aliases)])
    con.execute("create table marts.fct_meetings (meeting_id varchar, meeting_date date, date_precision varchar, "
                "location varchar, status varchar)")
    con.execute("insert into marts.fct_meetings values ('M1', '2024-01-16', 'day', 'Moscou', ?)", [meeting_status])
    con.execute("create table marts.bridge_meeting_participants (meeting_id varchar, actor_id varchar)")
    con.execute("insert into marts.bridge_meeting_participants values ('M1', 'A1'), ('M1', 'A2')")
    con.execute("create table marts.fct_statements (statement_id varchar, article_id varchar, "
                "speaker_actor_id varchar, text varchar, statement_type varchar)")
    con.execute("insert into marts.fct_statements values ('S1', 'x', ?, 'Nous soutenons la reprise du dialogue', "
                "'direct'), ('S2', 'y', null, 'la visite aura lieu en mai', 'indirect')", [speaker])
    if extra_statement:
        con.execute("insert into marts.fct_statements values ('S3', 'x', 'A1', 'autre chose encore', 'direct')")
    con.close()
    return path


@pytest.fixture
def gold(tmp_path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(GOLD, allow_unicode=True), encoding="utf-8")
    return path


def test_a_perfect_warehouse_scores_one_everywhere(tmp_path, gold):
    numbers = headline(evaluate_warehouse(_warehouse(tmp_path / "w.duckdb"), gold))
    assert set(numbers) == set(METRICS)
    assert all(value == 1.0 for value in numbers.values()), numbers


def test_each_mistake_costs_its_own_metric(tmp_path, gold):
    wrong_date = headline(evaluate_warehouse(_warehouse(tmp_path / "d.duckdb", published_b=date(2024, 3, 1)), gold))
    assert wrong_date["published_date_accuracy"] == 0.5 and wrong_date["statements_f1"] == 1.0

    wrong_speaker = headline(evaluate_warehouse(_warehouse(tmp_path / "s.duckdb", speaker="A2"), gold))
    assert wrong_speaker["statements_f1"] == 1.0  # found, but attributed to the wrong person
    assert wrong_speaker["speaker_accuracy"] == 0.5 and wrong_speaker["attribution_f1"] == 0.5

    planned = headline(evaluate_warehouse(_warehouse(tmp_path / "m.duckdb", meeting_status="planned"), gold))
    assert planned["meetings_strict_f1"] == 0.0 and planned["meetings_lenient_f1"] == 1.0

    incomplete = headline(evaluate_warehouse(_warehouse(tmp_path / "a.duckdb", lavrov_aliases=()), gold))
    assert incomplete["person_resolution"] == 0.5 and incomplete["person_resolution_lenient"] == 1.0

    extra = evaluate_warehouse(_warehouse(tmp_path / "x.duckdb", extra_statement=True), gold)
    assert headline(extra)["statements_precision"] == round(2 / 3, 4)
    assert [row["statement_id"] for row in extra["statements"]["false_positives"]] == ["S3"]


def test_metonyms_map_and_missing_articles_are_reported(tmp_path, gold):
    warehouse = _warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from marts.dim_articles where source_name = 'b.txt'")
    result = evaluate_warehouse(warehouse, gold)
    assert result["actor_mapping"] == {"A1": "lavrov", "A2": "choe", "A3": "russia"}
    assert result["gold_articles_missing"] == ["b"]
    assert headline(result)["published_date_accuracy"] == 0.5


def test_bad_gold_or_marts_fail_loudly(tmp_path, gold):
    broken = tmp_path / "broken.yaml"
    broken.write_text("articles: []\n", encoding="utf-8")
    with pytest.raises(GoldError, match="lacks one of"):
        load_gold(broken)
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "nowhere.yaml")
    warehouse = _warehouse(tmp_path / "w.duckdb")
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table marts.fct_statements drop column text")
    with pytest.raises(GoldError, match="fct_statements lacks"):
        evaluate_warehouse(warehouse, gold)


def test_the_seeds_gold_ships_with_the_project():
    gold = load_gold(SEEDS_GOLD)
    assert len(gold["articles"]) == 5 and len(gold["statements"]) > 50
    assert {a["file"] for a in gold["articles"]} == {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    if SHARED_SEEDS_GOLD.exists():  # the referee's copy, when it is beside the project
        assert SEEDS_GOLD.read_bytes() == SHARED_SEEDS_GOLD.read_bytes()


@pytest.mark.slow
def test_agrees_with_the_outside_referee_on_the_seeds_warehouse(seed_pipeline, tmp_path):
    if not REFEREE.exists():
        pytest.skip(f"the outside referee is not beside the project ({REFEREE})")
    out = tmp_path / "referee.json"
    subprocess.run([sys.executable, str(REFEREE), "--warehouse", str(seed_pipeline.warehouse),
                    "--gold", str(SEEDS_GOLD), "--json", str(out)], check=True, capture_output=True)
    referee = json.loads(out.read_text(encoding="utf-8"))
    ours = evaluate_warehouse(seed_pipeline.warehouse, SEEDS_GOLD)
    assert headline(ours) == headline(referee)
    assert all(value is not None for value in headline(ours).values())
    assert ours["actor_mapping"] == referee["actor_mapping"]
    assert ours["statements"]["false_negatives"] == referee["statements"]["false_negatives"]
    assert ours["statements"]["misattributed"] == referee["statements"]["misattributed"]
    assert ours["meetings"]["matches_strict"] == referee["meetings"]["matches_strict"]
    for kind in ("split", "merged", "missing", "incomplete"):
        assert ours["actors"][kind] == referee["actors"][kind]
