"""Save on a provider card: validation against the fake provider, keychain and settings.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-card-0123456789abcd"


def test_save_success_stores_key_and_settings(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()

    assert card.status is CardStatus.VALID
    assert card.status_label.text().startswith("Validated: the key and the model work.")
    assert stored_key("openai") == KEY
    saved = read_settings(config_dir)["providers"]["openai"]
    assert saved["api_host"] == f"{fake_provider.url}/v1"
    assert saved["model_type"] == "gpt-4.1-mini"
    assert KEY not in (config_dir / "settings.json").read_text(encoding="utf-8")
    assert card.form.rows["api_key"].text() == ""
    assert card.form.rows["api_key"].line_edit.placeholderText().endswith("abcd")
    assert card.default_button.isEnabled()


@pytest.mark.parametrize(
    ("case", "field", "message", "next_step"),
    [
        (
            "openai-invalid-key",
            "api_key",
            "Invalid key. Validation failed.",
            "Double-check your API key. Regenerate a new key if needed.",
        ),
        (
            "openai-unknown-model",
            "model_type",
            "Invalid model name. Validation failed.",
            "Verify the model name is correct. Check if you have access to that model.",
        ),
        (
            "openai-insufficient-quota",
            "api_key",
            "You exceeded your current quota",
            "Check your provider's billing dashboard. Add credits or upgrade your plan.",
        ),
    ],
)
def test_documented_messages_on_field(
    *,
    window: MainWindow,
    drive: Any,
    fake_provider: FakeProviderServer,
    config_dir: Path,
    case: str,
    field: str,
    message: str,
    next_step: str,
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type=f"case:{case}")
    driver.save_and_wait()

    assert driver.message(field) == message
    assert card.form.rows[field].field.accessibleDescription().startswith(message)
    assert card.status is CardStatus.FAILED
    # The specification's solution for each documented message follows on the status line.
    assert card.status_label.text().replace("\u200b", "") == (
        f"Validation failed. Nothing was saved. {next_step}"
    )
    assert stored_key("openai") is None
    assert read_settings(config_dir) == {}
    assert not card.default_button.isEnabled()


def test_white_space_around_values_is_trimmed(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.fill(
        api_key=f"  {KEY}\t", api_host=f"  {fake_provider.url}/v1 ", model_type=" gpt-4.1-mini  "
    )
    driver.save_and_wait()

    assert card.status is CardStatus.VALID
    assert stored_key("openai") == KEY
    saved = read_settings(config_dir)["providers"]["openai"]
    assert saved["api_host"] == f"{fake_provider.url}/v1"
    assert saved["model_type"] == "gpt-4.1-mini"
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"


def test_details_show_stages_url_and_status(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.fill(
        api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="case:openai-invalid-key"
    )
    driver.save_and_wait()
    driver.click(card.details.toggle)

    details = "\n".join(card.details.describe(card.last_result))  # type: ignore[arg-type]
    assert card.details.body.isVisible()
    assert f"URL: {fake_provider.url}/v1/chat/completions" in details
    assert "Key accepted: failed (HTTP 401" in details
    assert "Provider message: " in details
    assert KEY not in details


def test_card_shows_exact_url(window: MainWindow, drive: Any) -> None:
    card = window.page.card("azure-openai")
    assert card is not None
    driver = drive(card)

    driver.fill(
        api_host="https://example-resource.openai.azure.com",
        model_type="gpt-4o",
        deployment_name="prod",
    )

    expected = (
        "https://example-resource.openai.azure.com/openai/deployments/prod/chat/completions"
        "?api-version=2024-10-21"
    )
    assert card.url_label.toolTip() == expected
    assert card.url_label.accessibleName() == f"Save calls: POST {expected}"


def test_suggestion_then_enter_completes_save(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    model_field = card.form.rows["model_type"].field
    assert isinstance(model_field, QComboBox)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")

    index = model_field.findText("o4-mini")
    assert index >= 0
    model_field.setCurrentIndex(index)
    model_field.activated.emit(index)
    driver.press_enter("model_type")
    # Under X11 the combo box emits activated again after Return, with the same text.
    model_field.activated.emit(index)
    driver.wait_for_result()

    assert card.status is CardStatus.VALID, card.status_label.text()
    assert read_settings(config_dir)["providers"]["openai"]["model_type"] == "o4-mini"


def test_other_suggestion_cancels_save(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    model_field = card.form.rows["model_type"].field
    assert isinstance(model_field, QComboBox)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save()
    index = model_field.findText("o4-mini")
    model_field.setCurrentIndex(index)
    model_field.activated.emit(index)

    assert card.task is None
    assert "because the card changed" in card.status_label.text()
