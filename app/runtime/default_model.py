"""The default model as an agent needs it: where to send requests, and with which key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from app.catalog import Protocol as WireProtocol
from app.catalog import UnknownProviderError, get_provider
from app.logging_setup import get_logger
from app.paths import SECRETS_FILE_NAME, settings_path
from app.settings.model import ProviderSettings
from app.settings.secrets import FileSecretStore, KeyringSecretStore, Secret, SecretStoreError
from app.settings.store import SettingsError, SettingsStore
from app.validation.hosts import chat_url

logger = get_logger(__name__)


class SecretReader(Protocol):
    def get(self, config_id: str) -> Secret | None: ...


class KeyUnavailableError(Exception):
    """The default model's key cannot be read. The message gives the reason and the fix."""


class NotOpenAICompatibleError(Exception):
    """An OpenAI client cannot call the default model. The message names the alternative."""


NO_KEY_PLACEHOLDER = "no-key-required"


@dataclass(frozen=True, slots=True)
class DefaultModel:
    """The config marked as default, with its secret read from the keychain or the key file."""

    config_id: str
    provider: str
    protocol: str
    api_host: str
    model_type: str
    external_config: dict[str, str]
    api_key: str = field(default="", repr=False)
    secret: Secret = field(default_factory=Secret, repr=False)
    key_error: str = ""
    key_storage: str | None = None

    @property
    def key_available(self) -> bool:
        return not self.secret.is_empty()

    @property
    def chat_url(self) -> str:
        """Return the exact URL of the provider's own generation request, as Save validated it."""
        return chat_url(
            get_provider(self.provider), self.api_host, self.model_type, self.external_config
        )

    def openai_client_kwargs(self) -> dict[str, Any]:
        """Return the keyword arguments of ``openai.OpenAI(...)`` for this model.

        The result has ``base_url``, ``api_key`` (``NO_KEY_PLACEHOLDER`` for a server saved
        without a key), ``default_headers`` and ``default_query``;
        pass ``model_type`` as ``model`` to ``chat.completions.create``. Every protocol maps
        to an OpenAI-compatible endpoint:

        - openai: the API root that the validated ``/chat/completions`` URL starts with;
        - anthropic: ``{host}/v1``, Anthropic's OpenAI SDK compatibility layer;
        - azure-openai: the deployment URL, with ``api-version`` as a query parameter and
          the key in the ``api-key`` header;
        - bedrock-converse: ``{host}/openai/v1``, Bedrock Runtime's Chat Completions
          endpoint, which takes a Bedrock API key but not AWS access keys.

        Raises ``KeyUnavailableError`` when the provider needs a key that cannot be read,
        and ``NotOpenAICompatibleError`` for Bedrock Converse with AWS access keys only.
        """
        provider = get_provider(self.provider)
        if self.key_error and provider.key_required:
            raise KeyUnavailableError(self.key_error)

        url = self.chat_url
        headers: dict[str, str] = {}
        query: dict[str, str] = {}
        match provider.protocol:
            case WireProtocol.OPENAI | WireProtocol.ANTHROPIC:
                base_url = url.removesuffix("/chat/completions").removesuffix("/messages")
            case WireProtocol.AZURE_OPENAI:
                base_url = url.split("?", 1)[0].removesuffix("/chat/completions")
                query["api-version"] = self.external_config.get("api_version", "").strip()
                headers["api-key"] = self.api_key
            case WireProtocol.BEDROCK_CONVERSE:
                if not self.api_key:
                    raise NotOpenAICompatibleError(
                        f"{self.config_id!r} authenticates with AWS access keys (Signature "
                        "Version 4), which an OpenAI client cannot send. Call Bedrock's "
                        "Converse API with an AWS SDK and DefaultModel.secret, or save a "
                        "Bedrock API key."
                    )
                base_url = self.api_host.strip().rstrip("/") + "/openai/v1"
        return {
            "base_url": base_url,
            # OpenAI clients refuse an empty key; local servers that need none ignore this one.
            "api_key": self.api_key or NO_KEY_PLACEHOLDER,
            "default_headers": headers,
            "default_query": query,
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
            "key_storage": self.key_storage,
        }


def load_default_model(
    settings_file: Path | None = None, secrets: SecretReader | None = None
) -> DefaultModel | None:
    """Return the default model, or None when no default is set.

    The settings file is only read, never migrated, moved or locked, so an agent process
    cannot disturb the window. Raises ``SettingsError`` for a file that cannot be parsed
    or comes from a newer version. A key that cannot be read leaves ``api_key`` empty and
    explains why in ``key_error``.
    """
    path = settings_file or settings_path()
    settings = SettingsStore(path).load_read_only()
    config_id = settings.default_provider
    if config_id is None or config_id not in settings.providers:
        return None

    saved = settings.providers[config_id]
    try:
        provider = get_provider(saved.provider)
    except UnknownProviderError:
        raise SettingsError(
            f"The default config {config_id!r} uses provider {saved.provider!r}, which this "
            "version of Agent Models does not know. Update Agent Models or choose another default."
        ) from None
    secret, key_error = _read_secret(config_id, saved, path, secrets)
    if key_error:
        logger.warning(
            "default model has no usable key: config_id=%s reason=%s", config_id, key_error
        )

    return DefaultModel(
        config_id=config_id,
        provider=saved.provider,
        protocol=provider.protocol.value,
        api_host=saved.api_host,
        model_type=saved.model_type,
        external_config=dict(saved.external_config),
        api_key=secret.api_key,
        secret=secret,
        key_error=key_error,
        key_storage=saved.secret_ref.storage if saved.secret_ref else None,
    )


def _read_secret(
    config_id: str, saved: ProviderSettings, settings_file: Path, secrets: SecretReader | None
) -> tuple[Secret, str]:
    """Return the config's secret and, when it cannot be used, the reason."""
    ref = saved.secret_ref
    if ref is None:
        if get_provider(saved.provider).key_required:
            return (
                Secret(),
                f"{config_id!r} was saved without a key. "
                "Open Agent Models and save the card again.",
            )
        return Secret(), ""

    if secrets is None:
        if ref.storage == "file":
            secrets = FileSecretStore(settings_file.with_name(SECRETS_FILE_NAME))
        else:
            secrets = KeyringSecretStore(ref.service)
    try:
        secret = secrets.get(config_id)
    except SecretStoreError as error:
        return Secret(), str(error)

    if secret is None or secret.is_empty():
        where = "the key file" if ref.storage == "file" else "the keychain"
        return (
            Secret(),
            f"No key for {config_id!r} in {where}. Open Agent Models and save the card again.",
        )
    return secret, ""
