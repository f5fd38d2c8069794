"""The settings file, its typed model, and the stores that hold the keys."""

from app.settings.model import KEYRING_SERVICE, ProviderSettings, SecretRef, Settings
from app.settings.secrets import (
    FileSecretStore,
    KeychainError,
    KeyringSecretStore,
    Secret,
    SecretFileError,
    SecretStoreError,
)
from app.settings.store import (
    NewerSettingsError,
    SettingsError,
    SettingsStore,
    UnreadableSettingsError,
)

__all__ = [
    "KEYRING_SERVICE",
    "FileSecretStore",
    "KeychainError",
    "KeyringSecretStore",
    "NewerSettingsError",
    "ProviderSettings",
    "Secret",
    "SecretFileError",
    "SecretRef",
    "SecretStoreError",
    "Settings",
    "SettingsError",
    "SettingsStore",
    "UnreadableSettingsError",
]
