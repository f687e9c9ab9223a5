"""The cluster engine's guard, without a cluster: a worker with another extractor version refuses the work."""
import pytest

from dagster_project.extraction import EXTRACTOR_VERSION
from dagster_project.incremental.cluster import WrongExtractorVersion, run_checked


def test_a_worker_with_the_same_extractor_version_runs_the_work():
    assert run_checked(EXTRACTOR_VERSION, lambda chunk: [len(chunk)], ["a", "b"]) == [2]


def test_a_worker_with_another_extractor_version_refuses_the_work():
    with pytest.raises(WrongExtractorVersion, match="deploy the same dagster_project on the workers"):
        run_checked("0.0.0+older", lambda chunk: [len(chunk)], ["a"])
