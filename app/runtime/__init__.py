"""The API an agent runtime imports: the default model with its key, and a watch for changes.

Importing this package never loads Qt, and nothing in it writes settings.json, so an
agent process stays small and cannot disturb the window. See docs/runtime.md.
"""

from app.runtime.default_model import (
    DefaultModel,
    KeyUnavailableError,
    NotOpenAICompatibleError,
    load_default_model,
)
from app.runtime.watch import SettingsFileWatcher, SettingsWatcher, watch, watch_settings

__all__ = [
    "DefaultModel",
    "KeyUnavailableError",
    "NotOpenAICompatibleError",
    "SettingsFileWatcher",
    "SettingsWatcher",
    "load_default_model",
    "watch",
    "watch_settings",
]
