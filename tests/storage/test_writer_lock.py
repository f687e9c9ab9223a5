"""The warehouse's writer lock: one holder, a clear message for the second, gone with a killed holder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project.storage.writer_lock import ProcessIdentity, WarehouseBusy, WriterLock, lock_path

HOLD = r'''
import sys, time
from dagster_project.storage.writer_lock import WriterLock
lock = WriterLock(sys.argv[1]); lock.acquire(run_id="run-in-another-process")
print("held", flush=True); time.sleep(120)
'''


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of tmp_path/warehouse.duckdb."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "warehouse.duckdb")],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_a_second_writer_is_told_another_refresh_is_running(tmp_path, holder):
    lock = WriterLock(tmp_path / "warehouse.duckdb")
    with pytest.raises(WarehouseBusy, match="another refresh is running") as busy:
        lock.acquire(run_id="mine")
    assert f"pid {holder.pid}" in str(busy.value) and "run run-in-another-process" in str(busy.value)
    assert lock.holder()["run_id"] == "run-in-another-process"


def test_a_killed_holder_leaves_no_lock_behind(tmp_path, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = WriterLock(tmp_path / "warehouse.duckdb")
    assert lock.holder() is None
    lock.acquire(run_id="next")
    assert lock_path(tmp_path / "warehouse.duckdb").exists()
    lock.release()


def test_acquire_release_and_reacquire(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    with WriterLock(warehouse) as lock:
        assert lock.path == warehouse.with_name("warehouse.duckdb.writer.lock")
        held = WriterLock(warehouse)
        with pytest.raises(WarehouseBusy):  # flock is per open file: a second handle in the same process too
            held.acquire()
    assert WriterLock(warehouse).holder() is None
    with WriterLock(warehouse):
        pass


def test_process_identity():
    me = ProcessIdentity.current()
    assert me.is_alive() is True
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = ProcessIdentity(int(done.stdout), me.host, None)
    assert gone.is_alive() is False
    if me.started is not None:  # Linux: a reused pid is not the recorded process
        assert ProcessIdentity(me.pid, me.host, str(int(me.started) + 1)).is_alive() is False
    assert ProcessIdentity(me.pid, "another-host.example", me.started).is_alive() is None


def test_lock_file_sits_beside_the_warehouse(tmp_path):
    assert lock_path(Path("/data/w.duckdb")) == Path("/data/w.duckdb.writer.lock")
