"""Reads an articles folder into article, source and quarantine rows (pure Python, no Dagster).

* ``*.txt``, ``*.html``, ``*.htm``: one article per file. A leading metadata line such as
  `` date 2024-01`` is split off and used as a hint for the publication date. A web page (by suffix
  or by content) goes through ``ingest.html``: trafilatura's main text (boilerplate removed,
  paragraphs kept), the page's title, author and URL, and its publication date from its markup.
  source_name = the file name.
* ``*.jsonl`` / ``*.jsonl.gz``: one article per line, fields ``id``, ``text``, optional ``title``,
  ``published_time`` (ISO 8601 with offset; its date part is the publication date), ``author``,
  ``url``. source_name = the record's ``id``. There is no size limit on the file, only per line. A
  ``text`` that is a web page goes through ``ingest.html`` too; the record's fields win.

Encodings (``ingest.encoding``): UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, the charset a
page declares, and legacy code pages (Windows-1252 / ISO-8859-1 for French text, others as
charset-normalizer recognises them) are decoded and recorded in ``detected_encoding``. Bytes that are
mostly UTF-8 but contain invalid sequences are *not* guessed as cp1252 (that would store mojibake):
they are quarantined as invalid UTF-8.

``published_date_basis`` says where each publication date comes from: ``meta`` or ``json-ld`` (the
page's markup), ``published_time`` (the .jsonl record), ``header`` (the .txt metadata line),
``text`` (a dated dateline, lede or byline), ``inferred`` (from other dates of the text), ``none``
(no date). A date that cannot be true (after the time of ingest, before 1900) is left null and the
basis says why after a colon (``text: 2036-07-02 lies after the time of ingest, left null``); a
page's markup date after the time of ingest is passed over for the page's next source of a date.

Bad input never stops the other articles: each problem is one row of ``raw.quarantine`` with a
``reason_code`` (empty, whitespace, binary, invalid_utf8, undecodable, too_large, no_text, not_prose,
language, malformed_jsonl, not_object, empty_text, truncated, duplicate_id, symlink, not_a_file,
vanished, unreadable), a readable ``reason``, the detected encoding, language and size, and the first
bytes. Text that is not prose (``ingest.language``: too few words, or no language reaching the
confidence floor) is quarantined as ``not_prose``; prose in another language than the accepted ones
(``ReadOptions.languages``, default French) as ``language``, with that language. Files and .jsonl
lines larger than ``ReadOptions.max_article_bytes`` are quarantined as too large. Links and entries whose real path lies
outside the folder are never opened (ingest/paths.py); invisible characters are removed and impossible
publication dates left null (ingest/cleaning.py). In a ``.jsonl``, each line stands alone: a NUL byte
quarantines its line, a truncated ``.jsonl.gz`` keeps its complete lines, and a record id met again
with another text gets a source name of its own, recorded as ``duplicate_id``.

The article id is the first 16 hex digits of the SHA-256 of the normalised text, so the same
content under two names is one article with two sources. Output is sorted and holds no timestamps:
the same folder gives the same rows.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from dagster_project.extraction.dates import infer_publication_date
from dagster_project.extraction.text import split_metadata_header
from dagster_project.ingest.cleaning import believable_date, clean_field, clean_text, latest_possible_date
from dagster_project.ingest.encoding import binary_kind, decode_bytes
from dagster_project.ingest.html import looks_like_html, read_page
from dagster_project.ingest.language import detect_language
from dagster_project.ingest.paths import NotFollowed, open_input, refusal

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES
_FIRST_BYTES = 64


@dataclass(frozen=True)
class ReadOptions:
    """What ingest accepts: the largest article in bytes, the languages kept (others are quarantined), and the
    latest believable publication date (None: today somewhere on Earth at the time of reading)."""

    max_article_bytes: int = 5 * 1024 * 1024
    languages: frozenset[str] = frozenset({"fr"})
    latest_date: dt.date | None = None

    def latest(self) -> dt.date:
        return self.latest_date or latest_possible_date()


@dataclass
class IngestResult:
    articles: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Listed:
    """One input file as seen when the folder was listed (it may be gone when we read it)."""

    path: Path
    size: int | None


class Quarantined(Exception):
    """Raised while reading one input: becomes one quarantine row."""

    def __init__(self, code: str, reason: str, encoding: str | None = None, language: str | None = None):
        super().__init__(reason)
        self.code, self.reason, self.encoding, self.language = code, reason, encoding, language


def article_id_for(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the (already normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def quarantine_row(source_name: str, path: Path, code: str, reason: str, encoding: str | None,
                   data: bytes, size: int | None = None, language: str | None = None) -> dict:
    return {
        "source_name": source_name,
        "source_path": str(path),
        "reason_code": code,
        "reason": reason,
        "detected_encoding": encoding,
        "detected_language": language,
        "size_bytes": len(data) if size is None else size,
        "first_bytes": repr(bytes(data[:_FIRST_BYTES]))[2:-1],
    }


# ------------------------------------------------------------------------------------------- articles


def _article(text: str, source_name: str, path: Path, published_date: dt.date | None, basis: str, *,
             encoding: str, source_format: str, language: str, title: str | None = None,
             author: str | None = None, url: str | None = None) -> dict:
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
        "detected_encoding": encoding,
        "source_format": source_format,
        "language": language,
    }


def _check_language(text: str, encoding: str, languages: frozenset[str]) -> str:
    guess = detect_language(text, languages)
    if guess.language is None:
        raise Quarantined("not_prose", f"not prose: {guess.evidence}", encoding)
    if guess.language not in languages:
        accepted = "French" if languages == {"fr"} else "in " + ", ".join(sorted(languages))
        raise Quarantined("language", f"not {accepted}: detected language '{guess.language}' ({guess.evidence})",
                          encoding, guess.language)
    return guess.language


# Where a publication date comes from: raw.articles.published_date_basis up to its first colon (after it,
# why a date was left null); the accepted codes of marts.dim_articles.
PUBLISHED_DATE_BASES = ("meta", "json-ld", "published_time", "header", "text", "inferred", "none")
# What extraction.dates.infer_publication_date says it used, in that vocabulary.
_TEXT_BASES = {"metadata": "header", "dateline or dated lede": "text", "no date found": "none"}


def date_from_text(text: str, header: str | None, latest: dt.date) -> tuple[dt.date | None, str]:
    """(publication date, basis) from a .txt header and the text: ``header`` (a full date in the header),
    ``text`` (a dated dateline or lede), ``inferred`` (from other dates of the text, or a header month or
    year completed), ``none``; a date that cannot be true is left null (ingest.cleaning.believable_date)."""
    published = infer_publication_date(text, header)
    basis = _TEXT_BASES.get(published.basis, "inferred") if published.value else "none"
    return believable_date(published.value, basis, latest)


def _size_limit_reason(size: int, limit: int) -> str:
    return f"too large: {size} bytes, the limit for one article is {limit} bytes (NEWS_MAX_ARTICLE_BYTES)"


def read_text_file(path: Path, options: ReadOptions = ReadOptions()) -> dict:
    """One article from a .txt / .html file; raises Quarantined (or OSError) otherwise."""
    limit = options.max_article_bytes
    with open_input(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise Quarantined("too_large", _size_limit_reason(size, limit))
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew since the stat
        raise Quarantined("too_large", _size_limit_reason(len(data), limit))
    if not data:
        raise Quarantined("empty", "empty file", "ascii")
    if not data.strip():
        raise Quarantined("whitespace", "whitespace only", "ascii")
    decoded = decode_bytes(data)
    raw, encoding = decoded.text, decoded.encoding
    if raw is None:
        raise Quarantined(decoded.code or "undecodable", decoded.problem or "undecodable", encoding)
    if not raw.strip():
        raise Quarantined("whitespace", "whitespace only", encoding)
    latest = options.latest()
    if path.name.lower().endswith((".html", ".htm")) or looks_like_html(raw):
        page = read_page(raw, latest)
        text = clean_text(page.text)
        if not text:
            raise Quarantined("no_text", "no article text in the HTML page", encoding)
        language = _check_language(text, encoding, options.languages)
        published, basis = _page_date(page, text, latest)
        return _article(text, path.name, path, published, basis, encoding=encoding, source_format="html",
                        language=language, title=clean_field(page.title), author=clean_field(page.author),
                        url=clean_field(page.url))
    metadata, body = split_metadata_header(raw)
    text = clean_text(body)
    if not text:
        reason = "whitespace only" if metadata is None else "no text after the metadata header"
        raise Quarantined("no_text" if metadata else "whitespace", reason, encoding)
    language = _check_language(text, encoding, options.languages)
    published, basis = date_from_text(text, metadata, latest)
    return _article(text, path.name, path, published, basis, encoding=encoding, source_format="text",
                    language=language)


def _page_date(page, text: str, latest: dt.date) -> tuple[dt.date | None, str]:
    """The page's own date (markup), else the byline's or the text's."""
    if page.published is not None:
        return believable_date(page.published, page.basis, latest)
    return date_from_text(f"{page.byline}\n\n{text}" if page.byline else text, None, latest)


def _record_date(record: dict) -> dt.date | None:
    """The date part of the record's published_time, as written (not moved to UTC), or None."""
    value = record.get("published_time") or record.get("published_date")
    if isinstance(value, str) and value.strip():
        stamp = value.strip()
        try:
            return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(stamp[:10])
            except ValueError:
                pass
    return None


def _optional_str(value) -> str | None:
    return clean_field(value)


def _limited_lines(fh, limit: int):
    """(line number, bytes or None when longer than the limit, size, first bytes) per line; never holds more than limit."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= limit or (len(line) == limit + 1 and line.endswith(b"\n")):
            yield lineno, line, len(line), line
            continue
        head, size = line[:_FIRST_BYTES], len(line)
        while not line.endswith(b"\n"):  # skip the rest of an over-long line
            line = fh.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield lineno, None, size, head


def _looks_like_json_lines(head: bytes) -> bool:
    """Whether a file starts like JSON lines (an object), whatever a later line holds."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"{")


def read_jsonl(path: Path, options: ReadOptions = ReadOptions()) -> tuple[list[dict], list[dict]]:
    """One article per JSON line; a bad line is quarantined on its own, and the good lines load."""
    articles: list[dict] = []
    quarantine: list[dict] = []
    limit = options.max_article_bytes
    gz = path.name.endswith(".gz")
    with open_input(path) as fh:
        head = fh.read(4096)
        if gz and not head.startswith(b"\x1f\x8b"):
            kind = binary_kind(head)
            raise Quarantined("binary" if kind else "unreadable",
                              f"not gzip data{f' ({kind})' if kind else ''}", "binary" if kind else None)
        if not gz and not _looks_like_json_lines(head):
            kind = binary_kind(head)
            if kind:
                raise Quarantined("binary", f"binary content ({kind})", "binary")
        fh.seek(0)
        stream = gzip.GzipFile(fileobj=fh, mode="rb") if gz else fh
        first_line: dict[str, tuple[int, str]] = {}  # record id -> (line, article id) where it was first met
        lineno = 0
        try:
            for lineno, line, size, first in _limited_lines(stream, limit):
                where = f"{path.name}:{lineno}"
                if line is None:
                    quarantine.append(quarantine_row(where, path, "too_large",
                                                     f"jsonl line {lineno} " + _size_limit_reason(size, limit),
                                                     None, first, size))
                    continue
                if not line.strip():
                    continue
                kind = binary_kind(line)
                if kind:
                    quarantine.append(quarantine_row(where, path, "binary", f"binary content ({kind}) in jsonl line "
                                                     f"{lineno}", "binary", line))
                    continue
                row = _jsonl_record(path, lineno, line, options, quarantine)
                if row is None:
                    continue
                seen = first_line.get(row["source_name"])
                if seen is None:
                    first_line[row["source_name"]] = (lineno, row["article_id"])
                elif seen[1] == row["article_id"]:
                    continue  # the same record again: one article, one source
                else:
                    unique = f"{row['source_name']} ({where})"
                    quarantine.append(quarantine_row(
                        where, path, "duplicate_id",
                        f"id {row['source_name']!r} already used by line {seen[0]} with another text: this line is "
                        f"loaded as source {unique!r}", "utf-8", line))
                    row["source_name"] = unique
                articles.append(row)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            if lineno == 0:  # not one line could be read: the file as a whole
                raise Quarantined("unreadable", f"unreadable: {type(exc).__name__}: {exc}") from exc
            quarantine.append(quarantine_row(
                f"{path.name}:{lineno + 1}", path, "truncated",
                f"the compressed data ends or breaks after line {lineno} ({type(exc).__name__}: {exc}); "
                f"the {len(articles)} article(s) before it are loaded", "binary", b""))
    return articles, quarantine


def _jsonl_record(path: Path, lineno: int, line: bytes, options: ReadOptions, quarantine: list[dict]) -> dict | None:
    """The article of one .jsonl line, or None after adding its quarantine row."""
    where = f"{path.name}:{lineno}"
    try:
        decoded = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        quarantine.append(quarantine_row(where, path, "invalid_utf8",
                                         f"invalid UTF-8 in jsonl line {lineno} ({exc.reason} at byte {exc.start})",
                                         "utf-8", line))
        return None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        reason = f"malformed jsonl line {lineno}: {exc.msg} (column {exc.colno})"
        quarantine.append(quarantine_row(where, path, "malformed_jsonl", reason, "utf-8", line))
        return None
    if not isinstance(record, dict):
        quarantine.append(quarantine_row(where, path, "not_object", f"jsonl line {lineno} is not an object",
                                         "utf-8", line))
        return None
    source_name = _optional_str(record.get("id")) or where
    raw_text = record.get("text")
    raw_text = raw_text if isinstance(raw_text, str) else ""
    source_format = "jsonl"
    title = _optional_str(record.get("title"))
    author, url = _optional_str(record.get("author")), _optional_str(record.get("url"))
    latest = options.latest()
    page = None
    if raw_text and looks_like_html(raw_text):
        page = read_page(raw_text, latest)
        raw_text = page.text
        source_format = "jsonl+html"
        title, author, url = title or clean_field(page.title), author or clean_field(page.author), \
            url or clean_field(page.url)
    text = clean_text(raw_text)
    if not text:
        quarantine.append(quarantine_row(source_name, path, "empty_text", f"empty text (jsonl line {lineno})",
                                         "utf-8", line))
        return None
    try:
        language = _check_language(text, "utf-8", options.languages)
    except Quarantined as q:
        quarantine.append(quarantine_row(source_name, path, q.code, f"{q.reason} (jsonl line {lineno})",
                                         "utf-8", line, language=q.language))
        return None
    stated = _record_date(record)
    if stated is not None:  # the record's own date, believed or left null with the reason
        published, basis = believable_date(stated, "published_time", latest)
    elif page is not None:
        published, basis = _page_date(page, text, latest)
    else:
        published, basis = date_from_text(text, None, latest)
    return _article(text, source_name, path, published, basis, encoding="utf-8", source_format=source_format,
                    language=language, title=title, author=author, url=url)


# -------------------------------------------------------------------------------------------- folders


def is_input_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(SUFFIXES)


def _input_entries(folder: Path):
    """(entry, stat) of each supported regular file or link directly in the folder; stat None if it vanished.

    A link is listed with its own stat (never its target's): reading it quarantines it (ingest/paths.py)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if not is_input_name(entry.name):
                continue
            try:
                if not (entry.is_symlink() or entry.is_file(follow_symlinks=False)):
                    continue
                stat = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                stat = None
            yield entry, stat


def list_inputs(folder: Path) -> list[Listed]:
    """Supported files directly in the folder with their size at listing time, sorted by name."""
    # a file gone already is still listed (size None): reading it reports it as vanished
    listed = [Listed(Path(entry.path), stat.st_size if stat else None) for entry, stat in _input_entries(folder)]
    return sorted(listed, key=lambda item: item.path.name)


def _head(path: Path) -> bytes:
    try:
        with open_input(path) as fh:
            return fh.read(_FIRST_BYTES)
    except OSError:
        return b""


def _size(path: Path, listed: int | None) -> int | None:
    try:
        return path.lstat().st_size
    except OSError:
        return listed


def read_one(item: Listed, options: ReadOptions = ReadOptions()) -> tuple[list[dict], list[dict]]:
    """Articles and quarantine rows of one listed file; never raises."""
    path = item.path
    try:
        refused = refusal(path, path.parent)
        if refused is not None:
            raise refused
        if path.name.lower().endswith(JSONL_SUFFIXES):
            return read_jsonl(path, options)
        return [read_text_file(path, options)], []
    except NotFollowed as refused:  # nothing is read through it, not even its first bytes
        log.warning("%s not read: %s", path, refused.reason)
        return [], [quarantine_row(path.name, path, refused.code, refused.reason, None, b"", _size(path, item.size))]
    except Quarantined as q:
        size = _size(path, item.size)
        return [], [quarantine_row(path.name, path, q.code, q.reason, q.encoding, _head(path), size or 0, q.language)]
    except FileNotFoundError as exc:
        log.warning("%s was deleted between listing and reading", path)
        reason = f"vanished: deleted between listing and reading ({type(exc).__name__})"
        return [], [quarantine_row(path.name, path, "vanished", reason, None, b"", item.size)]
    except Exception as exc:  # an unreadable file must not stop the others
        log.warning("cannot read %s: %s", path, exc)
        reason = f"unreadable: {type(exc).__name__}: {exc}"
        return [], [quarantine_row(path.name, path, "unreadable", reason, None, _head(path), _size(path, item.size))]


def read_listing(listing: list[Listed], options: ReadOptions = ReadOptions()) -> IngestResult:
    """All articles of listed files, deduplicated by article id; sorted, deterministic rows."""
    options = replace(options, latest_date=options.latest())  # one limit for the whole run
    candidates: list[dict] = []
    quarantine: list[dict] = []
    for item in listing:
        found, bad = read_one(item, options)
        candidates.extend(found)
        quarantine.extend(bad)

    by_id: dict[str, list[dict]] = {}
    for row in candidates:
        by_id.setdefault(row["article_id"], []).append(row)
    result = IngestResult()
    for article_id in sorted(by_id):
        rows = sorted(by_id[article_id], key=lambda r: (r["source_name"], r["source_path"]))
        result.articles.append(rows[0])
        seen = set()
        for r in rows:
            key = (r["source_name"], r["source_path"])
            if key in seen:
                continue
            seen.add(key)
            result.sources.append({"article_id": article_id, "source_name": r["source_name"],
                                   "source_path": r["source_path"], "detected_encoding": r["detected_encoding"],
                                   "source_format": r["source_format"]})
    result.quarantine = sorted(quarantine, key=lambda r: (r["source_name"], r["source_path"], r["reason"]))
    return result


def read_folder(folder: Path, options: ReadOptions = ReadOptions()) -> IngestResult:
    """All articles of a folder, deduplicated by article id; sorted, deterministic rows."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder not found: {folder}")
    return read_listing(list_inputs(folder), options)


def folder_fingerprint(folder: Path) -> tuple[str, int, float | None]:
    """(digest of every input file's name, size and mtime; number of files; newest mtime) for the sensor."""
    entries = []
    newest = None
    for entry, stat in _input_entries(Path(folder)):
        if stat is None:
            continue
        entries.append(f"{entry.name}\t{stat.st_size}\t{stat.st_mtime_ns}")
        newest = stat.st_mtime if newest is None else max(newest, stat.st_mtime)
    entries.sort()
    digest = hashlib.sha256("\n".join(entries).encode("utf-8")).hexdigest()
    return digest, len(entries), newest
