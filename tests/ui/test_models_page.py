"""The Models page: grid order and reflow, search, custom endpoints, Validate all, fixes, Reset."""

from __future__ import annotations

import itertools
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.catalog import load_catalog
from app.ui.add_endpoint_dialog import AddEndpointDialog
from app.ui.badges import CardStatus
from app.ui.main_window import MainWindow
from app.ui.provider_card import ProviderCard
from app.ui.translations import install_translations, remove_translations
from tests.fake_provider import FakeProviderServer
from tests.ui.card_driver import read_settings, stored_key

KEY = "sk-test-page-0123456789abcd"


def visible_dialog(window: MainWindow, kind: type) -> Any:
    dialogs = [dialog for dialog in window.findChildren(kind) if dialog.isVisible()]
    return dialogs[0] if dialogs else None


def click_dialog_button(qtbot: Any, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: visible_dialog(window, QMessageBox) is not None, timeout=2_000)
    box = visible_dialog(window, QMessageBox)
    button = next(button for button in box.findChildren(QPushButton) if button.text() == text)
    button.click()


def free_local_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on, for a refused connection."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_cards_in_catalog_order(window: MainWindow) -> None:
    ids = [card.config_id for card in window.page.visible_cards()]

    assert ids == [provider.id for provider in load_catalog()]
    assert window.windowTitle() == "Agent Models"
    assert window.sidebar.currentItem().text(0) == "Models"
    assert window.models_item.parent().text(0) == "Agents"


@pytest.mark.parametrize(
    ("width", "columns"), [(560, 1), (1000, 2), (1280, 3), (1800, 4), (3000, 4)]
)
def test_grid_reflows_with_width(window: MainWindow, qtbot: Any, width: int, columns: int) -> None:
    window.resize(width, 800)

    qtbot.waitUntil(lambda: window.page.grid.columns == columns, timeout=2_000)
    for card in window.page.visible_cards():
        assert card.height() >= card.minimumSizeHint().height()
        assert card.save_button.height() > 0


def test_search_filters_by_name(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClicks(window.page.search_field, "open")

    names = [card.display_name for card in window.page.visible_cards()]
    # AWS Bedrock matches by its suggested model openai.gpt-oss-120b.
    assert names == ["OpenAI", "OpenRouter", "AWS Bedrock", "Azure OpenAI", "OpenAI Compatible"]
    assert not window.page.card("anthropic").isVisible()  # type: ignore[union-attr]

    window.page.search_field.setText("no such provider")
    assert window.page.visible_cards() == []
    assert window.page.empty_label.isVisible()


def test_search_matches_suggested_models(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClicks(window.page.search_field, "gemini-2.5-flash")

    ids = [card.config_id for card in window.page.visible_cards()]
    assert ids == ["gemini", "openrouter"]
    assert not window.page.empty_label.isVisible()


def test_search_matches_typed_model_type(window: MainWindow, drive: Any) -> None:
    card = window.page.card("mistral")
    assert card is not None
    drive(card).type("model_type", "my-fine-tuned-model")

    window.page.search_field.setText("fine-tuned")

    assert window.page.visible_cards() == [card]


def test_configured_first(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("mistral")
    assert card is not None
    drive(card).fill(api_key=KEY, api_host=fake_provider.url, model_type="mistral-small-latest")
    drive(card).save_and_wait()

    window.page.configured_first.setChecked(True)

    assert window.page.visible_cards()[0] is card
    assert window.page.visible_cards()[1].config_id == "gemini"


def test_add_custom_endpoint_with_preset(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    drive(window.page.cards[0]).click(window.page.add_button)
    qtbot.waitUntil(lambda: visible_dialog(window, AddEndpointDialog) is not None, timeout=2_000)
    dialog = visible_dialog(window, AddEndpointDialog)
    dialog.preset_field.setCurrentIndex(1)
    assert dialog.endpoint_name == "Ollama"
    assert dialog.api_host == "http://localhost:11434/v1"
    dialog.add_button.click()

    qtbot.waitUntil(lambda: window.page.card("openai-compatible-2") is not None, timeout=2_000)
    card = window.page.card("openai-compatible-2")
    assert card is not None
    assert card.display_name == "Ollama"
    assert card.form.rows["api_host"].text() == "http://localhost:11434/v1"
    assert not card.form.rows["api_key"].required

    drive(card).fill(api_host=f"{fake_provider.url}/v1", model_type="llama3.2:latest")
    drive(card).save_and_wait()

    assert card.status is CardStatus.VALID
    saved = read_settings(config_dir)["providers"]["openai-compatible-2"]
    assert saved["name"] == "Ollama"
    assert saved["provider"] == "openai-compatible"
    assert "Authorization" not in fake_provider.last_request().headers
    assert window.page.next_custom_config_id() == "openai-compatible-3"


def test_add_dialog_name_follows_preset(window: MainWindow) -> None:
    dialog = AddEndpointDialog(set(), window)

    dialog.preset_field.setCurrentIndex(1)
    dialog.preset_field.setCurrentIndex(2)
    assert dialog.endpoint_name == "vLLM"
    assert dialog.api_host == "http://localhost:8000/v1"

    dialog.preset_field.setCurrentIndex(0)
    assert dialog.endpoint_name == ""

    dialog.name_field.setText("Office GPU server")
    dialog.preset_field.setCurrentIndex(1)
    assert dialog.endpoint_name == "Office GPU server"


def test_add_dialog_grows_for_problem(window: MainWindow, qtbot: Any) -> None:
    dialog = AddEndpointDialog({"openai"}, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    height_before = dialog.height()

    dialog.name_field.setText("OpenAI")
    qtbot.wait(10)

    assert dialog.problem_label.isVisible()
    assert dialog.height() > height_before
    assert dialog.name_field.height() >= dialog.name_field.minimumSizeHint().height()
    assert dialog.problem_label.height() >= dialog.problem_label.heightForWidth(
        dialog.problem_label.width()
    )
    dialog.reject()


def test_add_dialog_rejects_taken_name(window: MainWindow) -> None:
    dialog = AddEndpointDialog({"OpenAI"}, window)
    dialog.name_field.setText("openai")

    assert not dialog.add_button.isEnabled()
    assert "already exists" in dialog.problem_label.text()
    dialog.deleteLater()


def busy_with_model_checks(card: ProviderCard) -> bool:
    return card.model_list.loading or card.tools_label.checking


def test_validate_all_keeps_window_responsive(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    cards = [window.page.card(config_id) for config_id in ("openai", "deepseek", "grok")]
    for card in cards:
        assert card is not None
        drive(card).fill(
            api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="behave:sleep-2"
        )
        drive(card).save()
    for card in cards:
        drive(card).wait_for_result()
    settings_before = (config_dir / "settings.json").read_text(encoding="utf-8")

    # Each valid save also loads the model list and checks tool calling, and the tool
    # calling request sleeps 2 s at the provider too. Count only Validate all's requests.
    qtbot.waitUntil(lambda: not any(busy_with_model_checks(card) for card in cards), timeout=10_000)
    fake_provider.max_in_flight = 0

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    drive(cards[0]).click(window.page.validate_all_button)

    assert all(card.status is CardStatus.VALIDATING for card in cards)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: all(card.task is None for card in cards), timeout=10_000)  # type: ignore[union-attr]
    timer.stop()

    assert fake_provider.max_in_flight == 3  # at once, not one after another
    assert len(ticks) >= 20
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0  # a generous bound: the timer fires every 50 ms when idle
    assert all(card.status is CardStatus.VALID for card in cards)  # type: ignore[union-attr]
    assert (config_dir / "settings.json").read_text(encoding="utf-8") == settings_before


def test_suggested_host_offered_not_applied(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    fake_provider.overrides["/v1/v1/chat/completions"] = (
        404,
        {"content-type": "text/plain"},
        b"404 page not found",
    )
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()

    assert card.status is CardStatus.FAILED
    assert card.form.rows["api_host"].text() == f"{fake_provider.url}/v1/v1"
    assert card.use_host_button.isVisible()
    assert card.use_host_button.text() == f"Use {fake_provider.url}/v1"

    driver.click(card.use_host_button)
    assert card.form.rows["api_host"].text() == f"{fake_provider.url}/v1"
    assert card.task is None
    driver.save_and_wait()
    assert card.status is CardStatus.VALID


def test_unreachable_host_offers_save_without_validation(
    window: MainWindow, drive: Any, qtbot: Any, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"http://127.0.0.1:{free_local_port()}/v1", model_type="gpt-4.1-mini"
    )
    driver.save_and_wait()
    assert "refused the connection" in driver.message("api_host")
    assert card.save_anyway_button.isVisible()

    driver.click(card.save_anyway_button)
    click_dialog_button(qtbot, window, "Save without validation")

    qtbot.waitUntil(lambda: card.status is CardStatus.UNVERIFIED, timeout=2_000)
    assert read_settings(config_dir)["providers"]["openai"]["verified"] is False
    assert stored_key("openai") == KEY
    assert card.default_button.isEnabled()


def test_unverified_default_asks_again(
    window: MainWindow, drive: Any, qtbot: Any, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"http://127.0.0.1:{free_local_port()}/v1", model_type="gpt-4.1-mini"
    )
    driver.save_and_wait()
    driver.click(card.save_anyway_button)
    click_dialog_button(qtbot, window, "Save without validation")
    qtbot.waitUntil(lambda: card.status is CardStatus.UNVERIFIED, timeout=2_000)

    driver.click(card.default_button)
    click_dialog_button(qtbot, window, "Cancel")
    # The page opens one dialog at a time, so wait until the first one has closed.
    answered = window.page._dialog_task
    assert answered is not None
    qtbot.waitUntil(answered.done, timeout=2_000)
    assert read_settings(config_dir).get("default_provider") is None

    driver.click(card.default_button)
    click_dialog_button(qtbot, window, "Set as Default")
    qtbot.waitUntil(
        lambda: read_settings(config_dir).get("default_provider") == "openai", timeout=2_000
    )
    assert card.status is CardStatus.DEFAULT


def test_rate_limit_offers_save_without_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_key=KEY,
        api_host=f"{fake_provider.url}/v1",
        model_type="case:openai-rate-limit-tpm",
    )
    driver.save_and_wait()

    message = driver.message("api_key")
    assert "Try again in 1 second, or save without validation." in message
    assert "1 seconds" not in message
    assert card.save_anyway_button.isVisible()

    driver.click(card.save_anyway_button)
    qtbot.waitUntil(lambda: visible_dialog(window, QMessageBox) is not None, timeout=2_000)
    assert "is rate limiting this key" in visible_dialog(window, QMessageBox).text()
    click_dialog_button(qtbot, window, "Save without validation")

    qtbot.waitUntil(lambda: card.status is CardStatus.UNVERIFIED, timeout=2_000)
    assert read_settings(config_dir)["providers"]["openai"]["verified"] is False
    assert stored_key("openai") == KEY


def test_reset_deletes_key_and_settings(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()
    driver.click(card.default_button)

    driver.click(card.reset_button)
    click_dialog_button(qtbot, window, "Reset")

    qtbot.waitUntil(lambda: card.status is CardStatus.NOT_CONFIGURED, timeout=2_000)
    assert stored_key("openai") is None
    assert read_settings(config_dir)["providers"] == {}
    assert read_settings(config_dir)["default_provider"] is None
    assert card.form.rows["api_host"].text() == "https://api.openai.com/v1"
    assert card.form.rows["model_type"].text() == ""


def test_reset_restores_defaults_and_clears_key(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()
    qtbot.waitUntil(lambda: not card.tools_label.checking and not card.model_list.loading)
    assert card.form.rows["api_key"].line_edit.placeholderText() == "Saved key ending in abcd"
    driver.type("api_key", "sk-typed-after-save-0123456789")
    driver.type("api_host", "https://gateway.example.com/v1")

    driver.click(card.reset_button)
    click_dialog_button(qtbot, window, "Reset")

    qtbot.waitUntil(lambda: card.status is CardStatus.NOT_CONFIGURED, timeout=2_000)
    assert card.badge.accessibleName() == "Status: Not configured"
    assert card.form.rows["api_key"].text() == ""
    assert card.form.rows["api_key"].line_edit.placeholderText() == "e.g. sk-…"
    assert card.form.rows["api_host"].text() == "https://api.openai.com/v1"
    assert card.form.rows["model_type"].text() == ""
    assert card.form.model_ids() == ["gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "o4-mini"]
    assert not card.tools_label.isVisible()
    assert card.status_label.text() == "Reset to the provider's defaults."
    assert not card.is_dirty()
    assert stored_key("openai") is None


def test_reset_of_unsaved_card_discards_typing(window: MainWindow, drive: Any, qtbot: Any) -> None:
    card = window.page.card("deepseek")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host="https://proxy.example.com", model_type="deepseek-chat")

    driver.click(card.reset_button)
    click_dialog_button(qtbot, window, "Reset")

    qtbot.waitUntil(lambda: not card.is_dirty(), timeout=2_000)
    assert card.status is CardStatus.NOT_CONFIGURED
    assert card.form.rows["api_key"].text() == ""
    assert card.form.rows["api_host"].text() == "https://api.deepseek.com"
    assert card.form.rows["model_type"].text() == ""
    assert not card.reset_button.isEnabled()


def test_reset_cancelled_keeps_config(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.save_and_wait()

    driver.click(card.reset_button)
    click_dialog_button(qtbot, window, "Cancel")

    qtbot.waitUntil(lambda: visible_dialog(window, QMessageBox) is None, timeout=2_000)
    assert card.status is CardStatus.VALID
    assert stored_key("openai") == KEY


def test_close_with_unsaved_changes_asks(window: MainWindow, drive: Any, qtbot: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    drive(card).type("model_type", "gpt-4.1-mini")
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))

    window.close()
    qtbot.waitUntil(lambda: visible_dialog(window, QMessageBox) is not None, timeout=2_000)
    assert window.isVisible()
    assert closed == []

    click_dialog_button(qtbot, window, "Discard and close")
    qtbot.waitUntil(lambda: closed == [True], timeout=2_000)
    assert not window.isVisible()


def test_close_during_save_cancels_validation(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer, config_dir: Path
) -> None:
    fake_provider.delay_s = 2.0
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="gpt-4.1-mini")
    driver.click(card.save_button)
    assert card.is_validating

    window.close()
    qtbot.waitUntil(lambda: visible_dialog(window, QMessageBox) is not None, timeout=2_000)
    qtbot.wait(2_500)  # longer than the provider's delay

    assert not card.is_validating
    assert card.status_label.text() == "Validation cancelled because the window is closing."
    assert stored_key("openai") is None
    assert not (config_dir / "settings.json").exists()
    click_dialog_button(qtbot, window, "Cancel")


def test_custom_model_section_explains_built_in_cards(window: MainWindow) -> None:
    page = window.page

    assert page.section_label.text() == "Custom Model"
    assert page.section_subtitle.isVisible()
    assert page.section_subtitle.text() == "Bring your own key for any of these providers."
    assert page.section_subtitle.y() > page.section_label.y()
    assert page.section_subtitle.y() < page.grid.y()


def test_cards_in_a_row_line_up(window: MainWindow, qtbot: Any) -> None:
    window.resize(1900, 900)
    qtbot.waitUntil(lambda: window.page.grid.columns == 4, timeout=2_000)
    grid = window.page.grid

    # Bedrock Converse has more External Config fields than its neighbours.
    row = [card for card in grid.cards if card.isVisible()][12:16]
    assert "aws-bedrock-converse" in [card.config_id for card in row]

    assert len({card.height() for card in row}) == 1
    save_tops = {
        card.save_button.mapTo(grid, card.save_button.rect().topLeft()).y() for card in row
    }
    assert len(save_tops) == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_window_works_at_600_px(
    make_window: Callable[[], MainWindow], qtbot: Any, qapp: Any, language: str
) -> None:
    installed = install_translations(qapp, language) if language != "en" else []
    try:
        window = make_window()
        window.resize(600, 700)
        qtbot.waitUntil(lambda: window.width() == 600, timeout=2_000)

        assert not window.sidebar.isVisible()
        assert window.page.toolbar.wrapped
        assert window.page.grid.columns == 1
        assert window.page.add_button.geometry().right() <= window.page.toolbar.width()

        window.resize(1280, 700)
        qtbot.waitUntil(lambda: window.width() == 1280, timeout=2_000)

        assert window.sidebar.isVisible()
        assert not window.page.toolbar.wrapped
    finally:
        remove_translations(qapp, installed)
