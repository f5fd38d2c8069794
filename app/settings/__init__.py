"""The settings file, its typed model, and the keychain that holds the keys."""

from app.settings.model import KEYRING_SERVICE, ProviderSettings, SecretRef, Settings
from app.settings.secrets import KeychainError, KeyringSecretStore, Secret
from app.settings.store import NewerSettingsError, SettingsError, SettingsStore

__all__ = [
    "KEYRING_SERVICE",
    "KeychainError",
    "KeyringSecretStore",
    "NewerSettingsError",
    "ProviderSettings",
    "Secret",
    "SecretRef",
    "Settings",
    "SettingsError",
    "SettingsStore",
]
