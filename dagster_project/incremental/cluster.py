"""The NLP stage on a Dask cluster: the same chunks of articles as the local worker processes, sent to
the workers of a running ``dask scheduler``. No Dagster here.

Only the extraction moves: each worker loads the spaCy pipeline once (``SpacyModelPlugin``, run when
a worker joins; ``load_nlp`` is cached per process), chunks of articles go out, their rows come back
in input order, and the Dagster process stays the single DuckDB writer. A worker running another
extractor version (another image, other rules) refuses the work, so the parse log never records
rows under a version that did not make them. A chunk whose worker dies is re-run elsewhere by Dask;
an article that kills every worker it lands on fails alone (``KilledWorker``), as a parse error.

``distributed`` is the ``cluster`` extra: this module is imported only when an address is configured.
"""
from __future__ import annotations

import subprocess

from distributed import Client, WorkerPlugin

PLUGIN_NAME = "news-warehouse-spacy-model"


class WrongExtractorVersion(RuntimeError):
    """A worker's extraction code or rules differ from the client's: its rows would be logged under the wrong version."""


def _extractor_version() -> str:
    from dagster_project.extraction import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


class SpacyModelPlugin(WorkerPlugin):
    """Loads the French pipeline once in every worker, when it joins, before any article reaches it."""

    def setup(self, worker) -> None:
        from dagster_project.extraction.pipeline import load_nlp

        load_nlp()


def run_checked(expected_version: str, function, *args):
    """Run ``function(*args)`` on a worker, if the worker's extractor version is the client's."""
    found = _extractor_version()
    if found != expected_version:
        raise WrongExtractorVersion(f"this worker runs extractor {found}, the pipeline expects {expected_version}: "
                                    "deploy the same dagster_project on the workers")
    return function(*args)


class DaskExtractionWorkers:
    """The workers of a Dask cluster, behind the interface of ``extraction.pipeline.ExtractionWorkers``.

    ``pool.submit(function, chunk)`` returns a future with ``result()`` and ``cancel()``;
    ``max_workers`` is the number of worker threads (one spaCy pipeline per process: run workers with
    ``--nthreads 1``). Connecting registers the model plugin and waits for ``min_workers`` workers.
    """

    remote = True
    warm_up: list = []  # the plugin has loaded the model on every worker

    def __init__(self, address: str, timeout_s: float = 60.0, min_workers: int = 1):
        self.address = address
        self.client = Client(address, timeout=timeout_s, set_as_default=False)
        try:
            self.client.wait_for_workers(max(1, min_workers), timeout=timeout_s)
            self.client.register_plugin(SpacyModelPlugin(), name=PLUGIN_NAME)
            self.expected_version = _extractor_version()
            versions = self.client.run(_extractor_version)
            wrong = {worker: v for worker, v in versions.items() if v != self.expected_version}
            if wrong:
                raise WrongExtractorVersion(f"workers with another extractor version than {self.expected_version}: {wrong}")
        except BaseException:
            self.client.close()
            raise
        self.pool = self

    @property
    def max_workers(self) -> int:
        """Worker threads in the cluster now (it may grow or shrink between runs)."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, function, *args):
        return self.client.submit(run_checked, self.expected_version, function, *args, pure=False)

    def extract_one(self, article_id: str, text: str, published):
        """One article's rows, extracted on the cluster (the fallback that isolates a failing article)."""
        from dagster_project.extraction.pipeline import extract_chunk

        [(_, rows)] = self.submit(extract_chunk, [(article_id, text, published)]).result()
        return rows

    def describe(self) -> str:
        return f"the Dask cluster at {self.address} ({self.max_workers} worker threads)"

    def close(self) -> None:
        """Disconnect; the cluster and its loaded models stay for the next run."""
        self.client.close()


def stop_processes(processes: list, timeout: float = 30) -> None:
    """Stop the processes of a local cluster (scheduler first started, stopped last): terminate, then
    kill what has not exited after `timeout` seconds."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)
