"""A fake provider server on 127.0.0.1 that answers with real recorded provider bodies.

The answer is chosen by the model name the probe sends (or, for Azure and Bedrock
Converse, by the deployment or model id in the path): ``case:<id>`` serves the recorded
case ``<id>`` from tests/data/provider_responses.json. Other names get the provider's
success body, and a few ``behave:<name>`` names trigger hostile answers.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

DATA_FILE = Path(__file__).parent / "data" / "provider_responses.json"


def load_cases() -> dict[str, dict[str, Any]]:
    return {case["id"]: case for case in json.loads(DATA_FILE.read_text(encoding="utf-8"))}


SUCCESS_CASE_BY_PATH = (
    ("/converse", "aws-bedrock-converse-success"),
    ("/messages", "anthropic-success-messages"),
    ("/deployments/", "azure-openai-success-chat"),
    ("/chat/completions", "openai-success-chat"),
    ("/models", "openai-success-models"),
)


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class FakeProviderServer:
    """Threaded HTTP server; ``url`` is its base address, ``requests`` what it received."""

    cases: dict[str, dict[str, Any]] = field(default_factory=load_cases)
    requests: list[RecordedRequest] = field(default_factory=list)
    delay_s: float = 0.0
    # Answers that ignore the selector: path suffix -> (status, headers, body).
    overrides: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeProviderServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                del format, args

            def do_GET(self) -> None:  # noqa: N802
                fake._handle(self)

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def last_request(self) -> RecordedRequest:
        return self.requests[-1]

    def _selector(self, path: str, body: bytes) -> str:
        decoded = unquote(path.split("?")[0])
        for marker in ("/model/", "/deployments/"):
            if marker in decoded:
                return decoded.split(marker, 1)[1].split("/")[0]
        try:
            payload = json.loads(body) if body else {}
        except ValueError:
            return ""
        return str(payload.get("model", "")) if isinstance(payload, dict) else ""

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = handler.path
        self.requests.append(RecordedRequest(handler.command, path, dict(handler.headers.items()), body))
        if self.delay_s:
            time.sleep(self.delay_s)

        plain_path = urlsplit(path).path
        for suffix, (status, headers, answer) in self.overrides.items():
            if plain_path.endswith(suffix):
                self._reply(handler, status, headers, answer)
                return

        selector = self._selector(path, body)
        if selector.startswith("case:"):
            case = self.cases[selector.removeprefix("case:")]
            self._reply(handler, case["status"], case["headers"], case["body"].encode())
            return
        if selector.startswith("behave:"):
            self._behave(handler, selector.removeprefix("behave:"))
            return

        for marker, case_id in SUCCESS_CASE_BY_PATH:
            if marker in plain_path:
                case = self.cases[case_id]
                self._reply(handler, case["status"], case["headers"], case["body"].encode())
                return
        self._reply(handler, 404, {"content-type": "text/plain"}, b"404 page not found")

    def _behave(self, handler: BaseHTTPRequestHandler, name: str) -> None:
        if name.startswith("sleep-"):
            time.sleep(float(name.removeprefix("sleep-")))
            case = self.cases["openai-success-chat"]
            self._reply(handler, 200, case["headers"], case["body"].encode())
        elif name == "html":
            self._reply(handler, 200, {"content-type": "text/html"}, b"<!doctype html><html><body>Login</body></html>")
        elif name == "oversized":
            self._reply(handler, 200, {"content-type": "application/json"}, b"[" + b"0," * 5_000_000 + b"0]")
        elif name == "redirect":
            self._reply(handler, 307, {"location": "http://127.0.0.2:9/elsewhere"}, b"")
        else:
            self._reply(handler, 500, {"content-type": "text/plain"}, f"unknown behaviour {name}".encode())

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as the validator does for oversized bodies
