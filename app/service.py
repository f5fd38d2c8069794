"""The operations of the Models screen, shared by the window and the command line."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx

from app.catalog import get_provider, load_catalog
from app.paths import settings_path
from app.settings.key_changes import KeyChanges
from app.settings.keystore import SettingsSecretStore
from app.settings.model import ProviderSettings, SecretRef, Settings, as_secret_storage
from app.settings.secrets import Secret, SecretStore, SecretStoreError
from app.settings.store import SettingsStore
from app.validation.capabilities import check_tool_support
from app.validation.models import list_models
from app.validation.probes import Credentials
from app.validation.result import ValidationResult
from app.validation.validator import DEFAULT_TIMEOUT_S, ProviderConfig, validate, validate_all

logger = logging.getLogger(__name__)


class NotSavedError(Exception):
    """Set as Default on a config that was never saved."""


def credentials_for(secret: Secret) -> Credentials:
    return Credentials(
        api_key=secret.api_key,
        access_key_id=secret.access_key_id,
        secret_access_key=secret.secret_access_key,
        session_token=secret.session_token,
    )


MASK = "[REDACTED]"


def without_secret(result: ValidationResult, secret: Secret) -> ValidationResult:
    """Return the result with any secret the provider echoed back masked.

    Some servers repeat the Authorization header in their error text; that text is shown,
    printed by ``--json`` and logged.
    """
    values = sorted(
        (value for value in secret.values().values() if len(value) >= 4), key=len, reverse=True
    )
    if not values:
        return result

    def mask(text: str) -> str:
        for value in values:
            text = text.replace(value, MASK)
        return text

    stages = tuple(
        replace(stage, provider_message=mask(stage.provider_message)) for stage in result.stages
    )
    return replace(
        result,
        message=mask(result.message),
        provider_message=mask(result.provider_message),
        stages=stages,
    )


@dataclass(frozen=True, slots=True)
class SavedConfig:
    """A config as stored, with its key as read back from the secret store.

    ``secret`` is None when no key is saved or it could not be read, and ``key_error`` is
    the store's failure, so that a caller never has to read the key a second time.
    """

    config_id: str
    settings: ProviderSettings
    key_readable: bool
    is_default: bool
    secret: Secret | None = field(default=None, repr=False)
    key_error: SecretStoreError | None = None


class ModelService:
    """Validate, save, set as default, reset and list provider configs."""

    def __init__(
        self,
        store: SettingsStore | None = None,
        secrets: SecretStore | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self.store = store or SettingsStore(settings_path())
        self.secrets: SecretStore = secrets or SettingsSecretStore(self.store)
        self.timeout_s = timeout_s

    @property
    def settings_file(self) -> Path:
        return self.store.path

    async def validate(
        self, config: ProviderConfig, secret: Secret, client: httpx.AsyncClient | None = None
    ) -> ValidationResult:
        result = await validate(
            config, credentials_for(secret), client=client, timeout_s=self.timeout_s
        )
        return without_secret(result, secret)

    async def validate_all(
        self, items: list[tuple[ProviderConfig, Secret]], client: httpx.AsyncClient | None = None
    ) -> list[ValidationResult]:
        """Validate many configs at once; results come back in the order of ``items``."""
        pairs = [(config, credentials_for(secret)) for config, secret in items]
        results = await validate_all(pairs, client=client, timeout_s=self.timeout_s)
        return [
            without_secret(result, secret)
            for result, (_, secret) in zip(results, items, strict=True)
        ]

    async def check_tools(
        self, config: ProviderConfig, secret: Secret, client: httpx.AsyncClient | None = None
    ) -> bool | None:
        """Return whether the model accepts tool definitions, or None when that stayed unknown.

        Call it after a valid Save returns, so that Save itself is not slowed down.
        """
        return await check_tool_support(
            config, credentials_for(secret), client=client, timeout_s=self.timeout_s
        )

    async def list_models(
        self,
        provider_id: str,
        api_host: str,
        secret: Secret,
        client: httpx.AsyncClient | None = None,
    ) -> list[str]:
        """Return the provider's model ids; raises ModelListError with a message to show."""
        return await list_models(
            provider_id, api_host, credentials_for(secret), client=client, timeout_s=self.timeout_s
        )

    async def save(
        self,
        config_id: str,
        config: ProviderConfig,
        secret: Secret,
        client: httpx.AsyncClient | None = None,
        name: str | None = None,
    ) -> ValidationResult:
        """Validate, and only on success store the secret and the config.

        Storing runs in a worker thread: a keychain waiting for its unlock prompt, or a
        settings lock held by another process, must not stop the caller's event loop.
        """
        result = await self.validate(config, secret, client)
        if result.ok:
            # NOTE: a cancellation that arrives while the thread stores still lets the store
            # finish; the window's watcher then shows the saved config on the card.
            await asyncio.to_thread(
                self.store_config, config_id, config, secret, verified=True, name=name
            )
        return result

    def store_config(
        self,
        config_id: str,
        config: ProviderConfig,
        secret: Secret,
        *,
        verified: bool,
        name: str | None = None,
    ) -> ProviderSettings:
        """Write the secret to the secret store, then the config to settings.json.

        If settings.json cannot be written, the previous secret is put back, so that the
        keychain and the settings file never disagree.
        """
        changes = KeyChanges(self.secrets)
        secret_ref = None
        if not secret.is_empty():
            changes.set(config_id, secret)
            secret_ref = SecretRef(
                storage=as_secret_storage(self.secrets.storage), username=config_id
            )

        saved = ProviderSettings(
            provider=config.provider,
            name=name,
            api_host=config.api_host,
            model_type=config.model_type,
            external_config=dict(config.external_config),
            secret_ref=secret_ref,
            validated_at=datetime.now(UTC).replace(microsecond=0) if verified else None,
            verified=verified,
        )
        try:
            self.store.update(lambda settings: settings.with_provider(config_id, saved))
        except Exception:
            # Whatever stopped the update, settings.json was not written.
            changes.restore()
            raise

        if secret.is_empty():
            self.secrets.delete(config_id)
        logger.info(
            "config saved: config_id=%s provider=%s verified=%s",
            config_id,
            config.provider,
            verified,
        )
        return saved

    def set_default(self, config_id: str) -> Settings:
        def change(settings: Settings) -> Settings:
            if config_id not in settings.providers:
                raise NotSavedError(
                    f"{config_id!r} has no saved config. Save it first, then set it as default."
                )
            return settings.model_copy(update={"default_provider": config_id})

        updated = self.store.update(change)
        logger.info("default set: config_id=%s", config_id)
        return updated

    def reset(self, config_id: str) -> None:
        """Forget a config: delete its key, then remove its entry from settings.json.

        If settings.json cannot be written, the key is put back.
        """
        changes = KeyChanges(self.secrets)
        changes.delete(config_id)
        try:
            self.store.update(lambda settings: settings.without_provider(config_id))
        except Exception:
            changes.restore()
            raise
        logger.info("config reset: config_id=%s", config_id)

    def load(self) -> Settings:
        return self.store.load()

    def saved_configs(
        self, unchanged: Mapping[str, ProviderSettings] | None = None
    ) -> list[SavedConfig]:
        """Return the saved configs of providers in the catalog; others are logged and skipped.

        Configs stored exactly as in ``unchanged`` are left out, so that a caller who already
        shows them does not wait for the keychain to read their keys again.
        """
        settings = self.store.load()
        known = {provider.id for provider in load_catalog()}
        unchanged = unchanged or {}
        saved: list[SavedConfig] = []
        for config_id, config in settings.providers.items():
            if unchanged.get(config_id) == config:
                continue
            if config.provider not in known:
                logger.warning(
                    "saved config of unknown provider skipped: config_id=%s provider=%s",
                    config_id,
                    config.provider,
                )
                continue
            saved.append(self._saved_config(config_id, config, settings.default_provider))
        return saved

    def read_secret(self, config_id: str) -> Secret | None:
        return self.secrets.get(config_id)

    def _saved_config(
        self, config_id: str, config: ProviderSettings, default_provider: str | None
    ) -> SavedConfig:
        is_default = default_provider == config_id
        if config.secret_ref is None:
            readable = not get_provider(config.provider).key_required
            return SavedConfig(config_id, config, readable, is_default)

        try:
            secret = self.secrets.get(config_id)
        except SecretStoreError as error:
            logger.warning("key unreadable: config_id=%s reason=%s", config_id, error)
            return SavedConfig(config_id, config, False, is_default, key_error=error)
        readable = secret is not None and not secret.is_empty()
        return SavedConfig(config_id, config, readable, is_default, secret if readable else None)
