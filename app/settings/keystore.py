"""The secret store that settings.json chooses: the keychain, or the key file after an opt-in."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.paths import SECRETS_FILE_NAME
from app.settings.model import SecretRef, SecretStorage, Settings
from app.settings.secrets import (
    FileSecretStore,
    KeyringSecretStore,
    Secret,
    SecretStoreError,
)
from app.settings.store import SettingsStore

logger = logging.getLogger(__name__)


class SettingsSecretStore:
    """Reads each key from the store its ``secret_ref`` names, and stores new keys in the
    store that ``secret_storage`` names.

    It has the ``storage``, ``get``, ``set`` and ``delete`` of the other secret stores,
    so ``ModelService`` can use it in their place. Agent processes pass
    ``read_only=True``: the settings file is then read with ``load_read_only``.
    """

    def __init__(
        self,
        store: SettingsStore,
        *,
        read_only: bool = False,
        keyring_store: KeyringSecretStore | None = None,
        file_store: FileSecretStore | None = None,
    ) -> None:
        self.settings_store = store
        self.read_only = read_only
        self.keyring_store = keyring_store or KeyringSecretStore()
        self.file_store = file_store or FileSecretStore(store.path.with_name(SECRETS_FILE_NAME))

    @property
    def storage(self) -> str:
        """The store that ``set`` uses now: "keyring" or "file"."""
        return self._settings().secret_storage

    def store_for(self, storage: str) -> KeyringSecretStore | FileSecretStore:
        return self.file_store if storage == "file" else self.keyring_store

    def get(self, config_id: str) -> Secret | None:
        """Return the config's secret from the store its reference names, or None."""
        return self.store_for(self._storage_of(config_id)).get(config_id)

    def set(self, config_id: str, secret: Secret) -> None:
        """Store the secret where ``secret_storage`` points, and drop the copy in its old store.

        The old store is the one the config's current ``secret_ref`` names. A config kept
        in the key file never touches the keychain, which could ask to be unlocked.
        """
        settings = self._settings()
        target = settings.secret_storage
        self.store_for(target).set(config_id, secret)
        old = _ref_storage(settings, config_id)
        if old is not None and old != target:
            self.discard(old, config_id)

    def delete(self, config_id: str) -> None:
        """Delete the config's secret from the store that contains it.

        A key whose reference names the keychain is also deleted from the key file, where
        an interrupted storage switch may have left a copy. A failure there is only logged.
        """
        holder = self._storage_of(config_id)
        if holder == "keyring":
            self.discard("file", config_id)
        self.store_for(holder).delete(config_id)

    def _storage_of(self, config_id: str) -> str:
        settings = self._settings()
        return _ref_storage(settings, config_id) or settings.secret_storage

    def _settings(self) -> Settings:
        if self.read_only:
            return self.settings_store.load_read_only()
        return self.settings_store.load()

    def discard(self, storage: str, config_id: str) -> None:
        """Delete a copy of the key from ``storage``, logging instead of raising on failure."""
        try:
            self.store_for(storage).delete(config_id)
        except SecretStoreError as error:
            logger.warning(
                "could not delete a stale key copy: config_id=%s storage=%s error=%s",
                config_id,
                storage,
                error,
            )


def _ref_storage(settings: Settings, config_id: str) -> str | None:
    """Return where the config's key is kept, or None for an unsaved config or one without a key."""
    config = settings.providers.get(config_id)
    if config is None or config.secret_ref is None:
        return None
    return config.secret_ref.storage


@dataclass(frozen=True, slots=True)
class StorageSwitch:
    """The result of a storage switch: the keys moved, and those that could not be read."""

    storage: str
    moved: list[str] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        where = "a file readable only by you" if self.storage == "file" else "the keychain"
        text = f"New keys are now stored in {where}."
        if self.moved:
            text += f" Moved: {', '.join(self.moved)}."
        if self.unreadable:
            text += f" Could not read, save these again: {', '.join(sorted(self.unreadable))}."
        return text


def switch_secret_storage(
    secrets: SettingsSecretStore, storage: SecretStorage, *, move_keys: bool = True
) -> StorageSwitch:
    """Set ``secret_storage`` and, with ``move_keys``, move every saved key to that store.

    This is the only function that turns the key file on; nothing chooses it by itself.
    A key that cannot be read from its old store stays there and is listed in
    ``unreadable``. A key that moved is deleted from its old store when possible.
    """
    store = secrets.settings_store
    store.update(
        lambda settings: settings.model_copy(update={"secret_storage": storage}),
        key_storage=storage,
    )
    logger.info("secret storage switched: storage=%s", storage)
    if not move_keys:
        return StorageSwitch(storage)

    moved: list[str] = []
    unreadable: dict[str, str] = {}
    for config_id, config in store.load().providers.items():
        ref = config.secret_ref
        if ref is None or ref.storage == storage:
            continue
        try:
            secret = secrets.store_for(ref.storage).get(config_id)
            if secret is None:
                unreadable[config_id] = f"no key for {config_id!r} in the {ref.storage}"
                continue
            secrets.store_for(storage).set(config_id, secret)
        except SecretStoreError as error:
            unreadable[config_id] = str(error)
            continue
        _point_ref(
            store, config_id, SecretRef(storage=storage, service=ref.service, username=ref.username)
        )
        secrets.discard(ref.storage, config_id)
        moved.append(config_id)

    logger.info(
        "keys moved: storage=%s moved=%d unreadable=%d", storage, len(moved), len(unreadable)
    )
    return StorageSwitch(storage, moved, unreadable)


def _point_ref(store: SettingsStore, config_id: str, ref: SecretRef) -> None:
    def change(settings: Settings) -> Settings:
        config = settings.providers.get(config_id)
        if config is None:
            return settings
        return settings.with_provider(config_id, config.model_copy(update={"secret_ref": ref}))

    store.update(change)
