"""Atomic file replacement shared by the settings file and the key file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one.

    The data goes to a temporary file in the same folder, which is flushed, synced and
    renamed over ``path``. The folder is synced too, so that the rename survives a power
    loss. A process killed in between leaves the old file and a stray temporary file,
    which ``remove_stale_temp_files`` deletes under the writers' lock.
    """
    descriptor, temp_name = tempfile.mkstemp(
        prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove_stale_temp_files(path: Path) -> None:
    """Delete temporary files that a writer of ``path`` left when it died.

    Call it only while holding the lock that every writer of ``path`` holds, because
    then no temporary file of ``path`` belongs to a live writer.
    """
    for stale in path.parent.glob(f"{_temp_prefix(path)}*{TEMP_SUFFIX}"):
        stale.unlink(missing_ok=True)


def _temp_prefix(path: Path) -> str:
    """Return a prefix that ties a temporary file to its target file and to no other."""
    return f".{path.name}."


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable.

    Windows cannot open a folder, and its rename needs no such step.
    """
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
