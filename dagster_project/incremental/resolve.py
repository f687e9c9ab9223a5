"""Cross-article resolution, recomputed in full each run: nlp.entities and nlp.meeting_mentions in,
nlp.actors, entity_actors, meetings, meeting_mention_map and meeting_participants out. No Dagster here."""
from __future__ import annotations

from collections.abc import Callable

from dagster_project.incremental.extract import unknown_fields
from dagster_project.storage.contracts import RESOLUTION_SORT, RESOLUTION_TABLES
from dagster_project.storage.tables import ensure_table, fetch_dicts, insert_rows


def run_resolution(con, resolve: Callable, log=None) -> dict[str, int]:
    """Read every article's entities and meeting mentions, resolve them across articles, replace the tables."""
    entities = fetch_dicts(con, "select * from nlp.entities order by article_id, entity_idx")
    mentions = fetch_dicts(con, "select * from nlp.meeting_mentions order by article_id, meeting_idx")
    published = {r["article_id"]: r["published_date"]
                 for r in fetch_dicts(con, "select article_id, published_date from raw.articles order by 1")}
    resolved = resolve(entities, mentions, published)
    dropped = unknown_fields(resolved, RESOLUTION_TABLES)
    if dropped and log:
        log.warning(f"resolution fields not stored (add them to the nlp source in dbt/models/staging/__sources.yml): {sorted(dropped)}")
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
