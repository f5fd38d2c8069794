"""Writers killed with SIGKILL mid-write, and two writers racing: no write is torn or lost."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from app.settings.store import SettingsStore
from tests.settings.crash_writer import version_of, version_settings

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 200
UPDATES_PER_WRITER = 200
# Kills land at a random moment within this many write durations after a writer's first
# write, so that every kill finds a writer in its loop whatever the machine's load.
KILL_WINDOW_WRITES = 3

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")


def _writer_env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT)}


class Forker:
    """The forker process of crash_writer.py and the lines it prints."""

    def __init__(self, settings_file: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), "forker", str(settings_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_writer_env(),
            cwd=ROOT,
        )

    def send(self, line: str) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(line + "\n")
        stdin.flush()

    def read_until(self, prefix: str) -> tuple[str, list[int]]:
        """Return the first line starting with ``prefix`` and the ``done`` numbers before it."""
        stdout: IO[str] | None = self.process.stdout
        assert stdout is not None
        done: list[int] = []
        while True:
            line = stdout.readline()
            assert line, "the forker exited"
            if line.startswith(prefix):
                return line.strip(), done
            if line.startswith("done "):
                done.append(int(line.split()[1]))

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def forker(config_dir: Path) -> Iterator[Forker]:
    config_dir.mkdir(parents=True, exist_ok=True)
    started = Forker(config_dir / "settings.json")
    yield started
    started.close()


def _temp_files(folder: Path) -> set[str]:
    return {path.name for path in folder.glob(".settings.json*.tmp")}


def _median_write_s(store: SettingsStore) -> float:
    """Return the median time of one versioned write on this disk, at this moment."""
    durations = []
    for _ in range(9):
        started = time.perf_counter()
        store.update(lambda current: version_settings(version_of(current) + 1))
        durations.append(time.perf_counter() - started)
    return sorted(durations)[len(durations) // 2]


@pytest.mark.slow
def test_sigkill_leaves_old_or_new_file(config_dir: Path, forker: Forker) -> None:
    settings_file = config_dir / "settings.json"
    store = SettingsStore(settings_file)
    store.update(lambda _: version_settings(0))
    max_delay_s = KILL_WINDOW_WRITES * _median_write_s(store)
    randomness = random.Random(20261204)
    interrupted_writes: set[str] = set()
    completed_writes = 0

    for trial in range(KILLS):
        before = version_of(store.load_read_only())
        forker.send("fork")
        line, _ = forker.read_until("started ")
        pid = int(line.split()[1])
        first_line, _ = forker.read_until("done ")
        time.sleep(randomness.uniform(0, max_delay_s))
        os.kill(pid, signal.SIGKILL)
        forker.send(f"reap {pid}")
        _, done = forker.read_until(f"reaped {pid}")
        done.insert(0, int(first_line.split()[1]))
        completed_writes += len(done)
        assert done[0] == before + 1

        last_done = done[-1]
        after = version_of(store.load_read_only())
        assert after in {last_done, last_done + 1}, (
            f"trial {trial}: file holds {after}, last write {last_done}"
        )
        assert json.loads(settings_file.read_bytes())["schema_version"] == 2
        if store.backup_path.exists():
            # A kill between the backup copy and the replace leaves both at the same version.
            backup = version_of(SettingsStore(store.backup_path).load_read_only())
            assert backup in {after - 1, after}, f"trial {trial}: backup {backup}, file {after}"
        interrupted_writes |= _temp_files(config_dir)

    assert completed_writes > KILLS, "no writer finished a second write before its kill"
    assert interrupted_writes, "no kill landed inside a write"
    store.update(lambda current: current)
    assert _temp_files(config_dir) == set(), "the next writer did not remove stale temporary files"


@pytest.mark.slow
def test_two_writers_lose_no_update(config_dir: Path) -> None:
    settings_file = config_dir / "settings.json"
    config_dir.mkdir(parents=True, exist_ok=True)
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                "append",
                str(settings_file),
                name,
                str(UPDATES_PER_WRITER),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_writer_env(),
            cwd=ROOT,
        )
        for name in ("left", "right")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=90)[0] for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0]
    assert all("finished" in output for output in outputs)
    saved = SettingsStore(settings_file).load_read_only().providers
    expected = {
        f"{name}-{index:03d}" for name in ("left", "right") for index in range(UPDATES_PER_WRITER)
    }
    assert set(saved) == expected
