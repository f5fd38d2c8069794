"""Set as Default: enabled only for a saved, validated card, and the badge follows the default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings

KEY = "sk-test-default-0123456789abcd"


def save_card(window: MainWindow, drive: Any, config_id: str, host: str, model: str) -> Any:
    card = window.page.card(config_id)
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=host, model_type=model)
    driver.save_and_wait()
    return card


def test_default_button_disabled_until_saved(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    assert not card.default_button.isEnabled()

    drive(card).fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    assert not card.default_button.isEnabled()

    drive(card).save_and_wait()
    assert card.default_button.isEnabled()

    drive(card).type("model_type", "gpt-4.1")
    assert not card.default_button.isEnabled()


def test_failed_card_cannot_be_default(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "case:openai-invalid-key")

    assert card.status is CardStatus.FAILED
    assert not card.default_button.isEnabled()


def test_default_badge_moves_between_cards(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    openai = save_card(window, drive, "openai", f"{fake_provider.url}/v1", "gpt-4.1-mini")
    deepseek = save_card(window, drive, "deepseek", fake_provider.url, "deepseek-chat")

    drive(openai).click(openai.default_button)
    assert openai.status is CardStatus.DEFAULT
    assert openai.badge.status is CardStatus.DEFAULT
    assert openai.badge.accessibleName() == "Status: Default"
    assert not openai.default_button.isEnabled()
    assert read_settings(config_dir)["default_provider"] == "openai"

    drive(deepseek).click(deepseek.default_button)
    assert deepseek.status is CardStatus.DEFAULT
    assert openai.status is CardStatus.VALID
    assert openai.default_button.isEnabled()
    assert openai.property("isDefault") is False
    assert deepseek.property("isDefault") is True
    assert read_settings(config_dir)["default_provider"] == "deepseek"
