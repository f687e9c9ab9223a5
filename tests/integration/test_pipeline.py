"""The whole graph on seeds/ into a temporary warehouse: real facts from the five seed articles."""
import json
from datetime import date

import pytest

pytestmark = pytest.mark.integration

CONTRACT = {
    "dim_articles": ["article_id", "source_name", "published_date"],
    "dim_actors": ["actor_id", "canonical_name", "actor_type", "aliases"],
    "fct_meetings": ["meeting_id", "meeting_date", "date_precision", "location", "status"],
    "bridge_meeting_participants": ["meeting_id", "actor_id"],
    "fct_statements": ["statement_id", "article_id", "speaker_actor_id", "text", "statement_type"],
    "fct_meeting_evidence": ["evidence_id", "meeting_id", "article_id"],
    "fct_entity_mentions": ["mention_id", "article_id", "char_start", "char_end", "text", "mention_kind", "actor_id"],
}

# An actor "is" Lavrov / Choe if one of its names says so (the 2nd seed spells her Choi Sung-Hee).
NAMES = "lower(a.canonical_name || ' ' || array_to_string(a.aliases, ' '))"
LAVROV = f"{NAMES} like '%lavrov%'"
CHOE = f"({NAMES} like '%choe%' or {NAMES} like '%choi%')"


@pytest.fixture
def con(seed_pipeline):
    connection = seed_pipeline.connect()
    yield connection
    connection.close()


def _failures(result) -> str:
    lines = []
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            lines.append(f"{event.step_key}: {event.event_specific_data.error.message[:2000]}")
        if event.event_type_value == "ASSET_CHECK_EVALUATION" and not event.event_specific_data.passed:
            data = event.event_specific_data
            lines.append(f"check {data.asset_key.to_user_string()}:{data.check_name} {data.description}")
    return "\n".join(lines)


def test_run_succeeds_and_every_check_passes(seed_pipeline):
    result = seed_pipeline.result
    assert result.success, _failures(result)
    evaluations = [e.event_specific_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert len(evaluations) > 50  # GX suites and dbt tests
    failed = [f"{e.asset_key.to_user_string()}:{e.check_name}" for e in evaluations if not e.passed]
    assert not failed, _failures(result)


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_table_is_non_empty_with_its_columns(con, table):
    columns = [r[0] for r in con.execute(f"describe marts.{table}").fetchall()]
    assert columns[: len(CONTRACT[table])] == CONTRACT[table]
    assert con.execute(f"select count(*) from marts.{table}").fetchall()[0][0] > 0


def test_column_types(con):
    types = dict(con.execute(
        "select table_name || '.' || column_name, data_type from information_schema.columns where table_schema = 'marts'"
    ).fetchall())
    assert types["dim_articles.published_date"] == "DATE"
    assert types["fct_meetings.meeting_date"] == "DATE"
    assert types["dim_actors.aliases"] == "VARCHAR[]"


def test_articles_and_dates(con):
    rows = dict(con.execute("select source_name, published_date from marts.dim_articles").fetchall())
    assert set(rows) == {
        "000_6893222b897d224c.txt", "001_78ddb5b181b4799f.txt", "002_b71ca728e0516823.txt",
        "003_62762f1f0898212a.txt", "004_cdce19d52a287b5b.txt",
    }
    assert rows["000_6893222b897d224c.txt"] == date(2024, 1, 16)
    assert rows["002_b71ca728e0516823.txt"] == date(2024, 11, 1)


def _meetings_with_lavrov_and_choe(con, day: date) -> list[tuple]:
    return con.execute(
        f"""
        select m.meeting_id, m.location, m.status, m.date_precision
        from marts.fct_meetings m
        where m.meeting_date = ?
          and exists (select 1 from marts.bridge_meeting_participants p join marts.dim_actors a using (actor_id)
                      where p.meeting_id = m.meeting_id and {LAVROV})
          and exists (select 1 from marts.bridge_meeting_participants p join marts.dim_actors a using (actor_id)
                      where p.meeting_id = m.meeting_id and {CHOE})
        """,
        [day],
    ).fetchall()


def test_lavrov_choe_meeting_in_moscow_on_2024_01_16(con):
    meetings = _meetings_with_lavrov_and_choe(con, date(2024, 1, 16))
    assert any("moscou" in (location or "").lower() for _, location, _, _ in meetings), meetings


def test_lavrov_choe_meeting_on_2024_11_01(con):
    meetings = _meetings_with_lavrov_and_choe(con, date(2024, 11, 1))
    assert meetings
    assert any(status == "occurred" and precision == "day" for _, _, status, precision in meetings), meetings


@pytest.mark.parametrize("who", [LAVROV, CHOE], ids=["lavrov", "choe"])
def test_statements_attributed(con, who):
    n = con.execute(
        f"select count(*) from marts.fct_statements s join marts.dim_actors a on s.speaker_actor_id = a.actor_id where {who}"
    ).fetchall()[0][0]
    assert n > 0


def test_evidence_and_statement_links(con):
    orphan = con.execute(
        "select count(*) from marts.fct_meeting_evidence e left join marts.fct_meetings m using (meeting_id) "
        "where m.meeting_id is null"
    ).fetchall()[0][0]
    assert orphan == 0
    linked = con.execute("select count(*) from marts.fct_statements where meeting_id is not null").fetchall()[0][0]
    assert linked > 0


def test_quality_report_written(seed_pipeline):
    report = json.loads((seed_pipeline.reports / "quality_report.json").read_text(encoding="utf-8"))
    assert report["summary"]["total"] > 50
    assert report["summary"]["failed"] == 0, [c for c in report["checks"] if c["passed"] is False]
    assert (seed_pipeline.reports / "quality_report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_second_extraction_parses_nothing(seed_pipeline):
    """The parse log covers every article: a re-run never needs the model."""
    from contextlib import contextmanager

    import duckdb

    from dagster_project.extraction import EXTRACTOR_VERSION
    from dagster_project.incremental.extract import run_extraction

    @contextmanager
    def connect(read_only=False):
        connection = duckdb.connect(str(seed_pipeline.warehouse), read_only=read_only)
        try:
            yield connection
        finally:
            connection.close()

    def must_not_parse(*args):
        raise AssertionError(f"re-parsed {args[0]}")

    stats = run_extraction(connect, must_not_parse, EXTRACTOR_VERSION)
    assert stats["to_parse"] == 0 and stats["removed"] == 0
