"""Drive a provider card the way a user does, and read what it stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.provider_card import ProviderCard

KEYRING_SERVICE = "agent-models"
VALIDATION_TIMEOUT_MS = 15_000


class CardDriver:
    """Types into a card and clicks its buttons the way a user does."""

    def __init__(self, qtbot: QtBot, card: ProviderCard) -> None:
        self.qtbot = qtbot
        self.card = card

    def type(self, field: str, text: str) -> None:
        """Replace the field's text by typing ``text``; an empty text clears the field."""
        line_edit = self.card.form.rows[field].line_edit
        line_edit.setFocus()
        line_edit.selectAll()
        self.qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
        if text:
            self.qtbot.keyClicks(line_edit, text)

    def fill(self, **values: str) -> None:
        for field, text in values.items():
            self.type(field, text)

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def save(self) -> None:
        assert self.card.save_button.isEnabled(), self.card.hint_label.text()
        self.click(self.card.save_button)

    def press_enter(self, field: str = "api_host") -> None:
        self.qtbot.keyClick(self.card.form.rows[field].line_edit, Qt.Key.Key_Return)

    def wait_for_result(self) -> None:
        self.qtbot.waitUntil(lambda: self.card.task is None, timeout=VALIDATION_TIMEOUT_MS)

    def save_and_wait(self) -> None:
        self.save()
        self.wait_for_result()

    def message(self, field: str) -> str:
        return self.card.form.rows[field].message


def read_settings(config_dir: Path) -> dict[str, Any]:
    path = config_dir / "settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def stored_key(config_id: str) -> str | None:
    return keyring.get_password(KEYRING_SERVICE, config_id)
