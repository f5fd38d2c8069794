"""A grid of cards whose column count follows the available width."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

MIN_COLUMNS = 1
MAX_COLUMNS = 4
SPACING = 16


class CardGrid(QWidget):
    """Lays out the visible cards in reading order, 1 to 4 columns wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        # The layout must not raise the widget's minimum width to that of every column, or
        # the scroll area could never hand it a width narrow enough to drop a column.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._cards: list[QWidget] = []
        self._card_width = 0
        self.columns = 0

    def set_cards(self, cards: Sequence[QWidget]) -> None:
        """Show ``cards`` in this order; cards left out are hidden, not deleted."""
        for card in self._cards:
            if card not in cards:
                self._layout.removeWidget(card)
                card.setVisible(False)
        self._cards = list(cards)
        self._card_width = self._measure_card_width()
        self._relayout(force=True)

    @property
    def cards(self) -> list[QWidget]:
        """Return the shown cards in their order."""
        return list(self._cards)

    def card_width(self) -> int:
        """Return the narrowest width at which every card shows all its text."""
        return self._card_width or self._measure_card_width()

    def _measure_card_width(self) -> int:
        hints = [
            card.minimumSizeHint().expandedTo(card.minimumSize()).width() for card in self._cards
        ]
        return max(hints, default=320)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.card_width(), self.heightForWidth(self.width()))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Return the height the cards need at ``width``: wrapped text makes narrow cards taller."""
        columns = self.columns_for_width(width)
        column_width = max(self.card_width(), (width - SPACING * (columns - 1)) // columns)
        height = 0
        for start in range(0, len(self._cards), columns):
            row = self._cards[start : start + columns]
            height += max(self._card_height(card, column_width) for card in row)
        rows = -(-len(self._cards) // columns)
        return height + SPACING * max(0, rows - 1)

    @staticmethod
    def _card_height(card: QWidget, width: int) -> int:
        if card.hasHeightForWidth():
            return card.heightForWidth(width)
        return card.sizeHint().height()

    def columns_for_width(self, width: int) -> int:
        card_width = self.card_width()
        fitting = (width + SPACING) // (card_width + SPACING)
        return max(MIN_COLUMNS, min(MAX_COLUMNS, fitting))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(force=False)

    def _relayout(self, *, force: bool) -> None:
        columns = self.columns_for_width(self.width())
        if columns == self.columns and not force:
            return
        self.columns = columns

        for card in self._cards:
            self._layout.removeWidget(card)
        for index, card in enumerate(self._cards):
            row, column = divmod(index, columns)
            self._layout.addWidget(card, row, column)
            card.setVisible(True)
        for column in range(MAX_COLUMNS):
            self._layout.setColumnStretch(column, 1 if column < columns else 0)
