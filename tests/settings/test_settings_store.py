"""The settings store: atomic writes, file modes, backup, recovery, read-only loads, the lock."""

from __future__ import annotations

import json
import stat
import threading
from pathlib import Path

import pytest
from filelock import FileLock

import app.settings.store as store_module
from app.settings.model import ProviderSettings, Settings
from app.settings.store import (
    SettingsError,
    SettingsLockedError,
    SettingsStore,
    SettingsWriteError,
    UnreadableSettingsError,
)


def _config(model: str) -> ProviderSettings:
    return ProviderSettings(
        provider="openai", api_host="https://api.openai.com/v1", model_type=model
    )


def _save(store: SettingsStore, model: str) -> Settings:
    return store.update(lambda settings: settings.with_provider("openai", _config(model)))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_file_is_empty_settings(store: SettingsStore) -> None:
    assert store.load() == Settings()
    assert store.load_read_only() == Settings()
    assert not store.path.exists()
    assert store.last_recovery is None


def test_update_writes_and_reads_back(store: SettingsStore) -> None:
    saved = _save(store, "gpt-4.1-mini")
    assert store.load() == saved
    assert SettingsStore(store.path).load_read_only() == saved
    assert (
        json.loads(store.path.read_text(encoding="utf-8"))["providers"]["openai"]["model_type"]
        == "gpt-4.1-mini"
    )


def test_settings_file_mode_0600(store: SettingsStore) -> None:
    _save(store, "first")
    _save(store, "second")
    assert _mode(store.path) == 0o600
    assert _mode(store.backup_path) == 0o600
    assert _mode(store.path.parent) == 0o700


def test_settings_file_mode_repaired_on_write(store: SettingsStore) -> None:
    _save(store, "first")
    store.path.chmod(0o644)
    _save(store, "second")
    assert _mode(store.path) == 0o600


def test_backup_holds_previous_good_file(store: SettingsStore) -> None:
    _save(store, "first")
    first = store.path.read_bytes()
    _save(store, "second")
    assert store.backup_path.read_bytes() == first
    assert (
        SettingsStore(store.backup_path).load_read_only().providers["openai"].model_type == "first"
    )


def test_backup_never_copies_plain_text_key(store: SettingsStore) -> None:
    _save(store, "first")
    _save(store, "second")
    backup_before = store.backup_path.read_bytes()
    key = "sk-proj-version0KeyWrittenWithoutTheLock0000"
    version_0_file = {
        "providers": {
            "openai": {"api_host": "https://api.openai.com/v1", "model_type": "m", "api_key": key}
        }
    }

    def replace_file_then_change(settings: Settings) -> Settings:
        # A program that does not take the settings lock, such as a text editor, puts a
        # version-0 file with a key in place after this update has read and migrated the file.
        store.path.write_text(json.dumps(version_0_file), encoding="utf-8")
        return settings.with_provider("openai", _config("third"))

    store.update(replace_file_then_change)

    assert key not in store.backup_path.read_text(encoding="utf-8")
    assert store.backup_path.read_bytes() == backup_before


def test_unchanged_update_does_not_write(store: SettingsStore) -> None:
    _save(store, "first")
    before = store.path.stat().st_mtime_ns
    store.update(lambda settings: settings)
    assert store.path.stat().st_mtime_ns == before
    assert not store.backup_path.exists()


def test_no_temporary_files_left(store: SettingsStore) -> None:
    for number in range(5):
        _save(store, f"model-{number}")
    names = sorted(path.name for path in store.path.parent.iterdir())
    assert [name for name in names if name.endswith(".tmp")] == []


def test_stale_temp_files_removed_under_lock(store: SettingsStore) -> None:
    _save(store, "first")
    stale = store.path.with_name(".settings.json.abc123.tmp")
    stale.write_text("{", encoding="utf-8")
    other_file = store.path.with_name(".secrets.json.abc123.tmp")
    other_file.write_text("{", encoding="utf-8")
    _save(store, "second")
    assert not stale.exists()
    assert other_file.exists(), "the settings writer must not touch another file's temporary files"


def test_corrupt_file_moved_aside_and_backup_restored(store: SettingsStore) -> None:
    _save(store, "first")
    _save(store, "second")
    store.path.write_text('{"schema_version": 2, "providers": {', encoding="utf-8")

    loaded = store.load()

    assert loaded.providers["openai"].model_type == "first"
    recovery = store.last_recovery
    assert recovery is not None
    assert recovery.moved_to.exists()
    assert recovery.moved_to.read_text(encoding="utf-8") == '{"schema_version": 2, "providers": {'
    assert recovery.moved_to.name.startswith("settings.json.corrupt-")
    assert recovery.restored_from == store.backup_path
    assert str(recovery.moved_to) in recovery.message
    assert "could not be read" in recovery.message
    assert "restored from the backup" in recovery.message
    assert store.load_read_only().providers["openai"].model_type == "first"


def test_corrupt_file_never_missing_during_restore(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(store, "first")
    _save(store, "second")
    store.path.write_text("{", encoding="utf-8")
    seen: list[tuple[bool, bool]] = []
    write = store_module.write_atomically

    def watching_write(path: Path, data: bytes) -> None:
        # What a reader without the lock would find just before the restored file appears.
        seen.append((store.path.exists(), store.last_recovery is not None))
        write(path, data)

    monkeypatch.setattr(store_module, "write_atomically", watching_write)

    store.load()

    assert seen[0] == (True, True)


def test_corrupt_file_without_backup_starts_empty(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"\x00\xffnot json")

    assert store.load() == Settings()

    recovery = store.last_recovery
    assert recovery is not None
    assert recovery.restored_from is None
    assert recovery.moved_to.read_bytes() == b"\x00\xffnot json"
    assert "started with empty settings" in recovery.message
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"schema_version": 2, "providers": {"openai": {"provider": "openai"}}}',
        '{"schema_version": 2, "unknown": 1}',
        "",
    ],
)
def test_invalid_content_is_recovered(store: SettingsStore, content: str) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content, encoding="utf-8")
    assert store.load() == Settings()
    assert store.last_recovery is not None
    assert store.last_recovery.moved_to.read_text(encoding="utf-8") == content


def test_update_recovers_corrupt_file(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{broken", encoding="utf-8")
    saved = _save(store, "after-recovery")
    assert store.last_recovery is not None
    assert store.load() == saved


def test_two_recoveries_in_one_second_keep_both(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{first", encoding="utf-8")
    store.load()
    first = store.last_recovery
    store.path.write_text("{second", encoding="utf-8")
    store.load()
    second = store.last_recovery
    assert first is not None and second is not None
    assert first.moved_to != second.moved_to
    assert first.moved_to.read_text(encoding="utf-8") == "{first"
    assert second.moved_to.read_text(encoding="utf-8") == "{second"


def test_read_only_load_never_moves_file(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{broken", encoding="utf-8")

    with pytest.raises(UnreadableSettingsError) as raised:
        store.load_read_only()

    assert store.path.read_text(encoding="utf-8") == "{broken"
    assert sorted(path.name for path in store.path.parent.iterdir()) == ["settings.json"]
    assert str(store.path) in str(raised.value)
    assert "Open Agent Models" in str(raised.value)


def test_read_only_load_takes_no_lock(store: SettingsStore) -> None:
    _save(store, "first")
    holder = FileLock(str(store.lock_path))
    with holder:
        assert store.load_read_only().providers["openai"].model_type == "first"


def test_settings_path_folder_explained(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.mkdir()  # a folder where the file should be

    for load in (store.load, store.load_read_only):
        with pytest.raises(SettingsError) as raised:
            load()
        message = str(raised.value)
        assert str(store.path) in message
        assert "is a folder" in message
        assert "Remove or rename that folder" in message
        assert "permissions" not in message


def test_lock_timeout_names_lock_file(settings_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_S", 0.2)
    store = SettingsStore(settings_file)
    settings_file.parent.mkdir(parents=True)
    holder = FileLock(str(store.lock_path))
    acquired = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with holder:
            acquired.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    acquired.wait(5)
    try:
        with pytest.raises(SettingsLockedError) as raised:
            _save(store, "blocked")
    finally:
        release.set()
        thread.join()

    assert str(store.lock_path) in str(raised.value)
    assert not settings_file.exists()


def test_lock_path_folder_raises_write_error(store: SettingsStore) -> None:
    _save(store, "first")
    before = store.path.read_bytes()
    store.lock_path.unlink(missing_ok=True)
    store.lock_path.mkdir()

    with pytest.raises(SettingsWriteError) as raised:
        _save(store, "second")

    message = str(raised.value)
    assert str(store.lock_path) in message
    assert "is a folder" in message
    assert "Remove or rename" in message
    assert store.path.read_bytes() == before


def test_older_file_loads_with_lock_path_folder(store: SettingsStore) -> None:
    store.path.parent.mkdir(parents=True)
    old_file = {
        "schema_version": 1,
        "providers": {"openai": _config("first").model_dump(mode="json")},
    }
    store.path.write_text(json.dumps(old_file))
    before = store.path.read_bytes()
    store.lock_path.mkdir()

    settings = store.load()

    assert settings.providers["openai"].model_type == "first"
    assert store.last_migration_error is not None
    assert str(store.lock_path) in store.last_migration_error
    assert store.path.read_bytes() == before


def test_settings_folder_a_file_raises_write_error(store: SettingsStore) -> None:
    store.path.parent.parent.mkdir(parents=True, exist_ok=True)
    store.path.parent.write_text("not a folder\n")

    with pytest.raises(SettingsWriteError) as raised:
        _save(store, "first")

    assert str(store.path.parent) in str(raised.value)


def test_change_that_raises_writes_nothing(store: SettingsStore) -> None:
    _save(store, "first")
    before = store.path.read_bytes()

    def failing(settings: Settings) -> Settings:
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError):
        store.update(failing)
    assert store.path.read_bytes() == before
