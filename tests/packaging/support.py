"""Helpers for the packaging tests: load the scripts in packaging/, parse self-test output.

packaging/ is a folder of scripts rather than a package, so its modules are loaded by path.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
# One line of ``agent-models --self-test`` output: status, check name, detail, duration.
SELF_TEST_LINE = re.compile(r"^  (ok|FAIL|skip)\s+([^:]+): (.*) \(\d+\.\d\d s\)$")


def load_packaging_module(name: str) -> ModuleType:
    """Import packaging/<name>.py as ``packaging_<name>``, so that ``build`` cannot clash
    with the PyPA ``build`` package."""
    module_name = f"packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # build.py imports linux_deps by its own name
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def parse_self_test(output: str) -> dict[str, tuple[str, str]]:
    """Return each self-test check's status and detail by the check's name."""
    checks = {}
    for line in output.splitlines():
        match = SELF_TEST_LINE.match(line)
        if match:
            checks[match.group(2)] = (match.group(1), match.group(3))
    return checks
