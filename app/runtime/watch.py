"""Call back when settings.json changes: the default model for agents, all settings for a window."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from app.logging_setup import get_logger
from app.paths import make_private_folder, settings_path
from app.runtime.default_model import DefaultModel, load_default_model
from app.settings.model import Settings
from app.settings.store import SettingsError, SettingsStore

logger = get_logger(__name__)

Callback = Callable[[DefaultModel | None], None]
SettingsCallback = Callable[[Settings], None]
ErrorCallback = Callable[[SettingsError], None]
T = TypeVar("T")
POLL_INTERVAL_S = 1.0
STOP_TIMEOUT_S = 5.0


# Events that can change the file's content. watchdog's inotify observer also reports
# opened, closed-without-writing and attribute events. Reacting to those would make every
# read of the file, the watcher's own included, start another read.
CONTENT_EVENTS = frozenset(
    {
        EVENT_TYPE_CREATED,
        EVENT_TYPE_MODIFIED,
        EVENT_TYPE_MOVED,
        EVENT_TYPE_DELETED,
        EVENT_TYPE_CLOSED,
    }
)


class _SettingsEvents(FileSystemEventHandler):
    def __init__(self, file_name: str, changed: Callable[[], None]) -> None:
        self._file_name = file_name
        self._changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CONTENT_EVENTS or event.is_directory:
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(Path(os.fsdecode(path)).name == self._file_name for path in paths if path):
            self._changed()


class _FileWatch:
    """Runs ``_check`` on a worker thread after each filesystem event on one file.

    Events that arrive while a check runs are merged into one more check, and that check
    reads the file after the last event. Checks never overlap, so callbacks arrive in the
    order of the file's versions.
    """

    def __init__(
        self, settings_file: Path | None, *, polling: bool, poll_interval_s: float
    ) -> None:
        self.settings_file = settings_file or settings_path()
        self._polling = polling
        self._poll_interval_s = poll_interval_s
        self._observer: Any = None
        self._wake = threading.Event()
        self._stopping = False
        self._worker: threading.Thread | None = None
        self.observer_kind = ""

    def start(self) -> _FileWatch:
        """Start the observer and the worker; a second call does nothing.

        ``watch()`` returns a started watcher that callers also enter with ``with``, so
        ``__enter__`` must not start a second observer and worker.
        """
        if self._worker is not None:
            return self
        self._stopping = False
        make_private_folder(self.settings_file.parent)
        handler = _SettingsEvents(self.settings_file.name, self._wake.set)
        self._worker = threading.Thread(target=self._run, name="settings-watch", daemon=True)
        self._worker.start()
        if self._polling:
            self._observer = self._start_observer(
                PollingObserver(timeout=self._poll_interval_s), handler
            )
        else:
            try:
                self._observer = self._start_observer(Observer(), handler)
            except OSError as error:
                # inotify watches are limited per user; polling still works, only slower.
                logger.warning(
                    "file watching unavailable, polling instead: path=%s error=%s",
                    self.settings_file,
                    error,
                )
                self._observer = self._start_observer(
                    PollingObserver(timeout=self._poll_interval_s), handler
                )
        self.observer_kind = "polling" if isinstance(self._observer, PollingObserver) else "native"
        logger.info("watch started: path=%s observer=%s", self.settings_file, self.observer_kind)
        return self

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=STOP_TIMEOUT_S)
            self._observer = None
        if self._worker is not None:
            self._worker.join(timeout=STOP_TIMEOUT_S)
            self._worker = None
        logger.info("watch stopped: path=%s", self.settings_file)

    def _start_observer(self, observer: Any, handler: FileSystemEventHandler) -> Any:
        observer.schedule(handler, str(self.settings_file.parent), recursive=False)
        observer.daemon = True
        observer.start()
        return observer

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stopping:
                return
            self._wake.clear()
            try:
                self._check()
            except Exception:  # a failing callback must not end the watch
                logger.exception("settings watch callback failed: path=%s", self.settings_file)

    def _check(self) -> None:
        raise NotImplementedError


class _ValueWatch(_FileWatch, Generic[T]):
    """Reads a value from the file after each change, and calls back when the value differs.

    A file that cannot be read is logged and passed to ``on_error``, and the last good
    value stays current.
    """

    def __init__(
        self,
        callback: Callable[[T], None],
        settings_file: Path | None = None,
        *,
        polling: bool = False,
        poll_interval_s: float = POLL_INTERVAL_S,
        on_error: ErrorCallback | None = None,
    ) -> None:
        super().__init__(settings_file, polling=polling, poll_interval_s=poll_interval_s)
        self._callback = callback
        self._on_error = on_error
        self._last: T | None = None
        try:
            self._last = self._load()
        except SettingsError as error:
            logger.error("watch could not read settings at start: %s", error)

    @property
    def current(self) -> T | None:
        return self._last

    def start(self) -> Self:
        super().start()
        return self

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _load(self) -> T:
        raise NotImplementedError

    def _check(self) -> None:
        try:
            current = self._load()
        except SettingsError as error:
            logger.warning("watch could not read settings: %s", error)
            if self._on_error is not None:
                self._on_error(error)
            return
        if current == self._last:
            return
        self._last = current
        self._callback(current)


class SettingsWatcher(_ValueWatch[DefaultModel | None]):
    """Calls back with the new default model each time it changes; use as a context manager.

    ``callback`` runs on a background thread with the new ``DefaultModel``, or None when
    no default is set. A change of the key, host, model or External Config counts; a
    change to another config does not.
    """

    def _load(self) -> DefaultModel | None:
        return load_default_model(self.settings_file)


class SettingsFileWatcher(_ValueWatch[Settings]):
    """Calls back with the whole settings each time the file's content changes.

    This is the window's hook for reloading when another process (the command line, a
    second window) changes settings.json. ``callback`` runs on a background thread, so a
    Qt caller emits a signal from it instead of touching widgets. The file is read with
    ``load_read_only``; a file that cannot be read goes to ``on_error``.
    """

    def _load(self) -> Settings:
        return SettingsStore(self.settings_file).load_read_only()


def watch(
    callback: Callback,
    settings_file: Path | None = None,
    *,
    polling: bool = False,
    poll_interval_s: float = POLL_INTERVAL_S,
    on_error: ErrorCallback | None = None,
) -> SettingsWatcher:
    """Start watching the default model and return the watcher; stop it with ``stop()``."""
    return SettingsWatcher(
        callback, settings_file, polling=polling, poll_interval_s=poll_interval_s, on_error=on_error
    ).start()


def watch_settings(
    callback: SettingsCallback,
    settings_file: Path | None = None,
    *,
    polling: bool = False,
    poll_interval_s: float = POLL_INTERVAL_S,
    on_error: ErrorCallback | None = None,
) -> SettingsFileWatcher:
    """Start watching the whole settings file and return the watcher; stop it with ``stop()``."""
    return SettingsFileWatcher(
        callback, settings_file, polling=polling, poll_interval_s=poll_interval_s, on_error=on_error
    ).start()
