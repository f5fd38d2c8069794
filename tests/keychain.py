"""A real Secret Service (gnome-keyring) on a private D-Bus session bus, for tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

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
