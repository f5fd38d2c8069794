"""The default model as an agent process loads it: key, read-only reads, OpenAI client arguments."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import keyring.backends.fail
import pytest

from app.catalog import Protocol, get_provider, load_catalog
from app.runtime import (
    DefaultModel,
    KeyUnavailableError,
    NotOpenAICompatibleError,
    load_default_model,
)
from app.settings.files import write_atomically
from app.settings.model import ProviderSettings, SecretRef, Settings
from app.settings.secrets import FileSecretStore, KeyringSecretStore, Secret
from app.settings.store import SettingsStore, UnreadableSettingsError
from tests.fake_provider import FakeProviderServer

KEY = "sk-proj-RuntimeTestKey0123456789abcdefABCDEFGHIJ"


@pytest.fixture
def store(config_dir: Path) -> SettingsStore:
    return SettingsStore(config_dir / "settings.json")


@pytest.fixture
def no_keychain() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _external(provider_id: str) -> dict[str, str]:
    external = get_provider(provider_id).external_defaults()
    if provider_id == "azure-openai":
        external |= {"deployment_name": "prod", "api_version": "2024-10-21"}
    return external


def _make_default(
    store: SettingsStore,
    provider_id: str,
    api_host: str,
    *,
    storage: str | None = "keyring",
    model: str = "test-model",
) -> None:
    ref = None if storage is None else SecretRef(storage=storage, username=provider_id)
    config = ProviderSettings(
        provider=provider_id,
        api_host=api_host,
        model_type=model,
        external_config=_external(provider_id),
        secret_ref=ref,
    )
    store.update(
        lambda settings: settings.with_provider(provider_id, config).model_copy(
            update={"default_provider": provider_id}
        )
    )


def test_no_file_no_default(store: SettingsStore) -> None:
    assert load_default_model(store.path) is None
    assert not store.path.exists()


def test_no_default_set(store: SettingsStore) -> None:
    _make_default(store, "openai", "https://api.openai.com/v1")
    store.update(lambda settings: settings.model_copy(update={"default_provider": None}))
    assert load_default_model(store.path) is None


def test_default_with_keychain_key(store: SettingsStore) -> None:
    KeyringSecretStore().set("openai", Secret(api_key=KEY))
    _make_default(store, "openai", "https://api.openai.com/v1", model="gpt-4.1-mini")

    model = load_default_model(store.path)

    assert model is not None
    assert model.config_id == "openai"
    assert model.protocol == "openai"
    assert model.api_key == KEY
    assert model.key_available
    assert model.key_error == ""
    assert model.key_storage == "keyring"
    assert KEY not in repr(model)
    assert KEY not in json.dumps(model.to_public_json())


def test_default_with_file_key(store: SettingsStore, no_keychain: None) -> None:
    FileSecretStore(store.path.with_name("secrets.json")).set("openai", Secret(api_key=KEY))
    _make_default(store, "openai", "https://api.openai.com/v1", storage="file")

    model = load_default_model(store.path)

    assert model is not None
    assert model.api_key == KEY
    assert model.key_storage == "file"
    assert model.to_public_json()["key_storage"] == "file"


def test_missing_key_reported(store: SettingsStore) -> None:
    _make_default(store, "openai", "https://api.openai.com/v1")

    model = load_default_model(store.path)

    assert model is not None
    assert not model.key_available
    assert model.api_key == ""
    assert "No key for 'openai' in the keychain" in model.key_error
    assert "save the card again" in model.key_error
    assert model.to_public_json()["key_available"] is False
    with pytest.raises(KeyUnavailableError, match="No key for 'openai'"):
        model.openai_client_kwargs()


def test_missing_keychain_reported(store: SettingsStore, no_keychain: None) -> None:
    _make_default(store, "openai", "https://api.openai.com/v1")

    model = load_default_model(store.path)

    assert model is not None
    assert "no keychain was found" in model.key_error
    assert "secret-storage file" in model.key_error


def test_unsafe_key_file_reported(store: SettingsStore) -> None:
    secrets = FileSecretStore(store.path.with_name("secrets.json"))
    secrets.set("openai", Secret(api_key=KEY))
    secrets.path.chmod(0o644)
    _make_default(store, "openai", "https://api.openai.com/v1", storage="file")

    model = load_default_model(store.path)

    assert model is not None
    assert model.api_key == ""
    assert "chmod 600" in model.key_error


def test_config_without_key_reported(store: SettingsStore) -> None:
    _make_default(store, "openai", "https://api.openai.com/v1", storage=None)
    model = load_default_model(store.path)
    assert model is not None
    assert "saved without a key" in model.key_error


def test_local_server_needs_no_key(store: SettingsStore) -> None:
    _make_default(store, "openai-compatible", "http://127.0.0.1:8080/v1", storage=None)
    model = load_default_model(store.path)
    assert model is not None
    assert model.key_error == ""
    assert model.openai_client_kwargs()["base_url"] == "http://127.0.0.1:8080/v1"
    assert model.openai_client_kwargs()["api_key"] == "no-key-required"


def test_runtime_never_moves_corrupt_file(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{half a file", encoding="utf-8")

    with pytest.raises(UnreadableSettingsError):
        load_default_model(store.path)

    assert store.path.read_text(encoding="utf-8") == "{half a file"
    assert sorted(path.name for path in store.path.parent.iterdir()) == ["settings.json"]


def test_runtime_never_migrates_on_disk(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    version_1 = {
        "schema_version": 1,
        "default_provider": "openai",
        "providers": {
            "openai": {
                "provider": "openai",
                "api_host": "https://api.openai.com/v1",
                "model_type": "m",
            }
        },
    }
    raw = json.dumps(version_1).encode()
    store.path.write_bytes(raw)

    model = load_default_model(store.path)

    assert model is not None
    assert model.model_type == "m"
    assert store.path.read_bytes() == raw
    assert sorted(path.name for path in store.path.parent.iterdir()) == ["settings.json"]


# OpenAI client arguments for every provider


EXPECTED_DEFAULT_BASE_URLS = {
    "gemini": "https://generativelanguage.googleapis.com/v1beta/openai",
    "openai": "https://api.openai.com/v1",
    "anthropic": "https://api.anthropic.com/v1",
    "deepseek": "https://api.deepseek.com",
    "zai": "https://api.z.ai/api/coding/paas/v4",
    "mistral": "https://api.mistral.ai/v1",
    "aws-bedrock": "https://bedrock-mantle.us-east-1.api.aws/v1",
    "aws-bedrock-converse": "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1",
    "ernie": "https://qianfan.baidubce.com/v2",
}


def _model(provider_id: str, api_host: str, secret: Secret) -> DefaultModel:
    provider = get_provider(provider_id)
    return DefaultModel(
        config_id=provider_id,
        provider=provider_id,
        protocol=provider.protocol.value,
        api_host=api_host,
        model_type="test-model",
        external_config=_external(provider_id),
        api_key=secret.api_key,
        secret=secret,
    )


@pytest.mark.parametrize("provider_id", sorted(EXPECTED_DEFAULT_BASE_URLS))
def test_base_url_for_default_host(provider_id: str) -> None:
    host = get_provider(provider_id).default_api_host
    kwargs = _model(provider_id, host, Secret(api_key=KEY)).openai_client_kwargs()
    assert kwargs["base_url"] == EXPECTED_DEFAULT_BASE_URLS[provider_id]
    assert kwargs["api_key"] == KEY
    assert set(kwargs) == {"base_url", "api_key", "default_headers", "default_query"}


def test_azure_client_kwargs() -> None:
    host = "https://example-resource.openai.azure.com/"
    kwargs = _model("azure-openai", host, Secret(api_key=KEY)).openai_client_kwargs()
    assert kwargs["base_url"] == "https://example-resource.openai.azure.com/openai/deployments/prod"
    assert kwargs["default_query"] == {"api-version": "2024-10-21"}
    assert kwargs["default_headers"] == {"api-key": KEY}


def test_bedrock_access_keys_not_openai_compatible() -> None:
    secret = Secret(access_key_id="AKIAIOSFODNN7EXAMPLE", secret_access_key="s" * 40)
    model = _model(
        "aws-bedrock-converse", get_provider("aws-bedrock-converse").default_api_host, secret
    )
    with pytest.raises(NotOpenAICompatibleError, match="AWS access keys"):
        model.openai_client_kwargs()


def _send_like_openai_client(kwargs: dict[str, object], model: str) -> httpx.Response:
    """Send the request that openai.OpenAI(**kwargs).chat.completions.create sends.

    The SDK posts to ``base_url`` + "/chat/completions" with ``default_query`` as query
    parameters, ``Authorization: Bearer api_key`` and ``default_headers``.
    """
    base_url = str(kwargs["base_url"]).rstrip("/")
    headers = {"Authorization": f"Bearer {kwargs['api_key']}"} | dict(kwargs["default_headers"])
    body = {"model": model, "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 1}
    return httpx.post(
        f"{base_url}/chat/completions",
        params=dict(kwargs["default_query"]),
        headers=headers,
        json=body,
        timeout=10,
    )


@pytest.mark.parametrize("provider_id", [provider.id for provider in load_catalog()])
def test_openai_client_reaches_every_protocol(
    provider_id: str, fake_provider: FakeProviderServer
) -> None:
    model = _model(provider_id, fake_provider.url, Secret(api_key=KEY))

    response = _send_like_openai_client(model.openai_client_kwargs(), model.model_type)

    assert response.status_code == 200, response.text
    request = fake_provider.last_request()
    assert request.path.split("?")[0].endswith("/chat/completions")
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    protocol = get_provider(provider_id).protocol
    if protocol is Protocol.AZURE_OPENAI:
        assert request.path.endswith(
            "/openai/deployments/prod/chat/completions?api-version=2024-10-21"
        )
        assert request.headers["api-key"] == KEY
    elif protocol is Protocol.ANTHROPIC:
        assert request.path == "/v1/chat/completions"
    elif protocol is Protocol.BEDROCK_CONVERSE:
        assert request.path == "/openai/v1/chat/completions"


def test_settings_file_created_mode_0600(store: SettingsStore) -> None:
    _make_default(store, "openai", "https://api.openai.com/v1")
    assert store.path.stat().st_mode & 0o777 == 0o600


def test_manual_write_is_read_by_runtime(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    settings = Settings(
        default_provider="deepseek",
        providers={
            "deepseek": ProviderSettings(
                provider="deepseek", api_host="https://api.deepseek.com", model_type="deepseek-chat"
            )
        },
    )
    write_atomically(store.path, settings.model_dump_json().encode())
    model = load_default_model(store.path)
    assert model is not None
    assert model.model_type == "deepseek-chat"
