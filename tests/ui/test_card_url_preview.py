"""The card's "Save calls:" preview while API Host or Model Type is still being typed."""

from __future__ import annotations

from typing import Any

from app.ui.main_window import MainWindow


def test_unclosed_ipv6_bracket_typed(window: MainWindow, drive: Any) -> None:
    """pytest-qt fails the test if a slot raises on any keystroke."""
    card = window.page.card("openai-compatible")
    assert card is not None
    driver = drive(card)

    driver.type("api_host", "http://[::1")

    assert card.url_label.text() == "Enter a valid API Host to see the URL that Save will call."
