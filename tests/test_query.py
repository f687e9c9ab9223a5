"""The example queries of warehouse/queries/ on the seeds' warehouse, and the read-only `query` command."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import duckdb
import pytest

from dagster_project import cli
from dagster_project import query as q

pytestmark = pytest.mark.integration

EXAMPLES = ["meetings_between_countries", "actor_statements_about", "statements_at_meeting",
            "most_active_pairs", "conflicting_meeting_dates"]


@pytest.fixture(scope="module")
def warehouse(seed_pipeline):
    assert seed_pipeline.result.success
    return seed_pipeline.warehouse


def run(name, warehouse, **params):
    result = q.run_query(name, params, warehouse=warehouse)
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_every_example_is_documented():
    names = [query.name for query in q.example_queries()]
    assert sorted(EXAMPLES) == sorted(names)
    for query in q.example_queries():
        assert len(query.doc.splitlines()) >= 3, f"{query.name}: document the question and the answer's rows"
        for name in query.params:
            assert f"getvariable('{name}')" in query.sql, f"{query.name}: @param {name} unused"
            assert query.param_docs[name], f"{query.name}: @param {name} has no description"


def test_timeline_of_russia_north_korea_meetings(warehouse):
    rows = run("meetings_between_countries", warehouse)
    dates = [r["meeting_date"] for r in rows]
    assert date(2024, 1, 16) in dates and date(2024, 11, 1) in dates
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated), "a timeline is in date order"
    # the same countries by name, in the other order, accents and case aside
    by_name = run("meetings_between_countries", warehouse, country_a="coree du nord", country_b="RUSSIE")
    assert [r["meeting_id"] for r in by_name] == [r["meeting_id"] for r in rows]
    assert not run("meetings_between_countries", warehouse, country_a="RU", country_b="FR")


def test_lavrov_and_choe_are_the_most_active_pair(warehouse):
    rows = run("most_active_pairs", warehouse)
    top = (rows[0]["actor_a"] + " " + rows[0]["actor_b"]).lower()
    assert "lavrov" in top and ("choe" in top or "choi" in top), rows[:3]
    assert rows[0]["n_met"] >= 2
    assert [r["n_met"] for r in rows] == sorted((r["n_met"] for r in rows), reverse=True)
    assert len(run("most_active_pairs", warehouse, top="1")) == 1


def test_pairs_count_meetings_held_and_planned_apart(warehouse):
    """n_met counts only meetings that took place, n_planned the planned ones: never one number for both."""
    rows = run("most_active_pairs", warehouse, top="1000")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = {
            (a, b): (met, planned) for a, b, met, planned in con.execute(
                "select p1.actor_id, p2.actor_id, count(*) filter (where m.status = 'occurred'), "
                "count(*) filter (where m.status = 'planned') "
                "from marts.bridge_meeting_participants p1 join marts.bridge_meeting_participants p2 "
                "on p1.meeting_id = p2.meeting_id and p1.actor_id < p2.actor_id "
                "join marts.fct_meetings m on m.meeting_id = p1.meeting_id group by all").fetchall()
        }
    assert {(r["actor_a_id"], r["actor_b_id"]): (r["n_met"], r["n_planned"]) for r in rows} == expected
    assert any(planned for _, planned in expected.values()), "the seeds have a planned meeting"


def test_what_lavrov_said_about_north_korea(warehouse):
    rows = run("actor_statements_about", warehouse)
    assert rows and all("lavrov" in r["speaker"].lower() for r in rows)
    assert any("Corée du Nord" in r["text"] or "Pyongyang" in r["text"] or "RPDC" in r["text"] for r in rows)
    assert {r["about_via"] for r in rows} <= {"mention", "name"}


def test_statements_at_the_moscow_meeting_of_1_november_2024(warehouse):
    rows = run("statements_at_meeting", warehouse)
    assert rows
    assert {r["meeting_date"] for r in rows} == {date(2024, 11, 1)}
    speakers = {r["speaker"].lower() for r in rows}
    assert any("lavrov" in s for s in speakers) and any("choe" in s or "choi" in s for s in speakers), speakers
    by_id = run("statements_at_meeting", warehouse, meeting_id=rows[0]["meeting_id"], participant="nobody")
    assert {r["statement_id"] for r in by_id} >= {r["statement_id"] for r in rows if r["meeting_id"] == rows[0]["meeting_id"]}


def _coarse(day, precision):
    return (day.year,) if precision == "year" else (day.year, day.month) if precision == "month" else (day,)


def test_conflicting_dates_are_real_disagreements(warehouse):
    rows = run("conflicting_meeting_dates", warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        evidence = con.execute(
            "select meeting_id, article_id, reported_date, reported_precision from marts.fct_meeting_evidence "
            "where reported_date is not null"
        ).fetchall()
    finally:
        con.close()
    expected = set()
    for m1, a1, d1, p1 in evidence:
        for m2, a2, d2, p2 in evidence:
            if m1 == m2 and a1 < a2:
                coarser = max((p1, p2), key=["day", "month", "year"].index)
                if _coarse(d1, coarser) != _coarse(d2, coarser):
                    expected.add(m1)
    assert expected, "the seeds hold meetings whose reports disagree on the date: nothing tested otherwise"
    assert {r["meeting_id"] for r in rows} == expected
    for meeting in expected:
        assert len({r["article"] for r in rows if r["meeting_id"] == meeting}) >= 2


def test_query_is_read_only(warehouse):
    with pytest.raises(duckdb.Error):
        q.run_query("create table marts.oops as select 1", warehouse=warehouse)
    # the connection is closed afterwards: a writer can open the file at once
    con = duckdb.connect(str(warehouse))
    con.close()


def test_unknown_parameter_is_an_error(warehouse):
    with pytest.raises(ValueError, match="no parameter"):
        q.run_query("most_active_pairs", {"nope": "1"}, warehouse=warehouse)
    with pytest.raises(ValueError, match="no example query"):
        q.run_query("most_active_pair", warehouse=warehouse)


def test_cli_table_csv_json(warehouse, capsys):
    sql = "select meeting_date, location from marts.fct_meetings where meeting_date is not null order by 1 limit 3"
    assert cli.main(["query", sql, "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["meeting_date", "location"] and "(3 rows)" in out

    assert cli.main(["query", sql, "--warehouse", str(warehouse), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3 and date.fromisoformat(rows[0]["meeting_date"])

    assert cli.main(["query", "most_active_pairs", "-p", "top=2", "--warehouse", str(warehouse), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 2 and {"actor_a", "actor_b", "n_met", "n_planned"} <= set(data[0])

    assert cli.main(["query", "--list"]) == 0
    assert "meetings_between_countries" in capsys.readouterr().out

    assert cli.main(["query", "select * from marts.nothing_here", "--warehouse", str(warehouse)]) == 1
    assert "query failed" in capsys.readouterr().err
