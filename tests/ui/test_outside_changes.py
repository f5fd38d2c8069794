"""The window follows settings.json when the command line changes it, keeping unsaved edits."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-outside-0123456789abcd"
CLI_KEY = "sk-test-cli-save-0123456789wxyz"
RELOAD_TIMEOUT_MS = 15_000


def run_cli(*arguments: str, api_key: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in another process, as a user in a terminal does."""
    env = dict(os.environ)
    if api_key is not None:
        env["AGENT_MODELS_API_KEY"] = api_key
    completed = subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed


def save_card(window: MainWindow, drive: Any, config_id: str, host: str, model: str) -> Any:
    card = window.page.card(config_id)
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=host, model_type=model)
    driver.save_and_wait()
    assert card.status is CardStatus.VALID
    return card


def test_set_default_from_cli_moves_badge(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    deepseek = save_card(window, drive, "deepseek", fake_provider.url, "deepseek-chat")
    drive(deepseek).click(deepseek.default_button)
    assert deepseek.status is CardStatus.DEFAULT

    run_cli("set-default", "openai")

    qtbot.waitUntil(lambda: openai.status is CardStatus.DEFAULT, timeout=RELOAD_TIMEOUT_MS)
    assert openai.badge.accessibleName() == "Status: Default"
    assert deepseek.status is CardStatus.VALID
    assert deepseek.default_button.isEnabled()
    assert not openai.default_button.isEnabled()


def test_unsaved_edits_survive_outside_change(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    drive(openai).fill(model_type="gpt-4.1", api_key="sk-typed-not-saved-0123456789")
    assert openai.is_dirty()

    run_cli("set-default", "openai")

    qtbot.waitUntil(lambda: openai.status is CardStatus.DEFAULT, timeout=RELOAD_TIMEOUT_MS)
    assert openai.form.rows["model_type"].text() == "gpt-4.1"
    assert openai.form.rows["api_key"].text() == "sk-typed-not-saved-0123456789"
    assert openai.is_dirty()
    assert openai.save_button.isEnabled()


def test_save_from_cli_shows_config(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    mistral = window.page.card("mistral")
    assert mistral is not None
    assert mistral.status is CardStatus.NOT_CONFIGURED

    run_cli(
        "save",
        "mistral",
        "--api-host",
        fake_provider.url,
        "--model",
        "mistral-small-latest",
        api_key=CLI_KEY,
    )

    qtbot.waitUntil(lambda: mistral.status is CardStatus.VALID, timeout=RELOAD_TIMEOUT_MS)
    assert mistral.form.rows["api_host"].text() == fake_provider.url
    assert mistral.form.rows["model_type"].text() == "mistral-small-latest"
    assert mistral.form.rows["api_key"].line_edit.placeholderText() == "Saved key ending in wxyz"
    assert not mistral.is_dirty()
    assert window.page.validate_all_button.isEnabled()


def test_save_from_cli_keeps_typed_fields(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    mistral = window.page.card("mistral")
    assert mistral is not None
    drive(mistral).fill(model_type="mistral-large-latest")

    run_cli(
        "save",
        "mistral",
        "--api-host",
        fake_provider.url,
        "--model",
        "mistral-small-latest",
        api_key=CLI_KEY,
    )

    qtbot.waitUntil(lambda: mistral.status is CardStatus.VALID, timeout=RELOAD_TIMEOUT_MS)
    assert mistral.form.rows["model_type"].text() == "mistral-large-latest"
    assert mistral.form.rows["api_host"].text() == "https://api.mistral.ai"
    assert mistral.is_dirty()

    # Typing back what the command line saved leaves nothing unsaved.
    drive(mistral).fill(api_host=fake_provider.url, model_type="mistral-small-latest")
    assert not mistral.is_dirty()


def test_reset_from_cli_clears_card(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")

    run_cli("reset", "openai")

    qtbot.waitUntil(lambda: openai.status is CardStatus.NOT_CONFIGURED, timeout=RELOAD_TIMEOUT_MS)
    assert openai.form.rows["api_host"].text() == "https://api.openai.com/v1"
    assert openai.form.rows["model_type"].text() == ""
    assert not window.page.validate_all_button.isEnabled()


def wait_until_watched(qtbot: QtBot, window: MainWindow, config_id: str) -> None:
    """Wait until the watcher has read the window's own save and the page has reloaded."""
    watcher = window.page.watcher
    assert watcher is not None
    qtbot.waitUntil(
        lambda: watcher.current is not None and config_id in watcher.current.providers,
        timeout=RELOAD_TIMEOUT_MS,
    )
    qtbot.wait(200)


def test_unreadable_change_reported_in_banner(
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    wait_until_watched(qtbot, window, "openai")

    (config_dir / "settings.json").write_text("{ not json", encoding="utf-8")

    qtbot.waitUntil(window.page.banner.isVisible, timeout=RELOAD_TIMEOUT_MS)
    assert window.page.banner_label.text().startswith(
        "settings.json was changed, but it could not be read:"
    )
    assert openai.status is CardStatus.VALID
    assert openai.form.rows["model_type"].text() == "gpt-4.1-mini"

    drive(openai).click(window.page.dismiss_button)
    assert not window.page.banner.isVisible()


def test_watcher_stops_on_shutdown(
    window: MainWindow, qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    assert window.page.watcher is not None
    assert any(thread.name == "settings-watch" for thread in threading.enumerate())

    shutdown = qasync_loop.create_task(window.shutdown())
    qtbot.waitUntil(shutdown.done, timeout=10_000)

    assert window.page.watcher is None
    assert not any(thread.name == "settings-watch" for thread in threading.enumerate())


def test_reload_names_moved_damaged_file(
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    drive(openai).click(openai.default_button)  # a second write, so that a backup exists
    wait_until_watched(qtbot, window, "openai")
    window.page.stop_watching()
    (config_dir / "settings.json").write_text("{ not json", encoding="utf-8")

    window.page.reload()

    moved = sorted(config_dir.glob("settings.json.corrupt*"))
    assert len(moved) == 1
    text = window.page.banner_label.text()
    assert text.startswith("The settings file could not be read (")
    assert str(moved[0]) in text
    assert "restored from the backup" in text
    # The backup is the file before the last write: saved, but not yet the default.
    assert openai.status is CardStatus.VALID
    assert openai.form.rows["model_type"].text() == "gpt-4.1-mini"


def test_banner_cleared_when_file_repaired(
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    wait_until_watched(qtbot, window, "openai")
    settings_file = config_dir / "settings.json"
    good = settings_file.read_text(encoding="utf-8")
    settings_file.write_text("{ not json", encoding="utf-8")
    qtbot.waitUntil(window.page.banner.isVisible, timeout=RELOAD_TIMEOUT_MS)

    settings_file.write_text(good.replace("gpt-4.1-mini", "gpt-4.1"), encoding="utf-8")

    openai = window.page.card("openai")
    assert openai is not None
    qtbot.waitUntil(
        lambda: openai.form.rows["model_type"].text() == "gpt-4.1", timeout=RELOAD_TIMEOUT_MS
    )
    assert not window.page.banner.isVisible()


def test_save_after_damage_reports_lost_configs(
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    save_card(window, drive, "deepseek", fake_provider.url, "deepseek-chat")
    wait_until_watched(qtbot, window, "deepseek")
    (config_dir / "settings.json").write_text("{ not json", encoding="utf-8")
    qtbot.waitUntil(window.page.banner.isVisible, timeout=RELOAD_TIMEOUT_MS)

    # The backup is the file before the last write, which did not have DeepSeek yet.
    save_card(window, drive, "mistral", f"{fake_provider.url}/v1", "mistral-small-latest")

    qtbot.waitUntil(
        lambda: window.page.banner_label.text().startswith("The settings file could not be read"),
        timeout=RELOAD_TIMEOUT_MS,
    )
    moved = sorted(config_dir.glob("settings.json.corrupt*"))
    assert len(moved) == 1
    text = window.page.banner_label.text()
    assert str(moved[0]) in text
    assert "restored from the backup" in text
    assert text.endswith(
        "These configs were not in the restored settings; save them again: DeepSeek."
    )


def test_reload_reads_only_changed_keys(
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    monkeypatch: Any,
) -> None:
    save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    deepseek = save_card(window, drive, "deepseek", fake_provider.url, "deepseek-chat")
    wait_until_watched(qtbot, window, "deepseek")
    reads: list[str] = []
    read_key = window.page.service.secrets.get

    def counting_get(config_id: str) -> Any:
        reads.append(config_id)
        return read_key(config_id)

    monkeypatch.setattr(window.page.service.secrets, "get", counting_get)

    run_cli(
        "save",
        "deepseek",
        "--api-host",
        fake_provider.url,
        "--model",
        "deepseek-reasoner",
        api_key=CLI_KEY,
    )

    qtbot.waitUntil(
        lambda: deepseek.form.rows["model_type"].text() == "deepseek-reasoner",
        timeout=RELOAD_TIMEOUT_MS,
    )
    # Each keychain read is a D-Bus round trip on the window's thread.
    assert set(reads) == {"deepseek"}
