"""The retry phrase of a rate-limited result reads right for every wait."""

from __future__ import annotations

import pytest

from app.validation.result import format_retry


@pytest.mark.parametrize(
    ("retry_after_s", "phrase"),
    [
        (None, "in a minute"),
        (0.4, "in 1 second"),
        (1.0, "in 1 second"),
        (1.2, "in 2 seconds"),
        (15.0, "in 15 seconds"),
    ],
)
def test_retry_phrase(retry_after_s: float | None, phrase: str) -> None:
    assert format_retry(retry_after_s) == phrase
