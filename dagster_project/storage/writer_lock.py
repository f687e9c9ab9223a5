"""One writer per warehouse, said at the start: a lock file beside the warehouse, held for a whole build.

DuckDB allows one writer per file, but it only says so when the second writer opens the file, which
a second refresh does late, after reading and checking every input. ``WriterLock`` is taken before
anything else: ``fcntl.flock`` on ``warehouse.duckdb.writer.lock``, which the kernel releases when
the holder exits or is killed, so a dead build never leaves a stale lock behind. The holder writes
who it is into the file (run id, pid, host, start time), and ``WarehouseBusy`` names it.

``ProcessIdentity`` says whether a recorded process is still running on this machine (the pid, and
the process's start time so that a reused pid is not taken for the original one).
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

LOCK_SUFFIX = ".writer.lock"


class WarehouseBusy(RuntimeError):
    """Another refresh holds the warehouse's writer lock."""


def _process_start(pid: int) -> str | None:
    """The start time of a process in clock ticks since boot (Linux /proc), or None when unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command name


@dataclass(frozen=True)
class ProcessIdentity:
    """A process: its pid, host and start time (None where /proc is missing)."""

    pid: int
    host: str
    started: str | None

    @classmethod
    def current(cls) -> ProcessIdentity:
        return cls(os.getpid(), socket.gethostname(), _process_start(os.getpid()))

    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()

    def is_alive(self) -> bool | None:
        """True or False for a process of this host; None when it runs elsewhere (cannot tell)."""
        if not self.on_this_host():
            return None
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # exists, under another user
            pass
        if self.started is not None:
            now = _process_start(self.pid)
            if now is not None and now != self.started:  # the pid was reused by another process
                return False
        return True


def lock_path(warehouse: Path) -> Path:
    """warehouse.duckdb -> warehouse.duckdb.writer.lock"""
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + LOCK_SUFFIX)


class WriterLock:
    """The exclusive writer lock of one warehouse file; ``acquire`` never waits."""

    def __init__(self, warehouse: Path):
        self.warehouse = Path(warehouse)
        self.path = lock_path(self.warehouse)
        self._fd: int | None = None

    def holder(self) -> dict | None:
        """What the current holder wrote about itself, if anybody holds the lock."""
        if not self.path.exists():
            return None
        fd = os.open(self.path, os.O_RDWR)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return _read_holder(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def acquire(self, run_id: str | None = None) -> None:
        """Take the lock for this process, or raise WarehouseBusy naming the refresh that holds it."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise WarehouseBusy(busy_message(self.warehouse, holder)) from None
        me = ProcessIdentity.current()
        record = {"run_id": run_id, **asdict(me),
                  "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode("utf-8"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> dict | None:
    try:
        data = os.pread(fd, 4096, 0)
        return json.loads(data) if data.strip() else None
    except (OSError, ValueError):
        return None


def busy_message(warehouse: Path, holder: dict | None) -> str:
    who = ""
    if holder:
        parts = [f"run {holder['run_id']}" if holder.get("run_id") else None,
                 f"pid {holder.get('pid')} on {holder.get('host')}", f"since {holder.get('since')}"]
        who = " (" + ", ".join(p for p in parts if p) + ")"
    return (f"another refresh is running on {warehouse}{who}: DuckDB has one writer, so this one stops "
            "before reading anything. Wait for that refresh to end, then start again.")
