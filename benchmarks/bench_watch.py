"""Time from Set as Default to the callback of a watcher in another process.

Each run changes ``default_provider`` and measures until a second process running the
runtime watch (``app.runtime.watch``) prints the new default. The baseline, measured in
the same run, is a bare watchdog observer in a second process that prints a plain file
after each write to it. Both clocks stop when the parent reads the child's line.

    python benchmarks/bench_watch.py [--runs 50] [--trigger store|cli] [--polling]

``--trigger store`` updates the store from this process, as the window does.
``--trigger cli`` runs ``agent-models set-default`` (``python -m app``) for each change,
so each measurement includes the start-up of a Python process. The configs are saved
without keys, so no keychain is read. With a key, the watcher would also read the
keychain once per change.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.settings.model import ProviderSettings  # noqa: E402 - after the path set-up above
from app.settings.store import SettingsStore  # noqa: E402

TIMEOUT_S = 30.0
WARM_UP_RUNS = 2
# watchdog's PollingObserver default interval. Polling runs wait a random part of it before
# each change, so that changes do not line up with the polls.
POLL_INTERVAL_S = 1.0
CONFIG_IDS = ("openai", "deepseek")

RUNTIME_WATCHER = """
import sys, threading
from pathlib import Path
from app.runtime import SettingsWatcher
def report(model):
    print(model.config_id if model else "none", flush=True)
with SettingsWatcher(report, Path(sys.argv[1]), polling=sys.argv[2] == "polling"):
    print("ready", flush=True)
    threading.Event().wait()
"""

BARE_WATCHER = """
import sys, threading
from pathlib import Path
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver
path = Path(sys.argv[1])
class Handler(FileSystemEventHandler):
    def on_any_event(self, event):
        # Opened and closed-without-writing events come from reads, this one's included.
        if event.event_type not in ("modified", "closed"):
            return
        if Path(str(event.src_path)).name == path.name:
            print(path.read_text() or "empty", flush=True)
observer = PollingObserver() if sys.argv[2] == "polling" else Observer()
observer.schedule(Handler(), str(path.parent))
observer.start()
print("ready", flush=True)
threading.Event().wait()
"""


class Child:
    """A watcher process whose output lines arrive, with their arrival time, in a queue."""

    def __init__(self, script: str, path: Path, observer: str, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, str(path), observer],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            # The runtime warns once per change that the configs have no key.
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        self.wait_for("ready")

    def _read(self, stdout: IO[str]) -> None:
        for line in stdout:
            self.lines.put((time.perf_counter(), line.strip()))

    def wait_for(self, expected: str) -> float:
        """Return the arrival time of the next line equal to ``expected``."""
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            arrived, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            if line == expected:
                return arrived

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=TIMEOUT_S)


def measure_runtime(
    runs: int, trigger: str, observer: str, folder: Path, env: dict[str, str]
) -> list[float]:
    store = SettingsStore(folder / "settings.json")
    for config_id in CONFIG_IDS:
        config = ProviderSettings(
            provider=config_id, api_host="http://127.0.0.1:9/v1", model_type="m"
        )
        store.update(
            lambda settings, config_id=config_id, config=config: settings.with_provider(
                config_id, config
            )
        )

    child = Child(RUNTIME_WATCHER, store.path, observer, env)
    latencies: list[float] = []
    try:
        for run in range(WARM_UP_RUNS + runs):
            config_id = CONFIG_IDS[run % 2]
            _pause(observer)
            started = time.perf_counter()
            if trigger == "cli":
                subprocess.run(
                    [sys.executable, "-m", "app", "set-default", config_id],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                )
            else:
                store.update(
                    lambda settings, config_id=config_id: settings.model_copy(
                        update={"default_provider": config_id}
                    )
                )
            arrived = child.wait_for(config_id)
            if run >= WARM_UP_RUNS:
                latencies.append(arrived - started)
    finally:
        child.stop()
    return latencies


def measure_baseline(runs: int, observer: str, folder: Path, env: dict[str, str]) -> list[float]:
    path = folder / "plain.txt"
    path.write_text("start", encoding="utf-8")
    child = Child(BARE_WATCHER, path, observer, env)
    latencies: list[float] = []
    try:
        for run in range(WARM_UP_RUNS + runs):
            content = f"write-{run}"
            _pause(observer)
            started = time.perf_counter()
            path.write_text(content, encoding="utf-8")
            arrived = child.wait_for(content)
            if run >= WARM_UP_RUNS:
                latencies.append(arrived - started)
    finally:
        child.stop()
    return latencies


def _pause(observer: str) -> None:
    if observer == "polling":
        time.sleep(random.uniform(0, POLL_INTERVAL_S))


def _summary(name: str, latencies: list[float]) -> str:
    median_ms = statistics.median(latencies) * 1000
    max_ms = max(latencies) * 1000
    return f"{name:<44} median {median_ms:8.1f} ms   max {max_ms:8.1f} ms   (n={len(latencies)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=50, help="measured changes per watcher (default 50)"
    )
    parser.add_argument(
        "--trigger",
        choices=("store", "cli"),
        default="store",
        help="change the default from this process or with the command line",
    )
    parser.add_argument(
        "--polling", action="store_true", help="use polling observers in both watchers"
    )
    args = parser.parse_args()
    observer = "polling" if args.polling else "native"

    with tempfile.TemporaryDirectory(prefix="bench-watch-") as temp:
        folder = Path(temp)
        env = os.environ | {"AGENT_MODELS_CONFIG_DIR": str(folder), "PYTHONPATH": str(ROOT)}
        baseline_folder = folder / "baseline"
        baseline_folder.mkdir()
        baseline = measure_baseline(args.runs, observer, baseline_folder, env)
        runtime = measure_runtime(args.runs, args.trigger, observer, folder, env)

    python = sys.version.split()[0]
    print(f"observer: {observer}  trigger: {args.trigger}  python {python}  cpus: {os.cpu_count()}")
    print(_summary("baseline: bare watchdog, plain file write", baseline))
    print(_summary(f"runtime watch after Set as Default ({args.trigger})", runtime))
    ratio = statistics.median(runtime) / statistics.median(baseline)
    print(f"ratio of medians (runtime / baseline): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
