"""Key stores: keychain failures that name the fix, the opt-in key file, reset, readable keys."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import keyring
import pytest

from app.service import ModelService
from app.settings.keystore import SettingsSecretStore, switch_secret_storage
from app.settings.model import ProviderSettings, SecretRef
from app.settings.secrets import (
    FILE_STORAGE_COMMAND,
    FileSecretStore,
    KeychainError,
    KeyringSecretStore,
    Secret,
    SecretFileError,
)
from app.settings.store import SettingsStore
from app.validation.validator import ProviderConfig
from tests.keychain import PrivateKeychain

KEY = "sk-proj-SecretStoreTestKey0123456789abcdefABCDEF"
OTHER_KEY = "sk-ant-api03-OtherTestKey0123456789abcdefABCDEF"


def _service(store: SettingsStore) -> tuple[ModelService, SettingsSecretStore]:
    secrets = SettingsSecretStore(store)
    return ModelService(store=store, secrets=secrets), secrets


def _save(service: ModelService, config_id: str = "openai", key: str = KEY) -> None:
    config = ProviderConfig("openai", "https://api.openai.com/v1", "gpt-4.1-mini")
    service.store_config(config_id, config, Secret(api_key=key), verified=True)


# The keychain


def test_secret_repr_hides_values() -> None:
    secret = Secret(api_key=KEY, access_key_id="AKIAIOSFODNN7EXAMPLE", secret_access_key="x" * 40)
    assert KEY not in repr(secret)
    assert "AKIAIOSFODNN7EXAMPLE" not in repr(secret)
    assert "x" * 40 not in repr(secret)


def test_secret_encoding_round_trip() -> None:
    bare = Secret(api_key=KEY)
    assert bare.encode() == KEY
    aws = Secret(
        access_key_id="AKIAIOSFODNN7EXAMPLE", secret_access_key="s" * 40, session_token="t"
    )
    assert Secret.decode(aws.encode()) == aws
    assert Secret.decode("{not json") == Secret(api_key="{not json")


def test_keychain_round_trip() -> None:
    store = KeyringSecretStore()
    store.set("openai", Secret(api_key=KEY))
    assert store.get("openai") == Secret(api_key=KEY)
    assert keyring.get_password("agent-models", "openai") == KEY
    store.delete("openai")
    assert store.get("openai") is None
    store.delete("openai")  # deleting a missing key is not an error


@pytest.mark.parametrize("action", ["get", "set", "delete"])
def test_missing_keychain_names_fix(no_keychain: None, action: str) -> None:
    store = KeyringSecretStore()
    with pytest.raises(KeychainError) as raised:
        if action == "set":
            store.set("openai", Secret(api_key=KEY))
        else:
            getattr(store, action)("openai")
    message = str(raised.value)
    assert "no keychain was found" in message
    assert "'openai'" in message
    assert "gnome-keyring" in message
    assert FILE_STORAGE_COMMAND in message
    assert KEY not in message


def test_locked_keychain_names_fix(locked_keychain: PrivateKeychain) -> None:
    with pytest.raises(KeychainError) as raised:
        KeyringSecretStore().get("openai")
    message = str(raised.value)
    assert "the keychain is locked" in message
    assert "unlock" in message
    assert FILE_STORAGE_COMMAND in message


def test_locked_keychain_store_names_fix(locked_keychain: PrivateKeychain) -> None:
    with pytest.raises(KeychainError) as raised:
        KeyringSecretStore().set("openai", Secret(api_key=KEY))
    assert "the keychain is locked" in str(raised.value)
    assert KEY not in str(raised.value)


# The key file


def test_key_file_round_trip_mode_0600(config_dir: Path) -> None:
    store = FileSecretStore(config_dir / "secrets.json")
    store.set("openai", Secret(api_key=KEY))
    store.set(
        "aws-bedrock-converse",
        Secret(access_key_id="AKIAIOSFODNN7EXAMPLE", secret_access_key="s" * 40),
    )

    assert store.get("openai") == Secret(api_key=KEY)
    assert store.get("aws-bedrock-converse") == Secret(
        access_key_id="AKIAIOSFODNN7EXAMPLE", secret_access_key="s" * 40
    )
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert store.config_ids() == ["aws-bedrock-converse", "openai"]
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["format"] == 1

    store.delete("openai")
    assert store.get("openai") is None
    assert not list(config_dir.glob("*.tmp"))


def test_key_file_readable_by_others_rejected(config_dir: Path) -> None:
    store = FileSecretStore(config_dir / "secrets.json")
    store.set("openai", Secret(api_key=KEY))
    store.path.chmod(0o644)

    with pytest.raises(SecretFileError) as raised:
        store.get("openai")
    assert "0644" in str(raised.value)
    assert f"chmod 600 {store.path}" in str(raised.value)
    assert KEY not in str(raised.value)


def test_corrupt_key_file_explained(config_dir: Path) -> None:
    store = FileSecretStore(config_dir / "secrets.json")
    config_dir.mkdir(parents=True)
    store.path.write_text("{oops", encoding="utf-8")
    store.path.chmod(0o600)
    with pytest.raises(SecretFileError) as raised:
        store.get("openai")
    assert str(store.path) in str(raised.value)
    assert "Rename it" in str(raised.value)


def test_key_file_never_chosen_silently(store: SettingsStore, no_keychain: None) -> None:
    service, secrets = _service(store)

    with pytest.raises(KeychainError):
        _save(service)

    assert secrets.storage == "keyring"
    assert not secrets.file_store.path.exists()
    assert "openai" not in store.load().providers


def test_opt_in_stores_key_in_file(store: SettingsStore) -> None:
    service, secrets = _service(store)
    switch = switch_secret_storage(secrets, "file")
    assert switch.storage == "file"

    _save(service)

    saved = store.load()
    assert saved.secret_storage == "file"
    assert saved.providers["openai"].secret_ref == SecretRef(storage="file", username="openai")
    assert saved.providers["openai"].key_in_file
    assert saved.uses_key_file
    assert secrets.file_store.get("openai") == Secret(api_key=KEY)
    assert keyring.get_password("agent-models", "openai") is None
    assert KEY not in store.path.read_text(encoding="utf-8")
    assert [item.key_readable for item in service.saved_configs()] == [True]


def test_opt_in_works_without_keychain(store: SettingsStore, no_keychain: None) -> None:
    service, secrets = _service(store)
    switch_secret_storage(secrets, "file")
    _save(service)
    assert secrets.get("openai") == Secret(api_key=KEY)
    assert [item.key_readable for item in service.saved_configs()] == [True]


def test_switch_moves_keys_both_ways(store: SettingsStore) -> None:
    service, secrets = _service(store)
    _save(service, "openai", KEY)
    _save(service, "second", OTHER_KEY)

    to_file = switch_secret_storage(secrets, "file")

    assert sorted(to_file.moved) == ["openai", "second"]
    assert to_file.unreadable == {}
    assert keyring.get_password("agent-models", "openai") is None
    assert secrets.file_store.get("second") == Secret(api_key=OTHER_KEY)
    assert all(config.key_in_file for config in store.load().providers.values())

    to_keychain = switch_secret_storage(secrets, "keyring")

    assert sorted(to_keychain.moved) == ["openai", "second"]
    assert keyring.get_password("agent-models", "second") == OTHER_KEY
    assert secrets.file_store.config_ids() == []
    assert not store.load().uses_key_file


def test_switch_reports_unreadable_keys(store: SettingsStore) -> None:
    service, secrets = _service(store)
    _save(service)
    keyring.delete_password("agent-models", "openai")

    switch = switch_secret_storage(secrets, "file")

    assert switch.moved == []
    assert list(switch.unreadable) == ["openai"]
    assert "save these again: openai" in switch.message
    assert store.load().providers["openai"].secret_ref == SecretRef(
        storage="keyring", username="openai"
    )


# Reset and readable keys


def test_reset_deletes_keychain_key(store: SettingsStore) -> None:
    service, _ = _service(store)
    _save(service)
    service.set_default("openai")

    service.reset("openai")

    assert keyring.get_password("agent-models", "openai") is None
    settings = store.load()
    assert "openai" not in settings.providers, "the card falls back to the catalog's default host"
    assert settings.default_provider is None


def test_reset_deletes_file_key_without_keychain(store: SettingsStore, no_keychain: None) -> None:
    service, secrets = _service(store)
    switch_secret_storage(secrets, "file")
    _save(service)

    service.reset("openai")

    assert secrets.file_store.get("openai") is None
    assert "openai" not in store.load().providers


def test_reset_restores_default_host(store: SettingsStore) -> None:
    from app.catalog import get_provider

    service, _ = _service(store)
    config = ProviderConfig("openai", "http://127.0.0.1:9/custom/v1", "gpt-4.1-mini")
    service.store_config("openai", config, Secret(api_key=KEY), verified=True)

    service.reset("openai")

    assert [item.config_id for item in service.saved_configs()] == []
    assert get_provider("openai").default_api_host == "https://api.openai.com/v1"


def test_saved_key_shown_only_when_readable(store: SettingsStore) -> None:
    service, _ = _service(store)
    _save(service)
    assert [item.key_readable for item in service.saved_configs()] == [True]

    keyring.delete_password("agent-models", "openai")

    assert [item.key_readable for item in service.saved_configs()] == [False]


def test_locked_keychain_key_not_readable(
    store: SettingsStore, locked_keychain: PrivateKeychain
) -> None:
    service, _ = _service(store)
    config = ProviderSettings(
        provider="openai",
        api_host="https://api.openai.com/v1",
        model_type="gpt-4.1-mini",
        secret_ref=SecretRef(username="openai"),
    )
    store.update(lambda settings: settings.with_provider("openai", config))
    assert [item.key_readable for item in service.saved_configs()] == [False]


def test_unsafe_key_file_key_not_readable(store: SettingsStore) -> None:
    service, secrets = _service(store)
    switch_secret_storage(secrets, "file")
    _save(service)
    secrets.file_store.path.chmod(0o640)
    assert [item.key_readable for item in service.saved_configs()] == [False]


def test_delete_ignores_broken_other_store(store: SettingsStore) -> None:
    _, secrets = _service(store)
    secrets.set("openai", Secret(api_key=KEY))
    secrets.file_store.path.parent.mkdir(parents=True, exist_ok=True)
    secrets.file_store.path.write_text("{broken", encoding="utf-8")

    secrets.delete("openai")

    assert keyring.get_password("agent-models", "openai") is None
