"""The NLP stage on a real Dask cluster: a scheduler and two workers, each its own process on loopback,
run the extraction of refresh_warehouse on seeds/; the marts must equal the local build's row for row.

The reference is the session's local seed run (tests/conftest.py::seed_pipeline).
"""
import json
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.incremental.cluster import stop_processes
from dagster_project.storage.contracts import EXTRACTION_TABLES
from tests.helpers import pipeline_resources

pytestmark = pytest.mark.integration

DASK = str(Path(sys.executable).parent / "dask")
N_WORKERS = 2


class LocalDaskCluster:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, stopped by their own process ids."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.address = ""

    def _start(self, name: str, args: list[str]) -> None:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        self.processes.append(subprocess.Popen([DASK, *args], stdout=log, stderr=subprocess.STDOUT,
                                               cwd=self.folder, start_new_session=True))

    def start(self, timeout_s: float = 180.0) -> str:
        scheduler_file = self.folder / "scheduler.json"
        self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0",
                                  "--scheduler-file", str(scheduler_file)])
        deadline = time.monotonic() + timeout_s
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, f"no scheduler:\n{self.logs()}"
            assert self.processes[0].poll() is None, f"the scheduler stopped:\n{self.logs()}"
            time.sleep(0.2)
        time.sleep(0.2)  # the file is written in one go, but give it its last bytes
        self.address = json.loads(scheduler_file.read_text())["address"]
        assert self.address.startswith("tcp://127.0.0.1:")
        for i in range(N_WORKERS):
            self._start(f"worker{i}", ["worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                                       "--no-nanny", "--dashboard-address", "127.0.0.1:0", "--name", f"worker{i}"])
        return self.address

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(self.folder.glob("*.log")))

    def stop(self) -> None:
        stop_processes(self.processes)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    from distributed import Client

    cluster = LocalDaskCluster(tmp_path_factory.mktemp("dask"))
    try:
        address = cluster.start()
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(N_WORKERS, timeout=180)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def cluster_run(dask_cluster, seed_pipeline, tmp_path_factory):
    """refresh_warehouse on seeds/ with the cluster's address given as the nlp_workers resource's config."""
    from dagster_project.definitions import defs

    warehouse = tmp_path_factory.mktemp("cluster_warehouse") / "warehouse.duckdb"
    job = defs().resolve_job_def("refresh_warehouse")
    # one document per nlp.pipe batch: chunks of two articles, so that both workers get some
    resources = pipeline_resources(warehouse, nlp_cluster_address=dask_cluster.address, nlp_batch_size=1)
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False, resources=resources)
    assert result.success, dask_cluster.logs()
    return result, warehouse


def _tasks_per_worker(address: str) -> dict[str, int]:
    from distributed import Client

    with Client(address, timeout=60, set_as_default=False) as client:
        return client.run(lambda dask_worker: dask_worker.state.executed_count)


def _sorted_rows(path: Path, tables: list[str]) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}


def _mart_tables(path: Path) -> list[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return [f'marts."{r[0]}"' for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]


def test_the_extraction_ran_on_both_workers(cluster_run, dask_cluster):
    result, _ = cluster_run
    extraction = result.asset_materializations_for_node("nlp_extraction")
    statements = next(m for m in extraction if m.asset_key == dg.AssetKey(["nlp", "statements"]))
    assert statements.metadata["articles_parsed"].value == 5
    assert statements.metadata["n_process"].value == N_WORKERS  # every worker thread of the cluster
    tasks = _tasks_per_worker(dask_cluster.address)
    assert len(tasks) == N_WORKERS and all(n >= 1 for n in tasks.values()), tasks


def test_the_marts_equal_the_local_build_row_for_row(cluster_run, seed_pipeline):
    _, warehouse = cluster_run
    assert seed_pipeline.result.success
    tables = _mart_tables(seed_pipeline.warehouse)
    assert len(tables) >= 7 and _mart_tables(warehouse) == tables
    local, cluster = _sorted_rows(seed_pipeline.warehouse, tables), _sorted_rows(warehouse, tables)
    for table in tables:
        assert local[table], f"{table} is empty in the local build"
        assert cluster[table] == local[table], f"{table} differs between the cluster and the local build"


def test_the_nlp_rows_equal_the_local_build(cluster_run, seed_pipeline):
    _, warehouse = cluster_run
    tables = [f"nlp.{name}" for name in EXTRACTION_TABLES]
    local, cluster = _sorted_rows(seed_pipeline.warehouse, tables), _sorted_rows(warehouse, tables)
    assert sum(len(rows) for rows in local.values()) > 100
    assert cluster == local



def test_the_cluster_listens_on_loopback_only(dask_cluster):
    """The scheduler and the workers, their protocol and HTTP servers alike (``--no-dashboard`` would
    still leave the HTTP server on every interface)."""
    import psutil

    addresses = []
    for process in dask_cluster.processes:
        connections = psutil.Process(process.pid).net_connections(kind="inet")
        addresses += [c.laddr.ip for c in connections if c.status == psutil.CONN_LISTEN]
    assert len(addresses) >= 2 * (1 + N_WORKERS), addresses  # a protocol and an HTTP server per process
    assert set(addresses) == {"127.0.0.1"}, addresses
