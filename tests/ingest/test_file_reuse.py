"""Ingest reads only new and changed files (ingest/file_reuse.py), and its raw tables are those of a
full read of the folder, file added, changed, deleted, or an article shared across files."""
import json
import os
from pathlib import Path

import duckdb

from dagster_project.ingest.file_reuse import FILES_TABLE, ingest_folder
from dagster_project.ingest.raw_tables import write_raw_tables
from dagster_project.ingest.reader import ReadOptions, read_folder

OPTIONS = ReadOptions()
TEXTS = [
    "Ce 16 janvier, le ministre russe des Affaires étrangères, Sergueï Lavrov, s'est entretenu avec son "
    "homologue nord-coréenne, Choe Son-hui, à Moscou.",
    "Le président de la République a reçu mardi à l'Élysée le chancelier allemand pour un dîner de travail.",
    "La ministre des Armées s'est rendue jeudi à Berlin, où elle a rencontré son homologue allemand.",
    "Le Premier ministre a annoncé lundi un nouveau plan pour l'hôpital, présenté en conseil des ministres.",
]


def _records(path: Path, texts: list[str], prefix: str) -> None:
    lines = [json.dumps({"id": f"{prefix}-{i}", "title": f"Titre {prefix} {i}",
                         "published_time": "2024-01-16T10:00:00+01:00", "text": t}, ensure_ascii=False)
             for i, t in enumerate(texts)]
    path.write_text("\n".join(lines + ["pas du json"]) + "\n", encoding="utf-8")


def _tables(con) -> dict:
    return {t: sorted(con.execute(f"select * from raw.{t}").fetchall(), key=repr)
            for t in ("articles", "article_sources", "quarantine")}


def _full_read(folder: Path, tmp_path: Path) -> dict:
    with duckdb.connect(str(tmp_path / "full.duckdb")) as con:
        write_raw_tables(con, read_folder(folder, OPTIONS))
        return _tables(con)


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def test_only_new_changed_and_deleted_files_are_read_and_the_tables_equal_a_full_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _records(folder / "a.jsonl", TEXTS[:2], "a")
    (folder / "b.txt").write_text(TEXTS[2], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = ingest_folder(con, folder, OPTIONS)
    assert (first.mode, first.files_read, first.files) == ("full", 3, 3)
    assert _tables(con) == _full_read(folder, _fresh(tmp_path, "f0"))

    unchanged = ingest_folder(con, folder, OPTIONS)
    assert (unchanged.mode, unchanged.files_read, unchanged.rewritten) == ("changed files", 0, False)

    (folder / "c.txt").write_text(TEXTS[3], encoding="utf-8")  # added
    added = ingest_folder(con, folder, OPTIONS)
    assert (added.mode, added.files_read, added.rewritten) == ("changed files", 1, True)
    assert _tables(con) == _full_read(folder, _fresh(tmp_path, "f1"))

    (folder / "b.txt").write_text(TEXTS[2] + " Il a aussi vu le ministre italien.", encoding="utf-8")  # changed
    _touch_later(folder / "b.txt")
    (folder / "empty.txt").unlink()  # deleted: its quarantine row goes
    changed = ingest_folder(con, folder, OPTIONS)
    assert (changed.mode, changed.files_read) == ("changed files", 1)
    assert _tables(con) == _full_read(folder, _fresh(tmp_path, "f2"))
    assert not con.execute("select count(*) from raw.quarantine where source_name = 'empty.txt'").fetchone()[0]
    con.close()


def test_an_article_shared_with_a_file_left_alone_makes_a_full_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _records(folder / "a.jsonl", TEXTS[:2], "a")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ingest_folder(con, folder, OPTIONS)
    # the same text under a new name: one article, two sources; a full read decides which source it shows
    (folder / "0_first.txt").write_text(TEXTS[0], encoding="utf-8")
    shared = ingest_folder(con, folder, OPTIONS)
    assert shared.mode.startswith("full (") and shared.files_read == 2
    assert _tables(con) == _full_read(folder, _fresh(tmp_path, "f1"))
    assert con.execute("select count(*) from raw.article_sources").fetchone()[0] == 3
    con.close()


def test_other_read_options_or_no_record_read_everything(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(TEXTS[2], encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ingest_folder(con, folder, OPTIONS)
    assert ingest_folder(con, folder, OPTIONS).files_read == 0
    other = ingest_folder(con, folder, ReadOptions(languages=frozenset({"fr", "de"})))
    assert (other.mode, other.files_read) == ("full", 1)
    con.execute(f"drop table {FILES_TABLE}")
    assert ingest_folder(con, folder, ReadOptions(languages=frozenset({"fr", "de"}))).mode == "full"
    con.close()


def _fresh(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder
