"""The incremental extraction engine: parse what nlp.parse_log lacks, commit batch by batch. No Dagster here.

An article is parsed once per (article id = hash of its normalised text, extractor version), as
recorded in ``nlp.parse_log``; a new extractor version re-parses everything. Every batch of articles
replaces their rows and enters the parse log in one transaction, so a run killed at any point
leaves whole articles only. ``run_extraction`` is independent of spaCy (tests pass a fake
extractor); ``extract_with_spacy`` runs it with the real one.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator

from dagster_project.incremental.changes import record_changed_articles, record_full_rebuild
from dagster_project.storage.contracts import (
    EXTRACTION_SORT,
    EXTRACTION_TABLES,
    PARSE_ERRORS,
    PARSE_LOG,
)
from dagster_project.storage.tables import ensure_table, fetch_dicts, insert_rows

DEFAULT_COMMIT_EVERY = 200  # articles per transaction: a killed run loses at most this many
DEFAULT_BATCH_SIZE = 16  # documents per nlp.pipe batch


def n_process_for(configured: int, n_articles: int) -> int:
    """spaCy processes for a run: the configured number, or (0 = automatic) 1 below 50 articles, else 2."""
    if configured > 0:
        return configured
    return 1 if n_articles < 50 else 2


def prepare_extraction_tables(con) -> bool:
    """Create missing nlp tables; a table whose layout changed is recreated and everything is re-parsed."""
    con.execute("create schema if not exists nlp")
    changed = [ensure_table(con, f"nlp.{name}", cols) for name, cols in EXTRACTION_TABLES.items()]
    ensure_table(con, "nlp.parse_log", PARSE_LOG)
    ensure_table(con, "nlp.parse_errors", PARSE_ERRORS)
    if any(changed):
        for name in EXTRACTION_TABLES:
            con.execute(f"delete from nlp.{name}")
        con.execute("delete from nlp.parse_log")
        record_full_rebuild(con, "extraction tables recreated")
        return True
    return False


def drop_missing_articles(con) -> int:
    """Delete nlp rows (and parse-log entries) of articles no longer in raw.articles; returns how many articles.
    They are recorded as changed articles in the same transaction (their marts rows go too)."""
    gone = [r[0] for r in con.execute(
        "select distinct article_id from nlp.parse_log "
        "where article_id not in (select article_id from raw.articles) order by 1"
    ).fetchall()]
    # nlp rows exist only for articles in the parse log (written in one transaction): without a gone
    # article, only the error log can hold an article no longer read
    tables = [*EXTRACTION_TABLES, "parse_log", "parse_errors"] if gone else ["parse_errors"]
    con.execute("begin transaction")
    try:
        for name in tables:
            con.execute(f"delete from nlp.{name} where article_id not in (select article_id from raw.articles)")
        record_changed_articles(con, gone)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return len(gone)


def articles_to_parse(con, version: str) -> list[dict]:
    """Articles whose (article_id, extractor version) is not in nlp.parse_log, by id."""
    return fetch_dicts(
        con,
        "select a.article_id, a.text, a.published_date from raw.articles a "
        "where not exists (select 1 from nlp.parse_log l "
        "                  where l.article_id = a.article_id and l.extractor_version = ?) "
        "order by a.article_id",
        [version],
    )


def write_batch(con, version: str, parsed: dict[str, dict[str, list[dict]]], failed: dict[str, str]) -> None:
    """Replace the rows of a batch of articles and log them, in one transaction."""
    ids = sorted([*parsed, *failed])
    con.execute("begin transaction")
    try:
        con.execute("create or replace temp table _batch_ids as select unnest(?::varchar[]) as article_id", [ids])
        for name in [*EXTRACTION_TABLES, "parse_log", "parse_errors"]:
            con.execute(f"delete from nlp.{name} where article_id in (select article_id from _batch_ids)")
        for name, cols in EXTRACTION_TABLES.items():
            rows = [
                {**row, "article_id": row.get("article_id") or article_id}
                for article_id, tables in parsed.items()
                for row in tables.get(name, [])
            ]
            insert_rows(con, f"nlp.{name}", cols, rows, sort_by=EXTRACTION_SORT[name])
        insert_rows(con, "nlp.parse_log", PARSE_LOG,
                    [{"article_id": a, "extractor_version": version} for a in parsed], sort_by=["article_id"])
        insert_rows(con, "nlp.parse_errors", PARSE_ERRORS,
                    [{"article_id": a, "extractor_version": version, "error": e} for a, e in failed.items()],
                    sort_by=["article_id"])
        con.execute("drop table _batch_ids")
        record_changed_articles(con, ids)  # their marts rows are rebuilt by the next dbt build
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


ArticleTuple = tuple[str, str, dt.date | None]
ExtractOne = Callable[[str, str, dt.date | None], dict[str, list[dict]]]
ExtractMany = Callable[[list[ArticleTuple]], Iterator[tuple[str, dict[str, list[dict]]]]]


def selected_articles(con, article_ids: Iterable[str]) -> tuple[list[dict], list[str]]:
    """(rows of raw.articles for these ids, ids not found), by id: the articles a reprocess run re-parses."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return [], []
    rows = fetch_dicts(
        con,
        "select article_id, text, published_date from raw.articles "
        "where article_id in (select unnest(?::varchar[])) order by article_id",
        [wanted],
    )
    found = {r["article_id"] for r in rows}
    return rows, [a for a in wanted if a not in found]


def _extraction_stream(todo: list[dict], extract: ExtractOne | None, extract_many: ExtractMany | None,
                       retry_window: int, log=None) -> Iterator[tuple[dict, dict | None, str | None]]:
    """(article, rows, None) or (article, None, error) for every article of todo, in order.

    With ``extract_many`` (spaCy's batched ``nlp.pipe``) the articles stream through one pipe. If the
    stream raises, the next ``retry_window`` articles (the batch the failure must be in) are
    extracted one by one with ``extract``, so only the failing article is lost, and the stream
    restarts after them.
    """
    pos = 0
    while pos < len(todo):
        if extract_many is not None:
            stream = extract_many([(a["article_id"], a["text"], a["published_date"]) for a in todo[pos:]])
            try:
                for article_id, rows in stream:
                    if article_id != todo[pos]["article_id"]:
                        raise RuntimeError(f"batch extraction out of order: {article_id} for {todo[pos]['article_id']}")
                    article = todo[pos]
                    pos += 1
                    yield article, rows, None
                return
            except Exception as exc:  # isolate the failing article below
                if log:
                    log.warning(f"batch extraction stopped at article {pos + 1}/{len(todo)} ({type(exc).__name__}: "
                                f"{exc}); retrying the next {retry_window} one by one")
            finally:
                close = getattr(stream, "close", None)
                if close:
                    close()
        end = len(todo) if extract_many is None else min(len(todo), pos + max(1, retry_window))
        for article in todo[pos:end]:
            try:
                if extract is None:
                    raise RuntimeError("no single-article extractor")
                rows = extract(article["article_id"], article["text"], article["published_date"])
            except Exception as exc:  # one bad article must not stop the others
                yield article, None, f"{type(exc).__name__}: {exc}"
            else:
                yield article, rows, None
        pos = end


def run_extraction(
    connect: Callable,
    extract: ExtractOne | None,
    version: str,
    log=None,
    batch_size: int = DEFAULT_COMMIT_EVERY,
    extract_many: ExtractMany | None = None,
    article_ids: Iterable[str] | None = None,
    retry_window: int = 16,
) -> dict:
    """The incremental loop, independent of Dagster and spaCy: parse what the log lacks, commit batch by batch.

    * ``extract(article_id, text, published)`` -> rows, per article; ``extract_many(list of
      (article_id, text, published))`` -> iterator of (article_id, rows) in input order, optional
      (the batched spaCy path); a failure in it falls back to ``extract`` for the failing batch.
    * Every ``batch_size`` articles (default 200, NLP_COMMIT_EVERY) their rows replace any earlier
      rows of the same articles and enter ``nlp.parse_log`` in one transaction: a run killed at any
      point leaves whole articles only, and the next run parses the rest.
    * ``article_ids``: re-parse exactly these articles whatever the log says (reprocessing); no other
      article is touched.
    """
    missing: list[str] = []
    with connect() as con:
        reset = prepare_extraction_tables(con)
        if article_ids is None:
            removed = drop_missing_articles(con)
            todo = articles_to_parse(con, version)
        else:
            removed = 0
            todo, missing = selected_articles(con, article_ids)
    stats: dict = {"parsed": 0, "failed": 0, "removed": removed, "to_parse": len(todo), "reset": int(reset),
                   "missing": missing, "parsed_ids": [], "failed_ids": []}
    if missing and log:
        log.warning(f"not in raw.articles (removed from the input?): {missing}")
    dropped: set[str] = set()
    parsed: dict[str, dict[str, list[dict]]] = {}
    failed: dict[str, str] = {}
    done = 0

    def flush() -> None:
        nonlocal done
        if not parsed and not failed:
            return
        with connect() as con:
            write_batch(con, version, parsed, failed)
        stats["parsed"] += len(parsed)
        stats["failed"] += len(failed)
        stats["parsed_ids"].extend(parsed)
        stats["failed_ids"].extend(failed)
        done += len(parsed) + len(failed)
        parsed.clear()
        failed.clear()
        if log:
            log.info(f"parsed {done}/{len(todo)} articles")

    for article, rows, error in _extraction_stream(todo, extract, extract_many, retry_window, log):
        if error is None:
            parsed[article["article_id"]] = rows
            dropped |= unknown_fields(rows, EXTRACTION_TABLES)
        else:
            failed[article["article_id"]] = error
            if log:
                log.warning(f"extraction failed for {article['article_id']}: {error}")
        if len(parsed) + len(failed) >= batch_size:
            flush()
    flush()
    if dropped and log:
        log.warning(f"extraction fields not stored (add them to the nlp source in dbt/models/staging/__sources.yml): {sorted(dropped)}")
    stats["dropped_fields"] = sorted(dropped)
    return stats


def unknown_fields(tables: dict[str, list[dict]], layouts: dict[str, list[tuple[str, str]]]) -> set[str]:
    """'table.column' names produced by the extraction that the nlp tables do not store."""
    out = set()
    for name, rows in tables.items():
        if name not in layouts:
            out.add(name)
            continue
        known = {column for column, _ in layouts[name]}
        for row in rows:
            out |= {f"{name}.{key}" for key in row if key not in known}
    return out


def row_counts(con, tables: Iterable[str]) -> dict[str, int]:
    return {name: con.execute(f"select count(*) from nlp.{name}").fetchall()[0][0] for name in tables}


class SpacyExtractor:
    """The spaCy side of run_extraction: the model is loaded once, and only if something needs parsing.

    ``many`` streams articles through ``extract_articles`` (nlp.pipe) with ``n_process`` processes
    (0 = 1 below 50 articles, else 2; on a cluster, every worker thread it has) and ``batch_size``
    documents per batch; ``one`` is the per-article fallback used to isolate a failing article (in a
    worker when there are workers, so an article that kills its process fails alone).
    """

    def __init__(self, log=None, workers=None, n_process: int = 0, batch_size: int = DEFAULT_BATCH_SIZE):
        self.log = log
        # ExtractionWorkers started with the run, a cluster's (incremental/cluster.py), or None: processes started here
        self.workers = workers
        self._nlp = None
        self.configured_n_process = n_process
        self._own_workers = None
        self.n_process = 1
        self.batch_size = max(1, batch_size)

    def nlp(self):
        if self._nlp is None:
            from dagster_project.extraction.pipeline import load_nlp

            started = time.monotonic()
            self._nlp = load_nlp()
            if self.log:
                self.log.info(f"spaCy pipeline loaded in {time.monotonic() - started:.1f}s")
        return self._nlp

    def many(self, articles: list[ArticleTuple]):
        from dagster_project.extraction.pipeline import ExtractionWorkers, extract_articles

        self.n_process = n_process_for(self.configured_n_process, len(articles))
        if getattr(self.workers, "remote", False):
            self.n_process = self.workers.max_workers  # a cluster's workers are all running: use every one
        elif self.workers is not None:
            self.n_process = min(self.n_process, self.workers.max_workers)
        elif self.n_process > 1:
            # spawned workers of our own, each loading the model: never a pool forked from this
            # process, which runs Dagster's threads (and would have to load the model first)
            self.workers = self._own_workers = ExtractionWorkers(max_workers=self.n_process, warm=0)
        if self.log:
            where = ("worker processes started now" if self._own_workers is not None
                     else self.workers.describe() if getattr(self.workers, "remote", False)
                     else "the run's worker processes" if self.workers is not None else "this process")
            self.log.info(f"parsing {len(articles)} articles with n_process={self.n_process}, "
                          f"batch_size={self.batch_size}, in {where}")
        if self.workers is not None:
            return extract_articles(None, articles, n_process=self.n_process, batch_size=self.batch_size,
                                    workers=self.workers)
        return extract_articles(self.nlp(), articles, n_process=self.n_process, batch_size=self.batch_size)

    def one(self, article_id: str, text: str, published):
        # in a worker (local or on the cluster): an article that crashes the parser kills a worker, not
        # this process, and this process never loads the model
        if self.workers is not None:
            return self.workers.extract_one(article_id, text, published)
        from dagster_project.extraction.pipeline import extract_article

        return extract_article(self.nlp(), article_id, text, published)

    def close(self) -> None:
        """Stop the worker processes this extractor started (not those it was given)."""
        if self._own_workers is not None:
            self._own_workers.close()
            self.workers = self._own_workers = None


def extract_with_spacy(connect: Callable, log, article_ids: Iterable[str] | None = None, workers=None,
                       n_process: int = 0, batch_size: int = DEFAULT_BATCH_SIZE,
                       commit_every: int = DEFAULT_COMMIT_EVERY) -> dict:
    """run_extraction with the real extractor: incremental, or forced on ``article_ids``.

    ``connect(read_only=False)`` is a context manager giving a DuckDB connection to the warehouse.
    """
    from dagster_project.extraction import EXTRACTOR_VERSION

    extractor = SpacyExtractor(log, workers, n_process=n_process, batch_size=batch_size)
    started = time.monotonic()
    try:
        stats = run_extraction(connect, extractor.one, EXTRACTOR_VERSION, log=log, batch_size=max(1, commit_every),
                               extract_many=extractor.many, article_ids=article_ids,
                               retry_window=extractor.batch_size * 2)
    finally:
        extractor.close()
    stats["seconds"] = round(time.monotonic() - started, 2)
    stats["n_process"] = extractor.n_process
    stats["extractor_version"] = EXTRACTOR_VERSION
    return stats
