"""Fixtures for the window: a main window on the test's qasync loop, and a card driver."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.service import ModelService
from app.ui.main_window import MainWindow
from app.ui.provider_card import ProviderCard
from app.ui.theme import apply_theme
from tests.ui.card_driver import CardDriver


@pytest.fixture(autouse=True)
def collect_qt_garbage() -> Iterator[None]:
    """Collect reference cycles on the main thread once the test and its loop are torn down.

    Autouse fixtures are set up first and torn down last, so this runs after the qasync
    loop is closed. Cycles that hold Qt objects are common here: qasync's timer object and
    its handles, and windows kept alive by the traceback of a cancelled HTTP request. Left
    alone, the garbage collector may free them on another thread, such as the fake
    provider's, and Qt then crashes stopping their timers from the wrong thread.
    """
    yield
    gc.collect()


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
