"""Reads an articles folder into article, source and quarantine rows (pure Python, no Dagster).

* ``*.txt``: one article per file. A leading metadata line such as `` date 2024-01`` is split off
  and used as a hint for the publication date. source_name = the file name.
* ``*.jsonl`` / ``*.jsonl.gz``: one article per line, fields ``id``, ``text``, optional ``title``,
  ``published_time`` (ISO 8601 with offset; its date part is the publication date), ``author``,
  ``url``. source_name = the record's ``id``.

Bad input (empty or whitespace-only, binary, undecodable, a malformed JSON line) goes to the
quarantine rows and never stops the other articles. The article id is the first 16 hex digits of
the SHA-256 of the normalised text, so the same content under two names is one article with two
sources. Output is sorted and holds no timestamps: the same folder gives the same rows.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.extraction.dates import infer_publication_date
from dagster_project.extraction.text import normalise_text, split_metadata_header

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = [
    ("article_id", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_path", "VARCHAR"),
    ("title", "VARCHAR"),
    ("author", "VARCHAR"),
    ("url", "VARCHAR"),
    ("text", "VARCHAR"),
    ("published_date", "DATE"),
    ("published_date_basis", "VARCHAR"),
    ("char_count", "INTEGER"),
]
SOURCE_COLUMNS = [("article_id", "VARCHAR"), ("source_name", "VARCHAR"), ("source_path", "VARCHAR")]
QUARANTINE_COLUMNS = [
    ("source_name", "VARCHAR"),
    ("source_path", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("detected_encoding", "VARCHAR"),
    ("size_bytes", "BIGINT"),
    ("first_bytes", "VARCHAR"),
]

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
_FIRST_BYTES = 64


@dataclass
class IngestResult:
    articles: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)


def article_id_for(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the (already normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _quarantine(source_name: str, path: Path, reason: str, encoding: str | None, data: bytes,
                size: int | None = None) -> dict:
    return {
        "source_name": source_name,
        "source_path": str(path),
        "reason": reason,
        "detected_encoding": encoding,
        "size_bytes": len(data) if size is None else size,
        "first_bytes": repr(data[:_FIRST_BYTES])[2:-1],
    }


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, detected encoding, problem). Accepts UTF-8 (with or without BOM), UTF-16 with BOM,
    and Windows-1252; refuses binary content and bytes that none of these decode."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", None
        except UnicodeDecodeError:
            return None, "utf-8-sig", "undecodable: invalid UTF-8 after a UTF-8 BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            return None, "utf-16", "undecodable: invalid UTF-16 after a UTF-16 BOM"
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
        return None, "binary", "binary content"
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return None, "binary", "binary content (control characters)"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, "unknown", "undecodable: neither UTF-8 nor Windows-1252"
    return text, "cp1252", None


def _article(
    text: str,
    source_name: str,
    path: Path,
    published_date: dt.date | None,
    basis: str,
    title: str | None = None,
    author: str | None = None,
    url: str | None = None,
) -> dict:
    return {
        "article_id": article_id_for(text),
        "source_name": source_name,
        "source_path": str(path),
        "title": title,
        "author": author,
        "url": url,
        "text": text,
        "published_date": published_date,
        "published_date_basis": basis,
        "char_count": len(text),
    }


def read_txt(path: Path) -> tuple[list[dict], list[dict]]:
    """One article from a text file, or one quarantine row."""
    data = path.read_bytes()
    if not data.strip():
        return [], [_quarantine(path.name, path, "empty file" if not data else "whitespace only", "ascii", data)]
    raw, encoding, problem = decode_bytes(data)
    if raw is None:
        return [], [_quarantine(path.name, path, problem or "undecodable", encoding, data)]
    metadata, body = split_metadata_header(raw)
    text = normalise_text(body)
    if not text:
        reason = "whitespace only" if metadata is None else "no text after the metadata header"
        return [], [_quarantine(path.name, path, reason, encoding, data)]
    published = infer_publication_date(text, metadata)
    basis = published.basis if published.value else (published.basis or "no date found")
    return [_article(text, path.name, path, published.value, basis)], []


def _published_from_record(record: dict, text: str) -> tuple[dt.date | None, str]:
    value = record.get("published_time") or record.get("published_date")
    if isinstance(value, str) and value.strip():
        stamp = value.strip()
        try:
            return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date(), "published_time"
        except ValueError:
            try:
                return dt.date.fromisoformat(stamp[:10]), "published_time"
            except ValueError:
                pass
    published = infer_publication_date(text, None)
    return published.value, f"text ({published.basis})"


def _optional_str(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_jsonl(path: Path) -> tuple[list[dict], list[dict]]:
    """One article per JSON line; a bad line is quarantined on its own."""
    articles: list[dict] = []
    quarantine: list[dict] = []
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                decoded = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                quarantine.append(_quarantine(where, path, f"undecodable jsonl line {lineno}", "unknown", line))
                continue
            try:
                record = json.loads(decoded)
            except json.JSONDecodeError as exc:
                reason = f"malformed jsonl line {lineno}: {exc.msg} (column {exc.colno})"
                quarantine.append(_quarantine(where, path, reason, "utf-8", line))
                continue
            if not isinstance(record, dict):
                quarantine.append(_quarantine(where, path, f"jsonl line {lineno} is not an object", "utf-8", line))
                continue
            source_name = _optional_str(record.get("id")) or where
            raw_text = record.get("text")
            text = normalise_text(raw_text) if isinstance(raw_text, str) else ""
            if not text:
                quarantine.append(_quarantine(source_name, path, f"empty text (jsonl line {lineno})", "utf-8", line))
                continue
            published, basis = _published_from_record(record, text)
            articles.append(
                _article(
                    text,
                    source_name,
                    path,
                    published,
                    basis,
                    title=_optional_str(record.get("title")),
                    author=_optional_str(record.get("author")),
                    url=_optional_str(record.get("url")),
                )
            )
    return articles, quarantine


def input_files(folder: Path) -> list[Path]:
    """Supported files directly in the folder, sorted by name (hidden files skipped)."""
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name.endswith(SUFFIXES)),
        key=lambda p: p.name,
    )


def read_folder(folder: Path) -> IngestResult:
    """All articles of a folder, deduplicated by article id; sorted, deterministic rows."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder not found: {folder}")
    candidates: list[dict] = []
    quarantine: list[dict] = []
    for path in input_files(folder):
        try:
            if path.name.endswith(".txt"):
                found, bad = read_txt(path)
            else:
                found, bad = read_jsonl(path)
        except Exception as exc:  # an unreadable file must not stop the others
            log.warning("cannot read %s: %s", path, exc)
            data, size = b"", None
            try:
                size = path.stat().st_size
                with open(path, "rb") as fh:
                    data = fh.read(_FIRST_BYTES)
            except OSError:
                pass
            reason = f"unreadable: {type(exc).__name__}: {exc}"
            found, bad = [], [_quarantine(path.name, path, reason, None, data, size)]
        candidates.extend(found)
        quarantine.extend(bad)

    by_id: dict[str, list[dict]] = {}
    for row in candidates:
        by_id.setdefault(row["article_id"], []).append(row)
    result = IngestResult()
    for article_id in sorted(by_id):
        rows = sorted(by_id[article_id], key=lambda r: (r["source_name"], r["source_path"]))
        result.articles.append(rows[0])
        pairs = sorted({(r["source_name"], r["source_path"]) for r in rows})
        result.sources.extend({"article_id": article_id, "source_name": n, "source_path": p} for n, p in pairs)
    result.quarantine = sorted(quarantine, key=lambda r: (r["source_name"], r["source_path"], r["reason"]))
    return result
