"""One labelled form field with its help text and a message line under it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.ui.theme import set_role

MESSAGE_KINDS = ("error", "warning", "info", "success")


class FormRow(QWidget):
    """A field of a card: label, input, optional buttons beside it, and a message under it.

    ``key`` is the name check_form and ValidationResult.field use for the field, such as
    ``api_key`` or an External Config key. The help text is the tooltip and the accessible
    description; a message replaces it as the description so that screen readers announce it.
    """

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

        self.label = QLabel(label + (" *" if required else ""), self)
        self.label.setBuddy(field)
        self.label.setToolTip(help_text)
        field.setToolTip(help_text)
        field.setAccessibleName(label)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)

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

    def show_message(self, text: str, kind: str = "error") -> None:
        """Show ``text`` under the field; ``kind`` is one of error, warning, info, success."""
        assert kind in MESSAGE_KINDS, kind
        self.message = text
        self.message_kind = kind
        self.message_label.setText(text)
        set_role(self.message_label, kind)
        self.message_label.setVisible(bool(text))
        self._update_description()

    def clear_message(self) -> None:
        if self.message:
            self.show_message("", "error")

    def _update_description(self) -> None:
        required = self.tr("Required.") if self.required else ""
        parts = [self.message, required, self.help_text]
        self.field.setAccessibleDescription(" ".join(part for part in parts if part))
