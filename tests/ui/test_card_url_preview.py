"""The card's "Save calls:" preview while API Host or Model Type is still being typed."""

from __future__ import annotations

from typing import Any

from app.ui.main_window import MainWindow

BEDROCK = "aws-bedrock-converse"


def test_unclosed_ipv6_bracket_typed(window: MainWindow, drive: Any) -> None:
    """pytest-qt fails the test if a slot raises on any keystroke."""
    card = window.page.card("openai-compatible")
    assert card is not None
    driver = drive(card)

    driver.type("api_host", "http://[::1")

    assert card.url_label.text() == "Enter a valid API Host to see the URL that Save will call."


def test_bedrock_preview_without_model(window: MainWindow, drive: Any) -> None:
    card = window.page.card(BEDROCK)
    assert card is not None
    driver = drive(card)

    driver.type("model_type", "")

    host = card.form.rows["api_host"].text()
    assert card.url_label.toolTip() == f"{host}/model/…/converse"


def test_bedrock_preview_encodes_model(window: MainWindow, drive: Any) -> None:
    card = window.page.card(BEDROCK)
    assert card is not None
    driver = drive(card)

    driver.type("model_type", "amazon.nova-lite-v1:0")

    host = card.form.rows["api_host"].text()
    assert card.url_label.toolTip() == f"{host}/model/amazon.nova-lite-v1%3A0/converse"
