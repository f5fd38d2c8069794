"""Writer processes for the crash and concurrency tests of the settings store.

Run as a script (``python crash_writer.py MODE ...``) with the repository on
``PYTHONPATH``:

- ``forker PATH``: imports the store and writes a scratch file once, so that forked
  writers start warm, then forks one writer per ``fork`` line on standard input. Each
  writer prints ``started PID``, then applies numbered versions (``version_settings``)
  in a loop and prints ``done N`` after each, until it is killed. ``reap PID`` waits for
  a killed writer and prints ``reaped PID``, after every ``done`` line of that writer.
- ``append PATH NAME COUNT``: waits for a ``go`` line, then applies COUNT updates that
  each add one config named ``NAME-NNN``, and prints ``finished``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.settings.model import ProviderSettings, Settings
from app.settings.store import SettingsStore

CONFIGS_PER_VERSION = 3


def version_settings(number: int) -> Settings:
    """Return version ``number`` of the test file: every field of every config carries it."""
    providers = {
        f"c{index}": ProviderSettings(
            provider="openai",
            api_host=f"http://127.0.0.1:9/v{number}",
            model_type=f"model-{number}",
            external_config={"version": str(number)},
        )
        for index in range(CONFIGS_PER_VERSION)
    }
    return Settings(default_provider=f"c{number % CONFIGS_PER_VERSION}", providers=providers)


def version_of(settings: Settings) -> int:
    """Return the version number of a test file, or raise AssertionError if it is mixed."""
    numbers = {config.external_config.get("version") for config in settings.providers.values()}
    assert len(numbers) == 1, f"configs from different versions: {numbers}"
    number = int(numbers.pop() or "0")
    assert settings == version_settings(number), f"file differs from version {number}"
    return number


def _write_forever(path: Path) -> None:
    store = SettingsStore(path)
    os.write(1, f"started {os.getpid()}\n".encode())
    while True:
        updated = store.update(lambda current: version_settings(version_of(current) + 1))
        os.write(1, f"done {version_of(updated)}\n".encode())


def run_forker(path: Path) -> None:
    # The first update imports and builds what later ones reuse. Without it, each forked
    # writer would spend its short life on that instead of on writes.
    scratch = SettingsStore(path.with_name("warm-up.json"))
    scratch.update(lambda _: version_settings(0))
    scratch.update(lambda current: version_settings(version_of(current) + 1))
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "fork":
            pid = os.fork()
            if pid == 0:
                try:
                    _write_forever(path)
                finally:
                    os._exit(1)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            print(f"reaped {argument}", flush=True)


def run_append(path: Path, name: str, count: int) -> None:
    store = SettingsStore(path)
    sys.stdin.readline()  # "go": both writers start together
    for index in range(count):
        config_id = f"{name}-{index:03d}"
        config = ProviderSettings(
            provider="openai", api_host="http://127.0.0.1:9/v1", model_type=config_id
        )
        store.update(
            lambda current, config_id=config_id, config=config: current.with_provider(
                config_id, config
            )
        )
    print("finished", flush=True)


if __name__ == "__main__":
    mode, file_name, *rest = sys.argv[1:]
    if mode == "forker":
        run_forker(Path(file_name))
    else:
        run_append(Path(file_name), rest[0], int(rest[1]))
