"""The "Add custom endpoint" dialog: a name and, optionally, a local server preset."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.presets import LOCAL_SERVER_PRESETS
from app.ui.theme import set_role

MIN_WIDTH = 420


class AddEndpointDialog(QDialog):
    """Asks for the card name of a further OpenAI Compatible endpoint."""

    def __init__(self, taken_names: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addEndpointDialog")
        self.setWindowTitle(self.tr("Add custom endpoint"))
        self._taken_names = {name.casefold() for name in taken_names}

        intro = QLabel(
            self.tr(
                "Add another OpenAI Compatible endpoint, such as a local model server, with its "
                "own name."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("endpointName")
        self.name_field.setAccessibleName(self.tr("Name"))
        self.name_field.setAccessibleDescription(
            self.tr("The name shown on the card, for example Office GPU server.")
        )
        self.name_field.setPlaceholderText(self.tr("For example: Office GPU server"))

        self.preset_field = QComboBox(self)
        self.preset_field.setObjectName("endpointPreset")
        self.preset_field.setAccessibleName(self.tr("Preset"))
        self.preset_field.setAccessibleDescription(
            self.tr("Fills in the API Host of a local server that needs no key.")
        )
        self.preset_field.addItem(self.tr("None: I will enter the API Host"), "")
        for preset in LOCAL_SERVER_PRESETS:
            self.preset_field.addItem(f"{preset.name} ({preset.api_host})", preset.api_host)
        self.preset_field.currentIndexChanged.connect(self._on_preset_chosen)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        set_role(self.problem_label, "error")

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_field)
        form.addRow(self.tr("&Preset"), self.preset_field)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.addButton(
            self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setObjectName("addButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        # Wide enough that the intro and a problem wrap onto a few lines, not a dozen.
        self.setMinimumWidth(MIN_WIDTH)
        self.name_field.textChanged.connect(self._check)
        self._check()

    @property
    def endpoint_name(self) -> str:
        return self.name_field.text().strip()

    @property
    def api_host(self) -> str:
        return str(self.preset_field.currentData() or "")

    def _on_preset_chosen(self, index: int) -> None:
        # The name follows the preset until the user types a name of their own.
        preset_names = {preset.name for preset in LOCAL_SERVER_PRESETS}
        typed = self.name_field.text().strip()
        if typed and typed not in preset_names:
            return
        self.name_field.setText(LOCAL_SERVER_PRESETS[index - 1].name if index > 0 else "")

    def _check(self) -> None:
        name = self.endpoint_name
        problem = ""
        if name.casefold() in self._taken_names:
            problem = self.tr("A card named {name} already exists. Choose another name.").format(
                name=name
            )
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self._fit_height()
        self.name_field.setAccessibleDescription(problem or self.tr("The name shown on the card."))
        self.add_button.setEnabled(bool(name) and not problem)

    def _fit_height(self) -> None:
        """Grow the dialog when the problem line appears, instead of squeezing the fields."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalMinimumSize().height()
        if self.height() < needed:
            self.resize(self.width(), needed)

