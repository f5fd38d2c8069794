"""Start the window: the QApplication, the qasync loop, the exception hooks and translations."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtWidgets import QApplication

from app.ui.errors import ErrorReporter
from app.ui.main_window import WINDOW_TITLE, MainWindow
from app.ui.theme import apply_theme, follow_system_scheme
from app.ui.translations import install_translations, remove_translations

logger = logging.getLogger(__name__)

APP_ID = "agent-models"


def parse_window_arguments(arguments: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Split the window's options from the ones Qt understands, such as ``-platform``."""
    parser = argparse.ArgumentParser(prog=APP_ID, add_help=False)
    parser.add_argument("--lang", help="interface language, such as zh_CN, es or pseudo")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    return parser.parse_known_args(list(arguments))


def create_application(qt_arguments: Sequence[str] = ()) -> QApplication:
    """Return the QApplication, creating it on first use, with the program's names set."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0], *qt_arguments])
    )
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(WINDOW_TITLE)
    app.setDesktopFileName(APP_ID)
    # The window closes through MainWindow.closed, after the cards' tasks are cancelled.
    app.setQuitOnLastWindowClosed(False)
    return app


def run_window(arguments: Sequence[str]) -> int:
    """Show the window and run until it is closed; return the exit status."""
    options, qt_arguments = parse_window_arguments(arguments)
    app = create_application(qt_arguments)
    translators = install_translations(app, options.lang)
    apply_theme(app, dark=None if options.theme == "system" else options.theme == "dark")
    if options.theme == "system":
        follow_system_scheme(app)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    previous_hook = sys.excepthook
    reporter = ErrorReporter(app)
    reporter.install(loop)
    logger.info("window starting")
    try:
        with loop:
            return int(loop.run_until_complete(show_until_closed(reporter)))
    finally:
        sys.excepthook = previous_hook
        asyncio.set_event_loop(None)
        remove_translations(app, translators)
        logger.info("window stopped")


async def show_until_closed(reporter: ErrorReporter) -> int:
    """Show the main window, wait until the user closes it, then stop its work."""
    window = MainWindow()
    reporter.window = window
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.show()

    await closed.wait()
    await window.shutdown()
    return 0
