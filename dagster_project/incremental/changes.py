"""Which articles changed since the marts were last built: what lets dbt and the quality checks of a
refresh follow the new articles instead of the corpus. No Dagster here.

Three tables in the ``_refresh`` schema:

* ``changed_articles`` (article_id): the articles whose extraction or resolution rows changed and whose
  marts rows were not rebuilt since: parsed (new, changed or re-processed), failed, removed, or whose
  entities or meeting mentions the resolution gave another actor or meeting. Each writer records them in
  the transaction that changes their rows (extraction batches, the incremental resolution), so a run
  stopped anywhere loses none; the dbt step empties the table once a complete ``dbt build`` took them in.
* ``full_rebuild`` (reason): a reason why the next dbt build must rebuild every model, recorded where a
  change reaches rows of unchanged articles (a full resolution: any actor or meeting id may move; the
  extraction tables recreated). Emptied with ``changed_articles``.
* ``marts_state`` (one row): what the marts were last built from (the dbt project's and the extractor's
  ``fingerprint``), whether that build was ``full`` or incremental, and the articles it took in
  (``marts_changes``): the scope of the marts' own checks.

``marts_build_plan`` decides: a full build when no state is recorded (first build, or a warehouse made
before this bookkeeping), when the fingerprint changed (a model, macro, seed or rule changed), or when a
full rebuild is due; otherwise an incremental one over ``changed_articles``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SCHEMA = "_refresh"
CHANGED = f"{SCHEMA}.changed_articles"
FULL_REBUILD = f"{SCHEMA}.full_rebuild"
MARTS_STATE = f"{SCHEMA}.marts_state"
MARTS_CHANGES = f"{SCHEMA}.marts_changes"


def ensure_change_tables(con) -> None:
    con.execute(f"create schema if not exists {SCHEMA}")
    con.execute(f"create table if not exists {CHANGED} (article_id varchar)")
    con.execute(f"create table if not exists {FULL_REBUILD} (reason varchar, recorded_at timestamptz)")


def record_changed_articles(con, article_ids) -> int:
    """Add these articles to the changed set (inside the caller's transaction); returns how many were given."""
    ids = sorted({a for a in article_ids if a is not None})
    if not ids:
        return 0
    ensure_change_tables(con)
    con.execute(f"insert into {CHANGED} select a from unnest(?::varchar[]) as t(a) "
                f"where a not in (select article_id from {CHANGED})", [ids])
    return len(ids)


def record_full_rebuild(con, reason: str) -> None:
    """The next dbt build must rebuild every model (and the checks after it read whole tables)."""
    ensure_change_tables(con)
    con.execute(f"insert into {FULL_REBUILD} values (?, ?)", [reason, dt.datetime.now(dt.UTC)])


def _exists(con, table: str) -> bool:
    schema, name = table.split(".")
    return bool(con.execute("select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
                            [schema, name]).fetchall()[0][0])


def full_rebuild_reasons(con) -> list[str]:
    if not _exists(con, FULL_REBUILD):
        return []
    return [r for (r,) in con.execute(f"select reason from {FULL_REBUILD} order by recorded_at, reason").fetchall()]


def changed_article_ids(con) -> list[str]:
    return [a for (a,) in con.execute(f"select article_id from {CHANGED} order by 1").fetchall()] if _exists(con, CHANGED) else []


def changed_article_count(con) -> int:
    return con.execute(f"select count(*) from {CHANGED}").fetchall()[0][0] if _exists(con, CHANGED) else 0


@dataclass(frozen=True)
class MartsState:
    fingerprint: str
    full: bool
    run_id: str | None
    built_at: dt.datetime | None


def marts_state(con) -> MartsState | None:
    if not _exists(con, MARTS_STATE):
        return None
    rows = con.execute(f"select fingerprint, full_build, run_id, built_at from {MARTS_STATE} limit 1").fetchall()
    return MartsState(*rows[0]) if rows else None


@dataclass(frozen=True)
class BuildPlan:
    full: bool
    reason: str  # why a full build; for an incremental one, what it takes in
    changed_articles: int


def marts_build_plan(con, fingerprint: str) -> BuildPlan:
    """Full or incremental, and why (see the module's docstring)."""
    changed = changed_article_count(con)
    state = marts_state(con)
    reasons = full_rebuild_reasons(con)
    if state is None:
        return BuildPlan(True, "no earlier build of the marts recorded", changed)
    if state.fingerprint != fingerprint:
        return BuildPlan(True, "the dbt project or the extractor changed since the last build", changed)
    if reasons:
        return BuildPlan(True, "; ".join(dict.fromkeys(reasons)), changed)
    return BuildPlan(False, f"{changed} changed articles", changed)


def record_marts_built(con, fingerprint: str, full: bool, run_id: str | None) -> int:
    """After a complete dbt build: the new state, the articles it took in (the marts checks' scope), and
    an empty changed set. Returns how many articles it took in."""
    ensure_change_tables(con)
    con.execute("begin transaction")
    try:
        con.execute(f"create or replace table {MARTS_CHANGES} as select distinct article_id from {CHANGED}")
        con.execute(f"create or replace table {MARTS_STATE} (fingerprint varchar, full_build boolean, "
                    "run_id varchar, built_at timestamptz)")
        con.execute(f"insert into {MARTS_STATE} values (?, ?, ?, ?)",
                    [fingerprint, full, run_id, dt.datetime.now(dt.UTC)])
        [(taken,)] = con.execute(f"select count(*) from {MARTS_CHANGES}").fetchall()
        con.execute(f"delete from {CHANGED}")
        con.execute(f"delete from {FULL_REBUILD}")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return taken


# ---------------------------------------------------------------- the checks' scope

def pending_scope(con) -> str | None:
    """The changed-articles table a check made before the dbt build reads (extraction and resolution
    tables), or None: the whole table (nothing built yet, or a full rebuild is due)."""
    if marts_state(con) is None or full_rebuild_reasons(con) or not _exists(con, CHANGED):
        return None
    return CHANGED


def marts_scope(con) -> str | None:
    """The table of the articles the last dbt build took in, for the checks of the marts; None after a
    full build (or none recorded): the whole table."""
    state = marts_state(con)
    if state is None or state.full or not _exists(con, MARTS_CHANGES):
        return None
    return MARTS_CHANGES
