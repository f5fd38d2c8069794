"""Text helpers for labels."""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
_BREAK_AFTER = re.compile(r"([/?&=_.:-])(?=\S)")
# A run this long without any break chance still fits the narrowest card.
MAX_UNBROKEN = 24
_LONG_RUN = re.compile(rf"[^\s{ZERO_WIDTH_SPACE}]{{{MAX_UNBROKEN + 1},}}")


def breakable(text: str) -> str:
    """Return ``text`` with invisible line-break chances after URL punctuation and in long runs.

    A word-wrapped QLabel breaks only at spaces, so a long URL or a provider message without
    spaces would widen the card instead of wrapping. Accessible names and copied values use
    the original text.
    """
    with_punctuation_breaks = _BREAK_AFTER.sub(r"\1" + ZERO_WIDTH_SPACE, text)
    return _LONG_RUN.sub(_split_run, with_punctuation_breaks)


def _split_run(match: re.Match[str]) -> str:
    run = match.group(0)
    pieces = [run[start : start + MAX_UNBROKEN] for start in range(0, len(run), MAX_UNBROKEN)]
    return ZERO_WIDTH_SPACE.join(pieces)
