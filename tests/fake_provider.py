"""A fake provider server on 127.0.0.1 that answers with real recorded provider bodies.

The answer is chosen by the model name the probe sends (or, for Azure and Bedrock
Converse, by the deployment or model id in the path): ``case:<id>`` serves the recorded
case ``<id>`` from tests/data/provider_responses.json or tests/data/extra_responses.json.
Other names get the provider's success body, and ``behave:<name>`` names trigger hostile
answers (see ``FakeProviderServer._behave``).

With ``roots`` set, only the real paths of the provider APIs under those roots are served,
and any other path gets a plain-text 404, as a misrouted request does. With ``ssl_context``
set, the server speaks HTTPS. A request in absolute form (``POST http://host/path``), as an
HTTP proxy receives it, is answered like any other, so the server can stand in for a proxy.
"""

from __future__ import annotations

import contextlib
import json
import re
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

DATA_FILE = Path(__file__).parent / "data" / "provider_responses.json"
# Cases written for this project where the recorded data lacks one, each with its source.
EXTRA_DATA_FILE = Path(__file__).parent / "data" / "extra_responses.json"


def load_cases() -> dict[str, dict[str, Any]]:
    return {case["id"]: case for case in json.loads(DATA_FILE.read_text(encoding="utf-8"))}


def load_extra_cases() -> dict[str, dict[str, Any]]:
    cases = json.loads(EXTRA_DATA_FILE.read_text(encoding="utf-8"))
    return {case["id"]: case for case in cases}


def load_all_cases() -> dict[str, dict[str, Any]]:
    return load_cases() | load_extra_cases()


# The paths of the provider APIs after their root, as served when ``roots`` is set.
API_PATHS = tuple(
    re.compile(pattern)
    for pattern in (
        r"/chat/completions",
        r"/messages",
        r"/models",
        r"/models/[^/]+",
        r"/model/[^/]+/converse",
        r"/openai/deployments/[^/]+/chat/completions",
        r"/api/chat",
        r"/api/generate",
        r"/api/tags",
    )
)


JSON_HEADERS = {"content-type": "application/json"}
# Responses sent with HTTP 200 by ``behave:<name>``: headers and body.
HOSTILE_ANSWERS: dict[str, tuple[dict[str, str], bytes]] = {
    "html": ({"content-type": "text/html"}, b"<!doctype html><html><body>Login</body></html>"),
    "invalid-json": (JSON_HEADERS, b'{"choices": [{"message": '),
    "empty": (JSON_HEADERS, b""),
    "oversized": (JSON_HEADERS, b"[" + b"0," * 5_000_000 + b"0]"),
    "error-in-200": (
        JSON_HEADERS,
        json.dumps(
            {
                "error": {
                    "message": "Incorrect API key provided.",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": "invalid_api_key",
                }
            }
        ).encode(),
    ),
}
# Redirects sent by ``behave:<name>``: status and Location.
REDIRECTS = {
    "redirect": (307, "http://127.0.0.2:9/elsewhere"),
    "redirect-same-host": (308, "/moved/chat/completions"),
}
TOOLS_REJECTED_ERROR = {
    "error": {
        "message": "registry.ollama.ai/library/gemma:2b does not support tools",
        "type": "api_error",
        "param": None,
        "code": None,
    }
}


def unsupported_parameter_error(parameter: str) -> dict[str, Any]:
    """Return OpenAI's error for a parameter the model does not take."""
    return {
        "error": {
            "message": f"Unsupported parameter: '{parameter}' is not supported with this model.",
            "type": "invalid_request_error",
            "param": parameter,
            "code": "unsupported_parameter",
        }
    }


def forbidden_field_error(field_name: str) -> dict[str, Any]:
    """Return Mistral's FastAPI error for a field its schema forbids."""
    return {
        "detail": [
            {
                "type": "extra_forbidden",
                "loc": ["body", field_name],
                "msg": "Extra inputs are not permitted",
                "input": None,
            }
        ]
    }


def minimum_tokens_error(minimum: int) -> dict[str, Any]:
    return {
        "error": {
            "message": f"max_tokens must be greater than or equal to {minimum}",
            "type": "invalid_request_error",
            "param": "max_tokens",
            "code": "invalid_value",
        }
    }


def _token_limit(sent: dict[str, Any]) -> int:
    for name in ("max_tokens", "max_completion_tokens"):
        if isinstance(sent.get(name), int):
            return int(sent[name])
    return 0


# Behaviours that send a success once the request no longer has what they name.
CONDITIONAL_BEHAVIOURS = ("reject-", "forbid-", "min-tokens-", "tools-rejected")


def conditional_rejection(name: str, sent: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """Return the status and error body a conditional behaviour sends for ``sent``, or None."""
    if name.startswith("reject-") and name.removeprefix("reject-") in sent:
        return 400, unsupported_parameter_error(name.removeprefix("reject-"))
    if name.startswith("forbid-") and name.removeprefix("forbid-") in sent:
        return 422, forbidden_field_error(name.removeprefix("forbid-"))
    if name.startswith("min-tokens-"):
        minimum = int(name.removeprefix("min-tokens-"))
        if _token_limit(sent) < minimum:
            return 400, minimum_tokens_error(minimum)
    if name == "tools-rejected" and ("tools" in sent or "toolConfig" in sent):
        return 400, TOOLS_REJECTED_ERROR
    return None


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body) if body else {}
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}

SUCCESS_CASE_BY_PATH = (
    ("/converse", "aws-bedrock-converse-success"),
    ("/messages", "anthropic-success-messages"),
    ("/deployments/", "azure-openai-success-chat"),
    ("/chat/completions", "openai-success-chat"),
    ("/models", "openai-success-models"),
)


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when many validations start at once, and
    # the client's retry of a dropped connection waits a second.
    request_queue_size = 128


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

    cases: dict[str, dict[str, Any]] = field(default_factory=load_all_cases)
    requests: list[RecordedRequest] = field(default_factory=list)
    delay_s: float = 0.0
    # Answers that ignore the selector: path suffix -> (status, headers, body).
    overrides: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    # API roots such as "/v1"; when set, other paths get a 404 (see the module docstring).
    roots: tuple[str, ...] = ()
    # What a path outside ``roots`` gets instead of the 404, such as a gateway's web page.
    unknown_path_response: tuple[int, dict[str, str], bytes] | None = None
    ssl_context: ssl.SSLContext | None = None
    # The largest number of requests handled at the same time since the start.
    max_in_flight: int = 0
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://{host}:{port}"

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    def serve_case(self, path_suffix: str, case_id: str) -> None:
        """Answer every request whose path ends with ``path_suffix`` with a recorded case."""
        case = self.cases[case_id]
        self.overrides[path_suffix] = (case["status"], case["headers"], case["body"].encode())

    def start(self) -> FakeProviderServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's algorithm and the
            # client's delayed ACK hold the body back about 40 ms.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:
                del format, args

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        if self.ssl_context is not None:
            self._server.socket = self.ssl_context.wrap_socket(
                self._server.socket, server_side=True
            )
        # A short poll interval lets stop() return quickly; the default waits up to 0.5 s.
        server = self._server
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def last_request(self) -> RecordedRequest:
        return self.requests[-1]

    def _selector(self, path: str, body: bytes) -> str:
        decoded = unquote(path.split("?", maxsplit=1)[0])
        for marker in ("/model/", "/deployments/"):
            if marker in decoded:
                return decoded.split(marker, 1)[1].split("/")[0]
        try:
            payload = json.loads(body) if body else {}
        except ValueError:
            return ""
        return str(payload.get("model", "")) if isinstance(payload, dict) else ""

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            self._answer(handler)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = handler.path
        headers = dict(handler.headers.items())
        self.requests.append(RecordedRequest(handler.command, path, headers, body))
        if self.delay_s:
            time.sleep(self.delay_s)

        plain_path = urlsplit(path).path
        if self.roots and not self._is_api_path(plain_path):
            unknown = self.unknown_path_response
            if unknown is None:
                unknown = (404, {"content-type": "text/plain"}, b"404 page not found")
            self._reply(handler, *unknown)
            return
        for suffix, (status, reply_headers, answer) in self.overrides.items():
            if plain_path.endswith(suffix):
                self._reply(handler, status, reply_headers, answer)
                return

        selector = self._selector(path, body)
        if selector.startswith("case:"):
            case = self.cases[selector.removeprefix("case:")]
            self._reply(handler, case["status"], case["headers"], case["body"].encode())
            return
        if selector.startswith("behave:"):
            self._behave(handler, selector.removeprefix("behave:"), body)
            return

        for marker, case_id in SUCCESS_CASE_BY_PATH:
            if marker in plain_path:
                case = self.cases[case_id]
                self._reply(handler, case["status"], case["headers"], case["body"].encode())
                return
        self._reply(handler, 404, {"content-type": "text/plain"}, b"404 page not found")

    def _is_api_path(self, plain_path: str) -> bool:
        for root in self.roots:
            prefix = root.rstrip("/")
            rest = plain_path[len(prefix) :]
            if plain_path.startswith(prefix) and any(p.fullmatch(rest) for p in API_PATHS):
                return True
        return False

    def _success_case(self, path: str) -> dict[str, Any]:
        plain_path = urlsplit(path).path
        case_id = next(
            (case_id for marker, case_id in SUCCESS_CASE_BY_PATH if marker in plain_path),
            "openai-success-chat",
        )
        return self.cases[case_id]

    def _behave(self, handler: BaseHTTPRequestHandler, name: str, request_body: bytes) -> None:
        """Answer with a hostile or special behaviour.

        ``sleep-<s>`` waits before a success, ``drip-<s>`` sends a success body one byte at a
        time over about ``<s>`` seconds. ``html``, ``invalid-json``, ``empty``, ``oversized``
        and ``error-in-200`` answer HTTP 200 with what they name. ``redirect`` answers 307 to
        another host and ``redirect-same-host`` 308 to another path. While the request
        contains what they name, ``reject-<parameter>`` answers OpenAI's 400 for an unsupported
        parameter, ``forbid-<field>`` Mistral's 422 for a forbidden field, ``min-tokens-<n>``
        a 400 asking for at least n tokens, and ``tools-rejected`` Ollama's 400 for tools.
        Once the request no longer has it, they answer with a success.
        """
        success = self._success_case(handler.path)
        if name.startswith("drip-"):
            self._drip(handler, success["body"].encode(), float(name.removeprefix("drip-")))
        elif name in HOSTILE_ANSWERS:
            self._reply(handler, 200, *HOSTILE_ANSWERS[name])
        elif name in REDIRECTS:
            status, location = REDIRECTS[name]
            self._reply(handler, status, {"location": location}, b"")
        elif name.startswith(CONDITIONAL_BEHAVIOURS) or name.startswith("sleep-"):
            if name.startswith("sleep-"):
                time.sleep(float(name.removeprefix("sleep-")))
            rejection = conditional_rejection(name, _json_object(request_body))
            if rejection is not None:
                self._reply_json(handler, *rejection)
            else:
                self._reply(handler, 200, success["headers"], success["body"].encode())
        else:
            message = f"unknown behaviour {name}".encode()
            self._reply(handler, 500, {"content-type": "text/plain"}, message)

    @classmethod
    def _reply_json(cls, handler: BaseHTTPRequestHandler, status: int, document: Any) -> None:
        body = json.dumps(document).encode()
        cls._reply(handler, status, {"content-type": "application/json"}, body)

    @staticmethod
    def _drip(handler: BaseHTTPRequestHandler, body: bytes, seconds: float) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        pause = seconds / max(len(body), 1)
        # The client gives up at its deadline and closes the connection.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for index in range(len(body)):
                handler.wfile.write(body[index : index + 1])
                handler.wfile.flush()
                time.sleep(pause)

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes
    ) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        # The client may stop reading, as the validator does for oversized bodies.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(body)
