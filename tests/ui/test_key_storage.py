"""Where keys are kept: key file warnings, keychain errors, and settings problems at start."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.catalog import get_provider
from app.forms import check_form
from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer
from tests.keychain import PrivateKeychain
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-storage-0123456789abcd"
FILE_WARNING = "Save keeps the key in a file readable only by you, not in the system keychain."
KEPT_WARNING = "This key is kept in a file readable only by you, not in the system keychain."


def use_key_file(service: ModelService) -> None:
    service.store.update(lambda settings: settings.model_copy(update={"secret_storage": "file"}))


def use_keychain(service: ModelService) -> None:
    service.store.update(lambda settings: settings.model_copy(update={"secret_storage": "keyring"}))


def store(service: ModelService, config_id: str) -> None:
    checked = check_form(
        get_provider(config_id), "https://api.example.com/v1", "model-a", {}, Secret(api_key=KEY)
    )
    service.store_config(config_id, checked.config, checked.secret, verified=True)


def test_key_file_storage_warns_on_cards_and_page(
    service: ModelService,
    make_window: Callable[[], MainWindow],
    drive: Any,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    use_key_file(service)
    window = make_window()
    page = window.page

    assert page.storage_banner.isVisible()
    assert "agent-models secret-storage keyring" in page.storage_banner_label.text()
    for card in page.cards:
        assert card.key_file_label.isVisible(), card.config_id
        assert card.key_file_label.text() == FILE_WARNING

    card = page.card("openai")
    assert card is not None
    drive(card).fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    drive(card).save_and_wait()

    assert card.status is CardStatus.VALID
    assert card.key_file_label.text() == KEPT_WARNING
    assert stored_key("openai") is None
    assert KEY in (config_dir / "secrets.json").read_text(encoding="utf-8")
    assert read_settings(config_dir)["providers"]["openai"]["secret_ref"]["storage"] == "file"


def test_key_left_in_file_warns_on_its_card(
    service: ModelService, make_window: Callable[[], MainWindow]
) -> None:
    use_key_file(service)
    store(service, "deepseek")
    use_keychain(service)

    window = make_window()

    deepseek = window.page.card("deepseek")
    openai = window.page.card("openai")
    assert deepseek is not None and openai is not None
    assert deepseek.key_file_label.isVisible()
    assert deepseek.key_file_label.text() == KEPT_WARNING
    assert not openai.key_file_label.isVisible()
    assert window.page.storage_banner.isVisible()


def test_keychain_storage_shows_no_warning(window: MainWindow) -> None:
    assert not window.page.storage_banner.isVisible()
    assert not any(card.key_file_label.isVisible() for card in window.page.cards)


@pytest.mark.usefixtures("locked_keychain")
def test_locked_keychain_message_on_key_field(
    window: MainWindow,
    drive: Any,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save_and_wait()

    message = driver.message("api_key")
    assert message == (
        "Could not store the key of OpenAI. The keychain is locked. Unlock the keychain, for "
        "example by logging in to your desktop again, then save again, or choose Keep keys in "
        "a file instead."
    )
    assert card.status_label.text() == "The key could not be stored or read. Nothing was saved."
    assert card.status is CardStatus.FAILED
    assert "openai" not in read_settings(config_dir).get("providers", {})
    assert window.page.banner_label.text() == (
        "The keychain cannot be used right now, so keys cannot be saved. You can keep keys in "
        "a file instead."
    )
    assert window.page.key_file_button.isVisible()


def test_key_file_error_message_on_key_field(
    service: ModelService,
    make_window: Callable[[], MainWindow],
    drive: Any,
    fake_provider: FakeProviderServer,
    config_dir: Path,
) -> None:
    use_key_file(service)
    key_file = config_dir / "secrets.json"
    content = json.dumps({"format": 1, "secrets": {}})
    key_file.write_text(content, encoding="utf-8")
    key_file.chmod(0o644)
    card = make_window().page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save_and_wait()

    assert driver.message("api_key") == (
        f"The key file {key_file} can be read by other users (mode 0644), so it was not used. "
        f"Run: chmod 600 {key_file}"
    )
    assert card.status is CardStatus.FAILED
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o644
    assert key_file.read_text(encoding="utf-8") == content


def test_corrupt_settings_named_in_banner(
    make_window: Callable[[], MainWindow], config_dir: Path
) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text('{"providers": {', encoding="utf-8")

    window = make_window()

    moved = sorted(path.name for path in config_dir.glob("settings.json.corrupt*"))
    assert len(moved) == 1
    text = window.page.banner_label.text()
    assert window.page.banner.isVisible()
    assert text.startswith("The settings file could not be read (")
    assert str(config_dir / moved[0]) in text
    assert "the program started with empty settings" in text
    assert all(card.status is CardStatus.NOT_CONFIGURED for card in window.page.cards)


@pytest.mark.usefixtures("locked_keychain")
def test_postponed_migration_shown_in_banner(
    make_window: Callable[[], MainWindow], config_dir: Path
) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    version_0 = {
        "default_provider": "openai",
        "providers": {
            "openai": {
                "api_host": "https://api.example.com/v1",
                "model_type": "gpt-4.1-mini",
                "api_key": KEY,
            }
        },
    }
    (config_dir / "settings.json").write_text(json.dumps(version_0), encoding="utf-8")

    window = make_window()

    text = window.page.banner_label.text()
    # The locked keychain cannot be read either, so that problem comes first in the banner.
    migration = [
        paragraph
        for paragraph in text.split("\n\n")
        if paragraph.startswith("The settings file could not be updated to this version: ")
    ]
    assert len(migration) == 1, text
    assert "the keychain is locked" in migration[0]
    assert KEY not in text
    card = window.page.card("openai")
    assert card is not None
    assert card.form.rows["model_type"].text() == "gpt-4.1-mini"
    # The old file keeps its key until the keychain takes it.
    assert KEY in (config_dir / "settings.json").read_text(encoding="utf-8")


def confirm_dialog(window: MainWindow, qtbot: Any) -> QMessageBox:
    def visible_box() -> QMessageBox | None:
        boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: visible_box() is not None, timeout=2_000)
    box = visible_box()
    assert box is not None
    return box


def click_box_button(box: QMessageBox, text: str) -> None:
    button = next(button for button in box.findChildren(QPushButton) if button.text() == text)
    button.click()


def test_unreadable_keychain_reason_in_banner(
    service: ModelService,
    make_window: Callable[[], MainWindow],
    keychain_to_lock: PrivateKeychain,
) -> None:
    store(service, "openai")
    keychain_to_lock.lock()

    window = make_window()
    page = window.page
    card = page.card("openai")
    assert card is not None

    text = page.banner_label.text()
    assert text.startswith("Saved keys could not be read from the keychain: ")
    assert "Could not read the key of OpenAI. The keychain is locked." in text
    assert page.key_file_button.isVisible()
    assert card.status is CardStatus.KEY_MISSING
    assert "message above the cards" in card.form.rows["api_key"].message
    assert "Enter the key again" not in card.form.rows["api_key"].message


def test_keys_moved_to_file_from_banner(
    *,
    service: ModelService,
    make_window: Callable[[], MainWindow],
    drive: Any,
    qtbot: Any,
    fake_provider: FakeProviderServer,
    keychain_to_lock: PrivateKeychain,
    config_dir: Path,
) -> None:
    store(service, "openai")
    keychain_to_lock.lock()
    window = make_window()
    page = window.page
    card = page.card("openai")
    assert card is not None
    assert card.status is CardStatus.KEY_MISSING
    assert page.key_file_button.isVisible()

    drive(card).click(page.key_file_button)
    box = confirm_dialog(window, qtbot)
    assert "not encrypted" in box.text()
    assert "Only your user account can read the file" in box.text()
    click_box_button(box, "Keep keys in a file")

    qtbot.waitUntil(lambda: read_settings(config_dir).get("secret_storage") == "file")
    qtbot.waitUntil(lambda: not page.key_file_button.isVisible(), timeout=2_000)
    assert page.banner_label.text().startswith("New keys are now kept in a file")
    assert "Enter the missing keys again" in page.banner_label.text()
    assert page.storage_banner.isVisible()
    assert "Enter the key again and save" in card.form.rows["api_key"].message

    drive(card).fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    drive(card).save_and_wait()
    assert card.status is CardStatus.VALID
    assert KEY in (config_dir / "secrets.json").read_text(encoding="utf-8")


def test_key_file_kept_when_not_confirmed(
    *,
    service: ModelService,
    make_window: Callable[[], MainWindow],
    drive: Any,
    qtbot: Any,
    keychain_to_lock: PrivateKeychain,
    config_dir: Path,
) -> None:
    store(service, "openai")
    keychain_to_lock.lock()
    window = make_window()
    page = window.page
    assert page.key_file_button.isVisible()

    drive(page.cards[0]).click(page.key_file_button)
    confirm_dialog(window, qtbot).reject()

    qtbot.waitUntil(lambda: page._dialog_task is None or page._dialog_task.done())
    assert read_settings(config_dir).get("secret_storage", "keyring") == "keyring"
    assert page.key_file_button.isVisible()
