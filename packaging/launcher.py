"""PyInstaller entry script: the frozen program runs the console script's ``main()``."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
