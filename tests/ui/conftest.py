"""Fixtures for the window: a main window on the test's qasync loop, and a card driver."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.service import ModelService
from app.ui.main_window import MainWindow
from app.ui.provider_card import ProviderCard
from app.ui.theme import apply_theme
from tests.ui.card_driver import CardDriver


@pytest.fixture
def service() -> ModelService:
    return ModelService()


@pytest.fixture
def make_window(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, service: ModelService
) -> Iterator[Callable[[], MainWindow]]:
    """Return a function that builds and shows the main window; each is shut down at the end."""
    apply_theme(QApplication.instance(), dark=False)  # type: ignore[arg-type]
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        main_window = MainWindow(service)
        main_window.resize(1280, 800)
        main_window.show()
        qtbot.waitExposed(main_window)
        windows.append(main_window)
        return main_window

    yield make

    for main_window in windows:
        shutdown = qasync_loop.create_task(main_window.shutdown())
        qtbot.waitUntil(shutdown.done, timeout=5_000)
        main_window.hide()
        main_window.deleteLater()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    """The main window, shown; at the end its tasks are cancelled and its HTTP client closed."""
    return make_window()


@pytest.fixture
def drive(qtbot: QtBot) -> Callable[[ProviderCard], CardDriver]:
    """Return a function that wraps a card in a CardDriver."""
    return lambda card: CardDriver(qtbot, card)
