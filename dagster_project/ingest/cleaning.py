"""What ingest removes from an article or refuses to believe, whatever the input format.

* Invisible characters: format controls (Unicode category Cf: zero-width spaces and joiners, bidi
  marks and isolates, the soft hyphen, the BOM) and control characters other than tab and line
  breaks. A reader does not see them, but a zero-width space inside "Lavrov" makes two words of
  it for spaCy, and bidi marks end up inside actor names. They are removed before the text is normalised and stored, so every
  character offset of the extraction points into the text as stored.
* Publication dates that cannot be true: after the time of ingest (a date inferred from
  "jusqu'en 2036", a bad ``published_time``) or before 1900. The date is left null and
  ``published_date_basis`` says why; the article itself loads like any other.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import unicodedata

from dagster_project.extraction.text import normalise_text

EARLIEST_PUBLICATION = dt.date(1900, 1, 1)
_KEPT_CONTROLS = frozenset("\t\n\r\f")
# The latest calendar date anywhere on Earth (UTC+14) at a given instant.
_LATEST_OFFSET = dt.timedelta(hours=14)


def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cf" or (category == "Cc" and char not in _KEPT_CONTROLS)


@functools.cache
def _invisible_run() -> re.Pattern:
    """One character class of every invisible code point of this Python's Unicode database (built once)."""
    points = [c for c in range(sys.maxunicode + 1) if _invisible(chr(c))]
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    members = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[{members}]+")


def strip_invisible(text: str) -> str:
    """The text without format and control characters (tab, newline, carriage return, form feed stay)."""
    return _invisible_run().sub("", text)


def clean_text(raw: str) -> str:
    """Invisible characters removed, then the text normalised (extraction.text.normalise_text)."""
    return normalise_text(strip_invisible(raw))


def clean_field(value: str | None) -> str | None:
    """A one-line field (title, author, url): invisible characters removed, spaces collapsed; None when empty."""
    if value is None:
        return None
    text = " ".join(strip_invisible(str(value)).split())
    return text or None


def latest_possible_date(now: dt.datetime | None = None) -> dt.date:
    """The latest date an article can bear at ingest time: today somewhere on Earth."""
    now = now or dt.datetime.now(dt.UTC)
    return (now.astimezone(dt.UTC) + _LATEST_OFFSET).date()


def believable_date(value: dt.date | None, basis: str, latest: dt.date) -> tuple[dt.date | None, str]:
    """(date, basis) when the date can be a publication date at ingest, else (None, basis with the reason)."""
    if value is None:
        return None, basis
    if value > latest:
        return None, f"{basis}: {value.isoformat()} lies after the time of ingest, left null"
    if value < EARLIEST_PUBLICATION:
        return None, f"{basis}: {value.isoformat()} lies before {EARLIEST_PUBLICATION.year}, left null"
    return value, basis
