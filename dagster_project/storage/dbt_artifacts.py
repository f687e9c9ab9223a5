"""dbt's artifacts: the manifest (which models are the marts, their grains) and the per-invocation
target folders that dagster-dbt gives every dbt command (they pile up)."""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

KEEP_INVOCATION_DIRS = 5


def prune_invocation_dirs(current: Path, keep: int = KEEP_INVOCATION_DIRS) -> None:
    """dagster-dbt gives every dbt command its own target folder (~6 MB: manifest, run results,
    compiled SQL); a daily refresh would pile up gigabytes. Keep the newest few for debugging."""
    prefix = current.name.split("-")[0] + "-"
    siblings = sorted((p for p in current.parent.glob(prefix + "*") if p.is_dir()),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in siblings[keep:]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


# ------------------------------------------------------------------------------------- the manifest
# The list of marts and their grains are the dbt project's: read from its manifest, never written again.
def _manifest(manifest: Mapping[str, Any] | str | Path) -> Mapping[str, Any]:
    if isinstance(manifest, Mapping):
        return manifest
    return json.loads(Path(manifest).read_text(encoding="utf-8"))


def mart_models(manifest: Mapping[str, Any] | str | Path) -> list[dict]:
    """The models of the marts folder, by name."""
    nodes = _manifest(manifest)["nodes"].values()
    marts = [n for n in nodes if n["resource_type"] == "model" and len(n["fqn"]) > 2 and n["fqn"][1] == "marts"]
    return sorted(marts, key=lambda n: n["name"])


def mart_names(manifest: Mapping[str, Any] | str | Path) -> list[str]:
    """The names of the marts (dim_*, fct_*, bridge_*), sorted."""
    return [n["name"] for n in mart_models(manifest)]


def grain_column(manifest: Mapping[str, Any] | str | Path, model: Mapping[str, Any]) -> str | None:
    """The column of a model tested both unique and not_null, if there is exactly one."""
    tested: dict[str, set[str]] = {}
    for node in _manifest(manifest)["nodes"].values():
        if node["resource_type"] == "test" and node.get("attached_node") == model["unique_id"] and node.get("column_name"):
            tested.setdefault(node["column_name"], set()).add((node.get("test_metadata") or {}).get("name"))
    grains = [column for column, tests in tested.items() if {"unique", "not_null"} <= tests]
    return grains[0] if len(grains) == 1 else None


def new_id_columns(manifest: Mapping[str, Any] | str | Path) -> dict[str, str]:
    """mart -> grain column, for the marts whose yml asks for new-id counts (``config.meta.count_new_ids``)."""
    manifest = _manifest(manifest)
    out = {}
    for model in mart_models(manifest):
        if (model.get("config", {}).get("meta") or model.get("meta") or {}).get("count_new_ids"):
            column = grain_column(manifest, model)
            if column is None:
                raise ValueError(f"{model['name']} asks for new-id counts but has no single unique, not_null column")
            out[model["name"]] = column
    return out



def project_fingerprint(project_dir: str | Path, *extra: str) -> str:
    """A digest of what the warehouse's relations are built from: the dbt project's configuration and
    every file of its model, macro and seed folders (the yml beside the models too: conservative), the
    installed dbt versions, and ``extra`` (the extractor version). Read from the files, not from a
    manifest that may be older than them. When it changes, rows of unchanged articles may change too:
    the marts are rebuilt whole."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    import yaml

    project_dir = Path(project_dir)
    config = yaml.safe_load((project_dir / "dbt_project.yml").read_text(encoding="utf-8"))
    digest = hashlib.sha256()
    for part in extra:
        digest.update(f"{part}\n".encode())
    for package in ("dbt-core", "dbt-duckdb", "dbt-postgres"):
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError:
            pass
    folders = [*config.get("model-paths", ["models"]), *config.get("macro-paths", ["macros"]),
               *config.get("seed-paths", ["seeds"])]
    files = {project_dir / "dbt_project.yml"}
    for folder in folders:
        files |= {p for p in (project_dir / folder).resolve().rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    for path in sorted(files):
        digest.update(f"{os.path.relpath(path, project_dir.resolve())}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
