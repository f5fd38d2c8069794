"""Call back when the default model in settings.json changes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from app.paths import settings_path
from app.runtime.default_model import DefaultModel, load_default_model
from app.settings.store import SettingsError

logger = logging.getLogger(__name__)

Callback = Callable[[DefaultModel | None], None]
POLL_INTERVAL_S = 1.0
# Writers replace the file in several filesystem events; waiting this long after the last
# one reads the file once per change instead of once per event.
SETTLE_S = 0.02


class _SettingsEvents(FileSystemEventHandler):
    def __init__(self, file_name: str, changed: Callable[[], None]) -> None:
        self._file_name = file_name
        self._changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(Path(str(path)).name == self._file_name for path in paths if path):
            self._changed()


class SettingsWatcher:
    """Watches one settings file from a background thread; use as a context manager."""

    def __init__(self, callback: Callback, settings_file: Path | None = None, *, polling: bool = False) -> None:
        self.settings_file = settings_file or settings_path()
        self._callback = callback
        self._polling = polling
        self._last: DefaultModel | None = load_default_model(self.settings_file)
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._observer: Observer | PollingObserver | None = None

    @property
    def current(self) -> DefaultModel | None:
        return self._last

    def start(self) -> SettingsWatcher:
        folder = self.settings_file.parent
        folder.mkdir(parents=True, exist_ok=True)
        handler = _SettingsEvents(self.settings_file.name, self._schedule_check)
        try:
            observer = PollingObserver(timeout=POLL_INTERVAL_S) if self._polling else Observer()
            observer.schedule(handler, str(folder), recursive=False)
            observer.start()
        except OSError as error:
            # inotify watches can run out; polling still works, only slower.
            logger.warning("file watching unavailable, polling instead: %s", error)
            observer = PollingObserver(timeout=POLL_INTERVAL_S)
            observer.schedule(handler, str(folder), recursive=False)
            observer.start()
        self._observer = observer
        logger.info("watch started: path=%s observer=%s", self.settings_file, type(observer).__name__)
        return self

    def stop(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
        logger.info("watch stopped: path=%s", self.settings_file)

    def __enter__(self) -> SettingsWatcher:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _schedule_check(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(SETTLE_S, self._check)
            self._timer.daemon = True
            self._timer.start()

    def _check(self) -> None:
        try:
            current = load_default_model(self.settings_file)
        except SettingsError as error:
            logger.error("watch could not read settings: %s", error)
            return
        if current == self._last:
            return
        self._last = current
        self._callback(current)


def watch(callback: Callback, settings_file: Path | None = None, *, polling: bool = False) -> SettingsWatcher:
    """Start watching and return the watcher; ``callback`` runs on a background thread."""
    return SettingsWatcher(callback, settings_file, polling=polling).start()
