"""The details view of a card: each validation stage with its URL, HTTP status and latency."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from app.logging_setup import redact
from app.ui.messages import stage_name
from app.ui.text import breakable
from app.ui.theme import set_role
from app.validation.result import ValidationResult


class ResultDetails(QWidget):
    """A "Details" toggle and, under it, the evidence of the last validation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("detailsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText(self.tr("Details"))
        self.toggle.setAccessibleName(self.tr("Validation details"))
        self.toggle.setAccessibleDescription(
            self.tr(
                "Shows each step of the last validation with its URL, HTTP status, latency and "
                "the provider's message."
            )
        )
        self.toggle.toggled.connect(self._set_expanded)

        self.body = QLabel(self)
        self.body.setObjectName("detailsBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAccessibleName(self.tr("Validation details"))
        set_role(self.body, "muted")
        self.body.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.setVisible(False)

    def show_result(self, result: ValidationResult | None) -> None:
        """Fill the view from ``result``; None hides it."""
        if result is None:
            self.toggle.setChecked(False)
            self.setVisible(False)
            return

        lines = [escape(breakable(line)) for line in self.describe(result)]
        self.body.setText("<br>".join(lines))
        self.body.setAccessibleDescription(" ".join(self.describe(result)))
        self.setVisible(True)

    def describe(self, result: ValidationResult) -> list[str]:
        """Return the lines of the view as plain text; the provider's text is redacted of keys."""
        lines = []
        for stage in result.stages:
            outcome = self.tr("passed") if stage.ok else self.tr("failed")
            evidence = []
            if stage.status_code is not None:
                evidence.append(self.tr("HTTP {status}").format(status=stage.status_code))
            if stage.latency_ms is not None:
                evidence.append(self.tr("{milliseconds} ms").format(milliseconds=stage.latency_ms))
            suffix = f" ({', '.join(evidence)})" if evidence else ""
            mark = "✓" if stage.ok else "✗"
            # str.capitalize() would also lowercase "API" in "API found at this path".
            name = stage_name(stage)
            lines.append(f"{mark} {name[:1].upper()}{name[1:]}: {outcome}{suffix}")

        if result.url:
            lines.append(self.tr("URL: {url}").format(url=result.url))
        if result.status_code is not None and not result.stages:
            lines.append(self.tr("HTTP status: {status}").format(status=result.status_code))
        if result.latency_ms is not None:
            lines.append(
                self.tr("Latency: {milliseconds} ms").format(milliseconds=result.latency_ms)
            )
        if result.provider_message:
            message = redact(result.provider_message)
            lines.append(self.tr("Provider message: {message}").format(message=message))
        if result.redirect_location:
            lines.append(
                self.tr("Redirected to: {location}").format(location=result.redirect_location)
            )
        if result.proxy:
            lines.append(self.tr("Proxy: {proxy}").format(proxy=result.proxy))
        else:
            lines.append(self.tr("Proxy: none, direct connection"))
        return lines

    def _set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
