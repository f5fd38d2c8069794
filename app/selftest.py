"""``agent-models --self-test``: check an installed copy without a screen.

The checks cover what a frozen build most often gets wrong: Qt plugins left out, resources
not bundled, keyring finding no backend once its entry points are gone, certifi's bundle
missing, botocore needing data files that were excluded. Each check prints one line with
``ok``, ``FAIL`` or ``skip``, and the exit status is 0 only if no check failed.

The validation checks send requests only to an HTTP server on 127.0.0.1 that the
self-test starts. The keychain check writes one throwaway entry under its own service name
and then deletes it. Settings go to a temporary folder; log lines go to the program's log.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import ssl
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from app.paths import CONFIG_DIR_ENV, resources_dir

# The keychain service of the throwaway entry; the program's own entries use "agent-models".
SELF_TEST_SERVICE = "agent-models-self-test"
# The number of rows in resources/providers.json. Change it together with that file: a
# different count means the bundled catalog is not the one this build was made from.
EXPECTED_PROVIDER_COUNT = 19
VALIDATION_TIMEOUT_S = 15.0
FAKE_MODEL = "self-test-model"

# AWS's published Signature Version 4 test case "get-vanilla": GET / on
# example.amazonaws.com, signed for service "service" in us-east-1 at 20150830T123600Z.
SIGV4_VECTOR_ACCESS_KEY = "AKIDEXAMPLE"
SIGV4_VECTOR_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"  # noqa: S105 - published test key
SIGV4_VECTOR_TIMESTAMP = "20150830T123600Z"
SIGV4_VECTOR_SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"

# The Debian and Ubuntu packages that Qt's xcb platform plugin links to.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1"
)


class CheckFailed(Exception):
    """A check found a problem; the message names the problem and the fix."""


class CheckSkipped(Exception):
    """A check does not apply to this copy, such as a version check in a source tree."""


@dataclass
class Outcome:
    name: str
    status: str  # "ok", "FAIL" or "skip"
    detail: str
    seconds: float


@dataclass
class SelfTest:
    """Runs the checks in order and prints one line per check as it finishes."""

    outcomes: list[Outcome] = field(default_factory=list)

    def run(self, name: str, check: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail = check()
            status = "ok"
        except CheckSkipped as skipped:
            status, detail = "skip", str(skipped)
        except Exception as error:  # every failure becomes a FAIL line, never a crash
            status, detail = "FAIL", _describe(error)
        outcome = Outcome(name, status, detail, time.perf_counter() - started)
        self.outcomes.append(outcome)
        _emit(f"  {status:<4}  {name}: {detail} ({outcome.seconds:.2f} s)")

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "FAIL"]


def _emit(line: str) -> None:
    # A windowed Windows executable has no stdout; the self-test runs from the console one.
    if sys.stdout is not None:
        print(line, flush=True)


def _describe(error: BaseException) -> str:
    """Return the message of an expected error, or the type, message and line of another."""
    from app.settings.secrets import SecretStoreError  # noqa: PLC0415

    if isinstance(error, (CheckFailed, SecretStoreError)):
        return str(error)
    location = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(location.filename).name}:{location.lineno}" if location else ""
    return f"{type(error).__name__}: {error}{where}"


# Qt


def check_qt_offscreen() -> str:
    from PySide6 import __version__ as pyside_version  # noqa: PLC0415
    from PySide6.QtCore import qVersion  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance() or QApplication(["agent-models", "-platform", "offscreen"])
    platform = app.platformName()  # type: ignore[attr-defined]
    if platform != "offscreen":
        raise CheckFailed(f"Qt started the {platform!r} platform instead of 'offscreen'.")
    return f"Qt {qVersion()}, PySide6 {pyside_version}"


def _native_platform_plugin() -> str | None:
    if sys.platform.startswith("linux"):
        return "libqxcb.so"
    if sys.platform == "darwin":
        return "libqcocoa.dylib"
    if sys.platform == "win32":
        return "qwindows.dll"
    return None


def check_native_platform_plugin() -> str:
    """Load the plugin a desktop session uses; loading it resolves its system libraries."""
    from PySide6.QtCore import QCoreApplication, QLibrary  # noqa: PLC0415

    file_name = _native_platform_plugin()
    if file_name is None:
        raise CheckSkipped(f"no native platform plugin is known for {sys.platform}")

    folders = [Path(folder) / "platforms" for folder in QCoreApplication.libraryPaths()]
    candidates = [folder / file_name for folder in folders]
    plugin = next((path for path in candidates if path.is_file()), None)
    if plugin is None:
        searched = ", ".join(str(folder) for folder in folders) or "no plugin folder"
        raise CheckFailed(f"{file_name} was not found in {searched}.")

    library = QLibrary(str(plugin))
    if not library.load():
        hint = (
            f" Install the system libraries it needs (Debian and Ubuntu: {XCB_PACKAGES})."
            if sys.platform.startswith("linux")
            else ""
        )
        raise CheckFailed(f"{plugin.name} did not load: {library.errorString()}.{hint}")
    return f"{plugin.name} loads"


def check_main_window() -> str:
    """Construct the main window without showing it, on a qasync loop as the program does."""
    try:
        from app.ui.main_window import MainWindow  # noqa: PLC0415
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("app.ui"):
            raise CheckSkipped(f"{error.name} is not part of this build") from None
        raise

    import qasync  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        window = MainWindow()
        title = window.windowTitle()
        loop.run_until_complete(asyncio.sleep(0.05))  # let tasks the window started run once
        window.deleteLater()
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        _close_loop(loop)
    if not title:
        raise CheckFailed("the main window has no title.")
    return f"{type(window).__name__} {title!r} constructed"


def _close_loop(loop: asyncio.AbstractEventLoop) -> None:
    for task in asyncio.all_tasks(loop):
        task.cancel()
    if not loop.is_closed():
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
    asyncio.set_event_loop(None)


# Resources


def check_version() -> str:
    from app import __version__  # noqa: PLC0415

    if not getattr(sys, "frozen", False):
        raise CheckSkipped(f"source tree, version {__version__}")
    if __version__ == "0.0.0":
        raise CheckFailed("the build carries no agent-models metadata, so the version is unknown.")
    return __version__


def check_resources() -> str:
    from app.catalog import load_catalog  # noqa: PLC0415

    folder = resources_dir()
    providers = load_catalog()
    if len(providers) != EXPECTED_PROVIDER_COUNT:
        raise CheckFailed(
            f"{folder / 'providers.json'} has {len(providers)} providers, "
            f"expected {EXPECTED_PROVIDER_COUNT}."
        )

    schema = json.loads((folder / "settings.schema.json").read_text(encoding="utf-8"))
    if not isinstance(schema, dict) or "properties" not in schema:
        raise CheckFailed(f"{folder / 'settings.schema.json'} is not a JSON Schema object.")

    return f"{len(providers)} providers, settings schema, in {folder}"


def check_translations() -> str:
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    files = sorted((resources_dir() / "i18n").glob("*.qm"))
    if not files:
        raise CheckSkipped("this build has no translations")
    broken = [path.name for path in files if not QTranslator().load(str(path))]
    if broken:
        raise CheckFailed(f"these translations do not load: {', '.join(broken)}.")
    return f"{len(files)} loaded: {', '.join(path.stem for path in files)}"


def check_icons() -> str:
    """Draw every bundled icon; SVG files need the qsvg image format plugin."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    files = sorted(
        path
        for path in (resources_dir() / "icons").rglob("*")
        if path.suffix.lower() in {".svg", ".png"}
    )
    if not files:
        raise CheckSkipped("this build has no icons")
    broken = [path.name for path in files if QImage(str(path)).isNull()]
    if broken:
        raise CheckFailed(
            f"{len(broken)} of {len(files)} icons do not load ({', '.join(broken[:5])}); "
            "the SVG image format plugin may be missing."
        )
    return f"{len(files)} icons load"


# Keychain


def check_keychain_backend() -> str:
    import keyring  # noqa: PLC0415
    from keyring.backends import chainer, fail, null  # noqa: PLC0415

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise CheckFailed(
            f"keyring found no keychain and uses {type(backend).__module__}. "
            f"{_keychain_hint()}"
        )
    if isinstance(backend, chainer.ChainerBackend):
        names = [_backend_name(item) for item in backend.backends]
        if not names:
            raise CheckFailed(f"keyring's chain of backends is empty. {_keychain_hint()}")
        return "chain of " + ", ".join(names)
    return _backend_name(backend)


def _backend_name(backend: object) -> str:
    module = type(backend).__module__.removeprefix("keyring.backends.")
    return f"{module}.{type(backend).__name__}"


def _keychain_hint() -> str:
    if sys.platform == "darwin":
        return "Unlock the login keychain in Keychain Access."
    if sys.platform == "win32":
        return "Check that Windows Credential Manager is available for this account."
    return (
        "Start a Secret Service keychain (GNOME Keyring, KeePassXC or KWallet) in the "
        "desktop session and unlock it."
    )


def check_keychain_round_trip() -> str:
    from app.settings.secrets import (  # noqa: PLC0415
        KeyringSecretStore,
        Secret,
        SecretStoreError,
    )

    store = KeyringSecretStore(service=SELF_TEST_SERVICE)
    entry = f"self-test-{secrets.token_hex(6)}"
    secret = Secret(api_key=f"self-test-{secrets.token_urlsafe(18)}")
    store.set(entry, secret)
    try:
        stored = store.get(entry)
    except SecretStoreError:
        _delete_quietly(store, entry)
        raise
    store.delete(entry)
    if stored is None or stored.api_key != secret.api_key:
        raise CheckFailed(f"the keychain returned a different value for {entry}.")
    if store.get(entry) is not None:
        raise CheckFailed(f"the entry {SELF_TEST_SERVICE}/{entry} is still there after delete.")
    return f"stored, read and deleted {SELF_TEST_SERVICE}/{entry}"


def _delete_quietly(store: Any, entry: str) -> None:
    """Delete the throwaway entry after a failed read, keeping the read's error as the one shown."""
    from app.settings.secrets import SecretStoreError  # noqa: PLC0415

    try:
        store.delete(entry)
    except SecretStoreError as error:
        _emit(f"        could not delete {SELF_TEST_SERVICE}/{entry}: {error}")


# HTTP and signing


def check_certificates() -> str:
    import certifi  # noqa: PLC0415

    bundle = Path(certifi.where())
    if not bundle.is_file():
        raise CheckFailed(f"certifi's CA bundle {bundle} is missing.")
    context = ssl.create_default_context(cafile=str(bundle))
    authorities = context.cert_store_stats()["x509_ca"]
    if authorities == 0:
        raise CheckFailed(f"{bundle} contains no certificate authorities.")
    return f"{authorities} certificate authorities in certifi's bundle, {ssl.OPENSSL_VERSION}"


@dataclass
class _Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class _FakeProvider(BaseHTTPRequestHandler):
    """Serves OpenAI chat completions and Bedrock Converse responses, and records each request."""

    api_key = ""
    received: list[_Received]  # set on the subclass each server gets

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.received.append(_Received("POST", self.path, dict(self.headers.items()), body))
        if self.path.endswith("/chat/completions"):
            if self.headers.get("Authorization") != f"Bearer {self.api_key}":
                error = {"message": "Incorrect API key provided", "code": "invalid_api_key"}
                self._send_json(401, {"error": error})
                return
            self._send_json(200, _chat_completion())
        elif self.path.endswith("/converse"):
            authorization = self.headers.get("Authorization", "")
            if not authorization.startswith("AWS4-HMAC-SHA256 ") or not self.headers.get(
                "X-Amz-Date"
            ):
                self._send_json(403, {"message": "Missing Authentication Token"})
                return
            self._send_json(200, _converse_output())
        else:
            self._send_json(404, {"error": {"message": f"no route for {self.path}"}})

    def do_GET(self) -> None:
        self.received.append(_Received("GET", self.path, dict(self.headers.items()), b""))
        if self.path.endswith("/models"):
            models = [{"id": FAKE_MODEL, "object": "model"}]
            self._send_json(200, {"object": "list", "data": models})
        else:
            self._send_json(404, {"error": {"message": f"no route for {self.path}"}})

    def _send_json(self, status: int, document: dict[str, Any]) -> None:
        payload = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        del format, args  # the self-test prints its own lines


def _chat_completion() -> dict[str, Any]:
    return {
        "id": "chatcmpl-self-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": FAKE_MODEL,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hi"},
                "finish_reason": "length",
            }
        ],
        "usage": {"prompt_tokens": 8, "completion_tokens": 1, "total_tokens": 9},
    }


def _converse_output() -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": [{"text": "Hi"}]}},
        "stopReason": "max_tokens",
        "usage": {"inputTokens": 8, "outputTokens": 1, "totalTokens": 9},
        "metrics": {"latencyMs": 1},
    }


@contextmanager
def fake_provider(api_key: str) -> Iterator[tuple[str, list[_Received]]]:
    """Serve the fake provider on 127.0.0.1 at a free port; yield its URL and its requests."""
    received: list[_Received] = []
    handler = type(
        "FakeProviderHandler", (_FakeProvider,), {"api_key": api_key, "received": received}
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="self-test-provider", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _run_on_qasync(coroutine: Any) -> Any:
    """Run a coroutine on a qasync loop over the QApplication, as the window runs validations."""
    import qasync  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    loop = qasync.QEventLoop(QApplication.instance())
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coroutine)
    finally:
        _close_loop(loop)


async def _validate_with_local_client(config: Any, credentials: Any) -> Any:
    import httpx  # noqa: PLC0415

    from app.validation.validator import validate  # noqa: PLC0415

    # trust_env=False: a proxy from the environment must not see the request to 127.0.0.1.
    async with httpx.AsyncClient(
        timeout=VALIDATION_TIMEOUT_S, follow_redirects=False, trust_env=False
    ) as client:
        return await validate(config, credentials, client=client, timeout_s=VALIDATION_TIMEOUT_S)


def check_validation() -> str:
    from app.validation.probes import Credentials  # noqa: PLC0415
    from app.validation.validator import ProviderConfig  # noqa: PLC0415

    api_key = f"sk-self-test-{secrets.token_hex(8)}"
    with fake_provider(api_key) as (url, received):
        config = ProviderConfig("openai-compatible", f"{url}/v1", FAKE_MODEL)
        result = _run_on_qasync(_validate_with_local_client(config, Credentials(api_key=api_key)))

    if not result.ok:
        raise CheckFailed(
            f"validation against {url} returned {result.category.value}: {result.message} "
            f"(status {result.status_code}, provider message {result.provider_message!r})"
        )
    chat_requests = [item for item in received if item.path == "/v1/chat/completions"]
    if not chat_requests:
        paths = ", ".join(f"{item.method} {item.path}" for item in received) or "nothing"
        raise CheckFailed(f"the fake provider received {paths}, not POST /v1/chat/completions.")
    sent = json.loads(chat_requests[0].body)
    if sent.get("model") != FAKE_MODEL:
        raise CheckFailed(f"the probe requested model {sent.get('model')!r}, not {FAKE_MODEL!r}.")
    return f"{result.category.value} from {result.url} in {result.latency_ms} ms"


def check_sigv4() -> str:
    """Check botocore's signer against AWS's test vector, then sign and send a Converse probe."""
    from botocore.auth import SigV4Auth  # noqa: PLC0415
    from botocore.awsrequest import AWSRequest  # noqa: PLC0415
    from botocore.credentials import Credentials as AwsCredentials  # noqa: PLC0415

    request = AWSRequest(
        method="GET",
        url="https://example.amazonaws.com/",
        headers={"X-Amz-Date": SIGV4_VECTOR_TIMESTAMP},
    )
    request.context["timestamp"] = SIGV4_VECTOR_TIMESTAMP
    signer = SigV4Auth(
        AwsCredentials(SIGV4_VECTOR_ACCESS_KEY, SIGV4_VECTOR_SECRET_KEY), "service", "us-east-1"
    )
    string_to_sign = signer.string_to_sign(request, signer.canonical_request(request))
    signature = signer.signature(string_to_sign, request)
    if signature != SIGV4_VECTOR_SIGNATURE:
        raise CheckFailed(f"botocore's SigV4 signature {signature} differs from AWS's test vector.")

    from app.validation.probes import Credentials  # noqa: PLC0415
    from app.validation.validator import ProviderConfig  # noqa: PLC0415

    credentials = Credentials(
        access_key_id=SIGV4_VECTOR_ACCESS_KEY, secret_access_key=SIGV4_VECTOR_SECRET_KEY
    )
    with fake_provider("") as (url, received):
        config = ProviderConfig(
            "aws-bedrock-converse", url, "self-test.model-v1:0", {"region": "us-east-1"}
        )
        result = _run_on_qasync(_validate_with_local_client(config, credentials))

    if not result.ok:
        raise CheckFailed(
            f"the signed Converse probe to {url} returned {result.category.value}: "
            f"{result.message} (status {result.status_code})"
        )
    converse = [item for item in received if item.path.endswith("/converse")]
    authorization = converse[0].headers.get("Authorization", "") if converse else ""
    if "/us-east-1/bedrock/aws4_request" not in authorization:
        raise CheckFailed(
            f"the Converse probe was not signed for bedrock in us-east-1: {authorization!r}"
        )
    return "matches AWS's get-vanilla test vector; signed Converse probe accepted"


# Entry point


def run_self_test() -> int:
    """Run every check, print one line each, and return 0 only if none failed."""
    from app import __version__  # noqa: PLC0415

    frozen = "frozen build" if getattr(sys, "frozen", False) else "source tree"
    python = sys.version.split()[0]
    _emit(f"Agent Models {__version__} self-test ({frozen}, Python {python}, {sys.platform})")

    saved_environment = {
        name: os.environ.get(name) for name in (CONFIG_DIR_ENV, "QT_QPA_PLATFORM")
    }
    with tempfile.TemporaryDirectory(prefix="agent-models-self-test-") as scratch_name:
        scratch = Path(scratch_name)
        os.environ[CONFIG_DIR_ENV] = str(scratch / "config")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        try:
            test = SelfTest()
            test.run("version", check_version)
            test.run("Qt starts offscreen", check_qt_offscreen)
            test.run("native platform plugin", check_native_platform_plugin)
            test.run("resources", check_resources)
            test.run("translations", check_translations)
            test.run("icons", check_icons)
            test.run("keychain backend", check_keychain_backend)
            test.run("keychain round trip", check_keychain_round_trip)
            test.run("TLS certificates", check_certificates)
            test.run("validation against a local server", check_validation)
            test.run("SigV4 signing", check_sigv4)
            test.run("main window", check_main_window)
        finally:
            for name, value in saved_environment.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    failed = test.failed
    skipped = sum(1 for outcome in test.outcomes if outcome.status == "skip")
    passed = len(test.outcomes) - len(failed) - skipped
    if failed:
        _emit(f"Self-test failed: {len(failed)} of {len(test.outcomes)} checks failed.")
        return 1
    _emit(f"Self-test passed: {passed} ok, {skipped} skipped.")
    return 0
