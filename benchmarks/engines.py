"""Extraction engines compared: local worker processes, a local Dask cluster, a local Ray cluster.

    .venv/bin/pip install -e ".[bench-ray]"          # ray: for this benchmark only, not a product dependency
    .venv/bin/python benchmarks/engines.py --n 1000 --repeat 2
    .venv/bin/python benchmarks/engines.py --n 200 --kill-after 10 --engines dask,ray   # a worker killed mid-run

The same first N articles of ../shared/corpus/news_10k.jsonl.gz (id, text, the date of
``published_time``) go through the product's extraction path, ``SpacyExtractor.many`` (chunks of 32
articles, 4 in flight, rows streamed back in input order), with three engines behind its ``workers``
interface, each on 2 workers of one thread:

* ``local``: ``ExtractionWorkers(max_workers=2)``, the spawned processes of a default run;
* ``dask``: ``DaskExtractionWorkers`` (dagster_project/incremental/cluster.py) on a ``dask scheduler`` and
  two ``dask worker --nthreads 1`` processes on 127.0.0.1, started as ``benchmarks/run.py --cluster`` does;
* ``ray``: ``ray.init(num_cpus=2)`` (a local cluster) and one actor per worker (``RayExtractionWorkers``
  below): the actor loads the model in its constructor, chunks go to the actor with the fewest chunks
  pending, the futures are read in submission order. It lives here, not in dagster_project: Ray is
  measured, not shipped.

Each engine runs in a child process of its own (so its cluster and memory are its own); the parent
samples the child's whole process tree (benchmarks/procmon.py: driver, scheduler or raylet/GCS, workers)
and records the load average before and after. Startup = cluster up + the model loaded on both
workers; extraction = the stream of rows; the rows of every run are hashed and must equal those of the
first local run. ``--repeat`` alternates the engines' order; the summary keeps each engine's median.
Results: benchmarks/results/engines_n<N>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procmon import TreeMonitor, _cpu_s, tree_pids  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news_10k.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results"
ENGINES = ("local", "dask", "ray")
N_WORKERS = 2


def read_articles(n: int, corpus: Path = CORPUS) -> list[tuple[str, str, dt.date | None]]:
    """The first n articles of the corpus as (article_id, text, published date)."""
    articles = []
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(articles) >= n:
                break
            record = json.loads(line)
            published = record.get("published_time")
            articles.append((record["id"], record["text"], dt.date.fromisoformat(published[:10]) if published else None))
    if len(articles) < n:
        raise SystemExit(f"the corpus has only {len(articles)} articles")
    return articles


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM (peak resident set) of one process so far."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", status)  # none for a killed process not yet reaped
    return round(int(found.group(1)) / 1024, 1) if found else None


def listening_sockets() -> list[str]:
    """The TCP addresses this process tree listens on (``ss``): where an engine accepts connections."""
    pids = set(tree_pids(os.getpid()))
    try:
        lines = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return []
    out = []
    for line in lines:
        fields = line.split()
        found = [int(pid) for pid in re.findall(r"pid=(\d+)", line)]
        if any(pid in pids for pid in found):
            name = re.search(r'\(\("([^"]+)"', line)
            out.append(f"{fields[3]} {name.group(1) if name else ''}".strip())
    return sorted(out)


def tree_cpu_s() -> float:
    """CPU seconds of this process and its live descendants so far."""
    return sum(_cpu_s(pid) or 0.0 for pid in tree_pids(os.getpid()))


# ---------------------------------------------------------------- the Ray engine (benchmark only)

class RayExtractionWorkers:
    """One Ray actor per worker, behind the interface of ``extraction.pipeline.ExtractionWorkers``
    (``pool.submit(function, *args)`` -> a future with ``result()`` and ``cancel()``; ``max_workers``;
    ``warm_up``; ``remote``; ``extract_one``), the same shape as ``DaskExtractionWorkers``.

    An actor loads the spaCy pipeline once, in its constructor, and checks the extractor version. A
    killed actor is restarted (its model loaded again) and the chunks it held are run again on it
    (``max_restarts``, ``max_task_retries``); Ray does not move an actor's queued chunks to another actor.
    """

    remote = True
    warm_up: list = []

    def __init__(self, workers: int = N_WORKERS, restarts: int = 1):
        import ray

        from dagster_project.extraction import EXTRACTOR_VERSION

        self.ray = ray

        @ray.remote(num_cpus=1, max_restarts=restarts, max_task_retries=restarts)
        class SpacyActor:
            def __init__(self, expected_version: str):
                from dagster_project.extraction import EXTRACTOR_VERSION as found
                from dagster_project.extraction.pipeline import load_nlp

                if found != expected_version:
                    raise RuntimeError(f"this worker runs extractor {found}, the pipeline expects {expected_version}")
                load_nlp()

            def pid(self) -> int:
                return os.getpid()

            def run(self, function, *args):
                return function(*args)

        self.actors = [SpacyActor.remote(EXTRACTOR_VERSION) for _ in range(workers)]
        self.pending: list[list] = [[] for _ in self.actors]
        self.pids = ray.get([actor.pid.remote() for actor in self.actors])  # waits for every model
        self.pool = self

    @property
    def max_workers(self) -> int:
        return len(self.actors)

    def submit(self, function, *args):
        for refs in self.pending:  # forget the chunks already done
            if refs:
                done, _ = self.ray.wait(refs, num_returns=len(refs), timeout=0)
                refs[:] = [ref for ref in refs if ref not in done]
        index = min(range(len(self.actors)), key=lambda i: len(self.pending[i]))
        ref = self.actors[index].run.remote(function, *args)
        self.pending[index].append(ref)
        return _RayFuture(self.ray, ref)

    def extract_one(self, article_id: str, text: str, published):
        from dagster_project.extraction.pipeline import extract_chunk

        [(_, rows)] = self.submit(extract_chunk, [(article_id, text, published)]).result()
        return rows

    def describe(self) -> str:
        return f"{len(self.actors)} Ray actors"

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)


class _RayFuture:
    def __init__(self, ray, ref):
        self.ray, self.ref = ray, ref

    def result(self):
        return self.ray.get(self.ref)

    def cancel(self) -> bool:
        self.ray.cancel(self.ref)
        return True


# ---------------------------------------------------------------- one engine, in a child process

class Engine:
    """Start an engine's workers with the model loaded (``start``), give them to the extraction, stop them."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder
        self.workers = None
        self.cluster = None
        self.worker_pids: list[int] = []
        self.facts: dict = {}

    def start(self) -> None:
        if self.name == "local":
            from dagster_project.extraction.pipeline import ExtractionWorkers

            self.workers = ExtractionWorkers(max_workers=N_WORKERS, warm=N_WORKERS)
            for future in self.workers.warm_up:
                future.result()
            pids: set[int] = set()
            while len(pids) < N_WORKERS:  # a task runs only after its process's initializer loaded the model
                pids |= {f.result() for f in [self.workers.pool.submit(os.getpid) for _ in range(N_WORKERS)]}
                time.sleep(0.05)
            self.worker_pids = sorted(pids)
        elif self.name == "dask":
            from run import LocalDaskCluster

            from dagster_project.incremental.cluster import DaskExtractionWorkers

            self.cluster = LocalDaskCluster(self.folder / "dask", workers=N_WORKERS).__enter__()
            self.workers = DaskExtractionWorkers(self.cluster.address, min_workers=N_WORKERS)  # loads the models
            self.worker_pids = [process.pid for process in self.cluster.workers]
            self.facts["address"] = self.cluster.address
        elif self.name == "ray":
            import ray

            # a short private temp dir: Ray's unix sockets live there, and the machine is shared
            self.ray_tmp = tempfile.mkdtemp(prefix="rb", dir="/tmp")
            # no loopback-only option: ray.init replaces a 127.0.0.1 node address with the host's
            # reachable one (services.resolve_ip_for_localhost) and its servers listen on every interface
            info = ray.init(num_cpus=N_WORKERS, include_dashboard=False, _temp_dir=self.ray_tmp, object_store_memory=256 * 2**20, log_to_driver=False,
                            configure_logging=False)
            self.facts["address"] = info.address_info.get("gcs_address")
            self.facts["ray_version"] = ray.__version__
            self.workers = RayExtractionWorkers(N_WORKERS)
            self.worker_pids = list(self.workers.pids)
        else:
            raise SystemExit(f"unknown engine {self.name}")

    def worker_peak_rss_mb(self) -> list[float | None]:
        return [peak_rss_mb(pid) for pid in self.worker_pids]

    def stop(self) -> None:
        if self.workers is not None:
            self.workers.close()
        if self.name == "dask" and self.cluster is not None:
            self.cluster.__exit__(None, None, None)
        if self.name == "ray":
            import ray

            ray.shutdown()
            shutil.rmtree(self.ray_tmp, ignore_errors=True)


def killer(engine: Engine, after_s: float, record: dict) -> threading.Thread:
    """SIGKILL the first worker process `after_s` seconds into the extraction."""
    def kill() -> None:
        time.sleep(after_s)
        pid = engine.worker_pids[0]
        try:
            os.kill(pid, signal.SIGKILL)
            record["killed_pid"], record["killed_at_s"] = pid, after_s
        except ProcessLookupError:
            record["killed_pid"] = None
    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def child(engine_name: str, n: int, folder: Path, kill_after: float | None) -> dict:
    from dagster_project.incremental.extract import SpacyExtractor

    articles = read_articles(n)
    engine = Engine(engine_name, folder)
    out: dict = {"engine": engine_name, "articles": len(articles)}
    t0 = time.monotonic()
    try:
        engine.start()
        out["startup_s"] = round(time.monotonic() - t0, 2)
        out["listening"] = listening_sockets()
        cpu0 = tree_cpu_s()
        extractor = SpacyExtractor(workers=engine.workers, n_process=N_WORKERS)
        digest, counts, order = hashlib.sha256(), {}, []
        if kill_after is not None:
            killer(engine, kill_after, out)
        t1 = time.monotonic()
        try:
            for article_id, rows in extractor.many(articles):
                order.append(article_id)
                digest.update(json.dumps([article_id, rows], sort_keys=True, default=str).encode())
                for table, table_rows in rows.items():
                    counts[table] = counts.get(table, 0) + len(table_rows)
        except Exception as error:  # a killed worker may end the run: record how
            out["error"] = f"{type(error).__name__}: {error}"[:500]
        out["extract_s"] = round(time.monotonic() - t1, 2)
        out["extract_cpu_s"] = round(tree_cpu_s() - cpu0, 1)  # live processes only: a killed worker's CPU is lost
        out["articles_done"] = len(order)
        out["in_input_order"] = order == [a[0] for a in articles[:len(order)]]
        out["articles_per_s"] = round(len(order) / out["extract_s"], 2) if out["extract_s"] else None
        out["rows_sha256"] = digest.hexdigest()
        out["rows"] = counts
        out["worker_pids"] = engine.worker_pids
        if engine_name == "ray":
            out["worker_pids_after"] = engine.workers.ray.get([a.pid.remote() for a in engine.workers.actors])
            out["worker_peak_rss_mb"] = [peak_rss_mb(pid) for pid in out["worker_pids_after"]]
        else:
            out["worker_peak_rss_mb"] = engine.worker_peak_rss_mb()
    finally:
        t2 = time.monotonic()
        engine.stop()
        out["stop_s"] = round(time.monotonic() - t2, 2)
    out.update(engine.facts)
    return out


# ---------------------------------------------------------------- the parent: runs, medians

def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def run_engine(engine: str, n: int, work: Path, kill_after: float | None) -> dict:
    folder = work / f"{engine}_{time.monotonic_ns()}"
    folder.mkdir(parents=True)
    result_file = folder / "result.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", engine, "--n", str(n),
               "--child-out", str(result_file), "--workdir", str(folder)]
    if kill_after is not None:
        command += ["--kill-after", str(kill_after)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "RAY_USAGE_STATS_ENABLED": "0", "DO_NOT_TRACK": "1"}
    before = {"uptime": uptime(), "loadavg": os.getloadavg()}
    started = time.monotonic()
    with open(folder / "child.log", "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        with TreeMonitor(process.pid) as monitor:
            code = process.wait()
    wall = round(time.monotonic() - started, 2)
    if code != 0 or not result_file.exists():
        tail = (folder / "child.log").read_text(errors="replace")[-3000:]
        raise SystemExit(f"{engine} failed ({code}); log {folder / 'child.log'}:\n{tail}")
    result = json.loads(result_file.read_text())
    result.update({"process_wall_s": wall, "tree": monitor.as_dict(), "load_before": before,
                   "load_after": {"uptime": uptime(), "loadavg": os.getloadavg()}})
    return result


def summarise(runs: list[dict]) -> dict:
    reference = next((r for r in runs if r["engine"] == "local"), runs[0])  # rows compared to the local run
    engines = [e for e in ENGINES if any(r["engine"] == e for r in runs)]
    by_engine = {e: [r for r in runs if r["engine"] == e] for e in engines}

    def median(e, key):
        return round(statistics.median(r[key] for r in by_engine[e]), 2)

    local_s = median("local", "extract_s") if "local" in by_engine else None
    summary: dict = {"articles": reference["articles"], "engines": {}}
    for e, rs in by_engine.items():
        extract_s = median(e, "extract_s")
        summary["engines"][e] = {
            "runs": len(rs),
            "rows_equal_to_local": all(r["rows_sha256"] == reference["rows_sha256"] for r in rs),
            "extract_s": [r["extract_s"] for r in rs],
            "extract_s_median": extract_s,
            "articles_per_s_median": round(reference["articles"] / extract_s, 2),
            "overhead_vs_local_pct": round(100 * (extract_s / local_s - 1), 1) if local_s else None,
            "extract_cpu_ms_per_article_median": round(
                1000 * statistics.median(r["extract_cpu_s"] for r in rs) / reference["articles"], 1),
            "startup_s": [r["startup_s"] for r in rs],
            "startup_s_median": median(e, "startup_s"),
            "stop_s_median": median(e, "stop_s"),
            "peak_rss_tree_mb_median": round(statistics.median(r["tree"]["peak_rss_tree_mb"] for r in rs), 1),
            "peak_pss_tree_mb_median": round(statistics.median(r["tree"]["peak_pss_tree_mb"] for r in rs), 1),
            "peak_processes": max(r["tree"]["peak_processes"] for r in rs),
            "worker_peak_rss_mb": [r["worker_peak_rss_mb"] for r in rs],
            "load_1min_before_after": [[round(r["load_before"]["loadavg"][0], 2),
                                        round(r["load_after"]["loadavg"][0], 2)] for r in rs],
            "load_avg_mean_during": [r["tree"]["load_avg_mean"] for r in rs],
        }
    return summary


def install_sizes() -> dict:
    """Installed size (MB) of each engine's own packages in this environment (their shared
    dependencies, already needed by the product, left out)."""
    from importlib.metadata import PackageNotFoundError, distribution

    def size(name: str) -> float | None:
        try:
            files = distribution(name).files or []
        except PackageNotFoundError:
            return None
        total = 0
        for f in files:
            path = f.locate()
            if path.exists():
                total += path.stat().st_size
        return round(total / 2**20, 1)

    return {"ray": {p: size(p) for p in ("ray",)},
            "dask": {p: size(p) for p in ("dask", "distributed", "tornado", "zict", "sortedcontainers", "tblib",
                                          "partd", "locket", "toolz", "cloudpickle")}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--kill-after", type=float, help="SIGKILL one worker this many seconds into the extraction")
    parser.add_argument("--out", help="default: benchmarks/results/engines_n<N>.json")
    parser.add_argument("--workdir", help="child logs and cluster files (default: a temp dir, removed)")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.n, Path(args.workdir), args.kill_after)
        Path(args.child_out).write_text(json.dumps(result, indent=2, default=str))
        return 0

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix=f"engines_n{args.n}_"))
    work.mkdir(parents=True, exist_ok=True)
    from run import machine

    result: dict = {"n": args.n, "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                    "workers": N_WORKERS, "kill_after_s": args.kill_after, "install_mb": install_sizes(), "runs": []}
    for i in range(args.repeat):
        order = engines if i % 2 == 0 else engines[::-1]  # alternate: a drifting load favours no engine
        for engine in order:
            print(f"[engines] {engine} {i + 1}/{args.repeat} (load {os.getloadavg()[0]:.2f}) ...", flush=True)
            run = run_engine(engine, args.n, work, args.kill_after)
            print(f"[engines] {engine}: startup {run['startup_s']} s, extraction {run['extract_s']} s "
                  f"({run['articles_per_s']} articles/s), {run['articles_done']} articles"
                  + (f", error {run['error']}" if run.get("error") else ""), flush=True)
            result["runs"].append(run)
    if args.kill_after is None:
        result["summary"] = summarise(result["runs"])
    else:  # each engine against a run of the local processes that nobody killed
        print("[engines] local, no worker killed (the reference rows) ...", flush=True)
        result["reference"] = run_engine("local", args.n, work, None)
        result["summary"] = {r["engine"]: {
            **{k: r.get(k) for k in ("articles_done", "in_input_order", "error", "killed_pid", "extract_s",
                                     "worker_pids", "worker_pids_after")},
            "rows_equal_to_unkilled_local": r["rows_sha256"] == result["reference"]["rows_sha256"],
        } for r in result["runs"]}
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = Path(args.out) if args.out else RESULTS / f"engines_n{args.n}{'_kill' if args.kill_after else ''}.json"
    out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result["summary"], indent=2))
    print(f"[engines] results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
