"""Entry point: the window without a command, the command line with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.logging_setup import configure_logging

# The only arguments the window takes, each followed by its value.
WINDOW_OPTIONS = ("--lang", "--theme")


def wants_window(arguments: Sequence[str]) -> bool:
    """Return True when the arguments are only window options.

    Anything else, such as a command, a mistyped command or --version, goes to the command
    line, which runs it or explains what is wrong instead of opening a window.
    """
    expects_value = False
    for argument in arguments:
        if expects_value:
            expects_value = False
        elif argument in WINDOW_OPTIONS:
            expects_value = True
        elif not argument.startswith(tuple(f"{option}=" for option in WINDOW_OPTIONS)):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    configure_logging()

    if "--self-test" in arguments:
        from app.selftest import run_self_test  # noqa: PLC0415

        return run_self_test()

    if not wants_window(arguments):
        from app.cli import run  # noqa: PLC0415

        return run(arguments)

    from app.ui.application import run_window  # noqa: PLC0415 - only the window loads Qt

    return run_window(arguments)


if __name__ == "__main__":
    sys.exit(main())
