"""The settings model, its JSON Schema, migrations from older versions, and newer versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import keyring
import pytest

from app.paths import resources_dir
from app.settings.migrations import MIGRATIONS, legacy_keys, migrate
from app.settings.model import (
    SCHEMA_VERSION,
    ProviderSettings,
    SecretRef,
    Settings,
    schema_text,
    settings_json_schema,
)
from app.settings.store import NewerSettingsError, SettingsStore

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = resources_dir() / "settings.schema.json"

VERSION_0_FILE: dict[str, Any] = {
    "default_provider": "openai",
    "providers": {
        "openai": {
            "api_host": "https://api.openai.com/v1",
            "model_type": "gpt-4.1-mini",
            "api_key": "sk-proj-version0KeyThatMustMoveToTheKeychain0000",
        },
        "deepseek": {"api_host": "https://api.deepseek.com", "model_type": "deepseek-chat"},
    },
}

VERSION_1_FILE: dict[str, Any] = {
    "schema_version": 1,
    "default_provider": "openai",
    "providers": {
        "openai": {
            "provider": "openai",
            "api_host": "https://api.openai.com/v1",
            "model_type": "gpt-4.1-mini",
            "external_config": {},
            "secret_ref": {"storage": "keyring", "service": "agent-models", "username": "openai"},
            "validated_at": "2026-12-04T19:00:00Z",
        }
    },
}


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _full_settings() -> Settings:
    return Settings(
        secret_storage="file",
        default_provider="azure-openai",
        providers={
            "openai": ProviderSettings(
                provider="openai",
                api_host="https://api.openai.com/v1",
                model_type="gpt-4.1-mini",
                secret_ref=SecretRef(username="openai"),
                validated_at=datetime(2026, 12, 4, 19, 0, tzinfo=UTC),
            ),
            "azure-openai": ProviderSettings(
                provider="azure-openai",
                api_host="https://example-resource.openai.azure.com",
                model_type="gpt-4o",
                external_config={"deployment_name": "prod", "api_version": "2024-10-21"},
                secret_ref=SecretRef(storage="file", username="azure-openai"),
                verified=False,
            ),
            "local-llm": ProviderSettings(
                provider="openai-compatible",
                name="Local server",
                api_host="http://127.0.0.1:8080/v1",
                model_type="llama",
            ),
        },
    )


def test_schema_file_matches_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == settings_json_schema()


def test_schema_command_writes_schema(tmp_path: Path) -> None:
    copy = tmp_path / "resources"
    checked = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.settings.model import write_schema; import sys, pathlib;"
            " write_schema(pathlib.Path(sys.argv[1]))",
            str(copy),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert copy.read_text(encoding="utf-8") == schema_text()


def test_written_files_validate_against_schema(store: SettingsStore) -> None:
    validator = _validator()
    store.update(lambda _: _full_settings())
    written = json.loads(store.path.read_text(encoding="utf-8"))
    validator.validate(written)

    store.update(lambda settings: settings.without_provider("azure-openai"))
    validator.validate(json.loads(store.path.read_text(encoding="utf-8")))
    validator.validate(json.loads(store.backup_path.read_text(encoding="utf-8")))


def test_migrated_files_validate_against_schema(store: SettingsStore) -> None:
    validator = _validator()
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(VERSION_1_FILE), encoding="utf-8")
    store.load()
    validator.validate(json.loads(store.path.read_text(encoding="utf-8")))
    assert json.loads(store.path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"schema_version": 1}, "schema_version"),
        ({"secret_storage": "plaintext"}, "secret_storage"),
        ({"surprise": True}, ""),
        ({"providers": {"openai": {"provider": "openai"}}}, "providers"),
    ],
)
def test_schema_rejects_invalid_files(change: dict[str, Any], path: str) -> None:
    document = json.loads(_full_settings().model_dump_json()) | change
    errors = list(_validator().iter_errors(document))
    assert errors, f"{change} should not validate"
    assert any(path in ".".join(str(part) for part in error.absolute_path) for error in errors)


def test_migrations_are_ordered_steps() -> None:
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))
    for version, step in sorted(MIGRATIONS.items()):
        data = {"schema_version": version, "providers": {}} if version else {"providers": {}}
        assert step(data)["schema_version"] == version + 1


def test_version_0_migrates_in_memory() -> None:
    migrated = Settings.model_validate(migrate(json.loads(json.dumps(VERSION_0_FILE))))
    assert migrated.schema_version == SCHEMA_VERSION
    assert migrated.secret_storage == "keyring"
    assert migrated.default_provider == "openai"
    assert migrated.providers["openai"].provider == "openai"
    assert migrated.providers["openai"].secret_ref == SecretRef(
        storage="keyring", username="openai"
    )
    assert migrated.providers["deepseek"].secret_ref is None
    assert "api_key" not in migrated.model_dump_json()


def test_version_0_file_moves_key_to_keychain(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(VERSION_0_FILE), encoding="utf-8")
    key = VERSION_0_FILE["providers"]["openai"]["api_key"]

    loaded = store.load()

    assert loaded.providers["openai"].model_type == "gpt-4.1-mini"
    assert keyring.get_password("agent-models", "openai") == key
    on_disk = store.path.read_text(encoding="utf-8")
    assert key not in on_disk
    assert json.loads(on_disk)["schema_version"] == SCHEMA_VERSION
    assert not store.backup_path.exists(), "a backup of a version-0 file would hold the key"
    assert not list(store.path.parent.glob("*.v0.bak"))
    assert legacy_keys(json.loads(on_disk)) == {}


def test_version_0_file_keeps_keys_when_keychain_fails(
    store: SettingsStore, no_keychain: None
) -> None:
    store.path.parent.mkdir(parents=True)
    original = json.dumps(VERSION_0_FILE).encode()
    store.path.write_bytes(original)

    loaded = store.load()

    assert loaded.providers["openai"].model_type == "gpt-4.1-mini"
    assert store.path.read_bytes() == original, "the keys would be lost if the file changed"
    assert store.last_migration_error is not None
    assert "no keychain was found" in store.last_migration_error


def test_version_1_file_migrates_and_keeps_copy(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    original = json.dumps(VERSION_1_FILE).encode()
    store.path.write_bytes(original)

    loaded = store.load()

    assert loaded.providers["openai"].validated_at == datetime(2026, 12, 4, 19, 0, tzinfo=UTC)
    assert json.loads(store.path.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert store.path.with_name("settings.json.v1.bak").read_bytes() == original


def test_read_only_load_migrates_in_memory_only(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    original = json.dumps(VERSION_1_FILE).encode()
    store.path.write_bytes(original)

    assert store.load_read_only().providers["openai"].model_type == "gpt-4.1-mini"
    assert store.path.read_bytes() == original


def _write_newer(store: SettingsStore) -> tuple[bytes, int]:
    store.path.parent.mkdir(parents=True)
    newer = {"schema_version": SCHEMA_VERSION + 1, "providers": {}, "field_from_the_future": [1, 2]}
    raw = json.dumps(newer).encode()
    store.path.write_bytes(raw)
    old = store.path.stat().st_mtime_ns - 5_000_000_000
    os.utime(store.path, ns=(old, old))
    return raw, store.path.stat().st_mtime_ns


def test_newer_file_rejected_on_load(store: SettingsStore) -> None:
    raw, mtime = _write_newer(store)

    with pytest.raises(NewerSettingsError) as raised:
        store.load()
    with pytest.raises(NewerSettingsError):
        store.load_read_only()

    message = str(raised.value)
    assert f"schema_version {SCHEMA_VERSION + 1}" in message
    assert "Update Agent Models" in message
    assert "not changed" in message
    assert store.path.read_bytes() == raw
    assert store.path.stat().st_mtime_ns == mtime
    assert not store.backup_path.exists()


def test_newer_file_never_rewritten_by_update(store: SettingsStore) -> None:
    raw, mtime = _write_newer(store)

    with pytest.raises(NewerSettingsError):
        store.update(lambda settings: settings.model_copy(update={"default_provider": "openai"}))

    assert store.path.read_bytes() == raw
    assert store.path.stat().st_mtime_ns == mtime
    assert not store.backup_path.exists()
    assert sorted(
        path.name for path in store.path.parent.iterdir() if not path.name.endswith(".lock")
    ) == ["settings.json"]


@pytest.mark.parametrize("version", ["2", 2.5, -1, True])
def test_bad_schema_version_is_unreadable(store: SettingsStore, version: object) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        json.dumps({"schema_version": version, "providers": {}}), encoding="utf-8"
    )
    assert store.load() == Settings()
    assert store.last_recovery is not None
    assert "schema_version" in store.last_recovery.reason
