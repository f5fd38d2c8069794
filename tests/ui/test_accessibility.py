"""Keyboard order and accessible names: every control can be reached and has a name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from app.ui.main_window import MainWindow
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-a11y-0123456789abcd"


def tab_through(qtbot: Any, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_order_follows_card_layout(window: MainWindow, drive: Any, qtbot: Any) -> None:
    card = window.page.card("openai")
    assert card is not None
    drive(card).fill(api_key=KEY, model_type="gpt-4.1-mini")
    rows = card.form.rows

    visited = tab_through(qtbot, rows["api_key"].field, 10)

    # Tab also steps through the links inside the links label, so repeats are collapsed.
    names = [widget.accessibleName() for widget in visited]
    collapsed = [name for index, name in enumerate(names) if index == 0 or name != names[index - 1]]
    assert collapsed == [
        "API Key",
        "Show API Key",
        "API Host",
        "Model Type",
        "Load models from OpenAI",
        "Save OpenAI",
        "Reset OpenAI",
        "Links for OpenAI",
        "API Key",
    ]
    assert visited[-1] is window.page.card("anthropic").form.rows["api_key"].field  # type: ignore[union-attr]


def test_every_control_has_accessible_name(window: MainWindow) -> None:
    unnamed = []
    for card in window.page.cards:
        controls = (
            card.findChildren(QAbstractButton)
            + card.findChildren(QLineEdit)
            + card.findChildren(QComboBox)
        )
        for control in controls:
            if isinstance(control.parent(), QComboBox):
                continue  # the combo box's own line edit; the combo box carries the name
            if not control.accessibleName():
                unnamed.append(f"{card.config_id}: {type(control).__name__} {control.objectName()}")
    page = window.page
    for control in (
        page.search_field,
        page.configured_first,
        page.validate_all_button,
        page.add_button,
        page.transfer_button,
    ):
        if not control.accessibleName():
            unnamed.append(control.objectName())

    assert unnamed == []


def test_every_field_has_description(window: MainWindow) -> None:
    for card in window.page.cards:
        for key, row in card.form.rows.items():
            description = row.field.accessibleDescription()
            assert description, f"{card.config_id}.{key}"
            assert row.field.toolTip(), f"{card.config_id}.{key}"


def test_result_announced_in_descriptions(
    window: MainWindow, drive: Any, fake_provider: FakeProviderServer
) -> None:
    card = window.page.card("openai")
    assert card is not None
    driver = drive(card)
    driver.fill(
        api_key=KEY, api_host=f"{fake_provider.url}/v1", model_type="case:openai-invalid-key"
    )

    driver.save_and_wait()

    assert (
        card.form.rows["api_key"]
        .field.accessibleDescription()
        .startswith("Invalid key. Validation failed.")
    )
    status = (
        "Validation failed. Nothing was saved. Double-check your API key. Regenerate a new key "
        "if needed."
    )
    assert card.save_button.accessibleDescription() == status
    assert card.status_label.accessibleDescription() == status
    assert card.badge.accessibleName() == "Status: Failed"


def test_tooltips_give_specification_examples(window: MainWindow) -> None:
    gemini = window.page.card("gemini")
    azure = window.page.card("azure-openai")
    assert gemini is not None and azure is not None

    assert "AIza…" in gemini.form.rows["api_key"].field.toolTip()
    assert (
        "https://generativelanguage.googleapis.com/v1beta/openai/"
        in gemini.form.rows["api_host"].field.toolTip()
    )
    assert "gemini-3.5-flash" in gemini.form.rows["model_type"].field.toolTip()
    assert "gpt-4o-mini-prod" in azure.form.rows["deployment_name"].field.toolTip()


def test_tab_order_follows_configured_first(
    window: MainWindow, drive: Any, qtbot: Any, fake_provider: FakeProviderServer
) -> None:
    mistral = window.page.card("mistral")
    assert mistral is not None
    drive(mistral).fill(api_key=KEY, api_host=fake_provider.url, model_type="mistral-small-latest")
    drive(mistral).save_and_wait()
    window.page.configured_first.setChecked(True)
    first_three = [card.config_id for card in window.page.visible_cards()[:3]]
    assert first_three == ["mistral", "gemini", "openai"]

    visited = tab_through(qtbot, mistral.form.rows["api_key"].field, 40)
    gemini = window.page.card("gemini")
    assert gemini is not None
    gemini.form.rows["api_key"].field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    back = QApplication.focusWidget()

    first_fields = [card.form.rows["api_key"].field for card in window.page.visible_cards()[:3]]
    reached = [widget for widget in visited if widget in first_fields]
    assert reached[:3] == first_fields
    assert back is not None
    assert mistral.isAncestorOf(back)


def test_tab_from_toolbar_reaches_first_card(window: MainWindow, qtbot: Any) -> None:
    visited = tab_through(qtbot, window.page.add_button, 1)

    first_card = window.page.visible_cards()[0]
    assert visited[1] is first_card.form.rows["api_key"].field

