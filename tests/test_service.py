"""ModelService keeps the keychain and settings.json in agreement when a write fails."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import keyring
import pytest

from app.service import ModelService, without_secret
from app.settings import store as store_module
from app.settings.secrets import Secret
from app.settings.store import SettingsWriteError
from app.validation.result import Category, Stage, ValidationResult
from app.validation.validator import ProviderConfig

KEY = "sk-test-service-0123456789abcdef"
CONFIG = ProviderConfig("openai", "https://api.openai.com/v1", "gpt-4.1-mini")


def fail_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(path: Path, data: bytes, mode: int = 0o600) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store_module, "write_atomically", no_space)


def test_unverified_store_has_no_validation_time() -> None:
    service = ModelService()

    service.store_config("openai", CONFIG, Secret(api_key=KEY), verified=False)

    saved = json.loads(service.settings_file.read_text(encoding="utf-8"))["providers"]["openai"]
    assert saved["verified"] is False
    assert saved["validated_at"] is None
    assert keyring.get_password("agent-models", "openai") == KEY


def test_failed_save_removes_new_key(monkeypatch: pytest.MonkeyPatch) -> None:
    service = ModelService()
    fail_writes(monkeypatch)

    with pytest.raises(SettingsWriteError, match="No space left on device"):
        service.store_config("openai", CONFIG, Secret(api_key=KEY), verified=True)

    assert keyring.get_password("agent-models", "openai") is None


def test_failed_save_restores_old_key(monkeypatch: pytest.MonkeyPatch) -> None:
    service = ModelService()
    service.store_config("openai", CONFIG, Secret(api_key="sk-old-key-0123456789"), verified=True)
    fail_writes(monkeypatch)

    changed = ProviderConfig("openai", "https://api.openai.com/v1", "gpt-4.1")
    with pytest.raises(SettingsWriteError):
        service.store_config("openai", changed, Secret(api_key=KEY), verified=True)

    assert keyring.get_password("agent-models", "openai") == "sk-old-key-0123456789"


def test_failed_reset_keeps_key(monkeypatch: pytest.MonkeyPatch) -> None:
    service = ModelService()
    service.store_config("openai", CONFIG, Secret(api_key=KEY), verified=True)
    fail_writes(monkeypatch)

    with pytest.raises(SettingsWriteError):
        service.reset("openai")

    assert keyring.get_password("agent-models", "openai") == KEY
    assert "openai" in service.load().providers


def block_lock(service: ModelService) -> Path:
    """Put a folder where the settings lock file goes, so that the lock cannot be taken."""
    lock_path = service.store.lock_path
    lock_path.unlink(missing_ok=True)
    lock_path.mkdir()
    return lock_path


def test_save_with_blocked_lock_stores_nothing() -> None:
    service = ModelService()
    service.store_config("openai", CONFIG, Secret(api_key=KEY), verified=True)
    before = service.settings_file.read_bytes()
    lock_path = block_lock(service)

    other = ProviderConfig("anthropic", "https://api.anthropic.com", "claude-sonnet-4-5")
    with pytest.raises(SettingsWriteError) as raised:
        service.store_config(
            "anthropic", other, Secret(api_key="sk-ant-other-0123456789"), verified=True
        )

    assert str(lock_path) in str(raised.value)
    assert "Remove or rename" in str(raised.value)
    assert keyring.get_password("agent-models", "anthropic") is None
    assert keyring.get_password("agent-models", "openai") == KEY
    assert service.settings_file.read_bytes() == before


def test_reset_with_blocked_lock_keeps_key() -> None:
    service = ModelService()
    service.store_config("openai", CONFIG, Secret(api_key=KEY), verified=True)
    before = service.settings_file.read_bytes()
    block_lock(service)

    with pytest.raises(SettingsWriteError):
        service.reset("openai")

    assert keyring.get_password("agent-models", "openai") == KEY
    assert service.settings_file.read_bytes() == before


def test_saved_configs_skip_unknown_provider(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text(
        '{"schema_version": 2, "providers": {"x": {"provider": "nosuch", '
        '"api_host": "http://127.0.0.1:9", "model_type": "m"}}}'
    )

    assert ModelService().saved_configs() == []


def test_echoed_secret_is_masked() -> None:
    result = ValidationResult(
        provider="openai",
        category=Category.INVALID_KEY,
        message="Invalid key. Validation failed.",
        message_template="Invalid key. Validation failed.",
        provider_message=f"Incorrect API key provided: {KEY}",
        stages=(Stage("key accepted", ok=False, provider_message=f"bad {KEY}"),),
    )

    masked = without_secret(result, Secret(api_key=KEY))

    assert masked.provider_message == "Incorrect API key provided: [REDACTED]"
    assert masked.stages[0].provider_message == "bad [REDACTED]"
    assert masked.message == result.message
