"""Cross-article resolution: nlp.entities and nlp.meeting_mentions in, nlp.actors, entity_actors,
meetings, meeting_mention_map and meeting_participants out. No Dagster here.

``update_resolution`` resolves incrementally when it can give exactly what a full resolution gives,
and in full otherwise:

* **Full** (``run_resolution``): every article's entities and meeting mentions, resolved together.
  It runs on the first resolution, when the extractor version (rules, dictionaries, the resolution
  code itself) differs from the one recorded in the comment of ``nlp.actors``, when entities were
  removed (an article deleted or changed), when a resolution table's layout changed, when asked
  (``full=True``), and when an incremental step would give one actor id to two clusters.
* **Incremental**: only the entities not yet linked to an actor are new. Dictionary actors are
  rebuilt for the dictionary keys the new entities carry. Other names are clustered greedily by
  ``extraction.resolution.resolve_actors``, which only ever compares names that share a key
  (``candidate_keys``: type and a word of the name); so the names linked to a new one by a chain of
  shared keys (its component) are re-resolved together, in the same article order, and nothing else
  is read or rewritten. Meetings are then re-clustered from ``nlp.meeting_mentions`` (a small table)
  with the actors of their participants only, without reading the entities again: frequent actors
  link almost every meeting to every other, so a meeting's component is most of the corpus anyway.

Both give the same rows (tests/incremental/test_resolve.py checks it on the seeds, split every way).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from dagster_project.incremental.extract import unknown_fields
from dagster_project.storage.contracts import RESOLUTION_SORT, RESOLUTION_TABLES
from dagster_project.storage.tables import ensure_table, fetch_dicts, insert_rows

STATE_PREFIX = "resolved by extractor "  # + version, as the comment of nlp.actors
ASSIGNABLE = "(coalesce(e.dict_key, '') <> '' or coalesce(e.name, '') <> '')"  # entities resolve_actors links
MEETING_TABLES = ("meetings", "meeting_mention_map", "meeting_participants")


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


def resolved_version(con) -> str | None:
    """The extractor version of the last complete resolution (the comment of nlp.actors), or None."""
    found = con.execute("select comment from duckdb_tables() where schema_name = 'nlp' and table_name = 'actors'").fetchall()
    comment = found[0][0] if found else None
    return comment[len(STATE_PREFIX):] if comment and comment.startswith(STATE_PREFIX) else None


def _mark_resolved(con, version: str) -> None:
    if not re.fullmatch(r"[\w.+-]+", version):
        raise ValueError(f"unexpected extractor version {version!r}")
    con.execute(f"comment on table nlp.actors is '{STATE_PREFIX}{version}'")


def _full_reason(con, version: str) -> str | None:
    """Why the resolution must be full, or None when an incremental one gives the same rows."""
    previous = resolved_version(con)
    changed = [name for name, cols in RESOLUTION_TABLES.items() if ensure_table(con, f"nlp.{name}", cols)]
    if previous is None:
        return "no earlier resolution"
    if changed:
        return f"new layout of {', '.join(changed)}"
    if previous != version:
        return f"extractor version {previous} -> {version}"
    (removed,) = con.execute("select count(*) from nlp.entity_actors l anti join nlp.entities e "
                             "on e.article_id = l.article_id and e.entity_idx = l.entity_idx").fetchone()
    if removed:
        return f"{removed} resolved entities are gone (articles removed or changed)"
    return None


def update_resolution(con, version: str, log=None, full: bool = False) -> dict:
    """Resolve incrementally if that gives exactly the full resolution's rows, else in full.
    Returns the row counts of the resolution tables, ``mode`` and, for a full one, ``reason``."""
    from dagster_project.extraction.resolution import resolve_corpus

    reason = "asked" if full else _full_reason(con, version)
    if reason is None:
        reason = _resolve_new_entities(con, log)
    if reason is not None:
        if log:
            log.info(f"full resolution: {reason}")
        counts = run_resolution(con, resolve_corpus, log=log)
        _mark_resolved(con, version)
        return {**counts, "mode": "full", "reason": reason}
    _resolve_meetings(con)
    _mark_resolved(con, version)
    counts = {name: con.execute(f"select count(*) from nlp.{name}").fetchone()[0] for name in RESOLUTION_TABLES}
    return {**counts, "mode": "incremental", "reason": None}


def _components(names: list[tuple[str, str]], keys_of: Callable) -> Callable:
    """find() of a union-find over names joined by shared keys."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for name in names:
        for key in keys_of(*name):
            a, b = find(("name", name)), find(("key", key))
            if a != b:
                parent[a] = b
    return lambda name: find(("name", name))


def _resolve_new_entities(con, log=None) -> str | None:
    """Link the entities not yet linked to an actor, re-resolving only what they touch; returns a
    reason to resolve in full instead (nothing is written then), or None when done."""
    from dagster_project.extraction.resolution import candidate_keys, resolve_actors

    new = con.execute(f"select distinct e.dict_key, e.actor_type, e.name from nlp.entities e anti join nlp.entity_actors l "
                      f"on l.article_id = e.article_id and l.entity_idx = e.entity_idx where {ASSIGNABLE}").fetchall()
    if not new:
        return None
    dict_keys = sorted({key for key, _, _ in new if key})
    new_names = {(kind, name) for key, kind, name in new if not key}
    touched: list[tuple[str, str]] = []
    if new_names:
        names = con.execute("select distinct actor_type, name from nlp.entities where coalesce(dict_key, '') = '' "
                            "and coalesce(name, '') <> ''").fetchall()
        component = _components(names, candidate_keys)
        roots = {component(name) for name in new_names}
        touched = [name for name in names if component(name) in roots]
    con.execute("create or replace temp table _touched_names as select unnest(?::varchar[]) as actor_type, "
                "unnest(?::varchar[]) as name", [[k for k, _ in touched], [n for _, n in touched]])
    con.execute("create or replace temp table _touched_keys as select unnest(?::varchar[]) as dict_key", [dict_keys])
    con.execute("create or replace temp table _subset as "
                "select e.* from nlp.entities e semi join _touched_keys k on k.dict_key = e.dict_key "
                "union all "
                "select e.* from nlp.entities e semi join _touched_names t "
                "on t.actor_type is not distinct from e.actor_type and t.name = e.name "
                "where coalesce(e.dict_key, '') = ''")
    subset = fetch_dicts(con, "select * from _subset order by article_id, entity_idx")
    actors, links = resolve_actors(subset)
    old_ids = {r[0] for r in con.execute("select distinct l.actor_id from nlp.entity_actors l join _subset s "
                                         "on s.article_id = l.article_id and s.entity_idx = l.entity_idx").fetchall()}
    ids = old_ids | {a["actor_id"] for a in actors}
    shared = con.execute("select distinct l.actor_id from nlp.entity_actors l anti join _subset s "
                         "on s.article_id = l.article_id and s.entity_idx = l.entity_idx "
                         "where l.actor_id in (select unnest(?::varchar[]))", [sorted(ids)]).fetchall()
    if shared:  # one id for two clusters: the full resolution decides which cluster's row it keeps
        return f"actor ids shared with untouched entities: {sorted(r[0] for r in shared)[:5]}"
    con.execute("begin transaction")
    try:
        con.execute("delete from nlp.entity_actors l using _subset s "
                    "where s.article_id = l.article_id and s.entity_idx = l.entity_idx")
        con.execute("delete from nlp.actors where actor_id in (select unnest(?::varchar[]))", [sorted(ids)])
        insert_rows(con, "nlp.actors", RESOLUTION_TABLES["actors"], actors, sort_by=RESOLUTION_SORT["actors"])
        insert_rows(con, "nlp.entity_actors", RESOLUTION_TABLES["entity_actors"], links,
                    sort_by=RESOLUTION_SORT["entity_actors"])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    if log:
        log.info(f"incremental resolution: {len(new)} new names or keys; re-resolved {len(subset)} entities "
                 f"({len(dict_keys)} dictionary actors, {len(touched)} linked names)")
    return None


def _resolve_meetings(con) -> None:
    """Re-cluster every meeting mention with the actors of its participants (the entities are not read)."""
    from dagster_project.extraction.resolution import resolve_meeting_tables

    mentions = fetch_dicts(con, "select * from nlp.meeting_mentions order by article_id, meeting_idx")
    lookup = {(a, i): actor for a, i, actor in con.execute(
        "select l.article_id, l.entity_idx, l.actor_id from nlp.entity_actors l "
        "semi join (select article_id, unnest(participant_entity_idxs) as entity_idx from nlp.meeting_mentions) p "
        "on p.article_id = l.article_id and p.entity_idx = l.entity_idx").fetchall()}
    info = {r["actor_id"]: r for r in fetch_dicts(
        con, "select * from nlp.actors where actor_id in (select unnest(?::varchar[]))", [sorted(set(lookup.values()))])}
    published = {r["article_id"]: r["published_date"] for r in fetch_dicts(
        con, "select article_id, published_date from raw.articles "
             "where article_id in (select article_id from nlp.meeting_mentions) order by 1")}
    rows = resolve_meeting_tables(mentions, lookup, published, info)
    con.execute("begin transaction")
    try:
        for name in MEETING_TABLES:
            con.execute(f"delete from nlp.{name}")
            insert_rows(con, f"nlp.{name}", RESOLUTION_TABLES[name], rows[name], sort_by=RESOLUTION_SORT[name])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
