"""Folders the program reads and writes: bundled resources, settings and logs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "agent-models"
CONFIG_DIR_ENV = "AGENT_MODELS_CONFIG_DIR"
SETTINGS_FILE_NAME = "settings.json"
# Keys of users who opted out of the keychain; see app.settings.secrets.FileSecretStore.
SECRETS_FILE_NAME = "secrets.json"
PRIVATE_FOLDER_MODE = 0o700


def resources_dir() -> Path:
    """Return the folder that contains providers.json, the settings schema and translations.

    A frozen build unpacks it beside the executable (``sys._MEIPASS``). A wheel installs it
    as the ``app.resources`` package, and a source checkout has it at the top of the tree.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"

    source_tree = Path(__file__).resolve().parent.parent / "resources"
    if source_tree.is_dir():
        return source_tree

    return Path(__file__).resolve().parent / "resources"


def config_dir() -> Path:
    """Return the settings folder: ``$AGENT_MODELS_CONFIG_DIR`` when set, else the platform's."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def secrets_file_path() -> Path:
    """Return the key file used instead of the keychain after an explicit opt-in."""
    return config_dir() / SECRETS_FILE_NAME


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and each missing parent folder, readable only by the user.

    ``Path.mkdir(parents=True)`` would create the missing parents with the default mode
    (0755 under the usual umask), so each level is created here with 0700. A ``folder``
    that exists is left as it is, and one that is a file raises ``FileExistsError``.
    """
    missing_parents: list[Path] = []
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        missing_parents.append(parent)
        parent = parent.parent

    for missing in reversed(missing_parents):
        missing.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)


def log_dir() -> Path:
    """Return the log folder; it follows the settings folder when that is overridden."""
    if os.environ.get(CONFIG_DIR_ENV, "").strip():
        return config_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
