"""Text helpers for labels."""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
_BREAK_AFTER = re.compile(r"([/?&=_.:-])(?=\S)")


def breakable(text: str) -> str:
    """Return ``text`` with invisible line-break chances after URL punctuation.

    A word-wrapped QLabel breaks only at spaces, so a long URL would widen the card instead
    of wrapping. Accessible names and copied values use the original text.
    """
    return _BREAK_AFTER.sub(r"\1" + ZERO_WIDTH_SPACE, text)
