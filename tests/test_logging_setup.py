"""The rotating log file is readable only by the user, before and after rotation."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from app.logging_setup import (
    LOG_FILE_NAME,
    PrivateRotatingFileHandler,
    close_logging,
    configure_logging,
)


def test_log_files_private_after_rollover(config_dir: Path) -> None:
    folder = config_dir / "logs"
    app_logger = logging.getLogger("app")
    test_logger = logging.getLogger("app.test_logging_setup")
    level = app_logger.level
    # A umask that leaves new files readable by others, so that only the handler's chmod
    # can make them private.
    previous_umask = os.umask(0o022)
    close_logging()
    try:
        configure_logging(logging.INFO, folder)
        handler = next(
            item for item in app_logger.handlers if isinstance(item, PrivateRotatingFileHandler)
        )
        test_logger.info("line before the rollover")
        handler.doRollover()
        test_logger.info("line after the rollover")
    finally:
        close_logging()
        os.umask(previous_umask)
        app_logger.setLevel(level)

    log_file = folder / LOG_FILE_NAME
    rotated_file = folder / f"{LOG_FILE_NAME}.1"
    assert "line after the rollover" in log_file.read_text(encoding="utf-8")
    assert "line before the rollover" in rotated_file.read_text(encoding="utf-8")
    assert oct(stat.S_IMODE(log_file.stat().st_mode)) == "0o600"
    assert oct(stat.S_IMODE(rotated_file.stat().st_mode)) == "0o600"
