"""The model list: Load models and the load after a valid save fill Model Type's completions."""

from __future__ import annotations

import json
import time
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox

from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from app.ui.provider_card import ProviderCard
from tests.fake_provider import JSON_HEADERS, FakeProviderServer
from tests.ui.card_driver import read_settings

KEY = "sk-test-models-0123456789abcd"
LISTED = ["gpt-4.1-mini", "gpt-4.1", "o4-mini", "text-embedding-3-small", "ft:gpt-4o-mini:acme"]


def serve_model_list(fake_provider: FakeProviderServer, model_ids: list[str]) -> None:
    body = {
        "object": "list",
        "data": [{"id": model_id, "object": "model"} for model_id in model_ids],
    }
    fake_provider.overrides["/v1/models"] = (200, JSON_HEADERS, json.dumps(body).encode())


def completions(card: ProviderCard) -> list[str]:
    model = card.form.model_completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def model_field(card: ProviderCard) -> QComboBox:
    field = card.form.rows["model_type"].field
    assert isinstance(field, QComboBox)
    return field


def wait_for_model_list(qtbot: Any, card: ProviderCard) -> None:
    qtbot.waitUntil(lambda: not card.model_list.loading, timeout=15_000)


def request_paths(fake_provider: FakeProviderServer) -> list[str]:
    return [request.path for request in fake_provider.requests]


def test_load_models_fills_completions(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    serve_model_list(fake_provider, LISTED)
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")

    assert card.form.load_models_button is not None
    driver.click(card.form.load_models_button)
    wait_for_model_list(qtbot, card)

    assert card.form.model_ids() == LISTED
    assert driver.message("model_type") == (
        "Models loaded: 5. Type part of a name to search them, or enter any other name."
    )
    assert card.form.rows["model_type"].message_kind == "info"
    assert request_paths(fake_provider) == ["/v1/models"]
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"
    assert card.status is CardStatus.NOT_CONFIGURED


def test_completions_match_any_part_ignoring_case(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    serve_model_list(fake_provider, LISTED)
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")
    driver.click(card.form.load_models_button)
    wait_for_model_list(qtbot, card)

    completer = card.form.model_completer
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive

    driver.type("model_type", "MINI")
    assert completer.completionPrefix() == "MINI"
    assert completions(card) == ["gpt-4.1-mini", "o4-mini", "ft:gpt-4o-mini:acme"]
    assert card.form.rows["model_type"].text() == "MINI"


def test_unlisted_name_can_still_be_saved(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Any
) -> None:
    serve_model_list(fake_provider, LISTED)
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")
    driver.click(card.form.load_models_button)
    wait_for_model_list(qtbot, card)

    driver.type("model_type", "my-private-model")
    driver.save_and_wait()

    assert card.status is CardStatus.VALID
    assert read_settings(config_dir)["providers"]["openai"]["model_type"] == "my-private-model"


def test_valid_save_loads_model_list(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    serve_model_list(fake_provider, LISTED)
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")

    driver.save_and_wait()
    wait_for_model_list(qtbot, card)

    assert card.status is CardStatus.VALID
    assert card.form.model_ids() == LISTED
    assert card.form.rows["model_type"].text() == "gpt-4.1-mini"
    assert "/v1/models" in request_paths(fake_provider)
    models_request = next(r for r in fake_provider.requests if r.path == "/v1/models")
    assert models_request.headers["Authorization"] == f"Bearer {KEY}"


def test_failed_save_loads_no_model_list(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="case:openai-invalid-key"
    )

    driver.save_and_wait()
    qtbot.wait(200)

    assert card.status is CardStatus.FAILED
    assert not card.model_list.loading
    assert "/v1/models" not in request_paths(fake_provider)


def test_model_list_error_shown_on_model_type(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    fake_provider.serve_case("/v1/models", "openai-invalid-key")
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")

    driver.click(card.form.load_models_button)
    wait_for_model_list(qtbot, card)

    message = driver.message("model_type")
    assert message.startswith("The model list could not be loaded: Invalid key.")
    assert card.form.rows["model_type"].message_kind == "warning"
    assert card.form.model_ids() == ["gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "o4-mini"]
    assert card.status is CardStatus.NOT_CONFIGURED


def test_load_models_needs_key_first(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_host=f"{fake_provider.url}/v1")

    driver.click(card.form.load_models_button)

    assert driver.message("api_key") == "API Key is required. Paste the key from OpenAI."
    assert driver.message("model_type") == ""
    assert not card.model_list.loading
    assert fake_provider.requests == []


def test_slow_model_list_keeps_window_responsive(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    serve_model_list(fake_provider, LISTED)
    fake_provider.delay_s = 2.0
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    driver.click(card.form.load_models_button)
    assert card.model_list.loading
    assert card.form.load_models_button is not None
    assert not card.form.load_models_button.isEnabled()
    assert driver.message("model_type") == "Loading the model list…"
    driver.type("model_type", "gpt")  # typing goes on while the list loads
    wait_for_model_list(qtbot, card)
    timer.stop()

    assert len(ticks) >= 20
    assert max(later - earlier for earlier, later in pairwise(ticks)) < 0.5
    assert card.form.load_models_button.isEnabled()
    assert card.form.model_ids() == LISTED
    assert card.form.rows["model_type"].text() == "gpt"


def test_host_edit_cancels_model_list_load(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    serve_model_list(fake_provider, LISTED)
    fake_provider.delay_s = 1.0
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1")
    driver.click(card.form.load_models_button)
    assert card.model_list.loading

    driver.type("api_host", f"{fake_provider.url}/v2")
    qtbot.wait(1_500)

    assert not card.model_list.loading
    assert card.form.model_ids() == ["gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "o4-mini"]
    assert driver.message("model_type") == ""


def test_provider_without_list_has_no_button(window: MainWindow) -> None:
    for config_id in ("aws-bedrock-converse", "azure-openai", "zai", "ernie"):
        card = window.page.card(config_id)
        assert card is not None
        assert card.form.load_models_button is None, config_id
    openai = window.page.card("openai")
    assert openai is not None
    assert openai.form.load_models_button is not None
    assert openai.form.load_models_button.isVisible()
