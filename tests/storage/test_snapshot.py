"""The read snapshot: two processes, a writer publishing snapshots and a reader querying them all the while."""
import json
import os
import subprocess
import sys
import time

import duckdb

from dagster_project.storage.snapshot import connect_read_snapshot, publish_snapshot

READER = r'''
import json, sys, time
import duckdb

target, stop = sys.argv[1], sys.argv[2]
expected = {"A": 1000, "B": 2000}
seen, errors, reads = {}, [], 0
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        con = duckdb.connect(target, read_only=True)
        try:
            [(version, counts)] = con.execute("select version, mart_row_counts from _snapshot.info").fetchall()
            facts = con.execute("select count(*), sum(value) from marts.facts").fetchall()[0]
            dims = con.execute("select count(*) from marts.dims").fetchall()[0][0]
            time.sleep(0.01)  # hold the snapshot open while the writer publishes the next one
            n = expected[version]
            if facts != (n, n * (n - 1) // 2) or dims != n or json.loads(counts) != {"dims": n, "facts": n}:
                errors.append(f"inconsistent snapshot {version}: facts={facts} dims={dims} info={counts}")
            seen[version] = seen.get(version, 0) + 1
            reads += 1
        finally:
            con.close()
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    import os
    if os.path.exists(stop) and len(seen) == 2:
        break
print(json.dumps({"seen": seen, "errors": errors[:10], "reads": reads}))
'''


def _source(path, n: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute(f"create table marts.facts as select range as id, range as value from range({n})")
    con.execute(f"create table marts.dims as select range as id from range({n})")
    con.close()


def test_readers_never_block_the_writer_nor_see_a_partial_snapshot(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    _source(a, 1000)
    _source(b, 2000)
    target = tmp_path / "warehouse.read.duckdb"
    publish_snapshot(a, target, {"version": "A"})
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(target), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        slowest = 0.0
        for i in range(24):
            source, version = (b, "B") if i % 2 == 0 else (a, "A")
            started = time.monotonic()
            # the writer opens its own file read-write (checkpoint) and replaces the snapshot the reader holds open
            publish_snapshot(source, target, {"version": version})
            slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.03)
        stop.touch()
        out, _ = reader.communicate(timeout=90)
    finally:
        if reader.poll() is None:
            reader.kill()
    report = json.loads(out)
    assert report["errors"] == []
    assert report["reads"] >= 20 and set(report["seen"]) == {"A", "B"}
    assert slowest < 5, f"a publish took {slowest:.1f}s: blocked by the reader?"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]  # no temporary copy left behind
    with connect_read_snapshot(target) as con:
        assert con.execute("select version from _snapshot.info").fetchall() == [("A",)]


def test_a_reader_can_query_while_the_writer_holds_the_warehouse(tmp_path):
    """The main file is locked by its writer; the snapshot is not."""
    source = tmp_path / "w.duckdb"
    _source(source, 10)
    target = tmp_path / "w.read.duckdb"
    publish_snapshot(source, target, {"version": "A"})
    writer = duckdb.connect(str(source))  # a refresh in progress
    try:
        writer.execute("insert into marts.facts values (99, 99)")
        probe = subprocess.run(
            [sys.executable, "-c",
             "import duckdb, sys\n"
             "con = duckdb.connect(sys.argv[1], read_only=True)\n"
             "print(con.execute('select count(*) from marts.facts').fetchall()[0][0])\n",
             str(target)],
            capture_output=True, text=True, timeout=60,
        )
        assert probe.returncode == 0, probe.stderr
        assert probe.stdout.strip() == "10"  # the last published state, not the refresh's half-done one
    finally:
        writer.close()


def test_missing_snapshot_is_a_clear_error(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="run refresh_warehouse once"):
        connect_read_snapshot(tmp_path / "nothing.read.duckdb")
