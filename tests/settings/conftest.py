"""Fixtures for the settings tests: a store per test, a keychain that fails, one that is locked."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
import secretstorage

from app.settings.store import SettingsStore
from tests.keychain import PrivateKeychain, start_private_keychain


@pytest.fixture
def settings_file(config_dir: Path) -> Path:
    return config_dir / "settings.json"


@pytest.fixture
def store(settings_file: Path) -> SettingsStore:
    return SettingsStore(settings_file)


@pytest.fixture
def no_keychain() -> Iterator[None]:
    """keyring's fail backend, which keyring picks when no keychain exists at all."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def second_keychain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateKeychain]:
    """A keychain of its own on its own bus, so that locking it leaves the shared one alone."""
    keychain = start_private_keychain(tmp_path_factory.mktemp("second-keychain"))
    yield keychain
    keychain.stop()


@pytest.fixture
def locked_keychain(
    second_keychain: PrivateKeychain, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point this process at the second keychain and lock its default collection.

    keyring's Secret Service backend opens a new D-Bus connection on every call, so the
    changed address takes effect at once. The autouse ``keychain`` fixture's cleanup runs
    after monkeypatch restores the shared keychain's address.
    """
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", second_keychain.env["DBUS_SESSION_BUS_ADDRESS"])
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        collection.lock()
        assert collection.is_locked()
    finally:
        connection.close()
    yield
    # keyring 25.7 raises KeyringLocked without closing the D-Bus connection it opened, so
    # collect the leaked socket here instead of as a ResourceWarning in a later test.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
