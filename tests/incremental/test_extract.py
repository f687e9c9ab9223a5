"""Incremental extraction bookkeeping (nlp.parse_log), with a fake extractor: no spaCy needed."""
import os
from contextlib import contextmanager
from datetime import date

import duckdb
import pytest

from dagster_project.incremental.extract import run_extraction
from dagster_project.incremental.resolve import run_resolution
from dagster_project.ingest.raw_tables import write_raw_tables
from dagster_project.ingest.reader import IngestResult


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


def connector(path):
    """A `connect(read_only=False)` context manager over one DuckDB file, as run_extraction takes it."""

    @contextmanager
    def connect(read_only: bool = False):
        con = duckdb.connect(str(path), read_only=read_only)
        try:
            yield con
        finally:
            con.close()

    return connect


@pytest.fixture
def db(tmp_path):
    return connector(tmp_path / "w.duckdb")


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


# ------------------------------------------------------------------------------------------------
# Issue #5: incremental at scale, the batched (nlp.pipe) path, reprocessing, a killed run, the asset.

def _many(n: int, prefix: str = "x") -> list[dict]:
    return [_article(f"{prefix}{i:05d}", f"Article numéro {i} : Lavrov a dit.") for i in range(n)]


def _table_dump(connect) -> dict:
    from dagster_project.storage.contracts import EXTRACTION_TABLES

    with connect(read_only=True) as con:
        return {name: sorted(con.execute(f"select * from nlp.{name}").fetchall(), key=repr)
                for name in [*EXTRACTION_TABLES, "parse_log"]}


def test_one_new_article_among_thousands_parses_only_it_and_a_new_version_reparses_all(db):
    articles = _many(2000)
    with db() as con:
        _raw(con, *articles)
    first = FakeExtractor()
    assert run_extraction(db, first, "v1")["parsed"] == 2000
    with db() as con:
        _raw(con, *articles, _article("new01", "Choe a dit."))
    second = FakeExtractor()
    stats = run_extraction(db, second, "v1")
    assert second.calls == ["new01"] and stats["parsed"] == 1 and stats["to_parse"] == 1
    third = FakeExtractor()
    assert run_extraction(db, third, "v2")["parsed"] == 2001  # extractor version changed: everything again
    assert len(third.calls) == 2001
    with db(read_only=True) as con:
        assert con.execute("select extractor_version, count(*) from nlp.parse_log group by 1").fetchall() == [("v2", 2001)]
        assert con.execute("select count(*), count(distinct article_id) from nlp.statements").fetchall() == [(2001, 2001)]


class FakeBatchExtractor:
    """Shape of extraction.pipeline.extract_articles: (article_id, rows) in input order; may raise mid-stream."""

    def __init__(self, fail_on: set[str] = frozenset()):
        self.one = FakeExtractor(fail_on)
        self.calls: list[list[str]] = []

    def __call__(self, items):
        self.calls.append([a for a, _, _ in items])
        for article_id, text, published in items:
            yield article_id, self.one(article_id, text, published)


def test_batch_path_gives_the_same_rows_and_isolates_a_failing_article(tmp_path):
    articles = _many(40)
    one_by_one, batched = connector(tmp_path / "a.duckdb"), connector(tmp_path / "b.duckdb")
    for connect in (one_by_one, batched):
        with connect() as con:
            _raw(con, *articles)
    run_extraction(one_by_one, FakeExtractor(fail_on={"x00017"}), "v1", batch_size=7)
    many = FakeBatchExtractor(fail_on={"x00017"})
    single = FakeExtractor(fail_on={"x00017"})
    stats = run_extraction(batched, single, "v1", batch_size=7, extract_many=many, retry_window=5)
    assert stats["parsed"] == 39 and stats["failed_ids"] == ["x00017"]
    # one stream up to the failure, one by one over the failing window, then a new stream
    assert many.calls[0][0] == "x00000" and many.calls[1][0] == "x00022" and len(many.calls) == 2
    assert single.calls == ["x00017", "x00018", "x00019", "x00020", "x00021"]
    assert _table_dump(one_by_one) == _table_dump(batched)


def _no_model() -> None:
    """Worker initializer for the tests below: the fake chunk function needs no spaCy model."""


def _crash_on_poison(chunk):
    """A worker's chunk function that dies, as a parser crash or the OOM killer would, on one article."""
    if any(text.startswith("POISON") for _, text, _ in chunk):
        os._exit(1)
    return [(article_id, FakeExtractor()(article_id, text, published)) for article_id, text, published in chunk]


def test_an_article_that_kills_its_worker_fails_alone_and_the_workers_are_replaced(tmp_path):
    from dagster_project.extraction.pipeline import ExtractionWorkers
    from dagster_project.incremental.extract import SpacyExtractor

    articles = _many(30)
    articles[11] = _article("x00011", "POISON: this text kills the process that parses it")
    connect = connector(tmp_path / "w.duckdb")
    with connect() as con:
        _raw(con, *articles)
    workers = ExtractionWorkers(max_workers=2, warm=0, initializer=_no_model, chunk_function=_crash_on_poison)
    extractor = SpacyExtractor(workers=workers, n_process=2, batch_size=2)
    try:
        stats = run_extraction(connect, extractor.one, "v1", batch_size=8, extract_many=extractor.many,
                               retry_window=4)
    finally:
        workers.close()
    assert stats["failed_ids"] == ["x00011"] and stats["parsed"] == 29
    # the broken pool was replaced (by the stream, and again when the article alone killed a worker): the
    # run kept its workers rather than falling back to this process
    assert workers.renewals >= 2
    with connect(read_only=True) as con:
        [(error,)] = con.execute("select error from nlp.parse_errors").fetchall()
        assert "worker process died while extracting x00011" in error
        assert con.execute("select count(distinct article_id) from nlp.statements").fetchall() == [(29,)]


def test_reprocessing_chosen_articles_ignores_the_log_and_touches_nothing_else(db):
    with db() as con:
        _raw(con, *_many(5))
    run_extraction(db, FakeExtractor(), "v1")
    before = _table_dump(db)
    again = FakeExtractor()
    stats = run_extraction(db, again, "v1", article_ids=["x00003", "x00001", "nope"])
    assert again.calls == ["x00001", "x00003"] and stats["missing"] == ["nope"]
    assert _table_dump(db) == before  # same rows, no duplicates


KILLED_WRITER = r'''
import os, sys, time
import dagster_project.incremental.extract as nlp_assets
sys.path.insert(0, os.environ["TEST_DIR"])
from test_extract import FakeExtractor, connector

path, marker = sys.argv[1], sys.argv[2]
connect = connector(path)

real_insert = nlp_assets.insert_rows
batches = []

def slow_insert(con, table, columns, rows, sort_by=()):
    n = real_insert(con, table, columns, rows, sort_by)
    if table == "nlp.statements":
        batches.append(1)
        if len(batches) == 3:  # inside the third batch's transaction: some tables written, not committed
            open(marker, "w").close()
            time.sleep(60)
    return n

nlp_assets.insert_rows = slow_insert
nlp_assets.run_extraction(connect, FakeExtractor(), "v1", batch_size=2)
'''


def test_a_run_killed_inside_a_write_leaves_whole_articles_only(db, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    with db() as con:
        _raw(con, *_many(10))
    marker = tmp_path / "in_transaction"
    env = {**os.environ, "TEST_DIR": str(Path(__file__).parent)}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path / "w.duckdb"), str(marker)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the writer ended before the kill"
            assert time.monotonic() < deadline, "the writer never reached its third batch"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    after_kill = _table_dump(db)
    logged = {r[0] for r in after_kill["parse_log"]}
    assert logged == {"x00000", "x00001", "x00002", "x00003"}  # two whole batches; the third rolled back
    for name, rows in after_kill.items():
        assert {r[0] for r in rows} <= logged, f"partial rows in nlp.{name}"
    rerun = FakeExtractor()
    run_extraction(db, rerun, "v1", batch_size=2)
    assert rerun.calls == [f"x{i:05d}" for i in range(4, 10)]
    clean_db = connector(tmp_path / "clean.duckdb")
    with clean_db() as con:
        _raw(con, *_many(10))
    run_extraction(clean_db, FakeExtractor(), "v1")
    assert _table_dump(db) == _table_dump(clean_db)  # no duplicate, no partial row


def test_nlp_asset_is_incremental_batched_and_reparses_on_a_new_version(tmp_path, monkeypatch):
    """The real nlp_extraction asset with the spaCy calls replaced by fakes (no model needed)."""
    import dagster as dg

    import dagster_project.extraction as extraction
    import dagster_project.extraction.pipeline as pipeline
    from dagster_project.defs.ingest.assets import raw_articles
    from dagster_project.defs.nlp.assets import nlp_extraction
    from dagster_project.defs.resources import DuckDBWarehouse, InputFolder, NlpWorkers

    calls = []

    def fake_extract_articles(nlp, items, n_process=1, batch_size=16, workers=None):
        items = list(items)
        calls.append(([a for a, _, _ in items], n_process, batch_size))
        for article_id, text, published in items:
            yield article_id, FakeExtractor()(article_id, text, published)

    monkeypatch.setattr(pipeline, "load_nlp", lambda: object())
    monkeypatch.setattr(pipeline, "extract_articles", fake_extract_articles)
    monkeypatch.setattr(pipeline, "extract_article", lambda *a: pytest.fail("per-article path not expected"))
    folder = tmp_path / "in"
    folder.mkdir()
    texts = ["Sergueï Lavrov a dit que la rencontre était utile.", "Choe Son-hui a dit que les relations sont bonnes.",
             "Le ministre a dit que la visite aura lieu en mai."]
    for i, text in enumerate(texts[:2]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    resources = {"warehouse": DuckDBWarehouse(path=str(tmp_path / "w.duckdb")), "articles": InputFolder(path=str(folder)),
                 "nlp_workers": NlpWorkers(prestart=False, n_process=0, batch_size=8)}

    def run() -> int:
        result = dg.materialize([raw_articles, nlp_extraction], resources=resources)
        assert result.success
        [meta] = [m.metadata for m in result.asset_materializations_for_node("nlp_extraction")
                  if m.asset_key == dg.AssetKey(["nlp", "statements"])]
        return meta["articles_parsed"].value

    assert run() == 2 and calls[-1][1:] == (1, 8)  # fewer than 50 articles: one process
    assert run() == 0 and len(calls) == 1  # nothing new: no parse at all
    (folder / "2.txt").write_text(texts[2], encoding="utf-8")
    assert run() == 1 and len(calls[-1][0]) == 1
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "99.0.0")
    assert run() == 3  # a new extractor version re-parses everything
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select distinct extractor_version from nlp.parse_log").fetchall() == [("99.0.0",)]
        assert con.execute("select count(*) from nlp.statements").fetchall() == [(3,)]


def test_n_process_setting():
    from dagster_project.incremental.extract import n_process_for

    assert n_process_for(0, 49) == 1 and n_process_for(0, 50) == 2  # automatic
    assert n_process_for(3, 1) == 3
