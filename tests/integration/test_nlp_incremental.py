"""Incremental extraction bookkeeping (nlp.parse_log), with a fake extractor: no spaCy needed."""
from contextlib import contextmanager
from datetime import date

import duckdb
import pytest

from dagster_project.defs.ingest.assets import write_raw_tables
from dagster_project.defs.ingest.reader import IngestResult
from dagster_project.defs.nlp.assets import run_extraction, run_resolution


def _article(article_id: str, text: str) -> dict:
    return {"article_id": article_id, "source_name": f"{article_id}.txt", "source_path": f"/in/{article_id}.txt",
            "text": text, "published_date": date(2024, 1, 16), "published_date_basis": "test", "char_count": len(text)}


def _raw(con, *articles):
    write_raw_tables(con, IngestResult(
        articles=list(articles),
        sources=[{"article_id": a["article_id"], "source_name": a["source_name"], "source_path": a["source_path"]}
                 for a in articles],
    ))


class FakeExtractor:
    """Shape of dagster_project.extraction.pipeline.extract_article; records which articles it parsed."""

    def __init__(self, fail_on: set[str] = frozenset()):
        self.calls: list[str] = []
        self.fail_on = fail_on

    def __call__(self, article_id, text, published):
        self.calls.append(article_id)
        if article_id in self.fail_on:
            raise ValueError("boom")
        return {
            "sentences": [{"article_id": article_id, "sentence_idx": 0, "char_start": 0, "char_end": len(text), "text": text}],
            "entity_mentions": [{"article_id": article_id, "mention_idx": 0, "char_start": 0, "char_end": 2,
                                 "text": text[:2], "mention_kind": "name", "entity_idx": 0}],
            "entities": [{"article_id": article_id, "entity_idx": 0, "name": "Sergueï Lavrov", "actor_type": "person",
                          "dict_key": "sergey_lavrov", "gender": "m", "country_code": "RU", "forms": ["Lavrov"],
                          "description": None}],
            "statements": [{"article_id": article_id, "statement_idx": 0, "char_start": 0, "char_end": 2,
                            "text": text[:2], "statement_type": "direct", "cue_verb": "dire", "speaker_entity_idx": 0,
                            "speaker_text": "Lavrov", "speaker_char_start": None, "speaker_char_end": None,
                            "speaker_description": None, "reported_via_entity_idx": None,
                            "statement_date": published, "sentence_idx": 0}],
            "meeting_mentions": [{"article_id": article_id, "meeting_idx": 0, "char_start": 0, "char_end": 2,
                                  "sentence_text": text, "trigger": "rencontre", "mode": None, "location": "Moscou",
                                  "meeting_date": published, "date_precision": "day", "status": "occurred",
                                  "participant_entity_idxs": [0]}],
            "date_expressions": [],
        }


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"

    @contextmanager
    def connect(read_only: bool = False):
        con = duckdb.connect(str(path), read_only=read_only)
        try:
            yield con
        finally:
            con.close()

    return connect


def _counts(connect):
    with connect(read_only=True) as con:
        return {
            "log": con.execute("select article_id, extractor_version from nlp.parse_log order by 1").fetchall(),
            "statements": con.execute("select article_id from nlp.statements order by 1").fetchall(),
            "errors": con.execute("select article_id from nlp.parse_errors order by 1").fetchall(),
            "forms": con.execute("select forms, typeof(forms) from nlp.entities limit 1").fetchall(),
        }


def test_only_new_articles_are_parsed(db):
    with db() as con:
        _raw(con, _article("a1", "Lavrov a dit."), _article("a2", "Choe a dit."))
    first = FakeExtractor()
    stats = run_extraction(db, first, "v1")
    assert sorted(first.calls) == ["a1", "a2"] and stats["parsed"] == 2
    state = _counts(db)
    assert state["log"] == [("a1", "v1"), ("a2", "v1")]
    assert state["forms"] == [(["Lavrov"], "VARCHAR[]")]

    again = FakeExtractor()
    assert run_extraction(db, again, "v1")["parsed"] == 0
    assert again.calls == []  # nothing new: the model is never needed

    with db() as con:  # a2 disappears, a3 arrives
        _raw(con, _article("a1", "Lavrov a dit."), _article("a3", "Poutine a dit."))
    third = FakeExtractor()
    stats = run_extraction(db, third, "v1")
    assert third.calls == ["a3"] and stats["removed"] == 1
    state = _counts(db)
    assert state["log"] == [("a1", "v1"), ("a3", "v1")]
    assert state["statements"] == [("a1",), ("a3",)]


def test_new_extractor_version_reparses_everything(db):
    with db() as con:
        _raw(con, _article("a1", "Lavrov a dit."), _article("a2", "Choe a dit."))
    run_extraction(db, FakeExtractor(), "v1")
    second = FakeExtractor()
    run_extraction(db, second, "v2")
    assert sorted(second.calls) == ["a1", "a2"]
    state = _counts(db)
    assert state["log"] == [("a1", "v2"), ("a2", "v2")]
    assert len(state["statements"]) == 2  # old rows replaced, not duplicated


def test_a_failing_article_does_not_stop_the_others(db):
    with db() as con:
        _raw(con, _article("a1", "Lavrov a dit."), _article("a2", "Choe a dit."))
    stats = run_extraction(db, FakeExtractor(fail_on={"a2"}), "v1", batch_size=1)
    assert stats["parsed"] == 1 and stats["failed"] == 1
    state = _counts(db)
    assert state["log"] == [("a1", "v1")] and state["errors"] == [("a2",)]
    retry = FakeExtractor()
    run_extraction(db, retry, "v1")  # not logged, so retried next run
    assert retry.calls == ["a2"]
    assert _counts(db)["errors"] == []


def test_resolution_replaces_its_tables(db):
    with db() as con:
        _raw(con, _article("a1", "Lavrov a dit."))
    run_extraction(db, FakeExtractor(), "v1")
    seen = {}

    def resolve(entities, mentions, published):
        seen.update(entities=entities, mentions=mentions, published=published)
        return {
            "actors": [{"actor_id": 7, "canonical_name": "Sergueï Lavrov", "actor_type": "person",
                        "country_code": "RU", "wikidata_id": None, "aliases": ("Lavrov",)}],
            "entity_actors": [{"article_id": "a1", "entity_idx": 0, "actor_id": 7}],
            "meetings": [{"meeting_id": "m1", "meeting_date": "2024-01-16", "date_precision": "day",
                          "location": "Moscou", "status": "occurred", "mode": None}],
            "meeting_mention_map": [{"article_id": "a1", "meeting_idx": 0, "meeting_id": "m1"}],
            "meeting_participants": [{"meeting_id": "m1", "actor_id": 7}],
        }

    for _ in range(2):
        with db() as con:
            counts = run_resolution(con, resolve)
    assert counts == {"actors": 1, "entity_actors": 1, "meetings": 1, "meeting_mention_map": 1, "meeting_participants": 1}
    assert seen["entities"][0]["forms"] == ["Lavrov"]
    assert seen["mentions"][0]["participant_entity_idxs"] == [0]
    assert seen["published"] == {"a1": date(2024, 1, 16)}
    with db(read_only=True) as con:
        assert con.execute("select actor_id, aliases from nlp.actors").fetchall() == [("7", ["Lavrov"])]
        assert con.execute("select meeting_date from nlp.meetings").fetchall() == [(date(2024, 1, 16),)]
        assert con.execute("select * from nlp.meeting_participants").fetchall() == [("m1", "7")]


def test_fields_the_tables_do_not_store_are_reported(db):
    with db() as con:
        _raw(con, _article("a1", "Lavrov a dit."))

    def extract(article_id, text, published):
        rows = FakeExtractor()(article_id, text, published)
        rows["statements"][0]["confidence"] = 0.9
        rows["new_table"] = []
        return rows

    stats = run_extraction(db, extract, "v1")
    assert stats["dropped_fields"] == ["new_table", "statements.confidence"]
