"""The API an agent runtime imports: the default model with its key, and a watch for changes.

Importing this package never loads Qt, so an agent process stays small.
"""

from app.runtime.default_model import DefaultModel, load_default_model
from app.runtime.watch import SettingsWatcher, watch

__all__ = ["DefaultModel", "SettingsWatcher", "load_default_model", "watch"]
