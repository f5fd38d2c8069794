"""Fixtures: a private keychain, one to lock, a fake provider, a settings folder, a qasync loop."""

from __future__ import annotations

import asyncio
import gc
import os
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import keyring
import pytest
import secretstorage

from tests.fake_provider import FakeProviderServer
from tests.keychain import PrivateKeychain, start_private_keychain

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def private_keychain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateKeychain]:
    """One gnome-keyring for the whole run; os.environ points this process and children at it."""
    keychain = start_private_keychain(tmp_path_factory.mktemp("keychain-home"))
    saved = {key: os.environ.get(key) for key in keychain.env}
    os.environ.update(keychain.env)

    from keyring.backends import SecretService

    keyring.set_keyring(SecretService.Keyring())
    yield keychain

    keychain.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def keychain(private_keychain: PrivateKeychain) -> Iterator[PrivateKeychain]:
    """Every test uses the private keychain and leaves no agent-models entry behind."""
    yield private_keychain
    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        for item in collection.search_items({"service": "agent-models"}):
            item.delete()


@pytest.fixture(scope="session")
def lockable_keychain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateKeychain]:
    """A second keychain on its own bus, so that locking it leaves the shared one alone."""
    keychain = start_private_keychain(tmp_path_factory.mktemp("lockable-keychain"))
    yield keychain
    keychain.stop()


@pytest.fixture
def keychain_to_lock(
    lockable_keychain: PrivateKeychain, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PrivateKeychain]:
    """Point this process at the lockable keychain, for a test that stores keys, then locks it.

    keyring's Secret Service backend opens a new D-Bus connection on every call, so the
    changed address takes effect at once. Afterwards the keychain is unlocked and emptied,
    and the autouse ``keychain`` fixture's cleanup runs after monkeypatch restores the shared
    keychain's address.
    """
    address = lockable_keychain.env["DBUS_SESSION_BUS_ADDRESS"]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield lockable_keychain

    lockable_keychain.unlock()
    lockable_keychain.delete_items("agent-models")
    # keyring 25.7 raises KeyringLocked without closing the D-Bus connection it opened, so
    # collect the leaked socket here instead of as a ResourceWarning in a later test.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture
def locked_keychain(keychain_to_lock: PrivateKeychain) -> PrivateKeychain:
    """A keychain with no agent-models entries whose default collection is locked."""
    keychain_to_lock.lock()
    return keychain_to_lock


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings and log folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv("AGENT_MODELS_CONFIG_DIR", str(folder))
    for proxy in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(proxy, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return folder


@pytest.fixture
def fake_provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer().start()
    yield server
    server.stop()


@pytest.fixture
def qasync_loop(qapp):  # type: ignore[no-untyped-def]
    """A qasync loop on the test's QApplication, torn down so later waits still work."""
    import qasync
    from PySide6.QtCore import QTimer

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop

    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.stop()
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()
    loop.close()
    asyncio.set_event_loop(None)
    # already_running=True registers the loop as the thread's running loop, and closing it
    # does not undo that; later asyncio.run() calls would refuse to start.
    asyncio.events._set_running_loop(None)
