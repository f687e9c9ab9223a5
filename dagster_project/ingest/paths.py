"""Which entries of the input folder ingest may open, and how: never through a link.

A symbolic link in the input folder (``x.txt -> /etc/shadow``) would make ingest load, store and
serve a file from anywhere on the machine. Links are not followed: such an entry is quarantined
with reason ``symlink``, and so is any entry whose real path lies outside the folder. Files are
opened with ``O_NOFOLLOW`` (a file swapped for a link after the listing is refused too) and
``O_NONBLOCK`` (a FIFO never blocks the refresh), and must be regular files once open.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotFollowed(OSError):
    """The entry is a link, lies outside the input folder or is no regular file: it is not read."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def refusal(path: Path, folder: Path) -> NotFollowed | None:
    """Why ingest must not open this entry of the folder (a link, or a real path outside it), else None."""
    path = Path(path)
    try:
        if path.is_symlink():
            return NotFollowed("symlink", f"symbolic link to {os.readlink(path)}: links are not followed")
        real = Path(os.path.realpath(path))
    except OSError:
        return None  # gone: reading it reports it as vanished
    if not real.is_relative_to(Path(os.path.realpath(folder))):
        return NotFollowed("symlink", f"its real path {real} lies outside the input folder: not followed")
    return None


def open_input(path: Path) -> BinaryIO:
    """The file opened for reading in binary, never through a link and only if it is a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise NotFollowed("symlink", f"symbolic link to {os.readlink(path)}: links are not followed") from exc
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotFollowed("not_a_file", "not a regular file (a FIFO, socket or device): not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
