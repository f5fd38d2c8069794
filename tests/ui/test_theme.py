"""Themes: text colours are readable on both schemes, and badges differ by more than colour."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.catalog import load_catalog
from app.ui.badges import CardStatus, StatusBadge, initials, monogram_hue
from app.ui.theme import DARK, LIGHT, Theme, apply_theme, current_theme

MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 level AA for normal text


def relative_luminance(color: str) -> float:
    channels = [int(color.lstrip("#")[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(
    "role", ["text", "muted", "accent", "error", "success", "warning", "info", "neutral"]
)
def test_text_colour_contrast(theme: Theme, role: str) -> None:
    color = getattr(theme, role)

    assert contrast(color, theme.surface) >= MIN_TEXT_CONTRAST
    assert contrast(color, theme.window) >= MIN_TEXT_CONTRAST


def test_statuses_have_distinct_labels() -> None:
    labels = [status.label for status in CardStatus]

    assert len(set(labels)) == len(labels)
    assert all(status.description for status in CardStatus)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Google Gemini", "GG"),
        ("OpenAI", "OA"),
        ("OpenRouter", "OR"),
        ("Moonshot", "Mo"),
        ("ModelArk", "MA"),
        ("Qwen (Alibaba)", "QA"),
        ("z", "Z"),
        ("", "?"),
    ],
)
def test_monogram_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_catalog_monogram_hues_apart() -> None:
    hues = sorted(monogram_hue(provider.id) for provider in load_catalog())

    gaps = [
        later - earlier for earlier, later in zip(hues, [*hues[1:], hues[0] + 360], strict=True)
    ]
    assert min(gaps) >= 10


def test_theme_switch_repaints_badge(qapp: QApplication, qtbot: Any) -> None:
    badge = StatusBadge()
    badge.set_status(CardStatus.VALID)
    try:
        apply_theme(qapp, dark=True)
        assert current_theme() is DARK
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
        # Qt posts the palette change to each widget, so it arrives with the next events.
        qtbot.waitUntil(lambda: DARK.success in badge.styleSheet(), timeout=1_000)

        apply_theme(qapp, dark=False)
        qtbot.waitUntil(lambda: LIGHT.success in badge.styleSheet(), timeout=1_000)
    finally:
        apply_theme(qapp, dark=False)
        badge.deleteLater()
