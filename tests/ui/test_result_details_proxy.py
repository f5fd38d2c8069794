"""The details view: stage names, and the proxy a validation used or a direct connection."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from app.ui.result_details import ResultDetails
from app.validation.result import (
    STAGE_API_FOUND,
    STAGE_SUGGESTED_HOST,
    Category,
    Stage,
    ValidationResult,
)


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


def test_stage_names_keep_their_capitals(qtbot: QtBot) -> None:
    details = ResultDetails()
    qtbot.addWidget(details)
    stages = (
        Stage(STAGE_API_FOUND, ok=False, status_code=404),
        Stage(STAGE_SUGGESTED_HOST, ok=True, status_code=200),
    )

    lines = details.describe(replace(make_result(None), stages=stages))

    assert lines[0] == "✗ API found at this path: failed (HTTP 404)"
    assert lines[1] == "✓ Corrected API Host answers: passed (HTTP 200)"
