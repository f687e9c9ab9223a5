"""Accuracy on a gold file, measured by an outside scorer (``../shared/eval/score.py`` or $SCORER_PATH).

``score_warehouse`` runs the scorer when $GOLD_PATH names a gold file; ``accuracy_numbers`` picks
each mart's headline numbers from its result.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dagster_project import settings
from dagster_project.query import format_markdown

GOLD_PATH_ENV = "GOLD_PATH"
SCORER_PATH_ENV = "SCORER_PATH"
DEFAULT_SCORER = settings.PROJECT_ROOT.parent / "shared" / "eval" / "score.py"


def gold_path() -> Path | None:
    """$GOLD_PATH (relative = from the project root) if set and the file exists, else None."""
    value = os.environ.get(GOLD_PATH_ENV, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = settings.PROJECT_ROOT / path
    return path.resolve() if path.exists() else None


def scorer_path() -> Path | None:
    value = os.environ.get(SCORER_PATH_ENV, "").strip()
    path = Path(value).expanduser() if value else DEFAULT_SCORER
    if not path.is_absolute():
        path = settings.PROJECT_ROOT / path
    return path if path.exists() else None


def score_warehouse(warehouse: Path, gold: Path | None = None, timeout_s: float = 300.0, log=None) -> dict | None:
    """The scorer's JSON result for the warehouse, or None (no gold configured, no scorer, or it failed)."""
    gold = gold or gold_path()
    scorer = scorer_path()
    if gold is None or scorer is None:
        if os.environ.get(GOLD_PATH_ENV) and log:
            log.warning(f"accuracy not computed: gold {os.environ.get(GOLD_PATH_ENV)!r} or scorer {scorer} not found")
        return None
    with tempfile.TemporaryDirectory(prefix="score_") as tmp:
        out = Path(tmp) / "score.json"
        command = [sys.executable, str(scorer), "--warehouse", str(warehouse), "--gold", str(gold), "--json", str(out)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            if log:
                log.warning(f"scorer timed out after {timeout_s:.0f}s")
            return None
        if done.returncode != 0 or not out.exists():
            if log:
                log.warning(f"scorer failed (exit {done.returncode}): {done.stderr[-1000:]}")
            return None
        result = json.loads(out.read_text(encoding="utf-8"))
    result["_gold"] = str(gold)
    result["_report"] = done.stdout
    return result


def _num(value: Any) -> float | None:
    return round(float(value), 4) if isinstance(value, (int, float)) else None


def accuracy_numbers(score: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """Per mart, the scorer's headline numbers (see ../shared/eval/README.md for their meaning)."""
    articles = score.get("articles") or {}
    actors = score.get("actors") or {}
    meetings = score.get("meetings") or {}
    statements = (score.get("statements") or {}).get("at_0.5") or {}
    strict = meetings.get("strict") or {}
    lenient = meetings.get("lenient") or {}
    participants = meetings.get("participants_micro") or {}
    match = statements.get("match") or {}
    attribution = statements.get("attribution") or {}
    numbers = {
        "dim_articles": {"accuracy_published_date": _num(articles.get("published_date_accuracy"))},
        "dim_actors": {
            "accuracy_actor_resolution": _num(actors.get("resolution_accuracy")),
            "accuracy_actor_resolution_lenient": _num(actors.get("resolution_accuracy_lenient")),
        },
        "fct_meetings": {
            "accuracy_meetings_precision": _num(strict.get("precision")),
            "accuracy_meetings_recall": _num(strict.get("recall")),
            "accuracy_meetings_f1": _num(strict.get("f1")),
            "accuracy_meetings_lenient_f1": _num(lenient.get("f1")),
        },
        "bridge_meeting_participants": {"accuracy_participants_f1": _num(participants.get("f1"))},
        "fct_statements": {
            "accuracy_statements_precision": _num(match.get("precision")),
            "accuracy_statements_recall": _num(match.get("recall")),
            "accuracy_statements_f1": _num(match.get("f1")),
            "accuracy_attribution_f1": _num(attribution.get("f1")),
            "accuracy_speaker": _num(statements.get("speaker_accuracy")),
        },
    }
    return {mart: {k: v for k, v in values.items() if v is not None} for mart, values in numbers.items()}


def accuracy_metadata(score: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Per mart, its accuracy numbers (floats, so the UI plots them run after run) and the gold file."""
    if not score:
        return {}
    return {mart: {**values, "accuracy_gold": score.get("_gold", "")} for mart, values in accuracy_numbers(score).items()}


def accuracy_markdown(score: Mapping[str, Any] | None) -> str:
    """All headline numbers as one markdown table."""
    if not score:
        return "_no gold file configured (set GOLD_PATH, e.g. ../shared/gold/seeds.yaml)_"
    rows = [(mart, key.removeprefix("accuracy_"), value)
            for mart, values in accuracy_numbers(score).items() for key, value in values.items()]
    return format_markdown(["mart", "measure", "value"], rows)
