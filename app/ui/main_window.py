"""The main window: a sidebar with Agents > Models, and the Models page."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QTreeWidget, QTreeWidgetItem, QWidget

from app.service import ModelService
from app.ui.dialogs import confirm
from app.ui.http_client import HttpClientOwner
from app.ui.icons import app_icon
from app.ui.messages import join_names
from app.ui.models_page import ModelsPage

logger = logging.getLogger(__name__)

WINDOW_TITLE = "Agent Models"
# The window's size on a large screen, in pixels.
PREFERRED_SIZE = QSize(1240, 820)
# The largest share of the screen's available area the window takes at start, so that its
# frame and the taskbar stay visible on small screens such as 1280x800.
MAX_SCREEN_SHARE = 0.9


def default_window_size(available: QSize) -> QSize:
    """Return PREFERRED_SIZE, shrunk to at most MAX_SCREEN_SHARE of ``available`` each way."""
    return QSize(
        min(PREFERRED_SIZE.width(), int(available.width() * MAX_SCREEN_SHARE)),
        min(PREFERRED_SIZE.height(), int(available.height() * MAX_SCREEN_SHARE)),
    )


SIDEBAR_MIN_WINDOW_WIDTH = 760

class MainWindow(QMainWindow):
    """The window. ``closed`` fires once the user has closed it, after the unsaved-changes check."""

    closed = Signal()

    def __init__(self, service: ModelService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service or ModelService()
        self.http = HttpClientOwner(self.service.timeout_s)
        self._close_confirmed = False
        self._close_task: asyncio.Task[None] | None = None

        self.setWindowTitle(WINDOW_TITLE)
        self.setWindowIcon(app_icon())
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
        else:
            self.resize(default_window_size(screen.availableGeometry().size()))

        self.sidebar = self._build_sidebar()
        self.page = ModelsPage(self.service, self.http.get)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.page, 1)
        self.setCentralWidget(central)

        self.page.load()
        self.page.start_watching()

    def _build_sidebar(self) -> QTreeWidget:
        sidebar = QTreeWidget(self)
        sidebar.setObjectName("sidebar")
        sidebar.setHeaderHidden(True)
        sidebar.setRootIsDecorated(False)
        sidebar.setFixedWidth(190)
        # A tree paints the indentation beside the selected item as a separate block, so the
        # sidebar has none. Agents reads as a bold group heading instead.
        sidebar.setIndentation(0)
        sidebar.setAccessibleName(self.tr("Navigation"))

        agents = QTreeWidgetItem(sidebar, [self.tr("Agents")])
        heading_font = agents.font(0)
        heading_font.setBold(True)
        agents.setFont(0, heading_font)
        models = QTreeWidgetItem(agents, [self.tr("Models")])
        sidebar.expandAll()
        sidebar.setCurrentItem(models)
        self.models_item = models
        return sidebar

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Below this width the cards need the sidebar's room, and Models is the only page.
        self.sidebar.setVisible(event.size().width() >= SIDEBAR_MIN_WINDOW_WIDTH)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = self.page.dirty_cards()
        if dirty and not self._close_confirmed:
            event.ignore()
            # A save still validating would finish behind the question and make its list of
            # unsaved cards wrong, so closing stops it first, as closing always does.
            for card in dirty:
                card.cancel_validation(
                    self.tr("Validation cancelled because the window is closing.")
                )
            if self._close_task is None or self._close_task.done():
                names = join_names(card.display_name for card in dirty)
                self._close_task = asyncio.get_event_loop().create_task(self._confirm_close(names))
            return

        self.page.cancel_all()
        event.accept()
        logger.info("window closed")
        self.closed.emit()

    async def _confirm_close(self, names: str) -> None:
        discard = await confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "These cards have changes that are not saved: {names}. Close and discard them?"
            ).format(names=names),
            self.tr("Discard and close"),
            destructive=True,
        )
        if discard:
            self._close_confirmed = True
            self.close()

    async def shutdown(self) -> None:
        """Stop the settings watcher and every task the window started, then close HTTP."""
        self.page.stop_watching()
        cancelled = self.page.cancel_all()
        if self._close_task is not None and not self._close_task.done():
            self._close_task.cancel()
            cancelled.append(self._close_task)
        await asyncio.gather(*cancelled, return_exceptions=True)
        await self.http.aclose()
