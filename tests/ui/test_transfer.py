"""Export settings, Import settings and Import keys from environment, from the page's menu."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.settings.model import ProviderSettings, SecretRef, Settings
from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from app.ui.transfer_dialogs import EnvKeysDialog, ExportDialog
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-transfer-0123456789abcd"
IMPORTED_KEY = "sk-test-imported-0123456789abcd"
ENV_OPENAI = "sk-env-openai-0123456789abcdef"
ENV_ANTHROPIC = "sk-ant-env-0123456789abcdef"
ENV_GEMINI = "AIza-env-gemini-0123456789abcdef"
ENV_GOOGLE = "AIza-env-google-0123456789abcdef"
ENV_AWS_ID = "AKIAENVEXAMPLE0123456"


class FileChoice:
    """Stands in for the file dialog: returns ``path`` and records each request."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.requests: list[tuple[str, bool]] = []

    async def __call__(self, title: str, *, save: bool, suggested_name: str = "") -> Path | None:
        del suggested_name
        self.requests.append((title, save))
        return self.path


def visible_dialog(window: MainWindow, kind: type) -> Any:
    dialogs = [dialog for dialog in window.findChildren(kind) if dialog.isVisible()]
    return dialogs[0] if dialogs else None


def wait_for_dialog(qtbot: QtBot, window: MainWindow, kind: type) -> Any:
    qtbot.waitUntil(lambda: visible_dialog(window, kind) is not None, timeout=2_000)
    return visible_dialog(window, kind)


def click_message_box_button(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = wait_for_dialog(qtbot, window, QMessageBox)
    button = next(button for button in box.findChildren(QPushButton) if button.text() == text)
    button.click()


def wait_for_page_task(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.page._dialog_task is None or window.page._dialog_task.done(),
        timeout=5_000,
    )


def save_openai(window: MainWindow, drive: Any, fake_provider: FakeProviderServer) -> Any:
    card = window.page.card("openai")
    assert card is not None
    drive(card).fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    drive(card).save_and_wait()
    return card


def dialog_texts(dialog: Any) -> str:
    widgets = dialog.findChildren(QLabel) + dialog.findChildren(QCheckBox)
    return "\n".join(f"{widget.text()} {widget.accessibleName()}" for widget in widgets)


def test_menu_offers_three_actions(window: MainWindow) -> None:
    menu = window.page.transfer_button.menu()

    assert [action.text() for action in menu.actions()] == [
        "Export settings…",
        "Import settings…",
        "Import keys from environment…",
    ]
    assert window.page.transfer_button.accessibleName() == "Import and export"


def test_export_leaves_out_keys_by_default(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer, tmp_path: Path
) -> None:
    save_openai(window, drive, fake_provider)
    target = tmp_path / "export.json"
    choice = FileChoice(target)
    window.page.transfer.choose_file = choice

    window.page.export_action.trigger()
    dialog = wait_for_dialog(qtbot, window, ExportDialog)
    assert not dialog.include_keys_box.isChecked()
    assert not dialog.key_warning.isVisible()
    dialog.export_button.click()
    wait_for_page_task(qtbot, window)

    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "agent-models-export"
    assert document["settings"]["providers"]["openai"]["model_type"] == "gpt-4.1-mini"
    assert "keys" not in document
    assert KEY not in target.read_text(encoding="utf-8")
    assert choice.requests == [("Export settings", True)]
    assert window.page.banner_label.text() == f"Settings exported to {target}."
    assert window.page.banner_label.property("role") == "info"


def test_export_with_keys_is_private(
    window: MainWindow, drive: Any, qtbot: QtBot, fake_provider: FakeProviderServer, tmp_path: Path
) -> None:
    save_openai(window, drive, fake_provider)
    target = tmp_path / "with-keys.json"
    window.page.transfer.choose_file = FileChoice(target)

    window.page.export_action.trigger()
    dialog = wait_for_dialog(qtbot, window, ExportDialog)
    dialog.include_keys_box.click()
    assert dialog.key_warning.isVisible()
    assert "plain text" in dialog.key_warning.text()
    dialog.export_button.click()
    wait_for_page_task(qtbot, window)

    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["keys"] == {"openai": {"api_key": KEY}}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "The file contains your API keys." in window.page.banner_label.text()


def test_export_cancelled_writes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    choice = FileChoice(tmp_path / "never.json")
    window.page.transfer.choose_file = choice

    window.page.export_action.trigger()
    dialog = wait_for_dialog(qtbot, window, ExportDialog)
    dialog.reject()
    wait_for_page_task(qtbot, window)

    assert choice.requests == []
    assert not (tmp_path / "never.json").exists()


def write_import_file(path: Path) -> None:
    settings = Settings(
        default_provider="deepseek",
        providers={
            "deepseek": ProviderSettings(
                provider="deepseek",
                api_host="https://api.deepseek.example",
                model_type="deepseek-chat",
                secret_ref=SecretRef(username="deepseek"),
                validated_at=datetime(2025, 6, 1, 12, 0, tzinfo=UTC),
            )
        },
    )
    document = {
        "format": "agent-models-export",
        "format_version": 1,
        "settings": settings.model_dump(mode="json"),
        "keys": {"deepseek": {"api_key": IMPORTED_KEY}},
    }
    path.write_text(json.dumps(document), encoding="utf-8")


def test_import_merges_configs(
    *,
    window: MainWindow,
    drive: Any,
    qtbot: QtBot,
    fake_provider: FakeProviderServer,
    tmp_path: Path,
    config_dir: Path,
) -> None:
    openai = save_openai(window, drive, fake_provider)
    source = tmp_path / "import.json"
    write_import_file(source)
    choice = FileChoice(source)
    window.page.transfer.choose_file = choice

    window.page.import_action.trigger()
    click_message_box_button(qtbot, window, "Import")
    wait_for_page_task(qtbot, window)

    deepseek = window.page.card("deepseek")
    assert deepseek is not None
    assert deepseek.status is CardStatus.DEFAULT
    assert deepseek.form.rows["api_host"].text() == "https://api.deepseek.example"
    assert openai.status is CardStatus.VALID
    assert stored_key("deepseek") == IMPORTED_KEY
    assert stored_key("openai") == KEY
    assert set(read_settings(config_dir)["providers"]) == {"openai", "deepseek"}
    assert choice.requests == [("Import settings", False)]
    assert window.page.banner_label.text() == (
        "Configs imported from import.json: 1. Keys stored for: deepseek."
    )


def test_import_cancelled_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, config_dir: Path
) -> None:
    source = tmp_path / "import.json"
    write_import_file(source)
    window.page.transfer.choose_file = FileChoice(source)

    window.page.import_action.trigger()
    click_message_box_button(qtbot, window, "Cancel")
    wait_for_page_task(qtbot, window)

    assert read_settings(config_dir) == {}
    assert stored_key("deepseek") is None


def test_import_of_invalid_file_reported(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, config_dir: Path
) -> None:
    source = tmp_path / "notes.json"
    source.write_text("[1, 2, 3]", encoding="utf-8")
    window.page.transfer.choose_file = FileChoice(source)

    window.page.import_action.trigger()
    wait_for_page_task(qtbot, window)

    text = window.page.banner_label.text()
    assert text == (
        f"Nothing was imported: {source} cannot be imported: the top level is not a JSON "
        "object. Choose a file exported by Agent Models."
    )
    assert window.page.banner_label.property("role") == "error"
    assert read_settings(config_dir) == {}


def test_env_keys_listed_without_values(window: MainWindow, qtbot: QtBot) -> None:
    window.page.transfer.environ = {
        "OPENAI_API_KEY": ENV_OPENAI,
        "GEMINI_API_KEY": ENV_GEMINI,
        "GOOGLE_API_KEY": ENV_GOOGLE,
        "AWS_ACCESS_KEY_ID": ENV_AWS_ID,
        "HOME": "/home/example",
    }

    window.page.import_env_action.trigger()
    dialog = wait_for_dialog(qtbot, window, EnvKeysDialog)

    assert list(dialog.boxes) == [
        "GEMINI_API_KEY",
        "GOOGLE_API_KEY",
        "OPENAI_API_KEY",
        "AWS_ACCESS_KEY_ID",
    ]
    assert dialog.boxes["OPENAI_API_KEY"].text() == "OPENAI_API_KEY for OpenAI"
    assert dialog.boxes["GEMINI_API_KEY"].isChecked()
    assert not dialog.boxes["GOOGLE_API_KEY"].isChecked()
    assert not dialog.boxes["AWS_ACCESS_KEY_ID"].isEnabled()
    assert "AWS_SECRET_ACCESS_KEY must be set as well." in dialog_texts(dialog)
    for value in (ENV_OPENAI, ENV_GEMINI, ENV_GOOGLE, ENV_AWS_ID):
        assert value not in dialog_texts(dialog)

    dialog.boxes["GOOGLE_API_KEY"].click()
    assert not dialog.boxes["GEMINI_API_KEY"].isChecked()
    assert dialog.chosen_variables() == ["GOOGLE_API_KEY", "OPENAI_API_KEY"]
    dialog.reject()
    wait_for_page_task(qtbot, window)


def test_env_key_rejected_names_variable(window: MainWindow, qtbot: QtBot) -> None:
    bad_key = "sk-pasted with-a-space-0123456789"
    window.page.transfer.environ = {
        "OPENAI_API_KEY": bad_key,
        "AWS_ACCESS_KEY_ID": ENV_AWS_ID,
        "AWS_SECRET_ACCESS_KEY": "secret\u200bwith-zero-width-0123456789",
    }

    window.page.import_env_action.trigger()
    dialog = wait_for_dialog(qtbot, window, EnvKeysDialog)

    texts = dialog_texts(dialog)
    assert not dialog.boxes["OPENAI_API_KEY"].isEnabled()
    assert (
        "OPENAI_API_KEY: API Key contains a space or line break. Copy the key again, without "
        "extra characters. Set OPENAI_API_KEY again, then import again." in texts
    )
    # The bad value is the secret, not the access key id that the box is named after.
    assert not dialog.boxes["AWS_ACCESS_KEY_ID"].isEnabled()
    assert any(text.startswith("AWS_SECRET_ACCESS_KEY: ") for text in texts.split("\n"))
    assert "must be set as well" not in texts
    assert bad_key not in texts
    dialog.reject()
    wait_for_page_task(qtbot, window)


def test_env_keys_imported_as_unverified(
    window: MainWindow, qtbot: QtBot, config_dir: Path
) -> None:
    window.page.transfer.environ = {
        "OPENAI_API_KEY": ENV_OPENAI,
        "ANTHROPIC_API_KEY": ENV_ANTHROPIC,
    }

    window.page.import_env_action.trigger()
    dialog = wait_for_dialog(qtbot, window, EnvKeysDialog)
    dialog.boxes["ANTHROPIC_API_KEY"].click()
    assert dialog.chosen_variables() == ["OPENAI_API_KEY"]
    dialog.import_button.click()
    wait_for_page_task(qtbot, window)

    openai = window.page.card("openai")
    anthropic = window.page.card("anthropic")
    assert openai is not None and anthropic is not None
    assert openai.status is CardStatus.UNVERIFIED
    assert openai.form.rows["api_key"].line_edit.placeholderText() == "Saved key ending in cdef"
    assert anthropic.status is CardStatus.NOT_CONFIGURED
    assert stored_key("openai") == ENV_OPENAI
    assert stored_key("anthropic") is None
    assert read_settings(config_dir)["providers"]["openai"]["verified"] is False
    assert window.page.banner_label.text().startswith("Keys imported for: OpenAI.")


def test_env_keys_none_found(window: MainWindow, qtbot: QtBot) -> None:
    window.page.transfer.environ = {"HOME": "/home/example"}

    window.page.import_env_action.trigger()
    dialog = wait_for_dialog(qtbot, window, EnvKeysDialog)

    assert dialog.boxes == {}
    assert not dialog.import_button.isEnabled()
    assert "No key variable is set." in dialog_texts(dialog)
    dialog.reject()
    wait_for_page_task(qtbot, window)
