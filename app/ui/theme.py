"""Light and dark themes that follow the system's colour scheme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of one scheme. Text colours keep a contrast of at least 4.5:1 on ``surface``."""

    dark: bool
    window: str
    surface: str
    sidebar: str
    border: str
    text: str
    muted: str
    accent: str
    accent_text: str
    error: str
    success: str
    warning: str
    info: str
    neutral: str


LIGHT = Theme(
    dark=False,
    window="#f4f5f7",
    surface="#ffffff",
    sidebar="#eceef2",
    border="#d5d8de",
    text="#1b1c1f",
    muted="#565b64",
    accent="#2f5fc4",
    accent_text="#ffffff",
    error="#b3261e",
    success="#1e6b34",
    warning="#8a5300",
    info="#2f5fc4",
    neutral="#5d6169",
)

DARK = Theme(
    dark=True,
    window="#16171a",
    surface="#202226",
    sidebar="#1b1c20",
    border="#3a3d44",
    text="#e8e9ec",
    muted="#a9adb6",
    accent="#8fb0ff",
    accent_text="#0f1b3a",
    error="#ffb4ab",
    success="#7fd79a",
    warning="#f5c46b",
    info="#8fb0ff",
    neutral="#a9adb6",
)

_active = LIGHT


def current_theme() -> Theme:
    return _active


def scheme_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, dark: bool | None = None) -> Theme:
    """Set the Fusion style, the palette and the style sheet; ``dark=None`` follows the system."""
    global _active  # noqa: PLW0603 - one theme for the whole application
    _active = DARK if (scheme_is_dark(app) if dark is None else dark) else LIGHT

    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(_palette(_active))
    app.setStyleSheet(_style_sheet(_active))
    return _active


def follow_system_scheme(app: QApplication) -> None:
    """Re-apply the theme whenever the system switches between light and dark."""
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


def set_role(widget: QWidget, role: str) -> None:
    """Set the ``role`` property the style sheet matches on, and restyle the widget."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _palette(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.surface,
        QPalette.ColorRole.AlternateBase: theme.window,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.surface,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.accent_text,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.LinkVisited: theme.accent,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))

    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return palette


def _style_sheet(theme: Theme) -> str:
    return f"""
QTreeWidget#sidebar {{
    background: {theme.sidebar}; border: none; border-right: 1px solid {theme.border};
    padding-top: 14px; font-size: 11pt;
}}
QTreeWidget#sidebar::item {{ padding: 6px 10px; border-radius: 6px; }}
QTreeWidget#sidebar::item:selected {{ background: {theme.accent}; color: {theme.accent_text}; }}
QToolButton#presetButton {{ padding-right: 14px; }}
QFrame#providerCard {{
    background: {theme.surface}; border: 1px solid {theme.border}; border-radius: 10px;
}}
QFrame#providerCard[isDefault="true"] {{ border: 2px solid {theme.accent}; }}
QFrame#banner {{
    background: {theme.surface}; border: 1px solid {theme.error}; border-radius: 6px;
}}
QFrame#banner[role="warning"] {{ border: 1px solid {theme.warning}; }}
QFrame#banner[role="info"] {{ border: 1px solid {theme.info}; }}
QLabel[role="heading"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="section"] {{ font-size: 13pt; font-weight: 600; }}
QLabel[role="cardTitle"] {{ font-size: 12pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {theme.muted}; }}
QLabel[role="error"] {{ color: {theme.error}; }}
QLabel[role="success"] {{ color: {theme.success}; }}
QLabel[role="warning"] {{ color: {theme.warning}; }}
QLabel[role="info"] {{ color: {theme.info}; }}
QPushButton[role="primary"] {{
    background: {theme.accent}; color: {theme.accent_text}; border: none;
    border-radius: 5px; padding: 5px 14px; font-weight: 600;
}}
QPushButton[role="primary"]:disabled {{ background: {theme.border}; color: {theme.muted}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {theme.text}; }}
"""
