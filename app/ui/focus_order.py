"""Tab order that follows the grid's order of cards, which search and sorting change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def takes_tab_focus(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisible()
        and widget.isEnabled()
    )


def natural_chain(container: QWidget) -> list[QWidget]:
    """Return the descendants of ``container`` that Tab reaches, in the window's focus chain."""
    chain = []
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if container.isAncestorOf(widget) and takes_tab_focus(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def grid_chain(container: QWidget, cards: Sequence[QWidget]) -> list[QWidget]:
    """Return the focus chain of ``container`` with the card widgets in the order of ``cards``.

    Widgets outside the cards keep their places: those before the first card come first,
    and the others follow the cards.
    """
    natural = natural_chain(container)
    in_cards = [widget for widget in natural if any(card.isAncestorOf(widget) for card in cards)]
    first_card_index = natural.index(in_cards[0]) if in_cards else len(natural)
    before = [widget for widget in natural[:first_card_index] if widget not in in_cards]
    after = [widget for widget in natural[first_card_index:] if widget not in in_cards]
    ordered = [widget for card in cards for widget in natural if card.isAncestorOf(widget)]
    return before + ordered + after


def step_focus(container: QWidget, cards: Sequence[QWidget], forward: bool) -> bool:
    """Move focus one step along ``grid_chain``, or return False to leave the step to Qt.

    Qt takes over when the focus is outside ``container`` or would leave it, so that Tab
    still goes on to the widgets around it.
    """
    focused = QApplication.focusWidget()
    chain = grid_chain(container, cards)
    if focused not in chain:
        return False

    index = chain.index(focused) + (1 if forward else -1)
    if not 0 <= index < len(chain):
        return _leave(container, forward)
    chain[index].setFocus(focus_reason(forward))
    return True


def _leave(container: QWidget, forward: bool) -> bool:
    """Focus the first widget outside ``container`` past its first or last widget in Tab order."""
    natural = natural_chain(container)
    if not natural:
        return False
    start = natural[-1] if forward else natural[0]
    widget = _neighbour(start, forward)
    # The focus chain is a ring, so the walk ends at ``start`` at the latest.
    while widget is not None and widget is not start:
        if not container.isAncestorOf(widget) and takes_tab_focus(widget):
            widget.setFocus(focus_reason(forward))
            return True
        widget = _neighbour(widget, forward)
    return False


def _neighbour(widget: QWidget, forward: bool) -> QWidget | None:
    return widget.nextInFocusChain() if forward else widget.previousInFocusChain()


def focus_reason(forward: bool) -> Qt.FocusReason:
    return Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
