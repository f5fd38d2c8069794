"""The default model as an agent needs it: where to send requests, and with which key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog import Protocol, get_provider
from app.paths import settings_path
from app.settings.secrets import KeyringSecretStore, Secret
from app.settings.store import SettingsStore
from app.validation.hosts import chat_url
from app.validation.probes import ANTHROPIC_VERSION


@dataclass(frozen=True, slots=True)
class DefaultModel:
    """The config marked as default, with its secret read from the keychain."""

    config_id: str
    provider: str
    protocol: str
    api_host: str
    model_type: str
    external_config: dict[str, str]
    api_key: str = field(default="", repr=False)
    secret: Secret = field(default_factory=Secret, repr=False)
    key_error: str = ""

    @property
    def key_available(self) -> bool:
        return not self.secret.is_empty()

    def openai_client_kwargs(self) -> dict[str, Any]:
        """Return ``base_url``, ``api_key`` and ``default_headers`` for an OpenAI-style client.

        Azure needs the deployment URL and its ``api-version``; Anthropic and Bedrock
        Converse do not speak Chat Completions, so their ``base_url`` is their own API root.
        """
        provider = get_provider(self.provider)
        headers: dict[str, str] = {}
        base_url = self.api_host
        match provider.protocol:
            case Protocol.AZURE_OPENAI:
                url = chat_url(provider, self.api_host, self.model_type, self.external_config)
                base_url = url.split("/chat/completions")[0]
                headers["api-key"] = self.api_key
            case Protocol.ANTHROPIC:
                headers["anthropic-version"] = ANTHROPIC_VERSION
            case Protocol.OPENAI:
                url = chat_url(provider, self.api_host, self.model_type, self.external_config)
                base_url = url.removesuffix("/chat/completions")
            case Protocol.BEDROCK_CONVERSE:
                pass
        return {
            "base_url": base_url,
            "api_key": self.api_key,
            "model": self.model_type,
            "default_headers": headers,
        }

    def to_public_json(self) -> dict[str, Any]:
        """Return everything but the secrets, for logs and ``agent-models watch``."""
        return {
            "config_id": self.config_id,
            "provider": self.provider,
            "protocol": self.protocol,
            "api_host": self.api_host,
            "model_type": self.model_type,
            "external_config": dict(self.external_config),
            "key_available": self.key_available,
            "key_error": self.key_error,
        }


def load_default_model(
    settings_file: Path | None = None, secrets: KeyringSecretStore | None = None
) -> DefaultModel | None:
    """Return the default model, or None when no default is set.

    A key that cannot be read leaves ``api_key`` empty and explains why in ``key_error``.
    """
    settings = SettingsStore(settings_file or settings_path()).load()
    config_id = settings.default_provider
    if config_id is None or config_id not in settings.providers:
        return None

    saved = settings.providers[config_id]
    secret = Secret()
    key_error = ""
    if saved.secret_ref is not None:
        try:
            secret = (secrets or KeyringSecretStore(saved.secret_ref.service)).get(config_id) or Secret()
        except Exception as error:  # the runtime gets the reason instead of a crash
            key_error = str(error)
        if secret.is_empty() and not key_error:
            key_error = f"No key for {config_id!r} in the keychain. Save the card again."

    return DefaultModel(
        config_id=config_id,
        provider=saved.provider,
        protocol=get_provider(saved.provider).protocol.value,
        api_host=saved.api_host,
        model_type=saved.model_type,
        external_config=dict(saved.external_config),
        api_key=secret.api_key,
        secret=secret,
        key_error=key_error,
    )
