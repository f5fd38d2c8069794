"""API Host warnings and fixes: plain http, a Bedrock region mismatch, a missing scheme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.translations import install_translations, remove_translations
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-hosts-0123456789abcd"
BEDROCK = "aws-bedrock-converse"


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    installed: list[Any] = []

    def install(name: str) -> None:
        installed.extend(install_translations(qapp, name))

    yield install
    remove_translations(qapp, installed)


def test_region_moves_default_host(window: MainWindow, drive: Any) -> None:
    card = window.page.card(BEDROCK)
    assert card is not None
    driver = drive(card)
    assert card.form.rows["api_host"].text() == "https://bedrock-runtime.us-east-1.amazonaws.com"

    driver.type("region", "eu-central-1")

    assert card.form.rows["api_host"].text() == "https://bedrock-runtime.eu-central-1.amazonaws.com"
    assert driver.message("api_host") == ""
    assert card.url_label.toolTip().startswith(
        "https://bedrock-runtime.eu-central-1.amazonaws.com/model/"
    )


def test_region_keeps_custom_host(window: MainWindow, drive: Any) -> None:
    card = window.page.card(BEDROCK)
    assert card is not None
    driver = drive(card)
    custom = "https://vpce-0a1b2c.bedrock-runtime.us-east-1.vpce.amazonaws.com"
    driver.type("api_host", custom)

    driver.type("region", "eu-west-1")

    assert card.form.rows["api_host"].text() == custom


def test_region_mismatch_is_warning(window: MainWindow, drive: Any) -> None:
    card = window.page.card(BEDROCK)
    assert card is not None
    driver = drive(card)

    driver.type("api_host", "https://bedrock-runtime.us-west-2.amazonaws.com")

    row = card.form.rows["api_host"]
    assert row.message.startswith("API Host is in region us-west-2, which differs from the Region")
    assert row.message_kind == "warning"
    assert not row.fix_button.isVisible()
    assert row.field.accessibleDescription().startswith("API Host is in region us-west-2")

    driver.type("region", "us-west-2")
    assert row.message == ""


def test_plain_http_warning_offers_https(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.fill(api_key=KEY, api_host="http://api.example.com/v1", model_type="gpt-4.1-mini")

    row = card.form.rows["api_host"]
    assert row.message.startswith("API Host 'http://api.example.com/v1' uses plain http://")
    assert row.message_kind == "warning"
    assert row.fix_button.isVisible()
    assert row.fix_button.accessibleName() == "Use https://api.example.com/v1"
    assert card.save_button.isEnabled()

    driver.click(row.fix_button)

    assert row.text() == "https://api.example.com/v1"
    assert row.message == ""
    assert not row.fix_button.isVisible()
    assert card.is_dirty()
    assert fake_provider.requests == []


def test_warning_stays_beside_form_problems(window: MainWindow, drive: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host="http://api.example.com/v1")

    driver.press_enter()

    assert driver.message("model_type").startswith("Model Type is required")
    assert card.form.rows["api_host"].message_kind == "warning"
    assert "uses plain http://" in driver.message("api_host")


def test_missing_scheme_offers_fix(window: MainWindow, drive: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host="api.openai.com/v1", model_type="gpt-4.1-mini")

    driver.press_enter()

    row = card.form.rows["api_host"]
    assert row.message_kind == "error"
    assert "has no scheme" in row.message
    assert row.fix_button.isVisible()
    assert row.fix_button.accessibleName() == "Use https://api.openai.com/v1"

    driver.click(row.fix_button)
    assert row.text() == "https://api.openai.com/v1"
    assert row.message == ""


def test_local_host_gets_http_fix(window: MainWindow, drive: Any) -> None:
    card = window.page.card("openai-compatible")
    assert card is not None
    driver = drive(card)
    driver.fill(api_host="localhost:11434/v1", model_type="llama3.2")

    driver.press_enter()

    row = card.form.rows["api_host"]
    assert row.fix_button.accessibleName() == "Use http://localhost:11434/v1"


def test_long_fix_shortened_on_button(window: MainWindow, drive: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    long_host = "http://gateway.example.com/" + "segment/" * 12 + "v1"

    driver.type("api_host", long_host)

    row = card.form.rows["api_host"]
    assert row.fix_button.accessibleName() == "Use https://" + long_host.removeprefix("http://")
    assert "…" in row.fix_button.text()
    assert row.fix_button.sizeHint().width() < card.width()


def test_warning_translated(
    language: Callable[[str], None], make_window: Callable[[], MainWindow], drive: Any
) -> None:
    language("es")
    card = make_window().page.card("openai")
    assert card is not None
    driver = drive(card)

    driver.type("api_host", "http://api.example.com/v1")

    row = card.form.rows["api_host"]
    assert row.message.startswith("El API Host 'http://api.example.com/v1' usa http:// sin cifrar")
    assert row.fix_button.accessibleName() == "Usar https://api.example.com/v1"
