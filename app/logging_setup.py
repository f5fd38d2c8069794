"""Logging to a rotating file in the platform's log folder, with anything key-like redacted."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
import threading
from io import TextIOWrapper
from pathlib import Path

from app.paths import log_dir, make_private_folder

LOG_FILE_NAME = "agent-models.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
REDACTED = "[REDACTED]"
LOG_FILE_MODE = 0o600

# Each rule is (pattern, replacement); the replacement keeps the name in front of a value.
_KEY_FIELD_NAMES = (
    r"api[_-]?key|apikey|x-api-key|x-goog-api-key|secret[_-]?access[_-]?key|access[_-]?key[_-]?id"
    r"|session[_-]?token|access[_-]?token|password|secret"
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "api_key": "value" in JSON, as in a keychain entry with AWS access keys.
    (re.compile(rf'(?i)("(?:{_KEY_FIELD_NAMES})"\s*:\s*")[^"]+(")'), rf"\1{REDACTED}\2"),
    # api-key: value and api_key=value in headers, logs and command lines.
    (
        re.compile(rf"(?i)\b((?:{_KEY_FIELD_NAMES})\s*[:=]\s*['\"]?)[^\s'\",;&]{{8,}}"),
        rf"\1{REDACTED}",
    ),
    # Authorization: Bearer value (or Basic).
    (re.compile(r"(?i)\b((?:bearer|basic)\s+)[A-Za-z0-9_\-/+=.~]{8,}"), rf"\1{REDACTED}"),
    # ?key=value in a URL, as Gemini's native API accepts, and AWS presigned URLs.
    (
        re.compile(
            r"(?i)([?&](?:key|token|sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential)=)[^&\s#'\"]+"
        ),
        rf"\1{REDACTED}",
    ),
    # Known key shapes: OpenAI, Anthropic, OpenRouter, DeepSeek, Moonshot and DashScope
    # "sk-…", xAI "xai-…", Google "AIza…", Baidu "bce-v3/…", Bedrock API keys "ABSK…",
    # AWS access key ids "AKIA…"/"ASIA…", Groq "gsk_…", and JWTs "eyJ…" (MiniMax). The
    # first 8 characters exclude "." and "*", so that masked keys in provider messages,
    # such as "sk-...XXXX" or "sk-proj-****abcd", stay readable.
    (
        re.compile(
            r"(?:sk-|xai-|AIza|bce-v3/|ABSK|AKIA|ASIA|gsk_|eyJ)[A-Za-z0-9_\-/+=]{8}[A-Za-z0-9_\-/+=.]*"
        ),
        REDACTED,
    ),
    # Z.ai: 32 hexadecimal digits, a dot, and 16 letters or digits.
    (re.compile(r"\b[0-9a-fA-F]{32}\.[A-Za-z0-9]{16}\b"), REDACTED),
    # AWS secret access keys: 40 base64 characters with digits and both cases.
    (
        re.compile(
            r"(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{0,39}\d)(?=[A-Za-z0-9+/]{0,39}[A-Z])"
            r"(?=[A-Za-z0-9+/]{0,39}[a-z])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])"
        ),
        REDACTED,
    ),
    # UUIDs, the shape of SambaNova and ModelArk keys (and of some request ids).
    (
        re.compile(
            r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
        ),
        REDACTED,
    ),
    # Any other run of 32 or more letters and digits with both: Mistral and Azure keys,
    # hexadecimal tokens. Hyphens and underscores end a run, so that long model names
    # such as "text-embedding-nomic-embed-text-v1" stay readable.
    (
        re.compile(
            r"(?<![A-Za-z0-9+])(?=[A-Za-z0-9+]*\d)(?=[A-Za-z0-9+]*[A-Za-z])"
            r"[A-Za-z0-9+]{32,}={0,2}(?![A-Za-z0-9+])"
        ),
        REDACTED,
    ),
)

# Exact values to redact whatever their shape; the secret stores add every key they handle.
_known_secrets: set[str] = set()
_known_lock = threading.Lock()
# Shorter values would redact ordinary words.
MIN_REGISTERED_LENGTH = 8


def register_secret(value: str) -> None:
    """Redact this exact value from every later log record, whatever its shape."""
    if len(value) >= MIN_REGISTERED_LENGTH:
        with _known_lock:
            _known_secrets.add(value)


def redact(text: str) -> str:
    """Return ``text`` with registered secrets and anything shaped like a key replaced."""
    with _known_lock:
        known = sorted(_known_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's final text so that no key reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_REDACTING_FILTER = RedactingFilter()


def get_logger(name: str) -> logging.Logger:
    """Return ``logging.getLogger(name)`` with redaction at the source.

    A filter on the logger itself runs before any handler, so the records of this logger
    are redacted even when an agent process that imports ``app.runtime`` logs them through
    its own handlers instead of ``configure_logging``.
    """
    logger = logging.getLogger(name)
    if _REDACTING_FILTER not in logger.filters:
        logger.addFilter(_REDACTING_FILTER)
    return logger


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that only the user can read, including the files rotation creates."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, LOG_FILE_MODE)
        return stream


def configure_logging(level: int = logging.INFO, folder: Path | None = None) -> None:
    """Send the program's logs to the rotating file; safe to call more than once.

    ``folder`` defaults to ``log_dir()``. A second call does nothing while a file handler
    is installed; ``close_logging`` removes it.
    """
    root = logging.getLogger("app")
    if any(isinstance(handler, logging.handlers.RotatingFileHandler) for handler in root.handlers):
        return

    folder = folder or log_dir()
    try:
        # With AGENT_MODELS_CONFIG_DIR set, this also creates the settings folder itself.
        make_private_folder(folder)
        handler: logging.Handler = PrivateRotatingFileHandler(
            folder / LOG_FILE_NAME,
            maxBytes=MAX_LOG_BYTES,
            backupCount=LOG_BACKUPS,
            encoding="utf-8",
        )
    except OSError:
        handler = logging.StreamHandler()  # a read-only home still gets logs on stderr
        handler.setLevel(logging.WARNING)

    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def close_logging() -> None:
    """Remove and close the handlers that ``configure_logging`` installed."""
    root = logging.getLogger("app")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler | logging.StreamHandler):
            root.removeHandler(handler)
            handler.close()
