"""Logging to a rotating file in the platform's log folder, with anything key-like redacted."""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading

from app.paths import log_dir

LOG_FILE_NAME = "agent-models.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
REDACTED = "[REDACTED]"

# Known key shapes (OpenAI/Anthropic/OpenRouter "sk-…", Google "AIza…", xAI "xai-…", AWS
# access key ids, Baidu "bce-v3/…", Bearer tokens) plus any long run of key characters.
_KEY_PATTERNS = re.compile(
    r"(?:sk-|xai-|AIza|bce-v3/|ABSK|AKIA|ASIA)[A-Za-z0-9_\-/+=.]{8,}"
    r"|(?<=Bearer )[A-Za-z0-9_\-/+=.]{8,}"
    r"|(?<![A-Za-z0-9])[A-Za-z0-9_\-+/]{32,}={0,2}(?![A-Za-z0-9])"
)

_known_secrets: set[str] = set()
_known_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Redact this exact value from every later log record, whatever its shape."""
    if len(value) >= 4:
        with _known_lock:
            _known_secrets.add(value)


def redact(text: str) -> str:
    with _known_lock:
        known = sorted(_known_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    return _KEY_PATTERNS.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's final text so that no key reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def configure_logging(level: int = logging.INFO) -> None:
    """Send the program's logs to the rotating file; safe to call more than once."""
    root = logging.getLogger("app")
    if any(isinstance(handler, logging.handlers.RotatingFileHandler) for handler in root.handlers):
        return

    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()  # a read-only home still gets logs on stderr
        handler.setLevel(logging.WARNING)

    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
