"""Folders the program creates are private to the user from the start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from app.paths import CONFIG_DIR_ENV, make_private_folder

ROOT = Path(__file__).resolve().parent.parent

# Runs the command line as the console script does, under the usual umask of 022.
RUN_CLI = "import os, sys; os.umask(0o022); from app.__main__ import main; sys.exit(main(['list']))"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_config_folder_private_from_start(tmp_path: Path) -> None:
    config_dir = tmp_path / "missing" / "config"
    environment = os.environ | {CONFIG_DIR_ENV: str(config_dir)}

    completed = subprocess.run(
        [sys.executable, "-c", RUN_CLI],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert _mode(config_dir) == 0o700
    assert _mode(config_dir / "logs") == 0o700


def test_private_folder_parents_private(tmp_path: Path) -> None:
    previous_umask = os.umask(0o022)
    try:
        make_private_folder(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(previous_umask)

    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert _mode(folder) == 0o700, folder
