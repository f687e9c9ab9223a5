"""Ingest on folders the tests write: .txt with a metadata header, .jsonl, bad input quarantined, duplicates."""
import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.defs.ingest.assets import raw_articles, write_raw_tables
from dagster_project.defs.ingest.reader import read_folder
from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.extraction.text import normalise_text

LEDE = ("Ce 16 janvier, le ministre russe des Affaires étrangères, Sergueï Lavrov, s'est entretenu "
        "avec son homologue nord-coréenne, Choe Son-hui, à Moscou.")


def _jsonl(path: Path, records: list, extra_lines: list[str] = ()) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[1:1] = list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


RECORDS = [
    {"id": "orangesum-1", "title": "Poutine remercie les Russes", "published_time": "2020-07-02T23:27:31+02:00",
     "author": "AFP", "url": "https://example.org/1", "text": "Le président russe a remercié jeudi ses compatriotes.\n\nSuite."},
    {"id": "orangesum-2", "title": "Deuxième", "published_time": "2019-12-31T23:30:00-05:00",
     "author": "AFP", "url": "https://example.org/2", "text": "Un autre article sur la diplomatie."},
]


def test_txt_with_metadata_header(tmp_path):
    (tmp_path / "000_a.txt").write_text(f" date 2024-01 {LEDE}\n\nSuite de l'article.", encoding="utf-8")
    result = read_folder(tmp_path)
    assert not result.quarantine
    [article] = result.articles
    assert article["source_name"] == "000_a.txt"
    assert article["text"].startswith("Ce 16 janvier")  # the header is not part of the text
    assert "date 2024-01" not in article["text"]
    assert article["published_date"] == date(2024, 1, 16)
    assert article["published_date_basis"]
    assert article["char_count"] == len(article["text"])
    assert article["article_id"] == hashlib.sha256(article["text"].encode("utf-8")).hexdigest()[:16]
    assert article["title"] is None and article["url"] is None


def test_jsonl_records(tmp_path):
    _jsonl(tmp_path / "batch.jsonl", RECORDS)
    result = read_folder(tmp_path)
    assert not result.quarantine
    by_source = {a["source_name"]: a for a in result.articles}
    assert set(by_source) == {"orangesum-1", "orangesum-2"}
    first = by_source["orangesum-1"]
    assert first["published_date"] == date(2020, 7, 2)  # date part as written, not converted to UTC
    assert by_source["orangesum-2"]["published_date"] == date(2019, 12, 31)
    assert first["title"] == "Poutine remercie les Russes" and first["author"] == "AFP"
    assert first["url"] == "https://example.org/1"
    assert first["text"] == normalise_text(RECORDS[0]["text"])


def test_gzipped_jsonl(tmp_path):
    with gzip.open(tmp_path / "batch.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(RECORDS[0]) + "\n")
    assert [a["source_name"] for a in read_folder(tmp_path).articles] == ["orangesum-1"]


def test_malformed_jsonl_line_is_quarantined_alone(tmp_path):
    _jsonl(tmp_path / "batch.jsonl", RECORDS, extra_lines=['{"id": "broken", "text": "no end'])
    result = read_folder(tmp_path)
    assert sorted(a["source_name"] for a in result.articles) == ["orangesum-1", "orangesum-2"]
    [bad] = result.quarantine
    assert bad["source_name"] == "batch.jsonl:2"
    assert "malformed jsonl line 2" in bad["reason"]
    assert bad["first_bytes"].startswith('{"id": "broken"')
    assert bad["size_bytes"] > 0


@pytest.mark.parametrize(
    "name, content, reason_part, encoding",
    [
        ("empty.txt", b"", "empty", "ascii"),
        ("blank.txt", b"  \n\t \r\n", "whitespace", "ascii"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary"),
        ("nul.txt", b"abc\x00def\x00ghi", "binary", "binary"),
        ("garbage.txt", b"caf\x81\x8d\x90 \x9d", "undecodable", "unknown"),
    ],
)
def test_bad_files_are_quarantined(tmp_path, name, content, reason_part, encoding):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(LEDE, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a["source_name"] for a in result.articles] == ["good.txt"]  # bad input never stops the others
    [bad] = result.quarantine
    assert bad["source_name"] == name
    assert reason_part in bad["reason"]
    assert bad["detected_encoding"] == encoding
    assert bad["size_bytes"] == len(content)


def test_legacy_encodings_are_decoded(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode("utf-8") + "Déjà vu à Moscou.".encode("utf-8"))
    (tmp_path / "latin.txt").write_bytes("Les élèves français à Pékin.".encode("cp1252"))
    result = read_folder(tmp_path)
    assert not result.quarantine
    assert sorted(a["text"] for a in result.articles) == ["Déjà vu à Moscou.", "Les élèves français à Pékin."]


def test_same_content_under_two_names_is_one_article(tmp_path):
    (tmp_path / "a.txt").write_text(LEDE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + LEDE.replace(" ", "  ") + "\n\n", encoding="utf-8")  # same once normalised
    _jsonl(tmp_path / "c.jsonl", [{"id": "rec-1", "text": LEDE}, RECORDS[0]])
    result = read_folder(tmp_path)
    ids = {a["article_id"] for a in result.articles}
    assert len(result.articles) == 2 == len(ids)
    lede_id = hashlib.sha256(LEDE.encode("utf-8")).hexdigest()[:16]
    [lede] = [a for a in result.articles if a["article_id"] == lede_id]
    assert lede["source_name"] == "a.txt"  # first source by name
    sources = sorted(s["source_name"] for s in result.sources if s["article_id"] == lede_id)
    assert sources == ["a.txt", "b.txt", "rec-1"]


def test_raw_tables_are_deterministic(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "z.txt").write_text(LEDE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    _jsonl(folder / "batch.jsonl", RECORDS, extra_lines=["not json"])

    def dump(db: Path) -> dict:
        with duckdb.connect(str(db)) as con:
            write_raw_tables(con, read_folder(folder))
            return {t: con.sql(f"select * from raw.{t}").fetchall() for t in ("articles", "article_sources", "quarantine")}

    first, second = dump(tmp_path / "one.duckdb"), dump(tmp_path / "two.duckdb")
    assert first == second
    assert len(first["articles"]) == 3 and len(first["quarantine"]) == 2
    assert [r[0] for r in first["articles"]] == sorted(r[0] for r in first["articles"])
    with duckdb.connect(str(tmp_path / "one.duckdb"), read_only=True) as con:
        columns = [r[0] for r in con.sql("describe raw.quarantine").fetchall()]
        assert {"source_name", "reason", "detected_encoding", "size_bytes", "first_bytes"} <= set(columns)
        types = dict(con.sql("select column_name, data_type from information_schema.columns "
                             "where table_schema = 'raw' and table_name = 'articles'").fetchall())
        assert types["published_date"] == "DATE"


def test_raw_articles_asset(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(LEDE, encoding="utf-8")
    (folder / "b.txt").write_text(LEDE, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    monkeypatch.setenv("NEWS_INPUT_DIR", str(folder))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
    result = dg.materialize([raw_articles], resources={"warehouse": DuckDBWarehouse()})
    assert result.success
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from raw.articles").fetchall()[0][0] == 1
        assert con.execute("select count(*) from raw.article_sources").fetchall()[0][0] == 2
        assert con.sql("select source_name, reason from raw.quarantine").fetchall() == [("bad.txt", "binary content")]


def test_corrupt_gzip_is_quarantined(tmp_path):
    (tmp_path / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    (tmp_path / "good.txt").write_text(LEDE, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a["source_name"] for a in result.articles] == ["good.txt"]
    [bad] = result.quarantine
    assert bad["source_name"] == "broken.jsonl.gz" and bad["reason"].startswith("unreadable")
    assert bad["size_bytes"] == len(b"\x1f\x8b\x08\x00garbage-not-gzip")


def test_unsupported_and_hidden_files_are_ignored(tmp_path):
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(LEDE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LEDE, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a["source_name"] for a in result.articles] == ["a.txt"] and not result.quarantine
