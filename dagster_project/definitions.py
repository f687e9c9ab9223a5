"""Dagster entry point: every definition lives under ``dagster_project/defs/`` (one folder per concern)."""
from __future__ import annotations

from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    """Load ingest, nlp, warehouse (dbt) and quality definitions from the defs folder."""
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
