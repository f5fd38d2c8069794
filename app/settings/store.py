"""settings.json on disk: locked read-modify-write, atomic replace, backup, migration."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from pydantic import ValidationError

from app.settings.migrations import migrate
from app.settings.model import SCHEMA_VERSION, Settings

logger = logging.getLogger(__name__)

LOCK_TIMEOUT_S = 10.0
FILE_MODE = 0o600


class SettingsError(Exception):
    """A settings file that the program must not read or overwrite."""


class NewerSettingsError(SettingsError):
    """The file was written by a newer version of the program; it is left untouched."""


class SettingsLockedError(SettingsError):
    """Another process held the settings lock for too long."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """What happened to a settings file that could not be read."""

    moved_to: Path
    reason: str

    @property
    def message(self) -> str:
        return (
            f"The settings file could not be read ({self.reason}). It was moved to "
            f"{self.moved_to} and the program started with empty settings."
        )


class SettingsStore:
    """Reads and writes one settings.json; every write holds a lock shared across processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backup_path = path.with_name(path.name + ".bak")
        self._lock = FileLock(str(path.with_name(path.name + ".lock")), timeout=LOCK_TIMEOUT_S)
        self.last_recovery: Recovery | None = None

    def load(self) -> Settings:
        """Return the settings; a missing file is empty settings, an unreadable one is moved aside."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()

        try:
            data = json.loads(raw)
            return self._parse(data)
        except NewerSettingsError:
            raise
        except (ValueError, ValidationError) as error:
            return self._recover(error)

    def update(self, change: Callable[[Settings], Settings]) -> Settings:
        """Apply ``change`` to the current file under the lock and write the result atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._lock:
                current = self.load()
                updated = change(current)
                if updated != current or not self.path.exists():
                    self._write(updated)
                return updated
        except Timeout as error:
            raise SettingsLockedError(
                f"Another Agent Models process has held {self._lock.lock_file} for over "
                f"{LOCK_TIMEOUT_S:g} seconds. Close it, or delete the lock file if none runs."
            ) from error

    def _parse(self, data: Any) -> Settings:
        if not isinstance(data, dict):
            raise ValueError("the top level is not a JSON object")
        version = data.get("schema_version")
        if isinstance(version, int) and version > SCHEMA_VERSION:
            raise NewerSettingsError(
                f"{self.path} has schema_version {version}, but this version of Agent Models "
                f"reads up to {SCHEMA_VERSION}. Update Agent Models; the file was not changed."
            )
        return Settings.model_validate(migrate(data))

    def _recover(self, error: Exception) -> Settings:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        moved_to = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        os.replace(self.path, moved_to)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        self.last_recovery = Recovery(moved_to, reason)
        logger.error("settings unreadable, moved aside: path=%s moved_to=%s reason=%s", self.path, moved_to, reason)
        return Settings()

    def _write(self, settings: Settings) -> None:
        text = settings.model_dump_json(indent=2, exclude_none=False) + "\n"
        if self.path.exists():
            self._copy_to_backup()

        descriptor, temp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as temp_file:
                temp_file.write(text)
                temp_file.flush()
                os.fsync(temp_file.fileno())
            os.chmod(temp_name, FILE_MODE)
            os.replace(temp_name, self.path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _fsync_folder(self.path.parent)

    def _copy_to_backup(self) -> None:
        """Keep the last file that parsed, so a bad edit by hand can be undone."""
        try:
            raw = self.path.read_bytes()
            self._parse(json.loads(raw))
        except (OSError, ValueError, ValidationError, SettingsError):
            return
        temp_backup = self.backup_path.with_name(self.backup_path.name + ".tmp")
        temp_backup.write_bytes(raw)
        os.chmod(temp_backup, FILE_MODE)
        os.replace(temp_backup, self.backup_path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder, and needs no such step."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
