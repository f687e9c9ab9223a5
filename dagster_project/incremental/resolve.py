"""Cross-article resolution: nlp.entities and nlp.meeting_mentions in, nlp.actors, entity_actors,
meetings, meeting_mention_map and meeting_participants out. No Dagster here.

``update_resolution`` resolves incrementally when it can give exactly what a full resolution gives,
and in full otherwise:

* **Full** (``run_resolution``): every article's entities and meeting mentions, resolved together.
  It runs on the first resolution, when the extractor version (rules, dictionaries, the resolution
  code itself) differs from the one recorded in the comment of ``nlp.actors``, when entities were
  removed (an article deleted or changed), when a resolution table's layout changed, when asked
  (``full=True``), and when an incremental step would give one actor id to two clusters.
* **Incremental**: only the entities not yet linked to an actor are new. They get dictionary actors
  by key, with the stored aliases plus their forms (older entities are not read). Other names are
  clustered greedily by ``extraction.resolution.resolve_actors``, which adds a name to a cluster only
  when it matches one of its names; so only the names linked to a new one by a chain of *matching*
  names (``name_closure``) are re-resolved together, in the same article order, and nothing else is
  read or rewritten. (Until issue #16 the chain ran through any shared word of a name, which at
  10,000 articles took in half the corpus.) Meetings are then re-clustered from ``nlp.meeting_mentions``
  (a small table) with the actors of their participants only, without reading the entities again:
  frequent actors link almost every meeting to every other, so a meeting's component is most of the
  corpus anyway.

Both give the same rows (tests/incremental/test_resolve.py checks it on the seeds, split every way).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from dagster_project.incremental.changes import record_changed_articles, record_full_rebuild
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
        # any actor or meeting id may have moved: the marts are rebuilt whole
        record_full_rebuild(con, "full resolution")
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
    _mark(con, "nlp.actors", version)


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
    stats: dict = {}
    if reason is None:
        reason = _resolve_new_entities(con, version, log, stats)
    if reason is not None:
        if log:
            log.info(f"full resolution: {reason}")
        counts = run_resolution(con, resolve_corpus, log=log)
        # the state of the next incremental resolutions (see name_closure): paid once here, not per refresh
        fuzzy = rebuild_fuzzy_links(con, version)
        _mark_resolved(con, version)
        return {**counts, "mode": "full", "reason": reason, "fuzzy_links": fuzzy}
    stats["articles_with_moved_meeting_mentions"] = _resolve_meetings(con)
    _mark_resolved(con, version)
    counts = {name: con.execute(f"select count(*) from nlp.{name}").fetchone()[0] for name in RESOLUTION_TABLES}
    return {**counts, "mode": "incremental", "reason": None, **stats}


def _same_actor_name(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether resolve_actors could put these two (type, name) in one cluster: it adds a name to a
    cluster only when the name matches one of the cluster's names by exactly this test (_find_cluster)."""
    from dagster_project.extraction.names import name_key
    from dagster_project.extraction.resolution import _person_names_match

    if a[0] != b[0]:
        return False
    return _person_names_match(a[1], b[1]) if a[0] == "person" else name_key(a[1]) == name_key(b[1])


def _fuzzy_threshold() -> float:
    """same_person_name's own default: a rule change there moves this scan with it."""
    import inspect

    from dagster_project.extraction.names import same_person_name

    return float(inspect.signature(same_person_name).parameters["threshold"].default)


def _joined(name: str) -> str:
    from dagster_project.extraction.names import name_key

    return name_key(name).replace(" ", "")


def _spelt(name: str) -> bool:
    """A person name same_person_name may match by spelling: two words or more."""
    from dagster_project.extraction.names import name_key

    return len(name_key(name).split()) >= 2


def fuzzy_links(queries: list[str], names: list[str]) -> set[tuple[str, str]]:
    """Pairs (a, b), a < b, of a query and a name, both person names of two words or more, that share
    no word and still match (same_person_name's spelling ratio): the only matching names the word
    look-up of name_closure cannot find. rapidfuzz compares the joined keys with a cut-off one point
    below the rule's, only between lengths that ratio allows, then the rule itself decides."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from dagster_project.extraction.resolution import candidate_keys

    queries = sorted({q for q in queries if _spelt(q)}, key=lambda n: (len(_joined(n)), n))
    names = sorted({n for n in names if _spelt(n)}, key=lambda n: (len(_joined(n)), n))
    if not queries or not names:
        return set()
    cutoff = _fuzzy_threshold() - 1.0
    slack = 1.0 - cutoff / 100.0  # ratio >= cutoff needs |la - lb| <= slack * (la + lb)
    joined = [_joined(n) for n in names]
    lengths = np.array([len(j) for j in joined])
    pairs: set[tuple[str, str]] = set()
    for start in range(0, len(queries), 500):
        chunk = queries[start:start + 500]
        chunk_joined = [_joined(q) for q in chunk]
        lo = min(len(j) for j in chunk_joined) * (1 - slack) / (1 + slack) - 1
        hi = max(len(j) for j in chunk_joined) * (1 + slack) / (1 - slack) + 1
        window = np.nonzero((lengths >= lo) & (lengths <= hi))[0]
        if not len(window):
            continue
        scores = process.cdist(chunk_joined, [joined[i] for i in window], scorer=fuzz.ratio, processor=None,
                               score_cutoff=cutoff, dtype=np.uint8, workers=1)
        for qi, wi in zip(*np.nonzero(scores)):
            a, b = chunk[qi], names[window[wi]]
            if a == b or set(candidate_keys("person", a)) & set(candidate_keys("person", b)):
                continue
            if _same_actor_name(("person", a), ("person", b)):
                pairs.add((min(a, b), max(a, b)))
    return pairs


FUZZY_TABLE = "_refresh.fuzzy_person_links"


def _person_names(con) -> list[str]:
    return [n for (n,) in con.execute("select distinct name from nlp.entities where actor_type = 'person' "
                                      "and coalesce(dict_key, '') = '' and coalesce(name, '') <> '' order by 1").fetchall()]


def _store_fuzzy_links(con, pairs: set[tuple[str, str]], version: str, replace: bool) -> None:
    con.execute("create schema if not exists _refresh")
    if replace:
        con.execute(f"create or replace table {FUZZY_TABLE} (name_a varchar, name_b varchar)")
    if pairs:
        rows = sorted(pairs)
        con.execute(f"insert into {FUZZY_TABLE} select unnest(?::varchar[]), unnest(?::varchar[])",
                    [[a for a, _ in rows], [b for _, b in rows]])
    _mark(con, FUZZY_TABLE, version)


def _mark(con, table: str, version: str) -> None:
    if not re.fullmatch(r"[\w.+-]+", version):
        raise ValueError(f"unexpected extractor version {version!r}")
    con.execute(f"comment on table {table} is '{STATE_PREFIX}{version}'")


def rebuild_fuzzy_links(con, version: str) -> int:
    """Every fuzzy-only pair of the person names of nlp.entities (after a full resolution: names may be gone)."""
    names = _person_names(con)
    pairs = fuzzy_links(names, names)
    _store_fuzzy_links(con, pairs, version, replace=True)
    return len(pairs)


def stored_fuzzy_links(con, version: str) -> dict[str, set[str]] | None:
    """Name -> its fuzzy-only partners, if the table was made for this extractor version, else None."""
    found = con.execute("select comment from duckdb_tables() where schema_name = '_refresh' "
                        "and table_name = ?", [FUZZY_TABLE.split(".")[1]]).fetchall()
    if not found or found[0][0] != f"{STATE_PREFIX}{version}":
        return None
    links: dict[str, set[str]] = defaultdict(set)
    for a, b in con.execute(f"select name_a, name_b from {FUZZY_TABLE}").fetchall():
        links[a].add(b)
        links[b].add(a)
    return links


def name_closure(names: list[tuple[str, str]], new_names: set[tuple[str, str]],
                 fuzzy: dict[str, set[str]] | None = None) -> set[tuple[str, str]]:
    """The new names and every name linked to one of them by a chain of matching names.

    Why this is enough for exact rows: resolve_actors adds a name to the first candidate cluster holding
    a name it matches (_same_actor_name), so every cluster lies inside one such chain-linked group, and
    a group's clusters come out the same whatever else the corpus holds (other groups' clusters are
    skipped by the match test and do not reorder this group's candidates). Re-resolving the groups of
    the new names, and nothing else, gives the full resolution's clusters.

    Matching names share a word of their key (candidate_keys), except two person names of two words or
    more spelt alike (same_person_name's fuzzy ratio on the joined key). Those pairs come from `fuzzy`
    (name -> partners; ``fuzzy_links`` of every name, kept in _refresh.fuzzy_person_links and extended
    with each refresh's new names), computed here when not given. tests/incremental/test_resolve.py
    checks, on the seeds' and the fixtures' names, that every matching pair is found one way or the other.
    """
    from dagster_project.extraction.resolution import candidate_keys

    if fuzzy is None:
        persons = [n for t, n in names if t == "person"]
        fuzzy = defaultdict(set)
        for a, b in fuzzy_links(persons, persons):
            fuzzy[a].add(b)
            fuzzy[b].add(a)
    by_key: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for name in names:
        for key in candidate_keys(*name):
            by_key[key].append(name)
    found = set(new_names)
    frontier = sorted(new_names)
    while frontier:
        name = frontier.pop()
        candidates = {other for key in candidate_keys(*name) for other in by_key.get(key, ())}
        if name[0] == "person":
            candidates.update(("person", other) for other in fuzzy.get(name[1], ()))
        for other in candidates - found:
            if _same_actor_name(name, other):
                found.add(other)
                frontier.append(other)
    return found


def _merged_dictionary_actors(con, new_actors: list[dict]) -> list[dict]:
    """Dictionary actors of the new entities with the aliases they already had.

    A dictionary actor's row is the gazetteer's (fixed by the extractor version) plus, as aliases, the
    forms of every entity carrying its key: entities are only ever added between two full resolutions
    (a removal forces a full one), so the full resolution's aliases are the stored ones plus the new
    entities' forms, and the older entities need not be read again."""
    if not new_actors:
        return []
    old = {r["actor_id"]: r for r in fetch_dicts(
        con, "select * from nlp.actors where actor_id in (select unnest(?::varchar[]))",
        [sorted(a["actor_id"] for a in new_actors)])}
    merged = []
    for actor in new_actors:
        before = old.get(actor["actor_id"])
        if before:
            actor = {**actor, "aliases": sorted({*(before["aliases"] or []), *actor["aliases"]})}
        merged.append(actor)
    return merged


def _resolve_new_entities(con, version: str, log=None, stats: dict | None = None) -> str | None:
    """Link the entities not yet linked to an actor, re-resolving only what they touch; returns a
    reason to resolve in full instead (nothing is written then), or None when done. ``stats`` gets
    how many entities were new and how many older ones were read again."""
    stats = {} if stats is None else stats
    from dagster_project.extraction.resolution import resolve_actors

    con.execute(f"create or replace temp table _new_entities as select e.* from nlp.entities e "
                f"anti join nlp.entity_actors l on l.article_id = e.article_id and l.entity_idx = e.entity_idx "
                f"where {ASSIGNABLE}")
    (n_new,) = con.execute("select count(*) from _new_entities").fetchone()
    stats.update(new_entities=n_new, re_resolved_entities=0)
    fuzzy = stored_fuzzy_links(con, version)
    if fuzzy is None:  # resolved by an older version of this code, or the table was lost
        stats["fuzzy_links_rebuilt"] = rebuild_fuzzy_links(con, version)
        fuzzy = stored_fuzzy_links(con, version)
    if not n_new:
        return None
    new_persons = [n for (n,) in con.execute("select distinct name from _new_entities where actor_type = 'person' "
                                             "and coalesce(dict_key, '') = '' and coalesce(name, '') <> ''").fetchall()]
    added = fuzzy_links(new_persons, _person_names(con)) - {(a, b) for a in fuzzy for b in fuzzy[a]}
    for a, b in added:
        fuzzy[a].add(b)
        fuzzy[b].add(a)
    # dictionary actors: only the new entities (see _merged_dictionary_actors)
    keyed = fetch_dicts(con, "select * from _new_entities where coalesce(dict_key, '') <> '' "
                             "order by article_id, entity_idx")
    dict_actors, dict_links = resolve_actors(keyed)
    dict_actors = _merged_dictionary_actors(con, dict_actors)
    # other names: the groups of matching names the new ones belong to (see name_closure)
    new_names = set(con.execute("select distinct actor_type, name from _new_entities "
                                "where coalesce(dict_key, '') = ''").fetchall())
    touched: list[tuple[str, str]] = []
    if new_names:
        names = con.execute("select distinct actor_type, name from nlp.entities where coalesce(dict_key, '') = '' "
                            "and coalesce(name, '') <> ''").fetchall()
        touched = sorted(name_closure(names, new_names, fuzzy))
    con.execute("create or replace temp table _touched_names as select unnest(?::varchar[]) as actor_type, "
                "unnest(?::varchar[]) as name", [[k for k, _ in touched], [n for _, n in touched]])
    con.execute("create or replace temp table _subset as "
                "select e.* from nlp.entities e semi join _touched_names t "
                "on t.actor_type is not distinct from e.actor_type and t.name = e.name "
                "where coalesce(e.dict_key, '') = ''")
    subset = fetch_dicts(con, "select * from _subset order by article_id, entity_idx")
    stats["re_resolved_entities"] = len(subset) + len(keyed)
    actors, links = resolve_actors(subset)
    old_ids = {r[0] for r in con.execute("select distinct l.actor_id from nlp.entity_actors l join _subset s "
                                         "on s.article_id = l.article_id and s.entity_idx = l.entity_idx").fetchall()}
    ids = old_ids | {a["actor_id"] for a in actors}
    shared = con.execute("select distinct l.actor_id from nlp.entity_actors l anti join _subset s "
                         "on s.article_id = l.article_id and s.entity_idx = l.entity_idx "
                         "where l.actor_id in (select unnest(?::varchar[]))", [sorted(ids)]).fetchall()
    clash = ids & {a["actor_id"] for a in dict_actors}
    if shared or clash:  # one id for two clusters: the full resolution decides which cluster's row it keeps
        return f"actor ids shared with untouched entities: {sorted({r[0] for r in shared} | clash)[:5]}"
    con.execute("begin transaction")
    try:
        con.execute("create or replace temp table _old_links as select l.* from nlp.entity_actors l semi join _subset s "
                    "on s.article_id = l.article_id and s.entity_idx = l.entity_idx")
        con.execute("delete from nlp.entity_actors l using _subset s "
                    "where s.article_id = l.article_id and s.entity_idx = l.entity_idx")
        replaced = sorted(ids | {a["actor_id"] for a in dict_actors})
        con.execute("delete from nlp.actors where actor_id in (select unnest(?::varchar[]))", [replaced])
        insert_rows(con, "nlp.actors", RESOLUTION_TABLES["actors"], actors + dict_actors,
                    sort_by=RESOLUTION_SORT["actors"])
        insert_rows(con, "nlp.entity_actors", RESOLUTION_TABLES["entity_actors"], links + dict_links,
                    sort_by=RESOLUTION_SORT["entity_actors"])
        # with the links: the new names' pairs are recorded exactly when their entities are resolved
        _store_fuzzy_links(con, added, version, replace=False)
        # articles whose entities now point at another actor: their marts rows are rebuilt
        moved = [a for (a,) in con.execute(
            "select distinct s.article_id from _subset s "
            "left join _old_links o on o.article_id = s.article_id and o.entity_idx = s.entity_idx "
            "left join nlp.entity_actors n on n.article_id = s.article_id and n.entity_idx = s.entity_idx "
            "where o.actor_id is distinct from n.actor_id").fetchall()]
        stats["articles_with_moved_entities"] = record_changed_articles(
            con, moved + [r["article_id"] for r in keyed])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    if log:
        log.info(f"incremental resolution: {n_new} new entities; re-resolved {len(subset)} entities of "
                 f"{len(touched)} names linked to the {len(new_names)} new names, {len(dict_actors)} dictionary actors")
    return None


def _resolve_meetings(con) -> int:
    """Re-cluster every meeting mention with the actors of its participants (the entities are not read).
    Returns how many articles have a mention now in another meeting (recorded as changed articles)."""
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
        con.execute("create or replace temp table _old_map as select article_id, meeting_idx, meeting_id "
                    "from nlp.meeting_mention_map")
        for name in MEETING_TABLES:
            con.execute(f"delete from nlp.{name}")
            insert_rows(con, f"nlp.{name}", RESOLUTION_TABLES[name], rows[name], sort_by=RESOLUTION_SORT[name])
        # articles whose meeting mentions now belong to another meeting: their marts rows are rebuilt
        moved = [a for (a,) in con.execute(
            "select distinct article_id from ((select * from _old_map except select article_id, meeting_idx, "
            "meeting_id from nlp.meeting_mention_map) union all (select article_id, meeting_idx, meeting_id "
            "from nlp.meeting_mention_map except select * from _old_map))").fetchall()]
        record_changed_articles(con, moved)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return len(moved)
