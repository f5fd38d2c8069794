"""A failed import or import-env changes nothing: no key stays behind without its config."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest

import app.settings.store as store_module
from app.settings.keystore import SettingsSecretStore
from app.settings.model import ProviderSettings, SecretRef, Settings
from app.settings.secrets import Secret
from app.settings.store import SettingsError, SettingsLockedError, SettingsStore, SettingsWriteError
from app.settings.transfer import import_env_keys, import_settings

OLD_KEY = "sk-proj-ImportFailureOldKey0123456789abcdef"
NEW_KEY = "sk-proj-ImportFailureNewKey0123456789abcdef"
GEMINI_KEY = "AIzaSyImportFailureGeminiKey0123456789ab"

# Holds the lock given as the first argument until its standard input closes.
HOLD_LOCK = """
import sys
from filelock import FileLock

lock = FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@contextmanager
def lock_held_by_other_process(lock_path: Path) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()


def _config(provider: str, model: str) -> ProviderSettings:
    from app.catalog import get_provider

    return ProviderSettings(
        provider=provider,
        api_host=get_provider(provider).default_api_host or "http://127.0.0.1:9/v1",
        model_type=model,
        secret_ref=SecretRef(username=provider),
        validated_at=datetime(2026, 12, 4, 19, 0, tzinfo=UTC),
    )


@pytest.fixture
def store(settings_file: Path, monkeypatch: pytest.MonkeyPatch) -> SettingsStore:
    """A store whose lock gives up after 0.3 seconds, with openai saved under OLD_KEY."""
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_S", 0.3)
    store = SettingsStore(settings_file)
    SettingsSecretStore(store).set("openai", Secret(api_key=OLD_KEY))
    store.update(lambda settings: settings.with_provider("openai", _config("openai", "gpt-4.1")))
    return store


@pytest.fixture
def secrets(store: SettingsStore) -> SettingsSecretStore:
    return SettingsSecretStore(store)


def _export_document() -> dict[str, Any]:
    settings = (
        Settings()
        .with_provider("openai", _config("openai", "gpt-4.1-mini"))
        .with_provider("gemini", _config("gemini", "gemini-2.5-flash"))
    )
    return {
        "format": "agent-models-export",
        "format_version": 1,
        "settings": json.loads(settings.model_dump_json()),
        "keys": {"openai": {"api_key": NEW_KEY}, "gemini": {"api_key": GEMINI_KEY}},
    }


def _block_lock_with_folder(store: SettingsStore) -> None:
    store.lock_path.unlink(missing_ok=True)
    store.lock_path.mkdir()


def _assert_unchanged(store: SettingsStore, settings_before: bytes) -> None:
    assert keyring.get_password("agent-models", "openai") == OLD_KEY
    assert keyring.get_password("agent-models", "gemini") is None
    assert keyring.get_password("agent-models", "anthropic") is None
    assert store.path.read_bytes() == settings_before


def test_import_with_lock_held_changes_nothing(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    before = store.path.read_bytes()

    with lock_held_by_other_process(store.lock_path), pytest.raises(SettingsLockedError):
        import_settings(store, secrets, _export_document())

    _assert_unchanged(store, before)


def test_import_with_lock_folder_changes_nothing(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    before = store.path.read_bytes()
    _block_lock_with_folder(store)

    with pytest.raises(SettingsWriteError):
        import_settings(store, secrets, _export_document())

    _assert_unchanged(store, before)


def test_import_env_with_lock_held_changes_nothing(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    before = store.path.read_bytes()
    environ = {"OPENAI_API_KEY": NEW_KEY, "ANTHROPIC_API_KEY": "sk-ant-ImportFailure0123456789"}

    with lock_held_by_other_process(store.lock_path), pytest.raises(SettingsLockedError):
        import_env_keys(store, secrets, ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"], environ)

    _assert_unchanged(store, before)


def test_import_env_with_lock_folder_changes_nothing(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    before = store.path.read_bytes()
    _block_lock_with_folder(store)
    environ = {"OPENAI_API_KEY": NEW_KEY, "ANTHROPIC_API_KEY": "sk-ant-ImportFailure0123456789"}

    with pytest.raises(SettingsError):
        import_env_keys(store, secrets, ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"], environ)

    _assert_unchanged(store, before)
