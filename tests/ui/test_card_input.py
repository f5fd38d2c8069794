"""Input that check_form rejects: a message on the field, and nothing sent, stored or written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-input-0123456789abcd"

BAD_INPUT = [
    pytest.param(
        "openai",
        {"api_host": "api.openai.com/v1"},
        "api_host",
        "has no scheme",
        id="host-without-scheme",
    ),
    pytest.param(
        "openai",
        {"api_host": "https://exa mple.com/v1"},
        "api_host",
        "is not a valid URL",
        id="host-not-url",
    ),
    pytest.param(
        "openai", {"api_host": "ftp://example.com"}, "api_host", "must start with", id="host-ftp"
    ),
    pytest.param(
        "openai",
        {"api_key": "sk-abc def-0123456789"},
        "api_key",
        "contains a space",
        id="key-with-space",
    ),
    pytest.param(
        "azure-openai",
        {"api_host": "https://example.openai.azure.com", "deployment_name": "   "},
        "deployment_name",
        "Deployment name is required for Azure OpenAI.",
        id="azure-deployment-missing",
    ),
    pytest.param(
        "aws-bedrock-converse",
        {"api_key": "", "access_key_id": "AKIAEXAMPLE0123456789"},
        "secret_access_key",
        "Enter both the access key ID and the secret access key, or neither.",
        id="bedrock-half-pair",
    ),
]


@pytest.mark.parametrize(("config_id", "values", "field", "expected"), BAD_INPUT)
def test_bad_input_shows_message_on_field(
    *,
    window: MainWindow,
    drive: Any,
    fake_provider: FakeProviderServer,
    config_dir: Path,
    config_id: str,
    values: dict[str, str],
    field: str,
    expected: str,
) -> None:
    card = window.page.card(config_id)
    assert card is not None
    driver = drive(card)
    driver.fill(
        **({"api_key": KEY, "api_host": f"{fake_provider.url}/v1", "model_type": "m"} | values)
    )

    driver.press_enter()

    assert expected in driver.message(field)
    assert expected in card.form.rows[field].field.accessibleDescription()
    assert card.task is None
    assert fake_provider.requests == []
    assert stored_key(config_id) is None
    assert read_settings(config_dir) == {}


@pytest.mark.parametrize("field", ["api_key", "model_type", "api_host"])
def test_empty_required_field_disables_save(window: MainWindow, drive: Any, field: str) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, model_type="gpt-4.1-mini")
    assert card.save_button.isEnabled()

    driver.type(field, "   ")

    assert not card.save_button.isEnabled()
    label = card.form.rows[field].label_text
    assert label in card.hint_label.text()


def test_enter_on_empty_required_field_shows_messages(
    window: MainWindow, drive: Any, qtbot: Any, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.type("model_type", "gpt-4.1-mini")

    driver.press_enter("api_key")

    assert driver.message("api_key") == "API Key is required. Paste the key from OpenAI."
    assert card.task is None
    assert read_settings(config_dir) == {}


def test_message_clears_when_field_edited(window: MainWindow, drive: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host="api.openai.com", model_type="gpt-4.1-mini")
    driver.press_enter()
    assert driver.message("api_host")

    driver.type("api_host", "https://api.openai.com/v1")

    assert driver.message("api_host") == ""
    assert not card.form.rows["api_host"].message_label.isVisible()


def test_placeholders_read_as_examples(window: MainWindow) -> None:
    openai = window.page.card("openai")
    azure = window.page.card("azure-openai")
    custom = window.page.card("openai-compatible")
    assert openai is not None
    assert azure is not None
    assert custom is not None

    assert openai.form.rows["model_type"].line_edit.placeholderText() == "e.g. gpt-4.1-mini"
    assert openai.form.rows["api_key"].line_edit.placeholderText() == "e.g. sk-…"
    for provider_id in ("qwen", "deepseek", "moonshot"):
        card = window.page.card(provider_id)
        assert card is not None
        assert card.form.rows["api_key"].line_edit.placeholderText() == "e.g. sk-…"
    assert azure.form.rows["deployment_name"].line_edit.placeholderText().startswith("e.g. ")
    assert custom.form.rows["api_host"].line_edit.placeholderText().startswith("e.g. ")
    assert openai.form.rows["model_type"].text() == ""
    assert "Model Type" in openai.hint_label.text()
