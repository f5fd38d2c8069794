"""A toolbar that puts its buttons on a second line when the window is narrow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QWidget

SPACING = 10


class WrappingToolbar(QWidget):
    """A row of leading widgets, followed by trailing ones that wrap to a second line.

    The minimum width is the wrapped layout's, so the window can become narrow enough to
    wrap the toolbar. It goes back to one line as soon as that fits.
    """

    def __init__(
        self, leading: Sequence[QWidget], trailing: Sequence[QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.leading = list(leading)
        self.trailing = list(trailing)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(SPACING)
        self._layout.setVerticalSpacing(8)
        # The layout must not raise the minimum width to the one-line layout's.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for column, widget in enumerate(self.leading):
            self._layout.addWidget(widget, 0, column)
        self._layout.setColumnStretch(0, 1)
        self._trailing_box = QHBoxLayout()
        self._trailing_box.setSpacing(SPACING)
        self._trailing_box.addStretch(1)
        for widget in self.trailing:
            self._trailing_box.addWidget(widget)
        self.wrapped: bool | None = None
        self._arrange(wrapped=False)

    def one_line_width(self) -> int:
        return _line_width([*self.leading, *self.trailing])

    def minimumSizeHint(self) -> QSize:
        width = max(_line_width(self.leading), _line_width(self.trailing))
        return QSize(width, self._height(wrapped=True))

    def sizeHint(self) -> QSize:
        wrapped = bool(self.wrapped)
        return QSize(self.one_line_width(), self._height(wrapped=wrapped))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(wrapped=event.size().width() < self.one_line_width())
        super().resizeEvent(event)

    def _arrange(self, *, wrapped: bool) -> None:
        if wrapped == self.wrapped:
            return
        self.wrapped = wrapped
        self._layout.removeItem(self._trailing_box)

        if wrapped:
            # The second line spans the whole width, with the buttons at its right end.
            self._layout.addLayout(self._trailing_box, 1, 0, 1, len(self.leading))
        else:
            self._layout.addLayout(self._trailing_box, 0, len(self.leading))
        self.updateGeometry()

    def _height(self, *, wrapped: bool) -> int:
        line = max(
            (widget.sizeHint().height() for widget in (*self.leading, *self.trailing)), default=0
        )
        return line * 2 + self._layout.verticalSpacing() if wrapped else line


def _line_width(widgets: Sequence[QWidget]) -> int:
    widths = [max(widget.minimumSizeHint().width(), widget.minimumWidth()) for widget in widgets]
    return sum(widths) + SPACING * max(0, len(widths) - 1)
