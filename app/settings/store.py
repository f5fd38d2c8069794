"""settings.json on disk: locked read-modify-write, atomic replace, backup, migration, recovery."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from filelock import FileLock, Timeout
from pydantic import ValidationError

from app.i18n import QT_TRANSLATE_NOOP
from app.paths import SECRETS_FILE_NAME, make_private_folder
from app.settings.files import (
    PRIVATE_FILE_MODE,
    remove_stale_temp_files,
    write_atomically,
)
from app.settings.migrations import file_version, legacy_keys, migrate
from app.settings.model import (
    SCHEMA_VERSION,
    SecretRef,
    SecretStorage,
    Settings,
    as_secret_storage,
)
from app.settings.secrets import FileSecretStore, KeyringSecretStore, Secret, SecretStoreError

logger = logging.getLogger(__name__)

LOCK_TIMEOUT_S = 10.0
# How often a waiting writer retries the lock. A write takes a few milliseconds, so the
# library's default of 50 ms would make a waiting window or CLI call mostly sleep.
LOCK_POLL_S = 0.005
FILE_MODE = PRIVATE_FILE_MODE

T = TypeVar("T")


SETTINGS_CONTEXT = "settings"

LOCKED = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "Another Agent Models process has held {path} for over {seconds} seconds. Close it, or "
    "delete the lock file if none runs.",
)
READ_FOLDER = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "Cannot read {path}: it is a folder, not a file. Remove or rename that folder, then try again.",
)
READ_FAILED = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "Cannot read {path}: {reason}. Check the file's permissions; it must be readable and "
    "writable by your user.",
)
NEWER_VERSION = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "{path} has schema_version {version}, but this version of Agent Models reads up to "
    "{supported}. Update Agent Models; the file was not changed.",
)
UNPARSABLE = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "{path} could not be parsed ({reason}). Open Agent Models to move it aside and restore "
    "the backup, or fix the file by hand.",
)
INVALID_JSON = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "not valid JSON at line {line}, column {column}")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "the top level is not a JSON object")
FIELD_INVALID = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "{field}: {problem}")
IMPORT_UNPARSABLE = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "{path} cannot be imported: {problem}. Choose a file exported by Agent Models.",
)
# A write error is the failed step, then its fix, then this sentence.
WRITE_FAILED = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "{step} {fix} Nothing was changed.")
STEP_CREATE_FOLDER = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT, "Could not create the settings folder {path} ({reason})."
)
STEP_LOCK = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "Could not lock {path} ({reason}).")
STEP_WRITE = QT_TRANSLATE_NOOP(SETTINGS_CONTEXT, "Could not write {path} ({reason}).")
STEP_MOVE_ASIDE = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT, "Could not move the unreadable {path} aside ({reason})."
)
FIX_IS_FOLDER = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT, "{culprit} is a folder, not a file. Remove or rename that folder."
)
FIX_IS_FILE = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "{culprit} or one of its parent folders is a file. Remove or rename that file, or set "
    "AGENT_MODELS_CONFIG_DIR to another folder.",
)
FIX_WRITABLE = QT_TRANSLATE_NOOP(
    SETTINGS_CONTEXT,
    "Check that the folder {folder} exists and is writable by you, and that the disk is not full.",
)


@dataclass(frozen=True, slots=True)
class Text:
    """An English template marked for translation, with its arguments.

    An argument may be a Text of its own, such as the step and the fix of a write error.
    """

    template: str
    args: dict[str, str | Text]

    def __str__(self) -> str:
        return self.template.format(**{key: str(value) for key, value in self.args.items()})


class SettingsError(Exception):
    """A settings file that the program must not read or overwrite.

    ``text`` is the message as a template and arguments, for the window to translate. It is
    None for messages built in English only.
    """

    def __init__(self, message: str | Text) -> None:
        super().__init__(str(message))
        self.text = message if isinstance(message, Text) else None


class SettingsWriteError(SettingsError):
    """settings.json could not be written; the file on disk is unchanged."""


class NewerSettingsError(SettingsError):
    """The file was written by a newer version of the program; it is left untouched."""


class UnreadableSettingsError(SettingsError):
    """The file cannot be parsed, and the caller may not move it aside (a read-only load)."""


class SettingsLockedError(SettingsError):
    """Another process held the settings lock for too long."""


class SecretWriter(Protocol):
    """The store that receives the keys found in plain text in a version-0 file."""

    @property
    def storage(self) -> str: ...

    def set(self, config_id: str, secret: Secret) -> None: ...


@dataclass(frozen=True, slots=True)
class Recovery:
    """The outcome of moving aside a settings file that could not be parsed."""

    moved_to: Path
    reason: str
    restored_from: Path | None = None
    # ``reason`` as a template and arguments, for the window to translate.
    reason_text: Text | None = None

    @property
    def message(self) -> str:
        """Return the text to show the user: what failed, where the file went, what was loaded."""
        if self.restored_from is not None:
            loaded = f"the settings were restored from the backup {self.restored_from}"
        else:
            loaded = "the program started with empty settings"
        return (
            f"The settings file could not be read ({self.reason}). It was moved to "
            f"{self.moved_to} and {loaded}."
        )


class SettingsStore:
    """Reads and writes one settings.json; every write holds a lock shared across processes.

    ``load`` and ``update`` belong to the program that owns the file (the window and the
    command line): they may migrate an older file on disk and move an unparsable one
    aside. ``load_read_only`` is for agent processes: it never writes, moves or locks.
    """

    def __init__(self, path: Path, legacy_key_store: SecretWriter | None = None) -> None:
        self.path = path
        self.backup_path = path.with_name(path.name + ".bak")
        self.lock_path = path.with_name(path.name + ".lock")
        self._lock = FileLock(
            str(self.lock_path), timeout=LOCK_TIMEOUT_S, mode=FILE_MODE, poll_interval=LOCK_POLL_S
        )
        self._legacy_key_store = legacy_key_store
        self.last_recovery: Recovery | None = None
        # Why ``load`` could not migrate an older file on disk, for the window to show.
        self.last_migration_error: str | None = None

    def load(self) -> Settings:
        """Return the settings; a missing file is empty settings.

        An unparsable file is moved aside (see ``last_recovery``), and a file of an older
        version is migrated on disk, both under the lock. A newer file raises
        ``NewerSettingsError`` and stays as it is.
        """
        raw = self._read_bytes()
        if raw is None:
            return Settings()
        try:
            data = decode_settings(raw)
            settings = self._parse(data)
        except NewerSettingsError:
            raise
        except (ValueError, ValidationError):
            return self._locked(self._load_for_write)
        if file_version(data) < SCHEMA_VERSION:
            try:
                return self._locked(self._load_for_write)
            except (SecretStoreError, SettingsWriteError) as error:
                # The keys of a version-0 file could not move to their store, or the folder
                # cannot be locked or written. Keep the file as it is, keys included, and
                # work with the migrated copy in memory.
                self.last_migration_error = str(error)
                logger.error("settings migration postponed: path=%s error=%s", self.path, error)
        return settings

    def load_read_only(self) -> Settings:
        """Return the settings without writing, moving or locking anything.

        An older file is migrated in memory only. An unparsable file raises
        ``UnreadableSettingsError``, a newer one ``NewerSettingsError``.
        """
        raw = self._read_bytes()
        if raw is None:
            return Settings()
        try:
            return self._parse(decode_settings(raw))
        except NewerSettingsError:
            raise
        except (ValueError, ValidationError) as error:
            raise UnreadableSettingsError(
                Text(UNPARSABLE, {"path": str(self.path), "reason": parse_problem(error)})
            ) from None

    def update(
        self, change: Callable[[Settings], Settings], *, key_storage: SecretStorage | None = None
    ) -> Settings:
        """Apply ``change`` to the current file under the lock and write the result atomically.

        ``key_storage`` names the store that receives the keys of a version-0 file, in place
        of the file's own ``secret_storage``. A switch of ``secret_storage`` passes its target,
        so that opting in to the key file also migrates a file that the keychain could not.
        """

        def read_change_write() -> Settings:
            current = self._load_for_write(key_storage)
            self._remove_stale_temp_files()
            updated = change(current)
            if updated != current or not self.path.exists():
                self._write(updated)
            return updated

        return self._locked(read_change_write)

    # Everything below runs with the lock held.

    def _load_for_write(self, key_storage: SecretStorage | None = None) -> Settings:
        raw = self._read_bytes()
        if raw is None:
            return Settings()
        try:
            data = decode_settings(raw)
            settings = self._parse(data)
        except NewerSettingsError:
            raise
        except (ValueError, ValidationError) as error:
            return self._recover(error)

        version = file_version(data)
        if version < SCHEMA_VERSION:
            settings = self._migrate_on_disk(raw, data, version, settings, key_storage)
        return settings

    def _migrate_on_disk(
        self,
        raw: bytes,
        data: dict[str, Any],
        version: int,
        settings: Settings,
        key_storage: SecretStorage | None,
    ) -> Settings:
        """Write the migrated file, keeping a copy of the old one unless it contains keys.

        A version-0 file contains keys in plain text. They move first to the store that
        ``key_storage`` or else the file's ``secret_storage`` names: the keychain unless the
        user opted in to the key file. If that fails, the error propagates and the old file
        stays, keys included, so that no key is lost.
        """
        keys = legacy_keys(data)
        if keys:
            store = self._legacy_key_store or self._key_store(
                key_storage or settings.secret_storage
            )
            for config_id, api_key in keys.items():
                store.set(config_id, Secret(api_key=api_key))
            settings = _point_refs_at(settings, keys, store.storage)
            logger.info(
                "moved %d keys from the version-0 settings file to %s", len(keys), store.storage
            )
        else:
            copy = self.path.with_name(f"{self.path.name}.v{version}.bak")
            try:
                write_atomically(copy, raw)
            except OSError as error:
                raise _write_error(STEP_WRITE, copy, error, self.path.parent) from error
            logger.info("kept the version-%d settings file as %s", version, copy)

        self._write(settings, back_up=False)
        logger.info(
            "settings migrated: path=%s from_version=%d to_version=%d",
            self.path,
            version,
            SCHEMA_VERSION,
        )
        return settings

    def _key_store(self, storage: SecretStorage) -> SecretWriter:
        if storage == "file":
            return FileSecretStore(self.path.with_name(SECRETS_FILE_NAME))
        return KeyringSecretStore()

    def _recover(self, error: Exception) -> Settings:
        """Move the unparsable file aside and restore the backup if it parses.

        With a backup, the file is copied aside and then replaced in one step, so that a
        reader without the lock never finds settings.json missing. ``last_recovery`` is set
        before the restored file appears, so such a reader that loads it finds the reason too.
        """
        reason_text = parse_problem(error)
        reason = str(reason_text)
        moved_to = self._corrupt_name()
        backup = self._read_backup()
        try:
            if backup is None:
                os.replace(self.path, moved_to)
            else:
                shutil.copy2(self.path, moved_to)
        except OSError as move_error:
            raise _write_error(
                STEP_MOVE_ASIDE, self.path, move_error, self.path.parent
            ) from move_error

        if backup is None:
            recovery = Recovery(moved_to, reason, reason_text=reason_text)
            self.last_recovery = recovery
            settings = Settings()
        else:
            backup_raw, settings = backup
            previous_recovery = self.last_recovery
            recovery = Recovery(moved_to, reason, self.backup_path, reason_text)
            self.last_recovery = recovery
            try:
                write_atomically(self.path, backup_raw)
            except OSError as restore_error:
                self.last_recovery = previous_recovery
                logger.error(
                    "settings backup not restored: path=%s backup=%s error=%s",
                    self.path,
                    self.backup_path,
                    restore_error,
                )
                raise SettingsWriteError(
                    f"The unreadable {self.path} was copied to {moved_to}, but the backup "
                    f"{self.backup_path} could not be copied in its place "
                    f"({restore_error.strerror or restore_error}). Check that the folder is "
                    "writable by you, then copy the backup to settings.json by hand."
                ) from restore_error

        restored_from = recovery.restored_from
        logger.error(
            "settings unreadable, moved aside: path=%s moved_to=%s restored_from=%s reason=%s",
            self.path,
            moved_to,
            restored_from,
            reason,
        )
        return settings

    def _write(self, settings: Settings, *, back_up: bool = True) -> None:
        text = settings.model_dump_json(indent=2) + "\n"
        try:
            make_private_folder(self.path.parent)
            if back_up:
                self._copy_to_backup()
            write_atomically(self.path, text.encode("utf-8"))
        except OSError as error:
            raise _write_error(STEP_WRITE, self.path, error, self.path.parent) from error

    def _remove_stale_temp_files(self) -> None:
        """Delete the temporary files of dead writers; a failure only leaves them for later."""
        try:
            remove_stale_temp_files(self.path)
            remove_stale_temp_files(self.backup_path)
        except OSError as error:
            logger.warning("stale temporary files not removed: path=%s error=%s", self.path, error)

    def _copy_to_backup(self) -> None:
        """Keep the last file that parsed, so that a damaged or bad file can be undone."""
        raw = self._read_bytes()
        if raw is None:
            return
        try:
            data = decode_settings(raw)
            self._parse(data)
        except (ValueError, ValidationError, SettingsError):
            return
        if legacy_keys(data):
            return  # the backup must never hold a key
        write_atomically(self.backup_path, raw)

    def _read_backup(self) -> tuple[bytes, Settings] | None:
        try:
            raw = self.backup_path.read_bytes()
            data = decode_settings(raw)
            if legacy_keys(data):
                return None
            return raw, self._parse(data)
        except (OSError, ValueError, ValidationError, SettingsError):
            return None

    def _corrupt_name(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while candidate.exists():
            number += 1
            candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
        return candidate

    # Helpers that need no lock.

    def _locked(self, action: Callable[[], T]) -> T:
        folder = self.path.parent
        try:
            make_private_folder(folder)
        except OSError as error:
            raise _write_error(STEP_CREATE_FOLDER, folder, error, folder) from error

        try:
            self._lock.acquire()
        except Timeout as error:  # a subclass of OSError, so it comes first
            raise SettingsLockedError(
                Text(LOCKED, {"path": str(self.lock_path), "seconds": f"{LOCK_TIMEOUT_S:g}"})
            ) from error
        except OSError as error:
            raise _write_error(STEP_LOCK, self.lock_path, error, folder) from error

        try:
            return action()
        finally:
            self._lock.release()

    def _read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise SettingsError(Text(READ_FOLDER, {"path": str(self.path)})) from None
        except OSError as error:
            reason = str(error.strerror or error)
            raise SettingsError(
                Text(READ_FAILED, {"path": str(self.path), "reason": reason})
            ) from None

    def _parse(self, data: dict[str, Any]) -> Settings:
        return parse_settings(data, str(self.path))


def parse_settings(data: dict[str, Any], source: str) -> Settings:
    """Return the settings in a parsed settings file, migrated to the current version.

    Raises ``NewerSettingsError`` for a file of a newer version, and ``ValueError`` or
    pydantic's ``ValidationError`` for one that does not match the model. ``source``
    names the file in the message.
    """
    version = file_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSettingsError(
            Text(
                NEWER_VERSION,
                {"path": source, "version": str(version), "supported": str(SCHEMA_VERSION)},
            )
        )
    return Settings.model_validate(migrate(data))


def decode_settings(raw: bytes) -> dict[str, Any]:
    """Parse a settings file's bytes; anything but a JSON object raises ValueError."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(NOT_AN_OBJECT)
    return data


def _write_error(step: str, path: Path, error: OSError, folder: Path) -> SettingsWriteError:
    """Log an OSError that stopped a change of the settings folder, and return the error to raise.

    ``step`` is one of the ``STEP_*`` templates, filled with ``path`` and the OS's reason.
    """
    reason = str(error.strerror or error)
    step_text = Text(step, {"path": str(path), "reason": reason})
    logger.error("settings change failed: %s", step_text)
    if isinstance(error, IsADirectoryError) and error.filename:
        fix = Text(FIX_IS_FOLDER, {"culprit": str(error.filename)})
    elif isinstance(error, FileExistsError | NotADirectoryError) and error.filename:
        fix = Text(FIX_IS_FILE, {"culprit": str(error.filename)})
    else:
        fix = Text(FIX_WRITABLE, {"folder": str(folder)})
    return SettingsWriteError(Text(WRITE_FAILED, {"step": step_text, "fix": fix}))


def parse_problem(error: Exception) -> Text:
    """Return why a settings file could not be parsed, in one line.

    For invalid JSON it is the line and column, and for a model mismatch the first field
    and what is wrong with it.
    """
    if isinstance(error, json.JSONDecodeError):
        return Text(INVALID_JSON, {"line": str(error.lineno), "column": str(error.colno)})
    if isinstance(error, ValidationError) and error.errors():
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        if location:
            return Text(FIELD_INVALID, {"field": location, "problem": first["msg"]})
        return Text("{problem}", {"problem": first["msg"]})
    if str(error) == NOT_AN_OBJECT:
        return Text(NOT_AN_OBJECT, {})
    text = str(error)
    return Text("{problem}", {"problem": text.splitlines()[0] if text else type(error).__name__})


def _point_refs_at(settings: Settings, config_ids: dict[str, str], storage: str) -> Settings:
    """Return ``settings`` with the given configs' key references set to ``storage``."""
    providers = dict(settings.providers)
    for config_id in config_ids:
        config = providers.get(config_id)
        if config is None:
            continue
        ref = SecretRef(storage=as_secret_storage(storage), username=config_id)
        providers[config_id] = config.model_copy(update={"secret_ref": ref})
    return settings.model_copy(update={"providers": providers})
