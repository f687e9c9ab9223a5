"""A real PostgreSQL server for the tests in this folder (see server.py), started once per session.

Where no server can be had (no binaries and not root to apt-get them) the tests are skipped with
the reason, unless CI or REQUIRE_POSTGRES is set: then they fail, so CI never skips them silently.
"""
import os

import pytest

from tests.postgres import server as pg


@pytest.fixture(scope="session")
def pg_server():
    try:
        running = pg.start()
    except pg.Unavailable as exc:
        if os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here (CI/REQUIRE_POSTGRES set): {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        yield running
    finally:
        running.stop()
