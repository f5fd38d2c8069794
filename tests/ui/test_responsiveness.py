"""The window keeps running during a validation, and every way of cancelling one works."""

from __future__ import annotations

import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer

from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-slow-0123456789abcd"


def start_slow_save(
    card: Any, drive: Any, fake_provider: FakeProviderServer, seconds: int = 3
) -> Any:
    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type=f"behave:sleep-{seconds}"
    )
    driver.save()
    return driver


def test_event_loop_runs_during_slow_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    started = time.monotonic()
    driver = start_slow_save(card, drive, fake_provider)
    assert card.status is CardStatus.VALIDATING
    assert card.status_label.text() == "Validating…"
    assert card.cancel_button.isVisible()
    assert not card.default_button.isVisible()  # Cancel takes its place in the button row
    driver.wait_for_result()
    timer.stop()

    assert time.monotonic() - started >= 2.9
    assert len(ticks) >= 30
    assert max(later - earlier for earlier, later in pairwise(ticks)) < 0.5
    assert card.status is CardStatus.VALID
    assert card.default_button.isVisible()


def test_other_card_usable_during_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    slow_card = window.page.card("openai")
    other_card = window.page.card("deepseek")
    assert slow_card is not None and other_card is not None
    start_slow_save(slow_card, drive, fake_provider)

    other = drive(other_card)
    other.fill(api_key=KEY, model_type="deepseek-chat")

    assert other_card.form.rows["model_type"].text() == "deepseek-chat"
    assert slow_card.is_validating


def test_edit_cancels_running_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = start_slow_save(card, drive, fake_provider)
    task = card.task
    assert task is not None

    qtbot.keyClicks(card.form.rows["model_type"].line_edit, "x")

    qtbot.waitUntil(task.done, timeout=2_000)
    assert task.cancelled()
    assert card.task is None
    assert "cancelled because the card changed" in card.status_label.text()
    assert card.status is CardStatus.NOT_CONFIGURED
    assert driver.message("api_key") == ""
    assert stored_key("openai") is None
    assert read_settings(config_dir) == {}


def test_escape_cancels_running_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    start_slow_save(card, drive, fake_provider)
    task = card.task
    assert task is not None

    qtbot.keyClick(card.form.rows["api_host"].line_edit, Qt.Key.Key_Escape)

    qtbot.waitUntil(task.done, timeout=2_000)
    assert task.cancelled()
    assert card.status_label.text() == "Validation cancelled."


def test_cancel_button_cancels_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = start_slow_save(card, drive, fake_provider)
    task = card.task
    assert task is not None
    assert card.cancel_button.isVisible()

    driver.click(card.cancel_button)

    qtbot.waitUntil(task.done, timeout=2_000)
    assert task.cancelled()
    assert not card.cancel_button.isVisible()


def test_save_again_replaces_running_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = start_slow_save(card, drive, fake_provider, seconds=5)
    first = card.task
    assert first is not None

    driver.type("model_type", "gpt-4.1-mini")
    driver.save_and_wait()

    assert first.cancelled()
    assert card.status is CardStatus.VALID
    assert stored_key("openai") == KEY


def test_shutdown_cancels_running_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, qasync_loop: Any
) -> None:
    card = window.page.card("openai")
    assert card is not None
    start_slow_save(card, drive, fake_provider)
    task = card.task
    assert task is not None

    shutdown = qasync_loop.create_task(window.shutdown())
    qtbot.waitUntil(shutdown.done, timeout=2_000)

    assert task.cancelled()
    assert stored_key("openai") is None


def test_event_loop_runs_while_settings_locked(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from filelock import FileLock\n"
            "with FileLock(sys.argv[1]):\n"
            "    print('locked', flush=True)\n"
            "    time.sleep(3)\n",
            str(config_dir / "settings.json.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    card = window.page.card("openai")
    assert card is not None
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save()
    driver.wait_for_result()
    timer.stop()
    holder.wait(timeout=10)
    holder.stdout.close()

    # The save waited for the other process's lock while the window went on running.
    assert holder.returncode == 0
    assert len(ticks) >= 30
    assert max(later - earlier for earlier, later in pairwise(ticks)) < 0.5
    assert card.status is CardStatus.VALID
    assert stored_key("openai") == KEY
    assert read_settings(config_dir)["providers"]["openai"]["model_type"] == "gpt-4.1-mini"
