"""Key storage: the operating system's keychain, or a key file that the user opted in to."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from filelock import FileLock, Timeout

from app.logging_setup import register_secret
from app.paths import make_private_folder, secrets_file_path
from app.settings.files import (
    PRIVATE_FILE_MODE,
    remove_stale_temp_files,
    write_atomically,
)
from app.settings.model import KEYRING_SERVICE

logger = logging.getLogger(__name__)

# The command that opts in to the key file; error messages name it as the alternative.
FILE_STORAGE_COMMAND = "agent-models secret-storage file"
SECRETS_FILE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Secret:
    """A config's secrets: the API key, and for Bedrock Converse optional AWS access keys."""

    api_key: str = field(default="", repr=False)
    access_key_id: str = field(default="", repr=False)
    secret_access_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)

    def is_empty(self) -> bool:
        return not any(getattr(self, item.name) for item in fields(self))

    def values(self) -> dict[str, str]:
        """Return the non-empty fields by name."""
        return {
            item.name: getattr(self, item.name) for item in fields(self) if getattr(self, item.name)
        }

    def encode(self) -> str:
        """Return the keychain password: the bare key when there is only a key.

        A bare key lets other tools read it with ``keyring get agent-models CONFIG_ID``.
        """
        values = self.values()
        if set(values) <= {"api_key"}:
            return self.api_key
        return json.dumps(values)

    @classmethod
    def decode(cls, stored: str) -> Secret:
        if stored.startswith("{"):
            try:
                values = json.loads(stored)
            except ValueError:
                return cls(api_key=stored)
            if isinstance(values, dict):
                return cls.from_values(values)
        return cls(api_key=stored)

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Secret:
        """Build a secret from a mapping, ignoring unknown names."""
        known = {item.name for item in fields(cls)}
        return cls(**{name: str(value) for name, value in values.items() if name in known})

    def register_for_redaction(self) -> None:
        """Redact these exact values from every later log line, whatever their shape."""
        for value in self.values().values():
            register_secret(value)


class SecretStore(Protocol):
    """The interface of the keychain store, the key file store and the store settings choose."""

    @property
    def storage(self) -> str: ...

    def get(self, config_id: str) -> Secret | None: ...
    def set(self, config_id: str, secret: Secret) -> None: ...
    def delete(self, config_id: str) -> None: ...


class SecretStoreError(Exception):
    """A key could not be read, stored or deleted; the message names the fix."""


class KeychainError(SecretStoreError):
    """The keychain could not be used. The message names the fix.

    ``action``, ``config_id`` and ``reason`` (one of the ``REASON_*`` names) let the window
    build the same message in the user's language, with a fix that fits a window.
    """

    def __init__(
        self,
        message: str,
        *,
        action: str = "",
        config_id: str = "",
        reason: str = "",
        failure_type: str = "",
    ) -> None:
        super().__init__(message)
        self.action = action
        self.config_id = config_id
        self.reason = reason
        self.failure_type = failure_type


class SecretFileError(SecretStoreError):
    """The key file could not be used; the message names the fix."""


def _fix_hint() -> str:
    if sys.platform == "darwin":
        hint = "Unlock the login keychain in Keychain Access and try again"
    elif sys.platform == "win32":
        hint = "Check that Windows Credential Manager is available for your account"
    else:
        hint = (
            "Install and start a Secret Service keychain (gnome-keyring, or KeePassXC with "
            "Secret Service enabled), unlock its default keyring, and try again"
        )
    return f"{hint}. Or keep keys in a file readable only by you: {FILE_STORAGE_COMMAND}."


# Exceptions of the Secret Service stack, by class name, because secretstorage and
# jeepney exist only on Linux.
_LOCKED_NAMES = frozenset({"LockedException", "PromptDismissedException"})
_NO_SERVICE_NAMES = frozenset({"SecretServiceNotAvailableException", "DBusErrorResponse"})


REASON_MISSING = "missing"
REASON_LOCKED = "locked"
REASON_UNOPENED = "unopened"
REASON_NO_SERVICE = "no_service"
REASON_FAILED = "failed"

_REASON_TEXTS = {
    REASON_MISSING: "no keychain was found",
    REASON_LOCKED: "the keychain is locked",
    REASON_UNOPENED: "the keychain could not be opened; it may be locked or have no default "
    "keyring",
    REASON_NO_SERVICE: "no Secret Service keychain answered on D-Bus",
    REASON_FAILED: "the keychain failed ({failure_type})",
}


def _reason(error: Exception) -> str:
    """Return the ``REASON_*`` name of a keychain failure."""
    names = {cls.__name__ for cls in type(error).__mro__}
    cause = error.__cause__ or error.__context__
    if cause is not None:
        names |= {cls.__name__ for cls in type(cause).__mro__}
    if isinstance(error, keyring.errors.NoKeyringError):
        return REASON_MISSING
    if isinstance(error, keyring.errors.KeyringLocked) or names & _LOCKED_NAMES:
        return REASON_LOCKED
    if isinstance(error, keyring.errors.InitError):
        return REASON_UNOPENED
    if names & _NO_SERVICE_NAMES:
        return REASON_NO_SERVICE
    return REASON_FAILED


def keychain_error(action: str, config_id: str, error: Exception) -> KeychainError:
    """Return the error to raise for a keychain failure, with the reason and the fix."""
    reason = _reason(error)
    failure_type = type(error).__name__
    reason_text = _REASON_TEXTS[reason].format(failure_type=failure_type)
    logger.error("keychain %s failed: config_id=%s reason=%s", action, config_id, reason_text)
    return KeychainError(
        f"Could not {action} the key of {config_id!r}: {reason_text}. {_fix_hint()}",
        action=action,
        config_id=config_id,
        reason=reason,
        failure_type=failure_type,
    )


class KeyringSecretStore:
    """Secrets in the keychain under the service ``agent-models``."""

    storage = "keyring"

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def get(self, config_id: str) -> Secret | None:
        try:
            stored = keyring.get_password(self.service, config_id)
        except Exception as error:  # keyring backends raise many unrelated types
            raise keychain_error("read", config_id, error) from None
        if stored is None:
            return None
        secret = Secret.decode(stored)
        secret.register_for_redaction()
        return secret

    def set(self, config_id: str, secret: Secret) -> None:
        secret.register_for_redaction()
        try:
            keyring.set_password(self.service, config_id, secret.encode())
        except Exception as error:  # keyring backends raise many unrelated types
            raise keychain_error("store", config_id, error) from None

    def delete(self, config_id: str) -> None:
        try:
            keyring.delete_password(self.service, config_id)
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as error:  # keyring backends raise many unrelated types
            raise keychain_error("delete", config_id, error) from None


class FileSecretStore:
    """Secrets in a JSON file that only the user can read (mode 0600), for use without a keychain.

    Only an explicit opt-in (``secret_storage: "file"`` in settings.json) puts keys here.
    The store rejects the file while group or others have access to it, as ssh does
    with private keys. NOTE: on Windows the mode bits do not restrict other users; the file
    relies on the profile folder's access control there.
    """

    storage = "file"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or secrets_file_path()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock = FileLock(
            str(self.lock_path), timeout=10.0, mode=PRIVATE_FILE_MODE, poll_interval=0.005
        )

    def get(self, config_id: str) -> Secret | None:
        values = self._read().get(config_id)
        if not isinstance(values, dict):
            return None
        secret = Secret.from_values(values)
        secret.register_for_redaction()
        return None if secret.is_empty() else secret

    def set(self, config_id: str, secret: Secret) -> None:
        secret.register_for_redaction()
        self._change(lambda secrets: secrets | {config_id: secret.values()})
        logger.info("key stored in the key file: config_id=%s path=%s", config_id, self.path)

    def delete(self, config_id: str) -> None:
        if not self.path.exists():
            return
        self._change(
            lambda secrets: {key: value for key, value in secrets.items() if key != config_id}
        )

    def config_ids(self) -> list[str]:
        """Return the ids of the configs that have a key in the file."""
        return sorted(self._read())

    def _change(self, change: Any) -> None:
        make_private_folder(self.path.parent)
        try:
            with self._lock:
                remove_stale_temp_files(self.path)
                secrets = change(self._read())
                document = {"format": SECRETS_FILE_FORMAT, "secrets": secrets}
                write_atomically(self.path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))
        except Timeout:
            raise SecretFileError(
                f"Another Agent Models process has held {self.lock_path} for over 10 seconds. "
                "Close it, or delete the lock file if none runs."
            ) from None
        except OSError as error:
            raise SecretFileError(
                f"Could not write the key file {self.path}: {error.strerror or error}. "
                "Check that its folder is writable by your user."
            ) from None

    def _read(self) -> dict[str, Any]:
        try:
            descriptor = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise SecretFileError(
                f"Could not read the key file {self.path}: {error.strerror or error}."
            ) from None
        with os.fdopen(descriptor, "rb") as secrets_file:
            self._check_private(os.fstat(secrets_file.fileno()))
            raw = secrets_file.read()
        try:
            document = json.loads(raw)
        except ValueError as error:
            raise SecretFileError(
                f"The key file {self.path} could not be parsed ({error}). Rename it to keep "
                "it, then save the keys again."
            ) from None
        secrets = document.get("secrets") if isinstance(document, dict) else None
        if not isinstance(secrets, dict):
            raise SecretFileError(
                f"The key file {self.path} has no 'secrets' object. Rename it to keep it, "
                "then save the keys again."
            )
        return secrets

    def _check_private(self, status: os.stat_result) -> None:
        if os.name != "posix":
            return
        if status.st_uid != os.getuid():
            raise SecretFileError(
                f"The key file {self.path} belongs to another user (uid {status.st_uid}). "
                "Delete it and save the keys again."
            )
        if status.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            mode = stat.S_IMODE(status.st_mode)
            raise SecretFileError(
                f"The key file {self.path} can be read by other users (mode {mode:04o}), so "
                f"it was not used. Run: chmod 600 {self.path}"
            )
