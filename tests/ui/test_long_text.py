"""Long text from a provider or the user wraps or is cut; it never widens the card."""

from __future__ import annotations

import json
from typing import Any

from app.ui.main_window import MainWindow
from app.ui.text import ZERO_WIDTH_SPACE, breakable
from app.validation.classify import MAX_PROVIDER_MESSAGE_CHARS
from tests.fake_provider import JSON_HEADERS, FakeProviderServer

KEY = "sk-test-long-0123456789abcd"
UNBROKEN = "x" * 20_000


def bad_request_body(message: str) -> bytes:
    error = {"message": message, "type": "invalid_request_error", "param": None, "code": None}
    return json.dumps({"error": error}).encode()


def test_long_provider_message_keeps_card_width(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    width_before = card.minimumSizeHint().width()
    fake_provider.overrides["/chat/completions"] = (
        400,
        JSON_HEADERS,
        bad_request_body(UNBROKEN),
    )
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save_and_wait()
    card.details.toggle.setChecked(True)
    qtbot.wait(50)

    assert card.minimumSizeHint().width() <= width_before
    details_text = card.details.body.text().replace(ZERO_WIDTH_SPACE, "")
    assert "x" * (MAX_PROVIDER_MESSAGE_CHARS - 1) + "…" in details_text
    assert "x" * MAX_PROVIDER_MESSAGE_CHARS not in details_text


def test_long_redirect_target_keeps_card_width(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    width_before = card.minimumSizeHint().width()
    fake_provider.overrides["/chat/completions"] = (
        307,
        {"location": "http://127.0.0.2:9/" + UNBROKEN[:2_000]},
        b"",
    )
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save_and_wait()
    card.details.toggle.setChecked(True)

    assert "redirected" in card.status_label.text() + driver.message("api_host")
    assert card.minimumSizeHint().width() <= width_before


def test_breakable_splits_long_runs() -> None:
    text = breakable("a" * 50 + " short")

    assert text.split(" ")[0].split(ZERO_WIDTH_SPACE) == ["a" * 24, "a" * 24, "a" * 2]
    assert text.endswith(" short")
