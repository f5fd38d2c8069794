"""The details view names the proxy a validation used, or shows a direct connection."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.result_details import ResultDetails
from app.validation.result import Category, ValidationResult


def make_result(proxy: str | None, redirect_location: str | None = None) -> ValidationResult:
    return ValidationResult(
        provider="openai",
        category=Category.UNREACHABLE,
        message="Cannot reach api.openai.com.",
        message_template="Cannot reach {host}.",
        url="https://api.openai.com/v1/chat/completions",
        proxy=proxy,
        redirect_location=redirect_location,
    )


def test_details_name_the_proxy(qtbot: QtBot) -> None:
    details = ResultDetails()
    qtbot.addWidget(details)

    lines = details.describe(make_result("http://proxy.example:3128"))

    assert "Proxy: http://proxy.example:3128" in lines


def test_details_say_direct_connection(qtbot: QtBot) -> None:
    details = ResultDetails()
    qtbot.addWidget(details)

    lines = details.describe(make_result(None))

    assert "Proxy: none, direct connection" in lines


def test_details_name_the_redirect(qtbot: QtBot) -> None:
    details = ResultDetails()
    qtbot.addWidget(details)

    lines = details.describe(make_result(None, "https://login.example/"))

    assert "Redirected to: https://login.example/" in lines
