"""Entry point: the window without a command, the command line with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.logging_setup import configure_logging


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    configure_logging()

    if "--self-test" in arguments:
        from app.selftest import run_self_test  # noqa: PLC0415

        return run_self_test()

    commands = {"validate", "save", "list", "set-default", "reset", "watch", "-h", "--help"}
    if any(argument in commands for argument in arguments):
        from app.cli import run  # noqa: PLC0415

        return run(arguments)

    from app.ui.application import run_window  # noqa: PLC0415 - only the window loads Qt

    return run_window(arguments)


if __name__ == "__main__":
    sys.exit(main())
