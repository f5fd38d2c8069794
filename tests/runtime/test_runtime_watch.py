"""Watching settings.json: native events, polling, the fallback, a watcher in another process."""

from __future__ import annotations

import importlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.runtime import DefaultModel, SettingsFileWatcher, SettingsWatcher, watch, watch_settings
from app.settings.model import ProviderSettings, Settings
from app.settings.store import SettingsError, SettingsStore, UnreadableSettingsError

# ``app.runtime.watch`` is also the name of a function that the package exports.
watch_module = importlib.import_module("app.runtime.watch")
ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 10.0
POLL_S = 0.1


@pytest.fixture
def store(config_dir: Path) -> SettingsStore:
    store = SettingsStore(config_dir / "settings.json")
    for config_id, model in (("openai", "gpt-4.1-mini"), ("deepseek", "deepseek-chat")):
        config = ProviderSettings(
            provider=config_id, api_host="http://127.0.0.1:9/v1", model_type=model
        )
        store.update(
            lambda settings, config_id=config_id, config=config: settings.with_provider(
                config_id, config
            )
        )
    return store


def _set_default(store: SettingsStore, config_id: str | None) -> None:
    store.update(lambda settings: settings.model_copy(update={"default_provider": config_id}))


def _next(received: queue.Queue[Any]) -> Any:
    return received.get(timeout=WAIT_S)


def _assert_quiet(received: queue.Queue[Any], seconds: float = 0.3) -> None:
    with pytest.raises(queue.Empty):
        received.get(timeout=seconds)


def _changes_seen(
    watcher: SettingsWatcher, store: SettingsStore, received: queue.Queue[DefaultModel | None]
) -> None:
    _set_default(store, "openai")
    first = _next(received)
    assert first is not None
    assert first.config_id == "openai"

    _set_default(store, "deepseek")
    second = _next(received)
    assert second is not None
    assert second.model_type == "deepseek-chat"
    assert watcher.current == second

    _set_default(store, None)
    assert _next(received) is None


def test_native_watch_sees_changes(store: SettingsStore) -> None:
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    with watch(received.put, store.path) as watcher:
        assert watcher.observer_kind == "native"
        _changes_seen(watcher, store, received)


def test_polling_watch_sees_changes(store: SettingsStore) -> None:
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    with SettingsWatcher(received.put, store.path, polling=True, poll_interval_s=POLL_S) as watcher:
        assert watcher.observer_kind == "polling"
        _changes_seen(watcher, store, received)


class _NoInotify:
    """An observer that fails as inotify does when the user's watch limit is reached."""

    def schedule(self, *args: object, **kwargs: object) -> None:
        raise OSError(28, "inotify watch limit reached")


def test_falls_back_to_polling(store: SettingsStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch_module, "Observer", _NoInotify)
    monkeypatch.setattr(watch_module, "POLL_INTERVAL_S", POLL_S)
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    with SettingsWatcher(received.put, store.path, poll_interval_s=POLL_S) as watcher:
        assert watcher.observer_kind == "polling"
        _set_default(store, "openai")
        model = _next(received)
        assert model is not None
        assert model.config_id == "openai"


def test_other_config_change_not_reported(store: SettingsStore) -> None:
    _set_default(store, "openai")
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    with watch(received.put, store.path):
        config = ProviderSettings(
            provider="grok", api_host="http://127.0.0.1:9/v1", model_type="grok-4"
        )
        store.update(lambda settings: settings.with_provider("grok", config))
        _assert_quiet(received)

        store.update(
            lambda settings: settings.with_provider(
                "openai", settings.providers["openai"].model_copy(update={"model_type": "gpt-4.1"})
            )
        )
        model = _next(received)
        assert model is not None
        assert model.model_type == "gpt-4.1"


def test_corrupt_file_reported_not_moved(store: SettingsStore) -> None:
    _set_default(store, "openai")
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    errors: queue.Queue[SettingsError] = queue.Queue()
    with watch(received.put, store.path, on_error=errors.put) as watcher:
        store.path.write_text("{oops", encoding="utf-8")
        assert isinstance(_next(errors), UnreadableSettingsError)
        assert store.path.read_text(encoding="utf-8") == "{oops"
        assert watcher.current is not None
        assert watcher.current.config_id == "openai", "the last good value stays current"

        store.load()  # the window moves it aside and restores the backup
        assert _next(received) is None, "the backup is the file before openai became the default"
        _set_default(store, "deepseek")
        model = _next(received)
        assert model is not None
        assert model.config_id == "deepseek"


def test_failing_callback_keeps_watching(store: SettingsStore) -> None:
    received: queue.Queue[DefaultModel | None] = queue.Queue()

    def callback(model: DefaultModel | None) -> None:
        received.put(model)
        raise RuntimeError("agent bug")

    with watch(callback, store.path):
        _set_default(store, "openai")
        assert _next(received) is not None
        _set_default(store, "deepseek")
        assert _next(received) is not None


def test_burst_ends_on_final_state(store: SettingsStore) -> None:
    received: queue.Queue[DefaultModel | None] = queue.Queue()
    with watch(received.put, store.path) as watcher:
        for index in range(20):
            _set_default(store, "openai" if index % 2 else "deepseek")
        deadline = time.monotonic() + WAIT_S
        while watcher.current is None or watcher.current.config_id != "openai":
            assert time.monotonic() < deadline, "the watcher never saw the final state"
            time.sleep(0.02)


# The window's hook: the whole file


@pytest.mark.parametrize("polling", [False, True])
def test_settings_file_watcher_reports_any_change(store: SettingsStore, polling: bool) -> None:
    received: queue.Queue[Settings] = queue.Queue()
    with watch_settings(
        received.put, store.path, polling=polling, poll_interval_s=POLL_S
    ) as watcher:
        assert isinstance(watcher, SettingsFileWatcher)
        config = ProviderSettings(
            provider="grok", api_host="http://127.0.0.1:9/v1", model_type="grok-4"
        )
        store.update(lambda settings: settings.with_provider("grok", config))
        settings = _next(received)
        assert "grok" in settings.providers
        assert watcher.current == settings

        store.update(lambda settings: settings)  # no change, no write
        _assert_quiet(received)


def test_watch_starts_once(store: SettingsStore) -> None:
    def workers() -> int:
        return sum(thread.name == "settings-watch" for thread in threading.enumerate())

    before = workers()
    with watch(lambda model: None, store.path) as watcher:
        watcher.start()
        assert workers() == before + 1
    assert workers() == before


def test_stop_without_start() -> None:
    watcher = SettingsWatcher(lambda model: None, Path("/nonexistent-folder/settings.json"))
    watcher.stop()


# A watcher in another process


def _start(arguments: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_json_line(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, f"the watcher exited: {process.stderr.read() if process.stderr else ''}"
    return json.loads(line)


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.communicate(timeout=WAIT_S)


RUNTIME_WATCHER = """
import json, sys, threading
from app.runtime import watch
def report(model):
    print(json.dumps(model.to_public_json() if model else None), flush=True)
with watch(report):
    print(json.dumps("ready"), flush=True)
    threading.Event().wait()
"""


@pytest.mark.slow
def test_watch_in_second_process(store: SettingsStore) -> None:
    process = _start(["-c", RUNTIME_WATCHER])
    try:
        assert _read_json_line(process) == "ready"
        _set_default(store, "deepseek")
        seen = _read_json_line(process)
        assert seen["config_id"] == "deepseek"
        assert seen["key_available"] is False
        assert "No key" in seen["key_error"] or "without a key" in seen["key_error"]
    finally:
        _stop(process)
    assert sorted(
        path.name
        for path in store.path.parent.iterdir()
        if not path.name.startswith("settings.json.")
    ) == ["settings.json"]


@pytest.mark.slow
def test_cli_watch_prints_changes(store: SettingsStore) -> None:
    process = _start(["-m", "app", "watch"])
    try:
        assert process.stderr is not None
        assert "watching" in process.stderr.readline()
        _set_default(store, "openai")
        line = _read_json_line(process)
        assert line["event"] == "default_changed"
        assert line["default"]["config_id"] == "openai"
    finally:
        _stop(process)
