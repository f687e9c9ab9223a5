"""NLP: incremental spaCy extraction of raw.articles into nlp.* tables, then cross-article resolution."""

import datetime as dt
import time
from collections.abc import Callable, Iterable

import dagster as dg

from dagster_project.defs.duckdb_io import ensure_table, fetch_dicts, insert_rows
from dagster_project.defs.nlp.tables import (
    DESCRIPTIONS,
    EXTRACTION_SORT,
    EXTRACTION_TABLES,
    PARSE_ERRORS,
    PARSE_LOG,
    RESOLUTION_SORT,
    RESOLUTION_TABLES,
)
from dagster_project.defs.resources import DuckDBWarehouse

BATCH_SIZE = 200
RAW_ARTICLES = dg.AssetKey(["raw", "articles"])


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
        return True
    return False


def drop_missing_articles(con) -> int:
    """Delete nlp rows (and parse-log entries) of articles no longer in raw.articles; returns how many articles."""
    gone = [r[0] for r in con.execute(
        "select distinct article_id from nlp.parse_log "
        "where article_id not in (select article_id from raw.articles) order by 1"
    ).fetchall()]
    for name in [*EXTRACTION_TABLES, "parse_log", "parse_errors"]:
        con.execute(f"delete from nlp.{name} where article_id not in (select article_id from raw.articles)")
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
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def run_extraction(
    connect: Callable,
    extract: Callable[[str, str, dt.date | None], dict[str, list[dict]]],
    version: str,
    log=None,
    batch_size: int = BATCH_SIZE,
) -> dict[str, int]:
    """The incremental loop, independent of Dagster and spaCy: parse what the log lacks, batch by batch."""
    with connect() as con:
        reset = prepare_extraction_tables(con)
        removed = drop_missing_articles(con)
        todo = articles_to_parse(con, version)
    stats = {"parsed": 0, "failed": 0, "removed": removed, "to_parse": len(todo), "reset": int(reset)}
    dropped: set[str] = set()
    for start in range(0, len(todo), batch_size):
        batch = todo[start:start + batch_size]
        parsed: dict[str, dict[str, list[dict]]] = {}
        failed: dict[str, str] = {}
        for article in batch:
            try:
                rows = extract(article["article_id"], article["text"], article["published_date"])
                parsed[article["article_id"]] = rows
                dropped |= unknown_fields(rows, EXTRACTION_TABLES)
            except Exception as exc:  # one bad article must not stop the others
                failed[article["article_id"]] = f"{type(exc).__name__}: {exc}"
                if log:
                    log.warning(f"extraction failed for {article['article_id']}: {exc}")
        with connect() as con:
            write_batch(con, version, parsed, failed)
        stats["parsed"] += len(parsed)
        stats["failed"] += len(failed)
        if log:
            log.info(f"parsed {start + len(batch)}/{len(todo)} articles")
    if dropped and log:
        log.warning(f"extraction fields not stored (add them to defs/nlp/tables.py): {sorted(dropped)}")
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


def _row_counts(con, tables: Iterable[str]) -> dict[str, int]:
    return {name: con.execute(f"select count(*) from nlp.{name}").fetchall()[0][0] for name in tables}


@dg.multi_asset(
    name="nlp_extraction",
    group_name="nlp",
    can_subset=False,
    specs=[
        dg.AssetSpec(["nlp", name], deps=[RAW_ARTICLES], description=DESCRIPTIONS[name], kinds={"python", "spacy", "duckdb"})
        for name in EXTRACTION_TABLES
    ],
)
def nlp_extraction(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Parse new or changed articles with spaCy (incremental on article id + extractor version)."""
    from dagster_project.extraction import EXTRACTOR_VERSION
    from dagster_project.extraction.pipeline import extract_article, load_nlp

    nlp_holder: list = []

    def extract(article_id: str, text: str, published: dt.date | None) -> dict[str, list[dict]]:
        if not nlp_holder:  # load the model once, and only if there is something to parse
            started = time.monotonic()
            nlp_holder.append(load_nlp())
            context.log.info(f"spaCy pipeline loaded in {time.monotonic() - started:.1f}s")
        return extract_article(nlp_holder[0], article_id, text, published)

    stats = run_extraction(warehouse.connect, extract, EXTRACTOR_VERSION, log=context.log)
    if stats["to_parse"] and stats["failed"] == stats["to_parse"]:
        raise dg.Failure(f"extraction failed for all {stats['failed']} articles; see nlp.parse_errors")
    with warehouse.connect(read_only=True) as con:
        counts = _row_counts(con, EXTRACTION_TABLES)
    for name in EXTRACTION_TABLES:
        yield dg.MaterializeResult(
            asset_key=["nlp", name],
            metadata={
                "dagster/row_count": counts[name],
                "extractor_version": EXTRACTOR_VERSION,
                "articles_parsed": stats["parsed"],
                "articles_failed": stats["failed"],
                "articles_removed": stats["removed"],
                "fields_not_stored": dg.MetadataValue.json(stats["dropped_fields"]),
            },
        )


def run_resolution(con, resolve: Callable, log=None) -> dict[str, int]:
    """Read every article's entities and meeting mentions, resolve them across articles, replace the tables."""
    entities = fetch_dicts(con, "select * from nlp.entities order by article_id, entity_idx")
    mentions = fetch_dicts(con, "select * from nlp.meeting_mentions order by article_id, meeting_idx")
    published = {r["article_id"]: r["published_date"]
                 for r in fetch_dicts(con, "select article_id, published_date from raw.articles order by 1")}
    resolved = resolve(entities, mentions, published)
    dropped = unknown_fields(resolved, RESOLUTION_TABLES)
    if dropped and log:
        log.warning(f"resolution fields not stored (add them to defs/nlp/tables.py): {sorted(dropped)}")
    counts = {}
    con.execute("begin transaction")
    try:
        for name, cols in RESOLUTION_TABLES.items():
            ensure_table(con, f"nlp.{name}", cols)
            con.execute(f"delete from nlp.{name}")
            counts[name] = insert_rows(con, f"nlp.{name}", cols, resolved.get(name, []), sort_by=RESOLUTION_SORT[name])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts


@dg.multi_asset(
    name="nlp_resolution",
    group_name="nlp",
    can_subset=False,
    specs=[
        dg.AssetSpec(
            ["nlp", name],
            deps=[dg.AssetKey(["nlp", "entities"]), dg.AssetKey(["nlp", "meeting_mentions"]), RAW_ARTICLES],
            description=DESCRIPTIONS[name],
            kinds={"python", "duckdb"},
        )
        for name in RESOLUTION_TABLES
    ],
)
def nlp_resolution(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Resolve actors and meetings across all articles (cheap; recomputed in full every run)."""
    from dagster_project.extraction.resolution import resolve_corpus

    with warehouse.connect() as con:
        counts = run_resolution(con, resolve_corpus, log=context.log)
    for name in RESOLUTION_TABLES:
        yield dg.MaterializeResult(asset_key=["nlp", name], metadata={"dagster/row_count": counts[name]})
