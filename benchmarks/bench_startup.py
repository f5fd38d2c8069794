"""Startup cost of the Models window against a bare PySide6 window, measured in the same run.

    python benchmarks/bench_startup.py [--runs 5]

Each sample is a fresh process. The time runs from just before the process starts to the
first paint event of the window. Memory is the resident set size (VmRSS) one second after
that paint, with the window idle. The baseline is a QLabel in a QMainWindow, built by the
same child code, so the ratios compare like with like. Medians are printed, then the ratios.
Offscreen by default; pass --platform xcb with DISPLAY set to measure on an X server.
NOTE: VmRSS comes from /proc, so memory is only reported on Linux.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IDLE_SECONDS = 1.0

CHILD = r"""
import os, sys, time
sys.path.insert(0, {root!r})
kind = {kind!r}

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def rss_kib():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1

class FirstPaint(QObject):
    def __init__(self, app):
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("painted", time.time(), flush=True)
            QTimer.singleShot(int({idle} * 1000), self.report)
        return False

    def report(self):
        print("rss_kib", rss_kib(), flush=True)
        self.app.quit()

if kind == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Agent Models"))
    window.resize(1280, 800)
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
    window.show()
    app.exec()
else:
    import asyncio
    import qasync
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme
    from app.ui.translations import install_translations

    app = create_application()
    translators = install_translations(app, None)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    with loop:
        loop.run_forever()
"""


def sample(kind: str, env: dict[str, str]) -> tuple[float, int]:
    """Run one child process; return seconds to first paint and idle RSS in KiB."""
    code = CHILD.format(root=str(ROOT), kind=kind, idle=IDLE_SECONDS)
    started = time.time()
    completed = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    values = dict(line.split(" ", 1) for line in completed.stdout.splitlines() if " " in line)
    return float(values["painted"]) - started, int(values["rss_kib"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per kind (default: 5)")
    parser.add_argument(
        "--platform", default="offscreen", help="Qt platform plugin (default: offscreen)"
    )
    args = parser.parse_args()

    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    # The window reads and writes settings; keep the user's real ones out of the measurement.
    env["AGENT_MODELS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="agent-models-bench-")

    results: dict[str, tuple[float, float]] = {}
    for kind in ("bare", "app"):
        samples = [sample(kind, env) for _ in range(args.runs)]
        seconds = statistics.median(value for value, _ in samples)
        mebibytes = statistics.median(rss for _, rss in samples) / 1024
        results[kind] = (seconds, mebibytes)
        print(
            f"{kind:>5}: first paint {seconds * 1000:.0f} ms, "
            f"idle RSS {mebibytes:.1f} MiB (median of {args.runs})"
        )

    bare_time, bare_rss = results["bare"]
    app_time, app_rss = results["app"]
    print(f"startup ratio (app / bare PySide6): {app_time / bare_time:.2f}")
    print(f"memory ratio (app / bare PySide6): {app_rss / bare_rss:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
