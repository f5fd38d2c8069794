"""Keys in the operating system's keychain, one entry per config id."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field, fields

import keyring
import keyring.errors

from app.settings.model import KEYRING_SERVICE

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Secret:
    """A config's secrets: the API key, and for Bedrock Converse optional AWS access keys."""

    api_key: str = field(default="", repr=False)
    access_key_id: str = field(default="", repr=False)
    secret_access_key: str = field(default="", repr=False)
    session_token: str = field(default="", repr=False)

    def is_empty(self) -> bool:
        return not any(getattr(self, item.name) for item in fields(self))

    def encode(self) -> str:
        """Return the keychain password: the bare key when there is only a key.

        A bare key lets other tools read it with ``keyring get agent-models CONFIG_ID``.
        """
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        extras = {name: value for name, value in values.items() if name != "api_key" and value}
        if not extras:
            return self.api_key
        return json.dumps({name: value for name, value in values.items() if value})

    @classmethod
    def decode(cls, stored: str) -> Secret:
        if stored.startswith("{"):
            try:
                values = json.loads(stored)
            except ValueError:
                return cls(api_key=stored)
            if isinstance(values, dict):
                known = {item.name for item in fields(cls)}
                return cls(**{name: str(value) for name, value in values.items() if name in known})
        return cls(api_key=stored)


class KeychainError(Exception):
    """The keychain could not be used; the message names the fix."""


def _fix_hint() -> str:
    if sys.platform == "darwin":
        return "Unlock the login keychain in Keychain Access and try again."
    if sys.platform == "win32":
        return "Check that Windows Credential Manager is available for your account."
    return (
        "Start a Secret Service keychain and unlock it: install gnome-keyring (or KeePassXC "
        "with Secret Service enabled) and log in to a desktop session."
    )


def _keychain_error(action: str, error: Exception) -> KeychainError:
    if isinstance(error, keyring.errors.NoKeyringError):
        reason = "no keychain was found"
    elif isinstance(error, keyring.errors.KeyringLocked):
        reason = "the keychain is locked"
    else:
        reason = f"the keychain failed ({type(error).__name__})"
    logger.error("keychain %s failed: %s", action, reason)
    return KeychainError(f"Could not {action} the key: {reason}. {_fix_hint()}")


class KeyringSecretStore:
    """Secrets in the keychain under the service ``agent-models``."""

    storage = "keyring"

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def get(self, config_id: str) -> Secret | None:
        try:
            stored = keyring.get_password(self.service, config_id)
        except Exception as error:  # keyring backends raise many unrelated types
            raise _keychain_error("read", error) from None
        return None if stored is None else Secret.decode(stored)

    def set(self, config_id: str, secret: Secret) -> None:
        try:
            keyring.set_password(self.service, config_id, secret.encode())
        except Exception as error:  # keyring backends raise many unrelated types
            raise _keychain_error("store", error) from None

    def delete(self, config_id: str) -> None:
        try:
            keyring.delete_password(self.service, config_id)
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as error:  # keyring backends raise many unrelated types
            raise _keychain_error("delete", error) from None
