"""Entry point: the window without a command, the command line with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.logging_setup import configure_logging

# Words that select the command line instead of the window. Kept here, not imported from
# app.cli, so that starting the window does not import the command line's dependencies.
CLI_WORDS = frozenset(
    {
        "validate", "save", "list", "set-default", "reset", "watch",
        "export", "import", "import-env", "secret-storage", "-h", "--help",
    }
)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    configure_logging()

    if "--self-test" in arguments:
        from app.selftest import run_self_test  # noqa: PLC0415

        return run_self_test()

    if any(argument in CLI_WORDS for argument in arguments):
        from app.cli import run  # noqa: PLC0415

        return run(arguments)

    from app.ui.application import run_window  # noqa: PLC0415 - only the window loads Qt

    return run_window(arguments)


if __name__ == "__main__":
    sys.exit(main())
