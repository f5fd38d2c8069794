"""Fixtures for the settings tests: a store per test and a keychain that fails.

A locked keychain, ``locked_keychain``, comes from the top-level conftest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.settings.store import SettingsStore


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
