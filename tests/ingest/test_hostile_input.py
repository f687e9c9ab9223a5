"""Hostile or broken input in the folder: links out of it, one bad line in a .jsonl, a truncated
.jsonl.gz, duplicate ids, invisible characters, impossible dates, names that are markup."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import unicodedata
from pathlib import Path

import pytest

from dagster_project.extraction.dates import infer_publication_date
from dagster_project.ingest.cleaning import believable_date, latest_possible_date, strip_invisible
from dagster_project.ingest.raw_tables import quarantine_preview
from dagster_project.ingest.reader import ReadOptions, folder_fingerprint, read_folder
from dagster_project.query import format_markdown

LEDE = ("Ce 16 janvier 2024, le ministre russe des Affaires étrangères, Sergueï Lavrov, s'est entretenu "
        "avec son homologue nord-coréenne, Choe Son-hui, à Moscou, a indiqué la diplomatie russe.")
SECRET = "root:$6$secret-hash-that-must-never-load:19000:0:99999:7:::\n"


def _article(i: int) -> str:
    return f"Le ministre a reçu mardi l'ambassadeur numéro {i} pour des discussions sur la sécurité régionale."


def _records(n: int) -> list[dict]:
    return [{"id": f"r{i}", "text": _article(i)} for i in range(n)]


def _jsonl_bytes(records: list[dict]) -> list[bytes]:
    return [json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records]


@pytest.fixture
def outside(tmp_path) -> Path:
    """A secret file outside the input folder."""
    path = tmp_path / "outside" / "shadow"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "good.txt").write_text(LEDE, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------ links (item 2)


def test_a_link_to_a_file_outside_the_folder_is_quarantined_unread(folder, outside):
    (folder / "x.txt").symlink_to(outside)
    (folder / "y.jsonl").symlink_to(outside)
    result = read_folder(folder)
    assert [a["source_name"] for a in result.articles] == ["good.txt"]
    assert {(q["source_name"], q["reason_code"]) for q in result.quarantine} == {("x.txt", "symlink"),
                                                                                ("y.jsonl", "symlink")}
    for row in result.quarantine:
        assert "links are not followed" in row["reason"]
        assert row["first_bytes"] == "" and "secret" not in json.dumps(row)  # nothing read through the link


def test_a_link_inside_the_folder_is_not_followed_either(folder):
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    result = read_folder(folder)
    assert [s["source_name"] for s in result.sources] == ["good.txt"]
    assert [(q["source_name"], q["reason_code"]) for q in result.quarantine] == [("alias.txt", "symlink")]


def test_a_dangling_link_and_a_link_to_a_folder_are_quarantined(folder, tmp_path):
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "dir.txt").symlink_to(tmp_path)
    result = read_folder(folder)
    assert sorted((q["source_name"], q["reason_code"]) for q in result.quarantine) == [
        ("dir.txt", "symlink"), ("gone.txt", "symlink")]


def test_an_input_folder_reached_through_a_link_reads_its_files(folder, tmp_path):
    link = tmp_path / "link_to_in"
    link.symlink_to(folder)
    result = read_folder(link)
    assert [a["source_name"] for a in result.articles] == ["good.txt"] and not result.quarantine


def test_a_file_swapped_for_a_link_after_the_listing_is_not_read(folder, outside):
    from dagster_project.ingest.reader import Listed, read_one

    (folder / "swap.txt").write_text(LEDE, encoding="utf-8")
    listed = Listed(folder / "swap.txt", 10)
    (folder / "swap.txt").unlink()
    (folder / "swap.txt").symlink_to(outside)
    articles, [row] = read_one(listed)
    assert not articles and row["reason_code"] == "symlink" and row["first_bytes"] == ""


def test_a_fifo_never_blocks_ingest(folder):
    os.mkfifo(folder / "pipe.txt")
    result = read_folder(folder)  # a FIFO is not a regular file: not listed, never opened
    assert [a["source_name"] for a in result.articles] == ["good.txt"]


def test_the_sensor_fingerprint_sees_a_link_without_following_it(folder, outside):
    before = folder_fingerprint(folder)
    (folder / "x.txt").symlink_to(outside)
    after = folder_fingerprint(folder)
    assert after[1] == before[1] + 1 and after[0] != before[0]


# ------------------------------------------------------------------------ .jsonl per line (item 5)


def test_a_nul_byte_in_one_jsonl_line_quarantines_that_line_only(folder):
    lines = _jsonl_bytes(_records(50))
    lines[7] = lines[7].replace(b"ambassadeur", b"ambas\x00sadeur")
    (folder / "batch.jsonl").write_bytes(b"".join(lines))
    result = read_folder(folder)
    assert len([a for a in result.articles if a["source_path"].endswith("batch.jsonl")]) == 49
    [bad] = result.quarantine
    assert bad["source_name"] == "batch.jsonl:8" and bad["reason_code"] == "binary" and "line 8" in bad["reason"]


def test_a_nul_byte_in_the_first_jsonl_line_quarantines_that_line_only(folder):
    lines = _jsonl_bytes(_records(5))
    lines[0] = lines[0].replace(b"ambassadeur", b"\x00\x00")
    (folder / "batch.jsonl").write_bytes(b"".join(lines))
    result = read_folder(folder)
    assert len(result.articles) == 1 + 4
    assert [q["source_name"] for q in result.quarantine] == ["batch.jsonl:1"]


def test_a_binary_file_named_jsonl_is_still_one_quarantine_row(folder):
    (folder / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = read_folder(folder)
    assert [(q["source_name"], q["reason_code"]) for q in result.quarantine] == [("image.jsonl", "binary")]


def test_a_truncated_jsonl_gz_keeps_its_complete_lines(folder):
    whole = gzip.compress(b"".join(_jsonl_bytes(_records(200))))
    (folder / "batch.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])
    result = read_folder(folder)
    loaded = sorted(int(a["source_name"][1:]) for a in result.articles if a["source_name"].startswith("r"))
    assert len(loaded) > 50 and loaded == list(range(len(loaded)))  # every complete line before the cut
    [cut] = result.quarantine
    assert cut["reason_code"] == "truncated" and cut["source_name"].startswith("batch.jsonl.gz:")
    assert f"the {len(loaded)} article(s) before it are loaded" in cut["reason"]


# --------------------------------------------------------------------- duplicate ids (item 6)


def test_duplicate_ids_with_different_texts_get_unique_source_names_and_a_record(folder):
    records = [{"id": "same", "text": _article(1)}, {"id": "other", "text": _article(2)},
               {"id": "same", "text": _article(3)}, {"id": "same", "text": _article(1)}]
    (folder / "batch.jsonl").write_bytes(b"".join(_jsonl_bytes(records)))
    result = read_folder(folder)
    names = sorted(s["source_name"] for s in result.sources)
    assert names == ["good.txt", "other", "same", "same (batch.jsonl:3)"]
    assert len(names) == len(set(names))
    texts = {a["source_name"]: a["text"] for a in result.articles}
    assert texts["same"] == _article(1) and texts["same (batch.jsonl:3)"] == _article(3)
    [dup] = result.quarantine  # line 4 repeats line 1 exactly: one article, one source, nothing to record
    assert dup["reason_code"] == "duplicate_id" and dup["source_name"] == "batch.jsonl:3"
    assert "already used by line 1" in dup["reason"] and "same (batch.jsonl:3)" in dup["reason"]


# ------------------------------------------------------------------ invisible characters (item 7)

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2069", "\u202e", "\u00ad", "\ufeff",
             "\u2060"]


def _has_invisible(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cf", "Cc") and c not in "\n\t" for c in text)


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_removed_at_ingest(folder, char):
    dirty = LEDE.replace("Lavrov", f"Lav{char}rov").replace("Choe", f"{char}Choe{char}")
    (folder / "good.txt").write_text(dirty, encoding="utf-8")
    (folder / "batch.jsonl").write_text(json.dumps({"id": "j", "title": f"T{char}itre", "text": dirty + " Suite."})
                                        + "\n", encoding="utf-8")
    result = read_folder(folder)
    assert not result.quarantine
    for article in result.articles:
        assert not _has_invisible(article["text"]) and "Sergueï Lavrov" in article["text"]
        assert ", Choe Son-hui," in article["text"]
        assert article["char_count"] == len(article["text"])
    assert {a["title"] for a in result.articles} == {None, "Titre"}
    # the same visible text gives the same article as the clean file
    (folder / "clean.txt").write_text(LEDE, encoding="utf-8")
    assert len({a["article_id"] for a in read_folder(folder).articles if a["source_format"] == "text"}) == 1


def test_strip_invisible_keeps_line_breaks_tabs_and_letters():
    assert strip_invisible("a\u200bb\tc\nd\u202ee\x07f\x00g") == "ab\tc\ndefg"
    assert strip_invisible("Sergueï Lavrov à Pyongyang") == "Sergueï Lavrov à Pyongyang"


# ------------------------------------------------------------------ impossible dates (item 4)

FUTURE = ("Moscou a annoncé jeudi 2 juillet que l'accord de coopération avec Pyongyang resterait en vigueur "
          "jusqu'en 2036, selon le porte-parole du Kremlin, Dmitri Peskov, qui s'exprimait devant la presse.")


def test_a_date_inferred_after_the_time_of_ingest_is_left_null_with_a_reason(folder):
    assert infer_publication_date(FUTURE).value > dt.date.today()  # what the text alone suggests
    (folder / "future.txt").write_text(FUTURE, encoding="utf-8")
    result = read_folder(folder)
    by_name = {a["source_name"]: a for a in result.articles}
    future = by_name["future.txt"]
    assert future["published_date"] is None
    assert "lies after the time of ingest, left null" in future["published_date_basis"]
    assert by_name["good.txt"]["published_date"] == dt.date(2024, 1, 16)
    assert not result.quarantine


def test_a_published_time_in_the_future_or_before_1900_is_left_null(folder):
    records = [{"id": "late", "text": _article(1), "published_time": "2999-01-01T10:00:00+00:00"},
               {"id": "early", "text": _article(2), "published_time": "0001-01-01"},
               {"id": "fine", "text": _article(3), "published_time": "2024-03-01T10:00:00+01:00"}]
    (folder / "batch.jsonl").write_bytes(b"".join(_jsonl_bytes(records)))
    by_name = {a["source_name"]: a for a in read_folder(folder).articles}
    assert by_name["late"]["published_date"] is None and "after the time of ingest" in by_name["late"]["published_date_basis"]
    assert by_name["early"]["published_date"] is None and "before 1900" in by_name["early"]["published_date_basis"]
    assert by_name["fine"]["published_date"] == dt.date(2024, 3, 1)


def test_the_limit_is_today_somewhere_on_earth():
    now = dt.datetime(2026, 5, 1, 23, 0, tzinfo=dt.UTC)
    assert latest_possible_date(now) == dt.date(2026, 5, 2)  # already the 2nd in Kiribati
    assert believable_date(dt.date(2026, 5, 2), "x", latest_possible_date(now)) == (dt.date(2026, 5, 2), "x")
    assert believable_date(dt.date(2026, 5, 3), "x", latest_possible_date(now))[0] is None


def test_the_limit_can_be_pinned(folder):
    (folder / "future.txt").write_text(FUTURE, encoding="utf-8")
    articles = read_folder(folder, ReadOptions(latest_date=dt.date(2040, 1, 1))).articles
    assert {a["source_name"]: a["published_date"] for a in articles}["future.txt"].year == 2036


# ------------------------------------------------------------------------ names as markup (item 3)

HOSTILE = "<img src=x onerror=alert(1)>_pwned_[x](https:evil)|.txt"


def test_names_are_escaped_in_the_quarantine_preview(folder):
    (folder / HOSTILE).write_bytes(b"")
    preview = quarantine_preview(read_folder(folder).quarantine)
    assert "<img" not in preview and "&lt;img src=x onerror=alert(1)&gt;" in preview
    assert "\\_pwned\\_\\[x\\](https:evil)\\|.txt" in preview
    assert preview.splitlines()[2].count(" | ") == 4  # the pipe in the name does not add a column


def test_markdown_tables_escape_every_cell():
    table = format_markdown(["a<b>", "c"], [["<script>x</script>", "**bold** & `code`"]])
    assert "<" not in table and ">" not in table
    assert "&lt;script&gt;" in table and "\\*\\*bold\\*\\* &amp; \\`code\\`" in table
