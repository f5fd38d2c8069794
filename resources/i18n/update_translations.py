"""Refresh the .ts sources from the code, then compile them to .qm.

Run from the top of the source tree: ``python resources/i18n/update_translations.py``.
Translate new entries in Qt Linguist (``pyside6-linguist``) or by editing the .ts file,
then run the script again to compile.

pyside6-lupdate reads ``tr()`` and ``translate()`` calls, but it skips
``QT_TRANSLATE_NOOP(CONTEXT, "...")`` when the context is a constant rather than a string
literal, as in the core packages. This script resolves those constants with ``ast``,
writes the calls with literal contexts into a temporary file, and hands that file to
lupdate together with the sources.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "es")
TOOLS_DIR = Path(sys.executable).parent


def marked_strings(path: Path) -> list[tuple[str, str]]:
    """Return (context, text) of every QT_TRANSLATE_NOOP call in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"):
            continue
        context_node, text_node = node.args[:2]
        if isinstance(context_node, ast.Name):
            context = constants.get(context_node.id)
        elif isinstance(context_node, ast.Constant):
            context = context_node.value
        else:
            context = None
        if (
            isinstance(context, str)
            and isinstance(text_node, ast.Constant)
            and isinstance(text_node.value, str)
        ):
            found.append((context, text_node.value))
    return found


def main() -> int:
    sources = sorted((ROOT / "app").rglob("*.py"))
    strings = sorted({item for path in sources for item in marked_strings(path)})

    with tempfile.TemporaryDirectory() as folder:
        markers = Path(folder) / "marked_strings.py"
        lines = [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in strings]
        markers.write_text("\n".join(lines) + "\n", encoding="utf-8")

        ts_files = [str(I18N_DIR / f"agent_models_{language}.ts") for language in LANGUAGES]
        subprocess.run(  # noqa: S603 - the Qt tools beside this Python, fixed arguments
            [
                TOOLS_DIR / "pyside6-lupdate",
                "-extensions",
                "py",
                "-locations",
                "none",
                "-no-obsolete",
                str(ROOT / "app"),
                str(markers),
                "-ts",
                *ts_files,
            ],
            check=True,
        )
    for ts_file in ts_files:
        subprocess.run([TOOLS_DIR / "pyside6-lrelease", ts_file], check=True)  # noqa: S603
    return 0


if __name__ == "__main__":
    sys.exit(main())
