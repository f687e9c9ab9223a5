"""Ingest on folders the tests write: .txt with a metadata header, .jsonl, bad input quarantined, duplicates."""
import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.defs.ingest.assets import raw_articles
from dagster_project.defs.resources import DuckDBWarehouse, InputFolder
from dagster_project.extraction.text import normalise_text
from dagster_project.ingest.raw_tables import write_raw_tables
from dagster_project.ingest.reader import ReadOptions, read_folder

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
    assert article["published_date_basis"] == "inferred"  # the header's month, the day from the text
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
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode("utf-8") + "Déjà vu à Moscou.".encode())
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


def _resources(folder, warehouse) -> dict:
    return {"warehouse": DuckDBWarehouse(path=str(warehouse)), "articles": InputFolder(path=str(folder))}


def test_raw_articles_asset(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(LEDE, encoding="utf-8")
    (folder / "b.txt").write_text(LEDE, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = dg.materialize([raw_articles], resources=_resources(folder, tmp_path / "w.duckdb"))
    assert result.success
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from raw.articles").fetchall()[0][0] == 1
        assert con.execute("select count(*) from raw.article_sources").fetchall()[0][0] == 2
        assert con.sql("select source_name, reason from raw.quarantine").fetchall() == [("bad.txt", "binary content")]
    [articles] = [m for m in result.get_asset_materialization_events()
                  if m.asset_key == dg.AssetKey(["raw", "articles"])]
    assert articles.materialization.metadata["date_bases"].value == {"none": 1}  # "Ce 16 janvier": no year


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


# ------------------------------------------------------------------------------------------------
# Bad input (issue #5): one quarantine row each, the other articles always load.

ARTICLE = (
    "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a reçu mardi à Moscou son homologue "
    "nord-coréenne, Choe Son-hui. Les deux ministres ont évoqué la coopération entre leurs pays, selon "
    "un communiqué publié après la rencontre. « Nous avons eu des discussions très utiles », a déclaré "
    "M. Lavrov devant la presse, ajoutant que les relations étaient « au plus haut niveau »."
)
ENGLISH = (
    "The Russian foreign minister, Sergei Lavrov, received his North Korean counterpart Choe Son-hui in "
    "Moscow on Tuesday. The two ministers discussed the cooperation between their countries, according to "
    "a statement that was published after the meeting. He said that the talks had been very useful and that "
    "the relations were at their highest level."
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров принял во вторник в Москве свою северокорейскую коллегу "
    "Чхве Сон Хи. Министры обсудили сотрудничество между двумя странами, говорится в заявлении, которое было "
    "опубликовано после встречи. Он сказал, что переговоры были очень полезными."
)


def _only_bad(tmp_path, name: str, content: bytes) -> dict:
    """Write one bad file beside a good one; the good one loads, the bad one is the only quarantine row."""
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a["source_name"] for a in result.articles] == ["good.txt"], result.quarantine
    [bad] = result.quarantine
    assert bad["source_name"] == name and bad["source_path"] == str(tmp_path / name)
    assert bad["first_bytes"] == repr(content[:64])[2:-1]
    return bad


def test_empty_file(tmp_path):
    bad = _only_bad(tmp_path, "empty.txt", b"")
    assert (bad["reason_code"], bad["reason"], bad["size_bytes"]) == ("empty", "empty file", 0)


def test_whitespace_only_file(tmp_path):
    bad = _only_bad(tmp_path, "blank.txt", b" \n\t\r\n  \n")
    assert (bad["reason_code"], bad["reason"], bad["size_bytes"]) == ("whitespace", "whitespace only", 8)


def test_binary_image(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    bad = _only_bad(tmp_path, "photo.txt", png)
    assert bad["reason_code"] == "binary" and "PNG image" in bad["reason"]
    assert bad["detected_encoding"] == "binary" and bad["size_bytes"] == len(png)


def test_binary_zip(tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    bad = _only_bad(tmp_path, "archive.txt", buffer.getvalue())
    assert bad["reason_code"] == "binary" and "zip archive" in bad["reason"]


def test_invalid_utf8(tmp_path):
    content = ARTICLE.encode("utf-8")[:120] + b"\xc3\x28 \xe9t\xe9 " + ARTICLE.encode("utf-8")[120:]
    bad = _only_bad(tmp_path, "broken.txt", content)
    assert bad["reason_code"] == "invalid_utf8" and bad["reason"].startswith("invalid UTF-8")
    assert bad["detected_encoding"] == "utf-8" and bad["size_bytes"] == len(content)


@pytest.mark.parametrize(
    "text, codec, expected",
    [
        (ARTICLE, "latin-1", "iso-8859-1"),
        (ARTICLE.replace("« ", "“").replace(" »", "”") + " L’œuvre coûte 5 € — dit-il.", "cp1252", "cp1252"),
    ],
    ids=["latin-1", "cp1252"],
)
def test_legacy_single_byte_encodings_are_loaded_with_their_encoding(tmp_path, text, codec, expected):
    (tmp_path / "legacy.txt").write_bytes(text.encode(codec))
    result = read_folder(tmp_path)
    assert not result.quarantine
    [article] = result.articles
    assert article["text"] == normalise_text(text)
    assert article["detected_encoding"] == expected and article["language"] == "fr"
    assert [s["detected_encoding"] for s in result.sources] == [expected]
    # and on raw.articles
    assert dg.materialize([raw_articles], resources=_resources(tmp_path, tmp_path / "w.duckdb")).success
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select detected_encoding, text from raw.articles").fetchall() == [(expected, article["text"])]


@pytest.mark.parametrize("codec, expected", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom_is_loaded(tmp_path, codec, expected):
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    (tmp_path / "wide.txt").write_bytes(bom + ARTICLE.encode(codec))
    result = read_folder(tmp_path)
    assert not result.quarantine
    [article] = result.articles
    assert article["text"] == ARTICLE and article["detected_encoding"] == expected


def test_utf16_with_bom_and_odd_bytes_is_quarantined(tmp_path):
    bad = _only_bad(tmp_path, "wide.txt", b"\xff\xfe" + "Déjà".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert bad["reason_code"] == "undecodable" and bad["detected_encoding"] == "utf-16-le"


def test_fifty_megabyte_file_is_rejected_by_size(tmp_path):
    big = tmp_path / "dump.txt"
    chunk = (ARTICLE + "\n\n").encode("utf-8")
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    size = big.stat().st_size
    assert size >= 50 * 1024 * 1024
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [a["source_name"] for a in result.articles] == ["good.txt"]
    [bad] = result.quarantine
    assert bad["reason_code"] == "too_large" and bad["size_bytes"] == size
    assert f"{size} bytes" in bad["reason"] and "5242880" in bad["reason"]
    assert bad["first_bytes"] == repr(chunk[:64])[2:-1]


def test_oversized_jsonl_line_is_quarantined_alone(tmp_path):
    _jsonl(tmp_path / "batch.jsonl", RECORDS, extra_lines=[json.dumps({"id": "huge", "text": ARTICLE * 20})])
    result = read_folder(tmp_path, ReadOptions(max_article_bytes=4000))
    assert sorted(a["source_name"] for a in result.articles) == ["orangesum-1", "orangesum-2"]
    [bad] = result.quarantine
    assert bad["source_name"] == "batch.jsonl:2" and bad["reason_code"] == "too_large"
    assert bad["size_bytes"] > 4000 and bad["first_bytes"].startswith('{"id": "huge"')


@pytest.mark.parametrize("text, language", [(ENGLISH, "en"), (RUSSIAN, "ru")], ids=["english", "russian"])
def test_foreign_language_article_is_quarantined_with_its_language(tmp_path, text, language):
    bad = _only_bad(tmp_path, f"{language}.txt", text.encode("utf-8"))
    assert bad["reason_code"] == "language" and bad["detected_language"] == language
    assert f"'{language}'" in bad["reason"]
    assert bad["detected_encoding"] == ("ascii" if text.isascii() else "utf-8")


def test_foreign_language_jsonl_record_is_quarantined_alone(tmp_path):
    _jsonl(tmp_path / "batch.jsonl", [*RECORDS, {"id": "en-1", "text": ENGLISH}])
    result = read_folder(tmp_path)
    assert sorted(a["source_name"] for a in result.articles) == ["orangesum-1", "orangesum-2"]
    [bad] = result.quarantine
    assert (bad["source_name"], bad["reason_code"], bad["detected_language"]) == ("en-1", "language", "en")


def test_same_content_in_two_encodings_is_one_article_with_both_sources(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("cp1252"))
    result = read_folder(tmp_path)
    [article] = result.articles
    assert article["source_name"] == "a.txt"
    assert [(s["source_name"], s["detected_encoding"]) for s in result.sources] == [("a.txt", "utf-8"),
                                                                                    ("b.txt", "iso-8859-1")]


def test_file_deleted_between_listing_and_reading(tmp_path):
    from dagster_project.ingest.reader import list_inputs, read_listing

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").write_text(LEDE, encoding="utf-8")
    listing = list_inputs(tmp_path)
    assert [item.path.name for item in listing] == ["a.txt", "gone.txt"]
    (tmp_path / "gone.txt").unlink()
    result = read_listing(listing)
    assert [a["source_name"] for a in result.articles] == ["a.txt"]
    [bad] = result.quarantine
    assert bad["source_name"] == "gone.txt" and bad["reason_code"] == "vanished"
    assert "deleted between listing and reading" in bad["reason"]
    assert bad["size_bytes"] == len(LEDE.encode("utf-8"))  # as listed


def test_every_bad_input_in_one_run_gives_one_row_each_and_a_warning_check(tmp_path):
    """The asset and its warning check on a folder holding every kind of bad input at once."""
    from dagster_project.defs.ingest.checks import no_quarantined_input

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "good-copy.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "latin.txt").write_bytes(LEDE.encode("latin-1"))
    (folder / "wide.txt").write_bytes(b"\xff\xfe" + (LEDE + " Suite.").encode("utf-16-le"))
    (folder / "page.html").write_text(f"<html><body><p>{LEDE} Fin.</p></body></html>", encoding="utf-8")
    bad = {
        "empty.txt": b"",
        "blank.txt": b"   \n",
        "image.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        "broken.txt": ARTICLE.encode("utf-8") + b"\xe9\x80",
        "en.txt": ENGLISH.encode("utf-8"),
        "ru.txt": RUSSIAN.encode("utf-8"),
    }
    for name, content in bad.items():
        (folder / name).write_bytes(content)
    _jsonl(folder / "batch.jsonl", RECORDS, extra_lines=["{not json"])
    result = dg.materialize([raw_articles, no_quarantined_input], resources=_resources(folder, tmp_path / "w.duckdb"))
    assert result.success  # quarantine warns, never fails the run
    [check] = result.get_asset_check_evaluations()
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["quarantined"].value == 7
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = dict(con.execute("select source_name, reason_code from raw.quarantine").fetchall())
        loaded = con.execute("select source_name, detected_encoding, source_format from raw.articles "
                             "order by source_name").fetchall()
        sources = con.execute("select source_name from raw.article_sources order by 1").fetchall()
    assert rows == {"empty.txt": "empty", "blank.txt": "whitespace", "image.txt": "binary",
                    "broken.txt": "invalid_utf8", "en.txt": "language", "ru.txt": "language",
                    "batch.jsonl:2": "malformed_jsonl"}
    assert loaded == [("good-copy.txt", "utf-8", "text"), ("latin.txt", "iso-8859-1", "text"),
                      ("orangesum-1", "utf-8", "jsonl"), ("orangesum-2", "utf-8", "jsonl"),
                      ("page.html", "utf-8", "html"), ("wide.txt", "utf-16-le", "text")]
    assert ("good.txt",) in sources and ("good-copy.txt",) in sources


def test_quarantine_check_passes_when_nothing_is_quarantined():
    from dagster_project.defs.ingest.checks import quarantine_check_result

    result = quarantine_check_result([])
    assert result.passed and result.severity == dg.AssetCheckSeverity.WARN


def test_unchanged_input_leaves_the_raw_tables_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(LEDE, encoding="utf-8")
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        assert write_raw_tables(con, read_folder(folder)) is True
        assert write_raw_tables(con, read_folder(folder)) is False  # same rows: nothing written
        (folder / "b.txt").write_bytes(b"\x00\x01")
        assert write_raw_tables(con, read_folder(folder)) is True
        assert con.sql("select source_name from raw.quarantine").fetchall() == [("b.txt",)]


def test_publication_date_basis_of_txt_and_jsonl_articles(tmp_path):
    """Every article says where its date comes from; a date after the ingest date is never taken."""
    from dagster_project.ingest.reader import PUBLISHED_DATE_BASES

    filler = " ".join(["Les discussions ont porté sur la coopération entre les deux pays."] * 8)
    (tmp_path / "header.txt").write_text(f" date 2024-01-16 {ARTICLE}", encoding="utf-8")
    (tmp_path / "dateline.txt").write_text(f"Moscou, 16 janvier 2024. {ARTICLE}", encoding="utf-8")
    (tmp_path / "late.txt").write_text(f"{ARTICLE} {filler} La visite suivante est prévue le 3 février 2024.",
                                       encoding="utf-8")
    (tmp_path / "undated.txt").write_text(ARTICLE + " Fin.", encoding="utf-8")
    (tmp_path / "future.txt").write_text(f"Moscou, 2 juillet 2036. {ARTICLE}", encoding="utf-8")
    _jsonl(tmp_path / "batch.jsonl", [
        {"id": "rec-time", "published_time": "2024-01-16T09:00:00+01:00", "text": ARTICLE + " Un."},
        {"id": "rec-future", "published_time": "2036-07-02T09:00:00+02:00", "text": f"{ARTICLE} Deux."},
    ])
    result = read_folder(tmp_path, ReadOptions(latest_date=date(2024, 6, 1)))
    assert not result.quarantine
    found = {a["source_name"]: (a["published_date"], a["published_date_basis"]) for a in result.articles}
    assert found == {
        "header.txt": (date(2024, 1, 16), "header"),
        "dateline.txt": (date(2024, 1, 16), "text"),
        "late.txt": (date(2024, 2, 6), "inferred"),  # 'mardi' after the latest date of the text
        "undated.txt": (None, "none"),
        "future.txt": (None, "text: 2036-07-02 lies after the time of ingest, left null"),
        "rec-time": (date(2024, 1, 16), "published_time"),
        "rec-future": (None, "published_time: 2036-07-02 lies after the time of ingest, left null"),
    }
    assert {basis.split(":")[0] for _, basis in found.values()} <= set(PUBLISHED_DATE_BASES)
