"""The card's status badge and the provider monogram."""

from __future__ import annotations

import zlib
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.catalog import load_catalog
from app.i18n import QT_TRANSLATE_NOOP
from app.ui.icons import themed_icon
from app.ui.theme import Theme, current_theme

CONTEXT = "StatusBadge"
ICON_SIZE = 14


class CardStatus(Enum):
    """The state of a card. Each status has its own text and icon, so colour is not the only cue."""

    NOT_CONFIGURED = "not-configured"
    VALIDATING = "validating"
    VALID = "valid"
    DEFAULT = "default"
    FAILED = "failed"
    UNVERIFIED = "unverified"
    KEY_MISSING = "key-missing"

    @property
    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, _LABELS[self])

    @property
    def description(self) -> str:
        return QCoreApplication.translate(CONTEXT, _DESCRIPTIONS[self])

    def color(self, theme: Theme) -> str:
        return {
            CardStatus.NOT_CONFIGURED: theme.neutral,
            CardStatus.VALIDATING: theme.info,
            CardStatus.VALID: theme.success,
            CardStatus.DEFAULT: theme.accent,
            CardStatus.FAILED: theme.error,
            CardStatus.UNVERIFIED: theme.warning,
            CardStatus.KEY_MISSING: theme.error,
        }[self]


_LABELS = {
    CardStatus.NOT_CONFIGURED: QT_TRANSLATE_NOOP(CONTEXT, "Not configured"),
    CardStatus.VALIDATING: QT_TRANSLATE_NOOP(CONTEXT, "Validating"),
    CardStatus.VALID: QT_TRANSLATE_NOOP(CONTEXT, "Valid"),
    CardStatus.DEFAULT: QT_TRANSLATE_NOOP(CONTEXT, "Default"),
    CardStatus.FAILED: QT_TRANSLATE_NOOP(CONTEXT, "Failed"),
    CardStatus.UNVERIFIED: QT_TRANSLATE_NOOP(CONTEXT, "Unverified"),
    CardStatus.KEY_MISSING: QT_TRANSLATE_NOOP(CONTEXT, "Key missing"),
}

_DESCRIPTIONS = {
    CardStatus.NOT_CONFIGURED: QT_TRANSLATE_NOOP(CONTEXT, "Nothing is saved for this provider."),
    CardStatus.VALIDATING: QT_TRANSLATE_NOOP(
        CONTEXT, "Checking the key and model with the provider."
    ),
    CardStatus.VALID: QT_TRANSLATE_NOOP(CONTEXT, "Saved, and the key and model worked."),
    CardStatus.DEFAULT: QT_TRANSLATE_NOOP(CONTEXT, "Saved, validated, and used by your agents."),
    CardStatus.FAILED: QT_TRANSLATE_NOOP(CONTEXT, "The last validation failed."),
    CardStatus.UNVERIFIED: QT_TRANSLATE_NOOP(
        CONTEXT, "Saved without reaching the provider, so the key is not proven."
    ),
    CardStatus.KEY_MISSING: QT_TRANSLATE_NOOP(
        CONTEXT, "The configuration is saved, but its key cannot be read from the keychain."
    ),
}


class StatusBadge(QFrame):
    """A rounded label with an icon and a word, such as "✓ Valid"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBadge")
        self.status = CardStatus.NOT_CONFIGURED
        self._painted: tuple[CardStatus, Theme] | None = None

        self._icon = QLabel(self)
        self._icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self._text = QLabel(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 10, 2)
        layout.setSpacing(5)
        layout.addWidget(self._icon)
        layout.addWidget(self._text)

        self.set_status(CardStatus.NOT_CONFIGURED)

    def set_status(self, status: CardStatus) -> None:
        self.status = status
        self._text.setText(status.label)
        self.setToolTip(status.description)
        self.setAccessibleName(self.tr("Status: {status}").format(status=status.label))
        self.setAccessibleDescription(status.description)
        self._paint_colors()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_colors()
        super().changeEvent(event)

    def _paint_colors(self) -> None:
        theme = current_theme()
        # Setting a style sheet sends another PaletteChange, so repaint only on a real change.
        if self._painted == (self.status, theme):
            return
        self._painted = (self.status, theme)

        color = self.status.color(theme)
        tint = QColor(color)
        tint.setAlpha(40 if theme.dark else 28)
        background = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})"
        self.setStyleSheet(
            f"QFrame#statusBadge {{ background: {background}; border: 1px solid {color}; "
            "border-radius: 10px; }"
            f"QFrame#statusBadge QLabel {{ color: {color}; font-weight: 600; "
            "background: transparent; border: none; }"
        )
        icon = themed_icon(f"status-{self.status.value}", color)
        self._icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))


class Monogram(QWidget):
    """A coloured circle with the provider's initials; decoration, so no accessible name."""

    def __init__(self, name: str, seed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.initials = initials(name)
        self._hue = monogram_hue(seed)
        self.setFixedSize(QSize(34, 34))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromHsl(self._hue, 150, 95))
        painter.drawEllipse(self.rect())

        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.initials)
        painter.end()


def initials(name: str) -> str:
    """Return two letters for a name.

    They are the first letters of two words, the first two capitals of one word written in
    camel case ("OpenRouter" is "OR", so it differs from "OpenAI"'s "OA"), or else its first
    two letters.
    """
    words = [word for word in "".join(ch if ch.isalnum() else " " for ch in name).split() if word]
    if not words:
        return "?"
    if len(words) >= 2:
        return (words[0][0] + words[1][0]).upper()
    capitals = [letter for letter in words[0] if letter.isupper()]
    if len(capitals) >= 2:
        return "".join(capitals[:2])
    return words[0][:2].capitalize()


# The golden angle spreads neighbouring catalog rows far apart on the colour wheel.
GOLDEN_ANGLE = 137.508


def monogram_hue(config_id: str) -> int:
    """Return a hue for a config: far from every other catalog provider's, stable for others."""
    catalog_ids = [provider.id for provider in load_catalog()]
    if config_id in catalog_ids:
        return int(catalog_ids.index(config_id) * GOLDEN_ANGLE) % 360
    return zlib.crc32(config_id.encode("utf-8")) % 360
