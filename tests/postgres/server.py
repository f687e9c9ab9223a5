"""A throw-away PostgreSQL server for the tests: Debian's binaries, a temp data dir, a loopback port.

``start()`` finds the server binaries (installing Debian's ``postgresql`` package with apt-get when
they are missing and we are root), runs ``initdb`` and ``pg_ctl start`` as a non-root user (the
``postgres`` account when we are root, else ourselves) on 127.0.0.1 and a free port, with
durability off (fsync, synchronous_commit, full_page_writes) since the data is disposable.
``stop()`` shuts it down and removes the folder. ``Unavailable`` says why a server cannot be had.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

APT_TIMEOUT_S = 900


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here (the message says why)."""


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(os.path.realpath(initdb)).parent if initdb else None


def _install() -> None:
    """apt-get install postgresql (Debian's server packages), as root only."""
    if os.geteuid() != 0:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found, and not root to apt-get install postgresql")
    if not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL server binaries not found and no apt-get to install them")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=APT_TIMEOUT_S)
        if done.returncode != 0:
            raise Unavailable(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    bin_dir: Path
    root: Path
    port: int
    run_as: str | None  # account that owns and runs the server (None: ourselves)
    host: str = "127.0.0.1"
    user: str = "postgres"
    databases: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        kwargs = {"user": self.run_as} if self.run_as else {}
        done = subprocess.run([str(self.bin_dir / args[0]), *args[1:]], capture_output=True, text=True,
                              timeout=timeout, cwd=self.root, **kwargs)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise Unavailable(f"{args[0]} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}\n{tail}")
        return done

    def env(self, database: str) -> dict[str, str]:
        """libpq variables for one database (what dbt's postgres target and psycopg2 read)."""
        return {"PGHOST": self.host, "PGPORT": str(self.port), "PGUSER": self.user,
                "PGPASSWORD": "unused", "PGDATABASE": database, "PGSSLMODE": "disable"}

    def connect(self, database: str = "postgres"):
        import psycopg2

        return psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname=database, sslmode="disable")

    def create_database(self, name: str) -> None:
        con = self.connect()
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute(f'create database "{name}"')
        con.close()
        self.databases.append(name)

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", timeout=60)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start() -> Server:
    """A running server with trust authentication for `postgres` on 127.0.0.1."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        _install()
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise Unavailable("apt-get install postgresql succeeded but initdb is still not found")
    run_as = None
    as_root = os.geteuid() == 0
    # as root, the folder must be reachable by the `postgres` account: not under a private $TMPDIR
    root = Path(tempfile.mkdtemp(prefix="pg_test_", dir="/tmp" if as_root else None))
    if as_root:  # the server refuses to run as root
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            raise Unavailable("running as root and there is no `postgres` account to run the server as") from None
        os.chown(root, account.pw_uid, account.pw_gid)
        run_as = "postgres"
    server = Server(bin_dir=bin_dir, root=root, port=_free_port(), run_as=run_as)
    try:
        server._run("initdb", "-D", str(server.data), "-U", server.user, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync")
        def options() -> str:
            return " ".join([
                f"-p {server.port}", f"-k {root}", "-c listen_addresses=127.0.0.1",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=50",
            ])

        for attempt in range(3):  # the free port may be taken between the probe and the start
            try:
                server._run("pg_ctl", "-D", str(server.data), "-l", str(root / "server.log"), "-o", options(),
                            "-w", "-t", "60", "start", timeout=90)
                break
            except Unavailable:
                if attempt == 2:
                    raise
                server.port = _free_port()
                time.sleep(0.5)
        return server
    except BaseException:
        server.stop()
        raise
