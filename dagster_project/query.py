"""Read-only SQL on the warehouse: ``python -m dagster_project.cli query "select ..."``.

A query reads only the last published snapshot (``warehouse.read.duckdb`` beside the warehouse
file, written by ``publish/read_snapshot`` at the end of each successful refresh), never the
warehouse file itself: while a refresh runs, or after one died, that file holds tables from
different moments. The snapshot is replaced with ``os.replace``, so it is never locked and never
half-written. The connection is locked down (``locked_down_connection``): no file, extension,
attachment or setting outside that one database, and no writes to it.

Example queries live in ``warehouse/queries/*.sql``. A file documents itself in its leading
``--`` comment lines; a line ``-- @param NAME DEFAULT  description`` declares a parameter that the
SQL reads with ``getvariable('NAME')`` (a DuckDB session variable, so the same file also runs in
the DuckDB shell after ``SET VARIABLE NAME = '...';``). The CLI sets every declared parameter to
its default, or to the value given with ``--param NAME=VALUE``.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import re
import shlex
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dagster_project import settings
from dagster_project.storage.snapshot import SNAPSHOT_SUFFIX, snapshot_path

QUERIES_DIR = settings.PROJECT_ROOT / "warehouse" / "queries"
PARAM_LINE = re.compile(r"^--\s*@param\s+(?P<name>[A-Za-z_]\w*)\s+(?P<default>'[^']*'|\S+)\s*(?P<doc>.*)$")


# ----------------------------------------------------------------------------- which file
# What a query may touch: the snapshot it opened, read-only, and nothing else. DuckDB reads files
# (read_text, read_csv, COPY, ATTACH, EXPORT), installs and loads extensions and changes settings
# only when external access is on; lock_configuration stops a query from turning it back on.
LOCKED_DOWN = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "lock_configuration": True,
}


class NoSnapshot(FileNotFoundError):
    """No refresh has published a snapshot of this warehouse yet."""


def _warehouse_file(warehouse: str | Path | None) -> Path:
    """The given file (relative = from the current folder), else warehouse/warehouse.duckdb."""
    return Path(warehouse).expanduser().resolve() if warehouse else settings.warehouse_path()


def database_to_read(warehouse: str | Path | None = None) -> Path:
    """The last published snapshot of the warehouse (a snapshot file given itself is read as is).

    Never the warehouse file: a refresh may be writing it, or may have died half-way through it.
    """
    main = _warehouse_file(warehouse)
    if main.name.endswith(SNAPSHOT_SUFFIX + (main.suffix or ".duckdb")) and main.exists():
        return main
    snapshot = snapshot_path(main)
    if snapshot.exists():
        return snapshot
    raise NoSnapshot(f"no published snapshot {snapshot.name} beside {main}: queries read only what a finished "
                     "refresh published; run one first (python -m dagster_project.cli build)")


def locked_down_connection(database: Path):
    """A read-only connection to one DuckDB file that can read nothing else, write nothing, attach
    nothing, install or load no extension and change no setting."""
    import duckdb

    return duckdb.connect(str(database), read_only=True, config=dict(LOCKED_DOWN))


def open_for_reading(warehouse: str | Path | None = None):
    """(locked-down read-only connection, path read): the last published snapshot of the warehouse."""
    database = database_to_read(warehouse)
    return locked_down_connection(database), database


# ----------------------------------------------------------------------------- query files
@dataclass
class QueryFile:
    """An example query: its SQL, its documentation and its declared parameters (name -> default)."""

    name: str
    path: Path
    sql: str
    doc: str
    params: dict[str, str] = field(default_factory=dict)
    param_docs: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "'" else value


def parse_query_file(path: str | Path) -> QueryFile:
    path = Path(path)
    sql = path.read_text(encoding="utf-8")
    doc_lines, params, param_docs = [], {}, {}
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            if stripped:
                break
            continue
        match = PARAM_LINE.match(stripped)
        if match:
            params[match["name"]] = _unquote(match["default"])
            param_docs[match["name"]] = match["doc"].strip()
        else:
            doc_lines.append(stripped[2:].strip())
    doc = "\n".join(doc_lines).strip()
    return QueryFile(name=path.stem, path=path, sql=sql, doc=doc, params=params, param_docs=param_docs)


def example_queries(folder: Path = QUERIES_DIR) -> list[QueryFile]:
    """Every example query in warehouse/queries/, by name."""
    return [parse_query_file(p) for p in sorted(Path(folder).glob("*.sql"))]


def find_query_file(text: str, folder: Path = QUERIES_DIR) -> QueryFile | None:
    """The query file named by text (an example name, or a path to a .sql file), else None (text is SQL)."""
    candidate = text.strip()
    if "\n" in candidate or " " in candidate:
        return None
    by_name = Path(folder) / (candidate if candidate.endswith(".sql") else candidate + ".sql")
    if by_name.exists():
        return parse_query_file(by_name)
    as_path = Path(candidate).expanduser()
    if as_path.suffix == ".sql" and as_path.exists():
        return parse_query_file(as_path)
    if as_path.suffix == ".sql" or re.fullmatch(r"[A-Za-z_]\w*", candidate):
        names = ", ".join(q.name for q in example_queries(folder))
        raise ValueError(f"no example query or .sql file named {candidate!r} (examples: {names})")
    return None


# ----------------------------------------------------------------------------- running
@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    database: Path
    elapsed_s: float


def run_sql(
    con,
    sql: str,
    params: Mapping[str, Any] | None = None,
) -> tuple[list[str], list[tuple]]:
    """Set the session variables, run the SQL (the last statement's rows are returned)."""
    for name, value in (params or {}).items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ValueError(f"bad parameter name: {name!r}")
        con.execute(f"set variable {name} = ?", [value])
    cursor = con.execute(sql)
    if cursor.description is None:
        return [], []
    columns = [d[0] for d in cursor.description]
    return columns, cursor.fetchall()


def run_query(
    sql_or_name: str,
    params: Mapping[str, Any] | None = None,
    warehouse: str | Path | None = None,
) -> QueryResult:
    """Run SQL text, an example query name or a .sql file on the last published snapshot of the warehouse."""
    query_file = find_query_file(sql_or_name)
    values: dict[str, Any] = {}
    if query_file is not None:
        values.update(query_file.params)
        unknown = set(params or {}) - set(query_file.params)
        if unknown:
            raise ValueError(f"{query_file.name} has no parameter {sorted(unknown)}; it takes {sorted(query_file.params)}")
        sql = query_file.sql
    else:
        sql = sql_or_name
    values.update(params or {})
    started = time.monotonic()
    con, database = open_for_reading(warehouse)
    try:
        columns, rows = run_sql(con, sql, values)
    finally:
        con.close()
    return QueryResult(columns=columns, rows=rows, database=database, elapsed_s=time.monotonic() - started)


# ----------------------------------------------------------------------------- formatting
def plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO strings, decimals as floats, lists and structs recursively."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def cell_text(value: Any, width: int | None = None, null: str = "NULL") -> str:
    """One cell as text: ``null`` for None, lists joined by ', ', cut to width characters."""
    if value is None:
        text = null
    elif isinstance(value, (list, tuple)):
        text = ", ".join(cell_text(v, null=null) for v in value)
    elif isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1e15 else str(value)
    else:
        text = str(plain(value))
    text = " ".join(text.split())
    if width and len(text) > width:
        text = text[: max(width - 1, 1)] + "…"
    return text


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60,
                 max_rows: int | None = None) -> str:
    """A plain-text table with a header rule, and a count line."""
    shown = list(rows if max_rows is None else rows[:max_rows])
    body = [[cell_text(v, max_width) for v in row] for row in shown]
    widths = [len(c) for c in columns]
    for row in body:
        widths = [max(w, len(v)) for w, v in zip(widths, row)]
    numeric = [
        all(isinstance(r[i], (int, float, decimal.Decimal)) and not isinstance(r[i], bool) for r in shown if r[i] is not None)
        and any(r[i] is not None for r in shown)
        for i in range(len(columns))
    ]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in body]
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
    if len(shown) < len(rows):
        count += f", {len(shown)} shown; use --max-rows 0, --csv or --json for all"
    out.append(count + ")")
    return "\n".join(out)


def format_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            "" if v is None else json.dumps(plain(v), ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else plain(v)
            for v in row
        )
    return buffer.getvalue()


def format_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A JSON array of objects, one per row."""
    return json.dumps([{c: plain(v) for c, v in zip(columns, row)} for row in rows], ensure_ascii=False, indent=2)


# What markdown (and the HTML inside it) would read as markup: names come from file names, .jsonl ids and
# article text, and the Dagster UI renders markdown metadata. HTML characters become entities, markdown
# punctuation is backslash-escaped, so a name like `<img src=x onerror=...>.txt` shows as itself.
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_MARKDOWN_PUNCTUATION = set("\\`*_[]|~")
MARKDOWN_NULL = "—"  # a missing value in a preview: a dash, not the word NULL a reader may take for data


def markdown_text(text: str) -> str:
    """Plain text safe inside markdown (a table cell): no tag, link, image or emphasis survives."""
    return "".join(_HTML_ENTITIES.get(c) or (f"\\{c}" if c in _MARKDOWN_PUNCTUATION else c) for c in str(text))


def format_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int | None = 60) -> str:
    """A markdown table (every cell escaped with markdown_text, long cells cut, NULL shown as —): previews in
    the Dagster UI."""
    header = "| " + " | ".join(markdown_text(c) for c in columns) + " |"
    rule = "|" + "|".join("---" for _ in columns) + "|"
    body = ["| " + " | ".join(markdown_text(cell_text(v, max_width, null=MARKDOWN_NULL)) for v in row) + " |"
            for row in rows]
    return "\n".join([header, rule, *body])


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """NAME=VALUE strings to a dict."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--param expects NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def list_examples() -> str:
    lines = []
    for query in example_queries():
        lines.append(f"{query.name}: {query.title}")
        for name, default in query.params.items():
            doc = query.param_docs.get(name)
            lines.append(f"    --param {shlex.quote(name + '=' + default)}" + (f"    ({doc})" if doc else ""))
    return "\n".join(lines)
