"""Keys in plain text in a version-0 settings.json move to the key file when the user opted in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.paths import SECRETS_FILE_NAME
from app.settings.keystore import SettingsSecretStore, switch_secret_storage
from app.settings.secrets import FileSecretStore
from app.settings.store import SettingsStore

KEY = "sk-proj-LegacyPlainTextKey0123456789abcdef"


def _write_version_0(path: Path, **extra: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    config = {"api_host": "https://api.openai.com/v1", "model_type": "gpt-4.1-mini", "api_key": KEY}
    path.write_text(json.dumps({"providers": {"openai": config}, **extra}), encoding="utf-8")


def _assert_key_in_key_file(store: SettingsStore) -> None:
    text = store.path.read_text(encoding="utf-8")
    assert KEY not in text
    assert json.loads(text)["schema_version"] == 2
    ref = store.load().providers["openai"].secret_ref
    assert ref is not None
    assert ref.storage == "file"
    key_file = FileSecretStore(store.path.with_name(SECRETS_FILE_NAME))
    stored = key_file.get("openai")
    assert stored is not None
    assert stored.api_key == KEY
    assert SettingsSecretStore(store).get("openai") == stored


def test_switch_to_key_file_migrates_legacy_key(store: SettingsStore, no_keychain: None) -> None:
    _write_version_0(store.path)
    store.load()
    assert store.last_migration_error is not None
    assert KEY in store.path.read_text(encoding="utf-8")

    switch_secret_storage(SettingsSecretStore(store), "file")

    _assert_key_in_key_file(store)
    assert store.load().secret_storage == "file"


def test_legacy_file_with_key_file_opt_in_migrates(store: SettingsStore, no_keychain: None) -> None:
    _write_version_0(store.path, secret_storage="file")

    store.load()

    assert store.last_migration_error is None
    _assert_key_in_key_file(store)
