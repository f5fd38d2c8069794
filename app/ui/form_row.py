"""One labelled form field with its help text and a message line under it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.text import breakable
from app.ui.theme import set_role

MESSAGE_KINDS = ("error", "warning", "info", "success")
# The widest a "Use <value>" button gets before its value is shortened in the middle, in
# pixels, so that a long URL does not widen the card.
MAX_FIX_BUTTON_TEXT_WIDTH = 240


class FormRow(QWidget):
    """A field of a card: label, input, optional buttons beside it, and a message under it.

    ``key`` is the name check_form and ValidationResult.field use for the field, such as
    ``api_key`` or an External Config key. The help text is the tooltip and the accessible
    description; a message replaces it as the description so that screen readers announce it.
    A message may come with a corrected value, which a "Use <value>" button under it fills
    in; ``fix_applied`` then fires with the row's key.
    """

    fix_applied = Signal(str)

    def __init__(
        self,
        key: str,
        label: str,
        field: QLineEdit | QComboBox,
        *,
        required: bool,
        help_text: str,
        trailing: Sequence[QWidget] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.label_text = label
        self.field = field
        self.required = required
        self.help_text = help_text
        self.message = ""
        self.message_kind = ""
        self.fix = ""

        self.label = QLabel(label + (" *" if required else ""), self)
        self.label.setBuddy(field)
        self.label.setToolTip(help_text)
        field.setToolTip(help_text)
        field.setAccessibleName(label)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)

        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setAccessibleName(self.tr("Use the suggested value"))
        self.fix_button.setVisible(False)
        self.fix_button.clicked.connect(self._apply_fix)

        field_line = QHBoxLayout()
        field_line.setSpacing(4)
        field_line.addWidget(field, 1)
        for widget in trailing:
            field_line.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        layout.addLayout(field_line)
        layout.addWidget(self.message_label)
        layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)

        self._update_description()

    @property
    def line_edit(self) -> QLineEdit:
        """Return the text box: the field itself, or the editable combo box's line edit."""
        if isinstance(self.field, QComboBox):
            line_edit = self.field.lineEdit()
            assert line_edit is not None, "FormRow combo boxes are editable"
            return line_edit
        return self.field

    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.field, QComboBox):
            self.field.setEditText(text)
        else:
            self.field.setText(text)
        self.line_edit.setCursorPosition(0)  # show the start of a long URL, not its end

    def show_message(self, text: str, kind: str = "error", *, fix: str | None = None) -> None:
        """Show ``text`` under the field; ``kind`` is one of error, warning, info, success.

        ``fix`` is a corrected value that the button under the message fills in.
        """
        assert kind in MESSAGE_KINDS, kind
        self.message = text
        self.message_kind = kind
        self.message_label.setText(breakable(text))
        set_role(self.message_label, kind)
        self.message_label.setVisible(bool(text))
        self._show_fix(fix if text else None)
        self._update_description()

    def clear_message(self) -> None:
        if self.message:
            self.show_message("", "error")

    def _show_fix(self, fix: str | None) -> None:
        self.fix = fix or ""
        if not fix:
            self.fix_button.setVisible(False)
            return
        text = self.tr("Use {value}").format(value=fix)
        elided = self.fix_button.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, MAX_FIX_BUTTON_TEXT_WIDTH
        )
        self.fix_button.setText(elided)
        self.fix_button.setToolTip(text)
        self.fix_button.setAccessibleName(text)
        self.fix_button.setAccessibleDescription(
            self.tr("Replaces {field} with this value.").format(field=self.label_text)
        )
        self.fix_button.setVisible(True)

    def _apply_fix(self) -> None:
        fix = self.fix
        if not fix:
            return
        self.set_text(fix)
        self.clear_message()
        self.field.setFocus()
        self.fix_applied.emit(self.key)

    def _update_description(self) -> None:
        required = self.tr("Required.") if self.required else ""
        parts = [self.message, required, self.help_text]
        self.field.setAccessibleDescription(" ".join(part for part in parts if part))
