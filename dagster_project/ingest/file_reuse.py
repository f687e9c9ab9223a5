"""Ingest that reads only the input files that changed since the last refresh, with the rows a full read gives.

A full read parses every file of the folder again (JSON, text clean-up, lingua, SHA-256 of every text):
its cost follows the corpus, while a refresh usually brings one new file. So ingest records, per input
file, its name, size and modification time (``_refresh.input_files``) with a key of what else a read
depends on (``read_key``: the read options, the latest believable date, the reader's code and its
libraries). On the next refresh, when the key is the same:

* files with the same name, size and mtime are not read: their rows stay in the raw tables;
* new and changed files are read, and their rows replace those of their path; the rows of deleted
  files are removed.

That gives the full read's rows as long as no article is shared between a file read again (or gone)
and a file left alone, because an article met in several files is stored once, with the data of its
first source (reader.read_listing). ``merge_changed_files`` checks it and returns False when it does
not hold; the caller then reads the whole folder, as before. The rows are appended, not re-sorted:
nothing reads the raw tables in their physical order (every reader sorts).
"""
from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass, field, replace
from pathlib import Path

from dagster_project.ingest.raw_tables import RAW_TABLES, write_raw_tables
from dagster_project.ingest.reader import IngestResult, Listed, ReadOptions, _input_entries, read_listing
from dagster_project.storage.contracts import contract
from dagster_project.storage.refresh_state import STATE_SCHEMA
from dagster_project.storage.tables import insert_rows

FILES_TABLE = f"{STATE_SCHEMA}.input_files"
_READER_LIBRARIES = ("trafilatura", "htmldate", "lingua-language-detector", "charset-normalizer", "lxml")


def read_key(options: ReadOptions) -> str:
    """What a file's rows depend on besides its bytes: options, date limit, reader code, libraries."""
    digest = hashlib.sha256()
    digest.update(repr((options.max_article_bytes, sorted(options.languages), options.latest().isoformat())).encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in _READER_LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}=-".encode())
    return digest.hexdigest()


def list_with_stats(folder: Path) -> tuple[list[Listed], dict[str, tuple[int, int]]]:
    """The listing read_listing takes (sorted by name) and each listed file's (size, mtime_ns) by path."""
    listed, stats = [], {}
    for entry, stat in _input_entries(Path(folder)):
        listed.append(Listed(Path(entry.path), stat.st_size if stat else None))
        if stat is not None:
            stats[str(Path(entry.path))] = (stat.st_size, stat.st_mtime_ns)
    return sorted(listed, key=lambda item: item.path.name), stats


def recorded_files(con, key: str) -> dict[str, tuple[int, int]] | None:
    """Path -> (size, mtime_ns) of the files of the last read made with this key; None if there is none."""
    exists = con.execute("select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
                         [STATE_SCHEMA, FILES_TABLE.split(".")[1]]).fetchone()[0]
    if not exists:
        return None
    rows = con.execute(f"select source_path, size_bytes, mtime_ns, read_key from {FILES_TABLE}").fetchall()
    if not rows or any(row[3] != key for row in rows):
        return None
    return {path: (size, mtime) for path, size, mtime, _ in rows}


def record_files(con, stats: dict[str, tuple[int, int]], key: str) -> None:
    """Replace the recorded files with these (inside the caller's transaction, with the raw tables)."""
    con.execute(f"create schema if not exists {STATE_SCHEMA}")
    con.execute(f"create or replace table {FILES_TABLE} "
                "(source_path varchar, size_bytes bigint, mtime_ns bigint, read_key varchar)")
    if stats:
        paths = sorted(stats)
        con.execute(f"insert into {FILES_TABLE} select unnest(?::varchar[]), unnest(?::bigint[]), "
                    "unnest(?::bigint[]), ?",
                    [paths, [stats[p][0] for p in paths], [stats[p][1] for p in paths], key])


def forget_files(con) -> None:
    """After a full read whose rows were not recorded per file: the next refresh reads everything."""
    con.execute(f"drop table if exists {FILES_TABLE}")


def changed_files(listing: list[Listed], stats: dict[str, tuple[int, int]],
                  recorded: dict[str, tuple[int, int]]) -> tuple[list[Listed], set[str]]:
    """(files to read: new, changed, or without a stat now; paths whose rows go: those and deleted files)."""
    to_read = [item for item in listing
               if str(item.path) not in stats or recorded.get(str(item.path)) != stats[str(item.path)]]
    replaced = {str(item.path) for item in to_read} | (set(recorded) - set(stats))
    return to_read, replaced


def merge_changed_files(con, part: IngestResult, replaced: set[str]) -> bool:
    """Replace the rows of the `replaced` paths with `part` (the read of the files to read), in the
    caller's transaction; False, with nothing written, when an article is shared between a replaced
    path and a kept one (its stored row could then come from another source than a full read's)."""
    con.execute("create or replace temp table _replaced_paths as select unnest(?::varchar[]) as source_path",
                [sorted(replaced)])
    ids = sorted({a["article_id"] for a in part.articles})
    con.execute("create or replace temp table _read_ids as select unnest(?::varchar[]) as article_id", [ids])
    (shared,) = con.execute(
        "select count(*) from (select distinct s.article_id from raw.article_sources s "
        "where s.source_path not in (select source_path from _replaced_paths) "
        "and (s.article_id in (select article_id from _read_ids) "
        "     or s.article_id in (select article_id from raw.article_sources "
        "                         where source_path in (select source_path from _replaced_paths))))").fetchone()
    if shared:
        return False
    con.execute("delete from raw.articles where article_id in (select article_id from raw.article_sources "
                "where source_path in (select source_path from _replaced_paths))")
    con.execute("delete from raw.article_sources where source_path in (select source_path from _replaced_paths)")
    con.execute("delete from raw.quarantine where source_path in (select source_path from _replaced_paths)")
    for relation, rows in zip(RAW_TABLES, (part.articles, part.sources, part.quarantine)):
        table = contract(relation)
        insert_rows(con, relation, table.layout, rows, sort_by=table.order_by)
    # the digest of a full read's rows no longer describes the tables: the next full read rewrites them
    con.execute("comment on table raw.articles is ''")
    return True


@dataclass
class IngestOutcome:
    mode: str  # "changed files", "full" or "full (...why)"
    files: int  # input files in the folder
    files_read: int
    rewritten: bool  # whether the raw tables were written
    quarantine_read: list[dict] = field(default_factory=list)  # quarantine rows of the files read


def ingest_folder(con, folder: Path, options: ReadOptions) -> IngestOutcome:
    """The raw tables for this folder: only its new and changed files read when that gives the full
    read's rows, else every file; the per-file record updated after the raw tables."""
    options = replace(options, latest_date=options.latest())  # one date limit for the run and its key
    key = read_key(options)
    listing, stats = list_with_stats(folder)
    recorded = recorded_files(con, key)
    if recorded is None:
        mode, to_read, replaced = "full", listing, set()
    else:
        mode, (to_read, replaced) = "changed files", changed_files(listing, stats, recorded)
    result = read_listing(to_read, options) if to_read else IngestResult()
    rewritten = False
    if mode == "changed files" and replaced:
        con.execute("begin transaction")
        try:
            rewritten = merge_changed_files(con, result, replaced)
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        if not rewritten:
            mode, to_read = "full (an article is shared with a file left alone)", listing
            result = read_listing(listing, options)
    if mode != "changed files":
        rewritten = write_raw_tables(con, result)
    # after the raw tables: a crash in between leaves an older record, whose changed files are read again
    record_files(con, stats, key)
    return IngestOutcome(mode, len(listing), len(to_read), rewritten, result.quarantine)
