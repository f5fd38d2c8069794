"""A real Secret Service (gnome-keyring) on a private D-Bus session bus, for tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import secretstorage
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from secretstorage.util import DBusAddressWrapper, format_secret, open_session

KEYRING_PASSWORD = b"test-keyring-password"


class KeychainUnavailable(RuntimeError):
    """dbus-daemon or gnome-keyring-daemon is not installed."""


@dataclass
class PrivateKeychain:
    """Environment variables that point a process at the private bus, and the bus's pid."""

    env: dict[str, str]
    bus_pid: int

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.bus_pid, signal.SIGTERM)

    @contextlib.contextmanager
    def connect(self) -> Iterator[DBusConnection]:
        """Open a D-Bus connection to this keychain's bus, whatever os.environ points at."""
        connection = open_dbus_connection(bus=self.env["DBUS_SESSION_BUS_ADDRESS"])
        try:
            yield connection
        finally:
            connection.close()

    def lock(self) -> None:
        """Lock the default collection, so that keyring's calls raise KeyringLocked.

        They raise at once, because gnome-keyring cannot show a prompt on the private bus
        (see ``start_private_keychain``).
        """
        with self.connect() as connection:
            collection = secretstorage.get_default_collection(connection)
            collection.lock()
            if not collection.is_locked():
                raise RuntimeError("gnome-keyring did not lock the default collection")

    def unlock(self) -> None:
        """Unlock the default collection with its password, without a prompt.

        The Secret Service API unlocks only through a prompt, so this calls gnome-keyring's
        own UnlockWithMasterPassword method instead.
        """
        with self.connect() as connection:
            collection = secretstorage.get_default_collection(connection)
            internal = DBusAddressWrapper(
                "/org/freedesktop/secrets",
                "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                connection,
            )
            password = format_secret(open_session(connection), KEYRING_PASSWORD, "text/plain")
            internal.call(
                "UnlockWithMasterPassword", "o(oayays)", collection.collection_path, password
            )
            if collection.is_locked():
                raise RuntimeError("gnome-keyring did not unlock the default collection")

    def delete_items(self, service: str) -> None:
        """Delete every item stored for ``service``. The collection must be unlocked."""
        with self.connect() as connection:
            collection = secretstorage.get_default_collection(connection)
            for item in collection.search_items({"service": service}):
                item.delete()


def start_private_keychain(home: Path) -> PrivateKeychain:
    """Start a session bus and an unlocked login keyring whose files live under ``home``."""
    for program in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(program) is None:
            raise KeychainUnavailable(
                f"{program} not found; install the Debian packages dbus and gnome-keyring."
            )

    runtime_dir = home / "runtime"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = os.environ | {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime_dir)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # The bus starts gcr-prompter when a locked keychain is used. Without a display it
    # cannot start, so gnome-keyring dismisses the prompt and the call fails at once
    # instead of showing a password dialog on the developer's desktop.
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    started = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        env=env,
        capture_output=True,
        check=True,
        text=True,
    )
    address, pid = started.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address

    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        env=env,
        input=KEYRING_PASSWORD,
        capture_output=True,
        check=True,
        timeout=20,
    )
    return PrivateKeychain(
        env={key: env[key] for key in ("HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS")},
        bus_pid=int(pid),
    )
