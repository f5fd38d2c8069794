"""Key changes that are undone when the settings write that goes with them fails."""

from __future__ import annotations

import logging

from app.settings.secrets import Secret, SecretStore, SecretStoreError

logger = logging.getLogger(__name__)


class KeyChanges:
    """The keys that one operation stored or deleted, with the values they replaced.

    Call ``restore`` when the settings write that goes with the keys fails: it puts each
    replaced key back and deletes each key that was new, so that the secret store and
    settings.json still agree.
    """

    def __init__(self, secrets: SecretStore) -> None:
        self._secrets = secrets
        # The value before the first change of each config's key, or None when it had none.
        self._previous: dict[str, Secret | None] = {}

    def set(self, config_id: str, secret: Secret) -> None:
        self._remember(config_id)
        self._secrets.set(config_id, secret)

    def delete(self, config_id: str) -> None:
        self._remember(config_id)
        self._secrets.delete(config_id)

    def restore(self) -> None:
        """Put every changed key back as it was.

        A key that cannot be put back is logged, and the others are still restored.
        NOTE: with SettingsSecretStore, a key whose ``secret_ref`` names another store than
        ``secret_storage`` (after a storage switch that could not move it) is put back in
        the ``secret_storage`` store, where its unchanged reference does not look.
        """
        for config_id, previous in reversed(self._previous.items()):
            try:
                if previous is None:
                    self._secrets.delete(config_id)
                else:
                    self._secrets.set(config_id, previous)
            except SecretStoreError as error:
                logger.error("key rollback failed: config_id=%s error=%s", config_id, error)
        self._previous.clear()

    def _remember(self, config_id: str) -> None:
        if config_id in self._previous:
            return
        try:
            self._previous[config_id] = self._secrets.get(config_id)
        except SecretStoreError:
            # A key that cannot be read cannot be put back either. The change that follows
            # usually fails with the same error, and otherwise the rollback deletes its key.
            self._previous[config_id] = None
