"""Hostile responses and transport failures: each gets its own category and a clear message."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.validation import transport
from app.validation.probes import Credentials
from app.validation.result import (
    REDIRECTED,
    TIMEOUT_BODY,
    TIMEOUT_CONNECT,
    TLS_NOT_TLS,
    UNEXPECTED_EMPTY,
    UNEXPECTED_HTML,
    UNEXPECTED_INVALID_JSON,
    UNEXPECTED_TOO_LARGE,
    UNREACHABLE_DNS,
    UNREACHABLE_REFUSED,
    Category,
    ValidationResult,
)
from app.validation.transport import (
    MAX_BODY_BYTES,
    Progress,
    TransportFailure,
    classify_transport_error,
)
from app.validation.validator import ProviderConfig, validate
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY, closed_port, self_signed_server_context


@pytest.fixture
def server() -> Iterator[FakeProviderServer]:
    fake = FakeProviderServer(roots=("/v1",)).start()
    yield fake
    fake.stop()


def run(api_host: str, model: str = "gpt-4o-mini", timeout_s: float = 10) -> ValidationResult:
    config = ProviderConfig("openai", api_host, model)
    return asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=timeout_s))


def assert_not_key_problem(result: ValidationResult) -> None:
    assert result.category is not Category.INVALID_KEY
    assert result.field != "api_key"


# Responses that are not the provider API


def test_html_page(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:html")

    assert result.category is Category.UNEXPECTED_RESPONSE
    assert result.message_template == UNEXPECTED_HTML
    assert "web page" in result.message
    assert result.status_code == 200


def test_invalid_json(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:invalid-json")

    assert result.category is Category.UNEXPECTED_RESPONSE
    assert result.message_template == UNEXPECTED_INVALID_JSON
    assert "invalid JSON" in result.message


def test_empty_body(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:empty")

    assert result.category is Category.UNEXPECTED_RESPONSE
    assert result.message_template == UNEXPECTED_EMPTY
    assert "HTTP 200 with an empty body" in result.message


def test_oversized_body_read_bounded(server: FakeProviderServer) -> None:
    started = time.perf_counter()

    result = run(f"{server.url}/v1", "behave:oversized")

    assert result.category is Category.UNEXPECTED_RESPONSE
    assert result.message_template == UNEXPECTED_TOO_LARGE
    assert f"{MAX_BODY_BYTES // 1024} KiB" in result.message
    assert time.perf_counter() - started < 5


def test_error_inside_200(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:error-in-200")

    assert result.category is Category.INVALID_KEY
    assert result.status_code == 200
    assert result.provider_message == "Incorrect API key provided."


def test_slow_drip_ends_at_deadline(server: FakeProviderServer) -> None:
    """The server sends a byte now and then, so only the overall deadline can end it."""
    started = time.perf_counter()

    result = run(f"{server.url}/v1", "behave:drip-20", timeout_s=1.5)

    elapsed = time.perf_counter() - started
    assert result.category is Category.TIMEOUT
    assert result.message_template == TIMEOUT_BODY
    assert "1.5 seconds" in result.message
    assert elapsed < 4
    assert_not_key_problem(result)


@pytest.fixture
def unaccepted_port() -> Iterator[int]:
    """A loopback port whose listener never accepts and whose accept queue is full.

    Linux drops a SYN while the listener's accept queue is full, so a new connect to the port
    waits for SYN retransmissions instead of being accepted or refused.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = int(listener.getsockname()[1])
    fillers: list[socket.socket] = []
    try:
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)

        with socket.socket() as probe:
            probe.settimeout(0.5)
            with pytest.raises(TimeoutError):
                probe.connect(("127.0.0.1", port))

        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@pytest.mark.skipif(sys.platform != "linux", reason="relies on Linux dropping SYNs to a full queue")
def test_connect_timeout_before_deadline(
    unaccepted_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connect timeout, not the overall deadline, ends a connect that hangs."""
    monkeypatch.setattr(transport, "CONNECT_TIMEOUT_S", 0.3)
    failures: list[httpx.TransportError] = []

    def record_failure(
        error: httpx.TransportError, progress: Progress, proxy: str | None
    ) -> TransportFailure:
        failures.append(error)
        return classify_transport_error(error, progress, proxy)

    monkeypatch.setattr(transport, "classify_transport_error", record_failure)
    started = time.perf_counter()

    result = run(f"http://127.0.0.1:{unaccepted_port}/v1", timeout_s=5)

    elapsed = time.perf_counter() - started
    assert result.category is Category.TIMEOUT
    assert result.message_template == TIMEOUT_CONNECT
    assert f"Could not connect to 127.0.0.1:{unaccepted_port} within 0.3 seconds." in (
        result.message
    )
    assert failures, "the overall deadline ended the request, not the connect timeout"
    assert all(isinstance(failure, httpx.ConnectTimeout) for failure in failures)
    assert elapsed >= 0.3
    assert result.stages[-1].ok is False
    assert_not_key_problem(result)


def test_no_answer_is_timeout(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:sleep-5", timeout_s=1.5)

    assert result.category is Category.TIMEOUT
    assert "did not answer within 1.5 seconds" in result.message
    assert server.url.removeprefix("http://") in result.message
    assert result.stages[-1].ok is False
    assert_not_key_problem(result)


# Redirects


def test_redirect_to_other_host_not_followed(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:redirect")

    assert result.category is Category.WRONG_ENDPOINT
    assert result.message_template == REDIRECTED
    assert result.redirect_location == "http://127.0.0.2:9/elsewhere"
    assert "http://127.0.0.2:9/elsewhere" in result.message
    assert result.status_code == 307
    assert result.suggested_api_host is None


def test_redirect_on_same_host_not_followed(server: FakeProviderServer) -> None:
    result = run(f"{server.url}/v1", "behave:redirect-same-host")

    assert result.category is Category.WRONG_ENDPOINT
    assert result.redirect_location == f"{server.url}/moved/chat/completions"
    assert not [request for request in server.requests if request.path.startswith("/moved")]


# Transport failures


def test_connection_refused() -> None:
    port = closed_port()

    result = run(f"http://127.0.0.1:{port}/v1")

    assert result.category is Category.UNREACHABLE
    assert result.message_template == UNREACHABLE_REFUSED
    assert f"127.0.0.1:{port}" in result.message
    assert result.status_code is None
    assert result.stages[0].ok is False
    assert_not_key_problem(result)


def test_dns_failure() -> None:
    result = run("https://agent-models-test.invalid/v1")

    assert result.category is Category.UNREACHABLE
    assert result.message_template == UNREACHABLE_DNS
    assert "agent-models-test.invalid" in result.message
    assert_not_key_problem(result)


def test_failure_messages_differ(server: FakeProviderServer) -> None:
    refused = run(f"http://127.0.0.1:{closed_port()}/v1")
    unknown_name = run("https://agent-models-test.invalid/v1")
    timed_out = run(f"{server.url}/v1", "behave:sleep-5", timeout_s=1)

    templates = {
        refused.message_template,
        unknown_name.message_template,
        timed_out.message_template,
    }
    assert len(templates) == 3


# TLS


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[FakeProviderServer]:
    fake = FakeProviderServer(roots=("/v1",), ssl_context=self_signed_server_context(tmp_path))
    fake.start()
    yield fake
    fake.stop()


def test_self_signed_certificate_rejected(tls_server: FakeProviderServer) -> None:
    result = run(f"{tls_server.url}/v1")

    assert result.category is Category.TLS_ERROR
    assert f"127.0.0.1:{tls_server.port}" in result.message
    assert "certificate" in result.provider_message.lower()
    assert tls_server.requests == []
    assert_not_key_problem(result)


def test_trusted_certificate_file_accepted(
    tls_server: FakeProviderServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SSL_CERT_FILE is honoured, as for a company's own certificate authority."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "server.pem"))

    result = run(f"{tls_server.url}/v1")

    assert result.category is Category.VALID
    assert tls_server.requests[0].path == "/v1/chat/completions"


def test_https_to_plain_http_server(server: FakeProviderServer) -> None:
    result = run(f"https://127.0.0.1:{server.port}/v1")

    assert result.category is Category.TLS_ERROR
    assert result.message_template == TLS_NOT_TLS
    assert "http://" in result.message


def test_timeout_message_leaves_out_anyio_text() -> None:
    cause = TimeoutError("Cancelled via cancel scope 7f991ac09940; reason: deadline exceeded")
    error = httpx.ConnectTimeout("handshake timed out")
    error.__cause__ = cause

    failure = classify_transport_error(error, Progress(), proxy=None)

    assert failure.classification.category is Category.TIMEOUT
    assert failure.classification.provider_message == "handshake timed out"
