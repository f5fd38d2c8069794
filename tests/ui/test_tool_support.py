"""The tool calling line: checked after a valid save, shown as information, never a failure."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.service import ModelService
from app.settings.secrets import Secret
from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from app.validation.validator import ProviderConfig
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-tools-0123456789abcd"


def save_openai(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer, model: str
) -> Any:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type=model)
    driver.save_and_wait()
    return card


@pytest.mark.parametrize(
    ("model", "supports", "text"),
    [
        ("gpt-4.1-mini", True, "Tool calling: supported."),
        (
            "behave:tools-rejected",
            False,
            "Tool calling: not supported. Agents that use tools may not work with this model.",
        ),
    ],
)
def test_tool_calling_answer_shown(
    *,
    window: MainWindow,
    drive: Any,
    qtbot: Any,
    fake_provider: FakeProviderServer,
    model: str,
    supports: bool,
    text: str,
) -> None:
    card = save_openai(window, drive, fake_provider, model)
    qtbot.waitUntil(lambda: not card.tools_label.checking, timeout=15_000)

    assert card.tools_label.supports_tools is supports
    assert card.tools_label.text() == text
    assert card.tools_label.isVisible()
    assert card.tools_label.property("role") == "info"
    assert card.status is CardStatus.VALID
    tool_requests = [
        request
        for request in fake_provider.requests
        if request.path == "/v1/chat/completions" and "tools" in (request.json() or {})
    ]
    assert len(tool_requests) == 1


def test_unknown_tool_calling_is_information(
    *,
    window: MainWindow,
    drive: Any,
    qtbot: Any,
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    service: ModelService,
) -> None:
    async def no_answer(config: ProviderConfig, secret: Secret, client: Any = None) -> None:
        del config, secret, client

    monkeypatch.setattr(service, "check_tools", no_answer)
    card = save_openai(window, drive, fake_provider, "gpt-4.1-mini")
    qtbot.waitUntil(lambda: not card.tools_label.checking, timeout=15_000)

    assert card.tools_label.text().startswith("Tool calling: unknown.")
    assert card.status is CardStatus.VALID
    assert card.default_button.isEnabled()


def test_tool_check_does_not_delay_save(
    *,
    window: MainWindow,
    drive: Any,
    qtbot: Any,
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    service: ModelService,
) -> None:
    release = asyncio.Event()
    checked: list[str] = []

    async def slow_check(config: ProviderConfig, secret: Secret, client: Any = None) -> bool:
        del secret, client
        checked.append(config.model_type)
        await release.wait()
        return True

    monkeypatch.setattr(service, "check_tools", slow_check)
    card = save_openai(window, drive, fake_provider, "gpt-4.1-mini")

    # The save result is complete while the check still waits.
    assert card.status is CardStatus.VALID
    assert card.status_label.text().startswith("Validated: the key and the model work.")
    assert card.default_button.isEnabled()
    assert card.tools_label.checking
    assert card.tools_label.text() == "Tool calling: checking…"
    assert checked == ["gpt-4.1-mini"]

    release.set()
    qtbot.waitUntil(lambda: not card.tools_label.checking, timeout=5_000)
    assert card.tools_label.text() == "Tool calling: supported."


def test_new_save_hides_old_answer(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = save_openai(window, drive, fake_provider, "gpt-4.1-mini")
    qtbot.waitUntil(lambda: not card.tools_label.checking, timeout=15_000)
    assert card.tools_label.isVisible()

    drive(card).fill(model_type="case:openai-unknown-model")
    drive(card).save_and_wait()

    assert card.status is CardStatus.FAILED
    assert not card.tools_label.isVisible()
    assert not card.tools_label.checking
