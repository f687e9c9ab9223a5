"""dbt's per-invocation target folders do not pile up."""
import os

from dagster_project.storage.dbt_artifacts import prune_invocation_dirs


def test_only_the_newest_invocation_folders_are_kept(tmp_path):
    folders = []
    for i in range(8):
        folder = tmp_path / f"dbt_warehouse-run{i}-abc{i}"
        (folder / "compiled").mkdir(parents=True)
        os.utime(folder, (1_000_000 + i, 1_000_000 + i))
        folders.append(folder)
    (tmp_path / "manifest.json").write_text("{}")
    prune_invocation_dirs(folders[-1], keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f.name for f in folders[-3:]] + ["manifest.json"])
