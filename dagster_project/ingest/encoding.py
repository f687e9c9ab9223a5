"""Bytes to text for ingest: what the bytes say first, charset-normalizer where they do not, never mojibake.

In this order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides; invalid bytes after it: ``undecodable``;
2. binary content (file signatures, NUL bytes, control characters): ``binary``;
3. valid UTF-8 is UTF-8 (``ascii`` when it is plain ASCII), whatever a page declares: pages that
   declare a legacy charset but are saved as UTF-8 are common, and the other way round is not;
4. bytes that are mostly UTF-8 but hold invalid sequences are corrupted UTF-8: ``invalid_utf8``
   (guessing a legacy code page for them would store mojibake);
5. the charset a page declares (``<meta charset>``, ``http-equiv``, ``<?xml encoding>``) when the
   bytes decode with it; ``iso-8859-1`` and ``us-ascii`` are read as Windows-1252, as browsers do;
6. charset-normalizer's guess, when it recognises a language in the result (Russian in cp1251 or
   KOI8-R, Greek, DOS or Mac French...), unless Windows-1252 reads the bytes as cleanly: the
   Western code page stays the default for French text, and short texts, where no language can be
   recognised, are not given a Central European or Baltic code page that would garble their accents;
7. otherwise Windows-1252 if it decodes the bytes (``cp1252`` when bytes 0x80-0x9F occur, else
   ``iso-8859-1``), and ``undecodable`` when nothing does.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_BINARY_SIGNATURES = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive",
    b"PK\x05\x06": "zip archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"7z\xbc\xaf": "7z archive",
    b"Rar!": "rar archive",
    b"\xd0\xcf\x11\xe0": "OLE document",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
}
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# A valid UTF-8 multi-byte sequence: evidence that undecodable bytes are corrupted UTF-8, not cp1252.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
                             rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf4][\x80-\xbf]{3}")
_DECLARED = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)"
                       rb"|<\?xml[^>]{0,100}?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_WESTERN_LABELS = {"iso8859-1", "ascii", "cp1252"}  # codecs.lookup names browsers read as windows-1252
_WESTERN = ("cp1252", "latin_1")  # charset-normalizer's names for them


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None when the bytes could not be decoded
    encoding: str  # what they were decoded from, or "binary" / "unknown" / the failed codec
    problem: str | None = None  # the reason in words when text is None
    code: str | None = None  # the quarantine reason code when text is None


def binary_kind(data: bytes) -> str | None:
    """What kind of binary content the bytes are (by signature, NUL bytes or control characters), or None."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and len(data) >= 12:
        return _RIFF_KINDS.get(data[8:12], "RIFF media")
    if b"\x00" in data[:65536]:
        return "NUL bytes"
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # in C: it runs on every .jsonl line
    if sample and controls / len(sample) > 0.05:
        return "control characters"
    return None


def declared_charset(data: bytes) -> str | None:
    """The codec a page or XML document declares in its first 4 KiB, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").strip().lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _western(data: bytes) -> Decoded | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "iso-8859-1")


def _guessed(data: bytes) -> Decoded | None:
    """charset-normalizer's reading, when it recognises a language and Windows-1252 is not as clean."""
    from charset_normalizer import from_bytes  # imported on first use: most input is UTF-8

    matches = list(from_bytes(data))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    if any(match.encoding in _WESTERN and match.chaos <= cleanest for match in matches):
        return None
    best = matches[0]
    if not best.coherence:  # no language recognised in the result: no evidence for that code page
        return None
    return Decoded(str(best), codecs.lookup(best.encoding).name)


def decode_bytes(data: bytes) -> Decoded:
    """The text of the bytes and their encoding, or why they cannot be decoded (see the module docstring)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = name.removesuffix("-sig")
            try:
                return Decoded(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError as exc:
                return Decoded(None, name, f"undecodable: invalid {name} after its byte-order mark ({exc.reason} "
                                           f"at byte {exc.start + len(bom)})", "undecodable")
    kind = binary_kind(data)
    if kind is not None:
        return Decoded(None, "binary", "binary content" + ("" if kind == "NUL bytes" else f" ({kind})"), "binary")
    try:
        text = data.decode("utf-8")
        return Decoded(text, "ascii" if text.isascii() else "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    valid_multibyte = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if valid_multibyte and valid_multibyte >= max(1, invalid // 4):  # mostly UTF-8: corrupted, not cp1252
        return Decoded(None, "utf-8", f"invalid UTF-8: {invalid} bad byte sequence(s), the first at byte "
                                      f"{first_error.start} ({first_error.reason})", "invalid_utf8")
    declared = declared_charset(data)
    if declared in _WESTERN_LABELS:
        western = _western(data)
        if western is not None:
            return western
    elif declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    decoded = _guessed(data) or _western(data)
    if decoded is None:
        return Decoded(None, "unknown", "undecodable: no encoding reads these bytes as text (not UTF-8, nor "
                                        "Windows-1252 / ISO-8859-1, nor a code page charset-normalizer recognises)",
                       "undecodable")
    return decoded
