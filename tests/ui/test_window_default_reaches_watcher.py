"""The agent runtime side: a process running `agent-models watch` reports the window's change."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from typing import IO, Any

from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-watch-0123456789abcdef"


def read_lines(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def test_watch_process_sees_default_set_in_window(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()

    lines: queue.Queue[str] = queue.Queue()
    with subprocess.Popen(
        [sys.executable, "-m", "app", "watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as watcher:
        try:
            assert watcher.stdout is not None and watcher.stderr is not None
            assert watcher.stderr.readline().startswith("watching ")
            reader = threading.Thread(target=read_lines, args=(watcher.stdout, lines), daemon=True)
            reader.start()

            driver.click(card.default_button)
            # The event loop keeps running while the line travels between the processes.
            qtbot.waitUntil(lambda: not lines.empty(), timeout=15_000)
            line = json.loads(lines.get_nowait())
        finally:
            watcher.terminate()
            watcher.wait(timeout=10)

    assert line["event"] == "default_changed"
    assert line["default"]["config_id"] == "openai"
    assert line["default"]["provider"] == "openai"
    assert line["default"]["api_host"] == f"{fake_provider.url}/v1"
    assert line["default"]["model_type"] == "gpt-4.1-mini"
    assert line["default"]["key_available"] is True
    assert KEY not in json.dumps(line)
