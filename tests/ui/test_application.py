"""The application entry: run_window from start to close, the exception hooks, void Qt calls."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.service import ModelService
from app.ui.application import parse_window_arguments, run_window
from app.ui.errors import ErrorReporter
from app.ui.main_window import MainWindow, default_window_size

SECRET = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"


def test_window_arguments_split_from_qt_arguments() -> None:
    options, qt_arguments = parse_window_arguments(["--lang", "zh_CN", "-platform", "offscreen"])

    assert options.lang == "zh_CN"
    assert options.theme == "system"
    assert qt_arguments == ["-platform", "offscreen"]


def test_run_window_until_closed(qapp: QApplication) -> None:
    def close_window() -> None:
        windows = [widget for widget in qapp.topLevelWidgets() if isinstance(widget, MainWindow)]
        assert len(windows) == 1
        assert windows[0].isVisible()
        windows[0].close()

    QTimer.singleShot(500, close_window)
    try:
        status = run_window(["--lang", "es", "--theme", "dark"])
    finally:
        # run_until_complete ends with QApplication.exit(); one more cycle clears it for
        # the waits of later tests.
        QTimer.singleShot(0, qapp.quit)
        qapp.exec()
        qapp.setQuitOnLastWindowClosed(True)

    assert status == 0


def test_error_reporter_shows_non_modal_redacted(
    qtbot: Any, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    reporter = ErrorReporter()
    error = RuntimeError(f"request failed with {SECRET}")

    reporter.loop_exception_handler(qasync_loop, {"message": "Task failed", "exception": error})

    box = reporter.box
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible()
    assert not box.isModal()
    assert SECRET not in box.informativeText()
    assert SECRET not in box.detailedText()
    assert "RuntimeError" in box.informativeText()


def test_error_reporter_limits_messages(qtbot: Any, qasync_loop: asyncio.AbstractEventLoop) -> None:
    reporter = ErrorReporter()
    for number in range(10):
        reporter.report(ValueError(f"failure {number}"), "repeated")
        if reporter.box is not None:
            qtbot.addWidget(reporter.box)

    assert reporter.shown_count == 10
    assert isinstance(reporter.box, QMessageBox)
    assert "failure 4" in reporter.box.informativeText()


@pytest.mark.timeout(120)
def test_many_void_qt_calls_survive(qapp: QApplication) -> None:
    # PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call that returns
    # nothing, and the process aborts after a few thousand such calls. This test guards the
    # pinned version.
    label = QLabel()
    for number in range(30_000):
        label.setText(str(number))
        if number % 10 == 0:
            qapp.processEvents()

    assert label.text() == "29999"


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QSize(1280, 800), QSize(1152, 720)),
        (QSize(1366, 728), QSize(1229, 655)),
        (QSize(2560, 1400), QSize(1240, 820)),
    ],
)
def test_default_size_fits_screen(available: QSize, expected: QSize) -> None:
    assert default_window_size(available) == expected


def test_window_starts_inside_available_screen(
    qtbot: Any, qasync_loop: asyncio.AbstractEventLoop, service: ModelService
) -> None:
    window = MainWindow(service)
    available = window.screen().availableGeometry().size()

    assert window.width() <= available.width() * 0.9
    assert window.height() <= available.height() * 0.9
    assert window.size() == default_window_size(available)

    shutdown = qasync_loop.create_task(window.shutdown())
    qtbot.waitUntil(shutdown.done, timeout=5_000)
    window.deleteLater()
