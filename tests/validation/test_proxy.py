"""Proxies from the environment: used as httpx uses them, and named in the result."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from app.validation.probes import Credentials
from app.validation.result import UNREACHABLE_PROXY, Category, ValidationResult
from app.validation.transport import environment_proxy, make_client, without_password
from app.validation.validator import ProviderConfig, validate
from tests.fake_provider import FakeProviderServer
from tests.validation.support import KEY, closed_port

PROXY_VARIABLES = (
    "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
    "http_proxy", "https_proxy", "all_proxy", "no_proxy",
)
# A host under the reserved .invalid name: through a proxy it is never resolved here.
REMOTE_HOST = "http://llm.agent-models-test.invalid"


@pytest.fixture
def clean_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def proxy_server() -> Iterator[FakeProviderServer]:
    """The fake server standing in for an HTTP proxy, which serves absolute-form requests."""
    fake = FakeProviderServer().start()
    yield fake
    fake.stop()


def httpx_proxy(url: str) -> str | None:
    """Return the proxy httpx itself picks for ``url``, from its transport for that URL."""
    client = make_client()
    transport = client._transport_for_url(httpx.URL(url))
    proxy_url = getattr(transport._pool, "_proxy_url", None)  # type: ignore[attr-defined]
    asyncio.run(client.aclose())
    if proxy_url is None:
        return None
    scheme, host = proxy_url.scheme.decode(), proxy_url.host.decode()
    return f"{scheme}://{host}:{proxy_url.port}"


@pytest.mark.parametrize(
    ("variables", "url"),
    [
        ({"HTTPS_PROXY": "http://10.9.8.7:3128"}, "https://api.openai.com/v1"),
        ({"HTTPS_PROXY": "http://10.9.8.7:3128"}, "http://localhost:11434/v1"),
        ({"HTTP_PROXY": "http://10.9.8.7:3128"}, "http://llm.example.com/v1"),
        ({"ALL_PROXY": "http://10.9.8.7:3128"}, "https://api.x.ai/v1"),
        ({"HTTPS_PROXY": "10.9.8.7:3128"}, "https://api.x.ai/v1"),
        ({"HTTPS_PROXY": "http://10.9.8.7:3128", "NO_PROXY": "x.ai"}, "https://api.x.ai/v1"),
        ({"HTTPS_PROXY": "http://10.9.8.7:3128", "NO_PROXY": ".x.ai"}, "https://x.ai/v1"),
        ({"HTTPS_PROXY": "http://10.9.8.7:3128", "NO_PROXY": "*"}, "https://api.x.ai/v1"),
        ({"HTTP_PROXY": "http://10.9.8.7:3128", "NO_PROXY": "127.0.0.1"}, "http://127.0.0.1:8/v1"),
        ({"HTTP_PROXY": "http://10.9.8.7:3128", "NO_PROXY": "localhost"}, "http://localhost:8/v1"),
    ],
)
def test_proxy_choice_matches_httpx(
    clean_proxy_env: pytest.MonkeyPatch, variables: dict[str, str], url: str
) -> None:
    for name, value in variables.items():
        clean_proxy_env.setenv(name, value)

    assert environment_proxy(url) == httpx_proxy(url)


def test_proxy_password_hidden() -> None:
    assert without_password("http://user:s3cret@10.9.8.7:3128") == "http://10.9.8.7:3128"
    assert without_password("http://10.9.8.7:3128") == "http://10.9.8.7:3128"


def run(api_host: str, timeout_s: float = 10) -> ValidationResult:
    config = ProviderConfig("openai-compatible", api_host, "gpt-4o-mini")
    return asyncio.run(validate(config, Credentials(api_key=KEY), timeout_s=timeout_s))


def test_request_goes_through_proxy(
    clean_proxy_env: pytest.MonkeyPatch, proxy_server: FakeProviderServer
) -> None:
    clean_proxy_env.setenv("HTTP_PROXY", proxy_server.url)

    result = run(f"{REMOTE_HOST}/v1")

    assert result.category is Category.VALID
    assert result.proxy == proxy_server.url
    assert proxy_server.requests[0].path == f"{REMOTE_HOST}/v1/chat/completions"
    assert result.to_json()["proxy"] == proxy_server.url


def test_proxy_credentials_not_in_result(
    clean_proxy_env: pytest.MonkeyPatch, proxy_server: FakeProviderServer
) -> None:
    clean_proxy_env.setenv("HTTP_PROXY", f"http://agent:s3cret@127.0.0.1:{proxy_server.port}")

    result = run(f"{REMOTE_HOST}/v1")

    assert result.category is Category.VALID
    assert result.proxy == proxy_server.url
    assert "s3cret" not in str(result.to_json())
    assert "proxy-authorization" in {name.lower() for name in proxy_server.requests[0].headers}


def test_plain_http_remote_warned_through_proxy(
    clean_proxy_env: pytest.MonkeyPatch, proxy_server: FakeProviderServer
) -> None:
    clean_proxy_env.setenv("HTTP_PROXY", proxy_server.url)

    result = run(f"{REMOTE_HOST}/v1")

    assert result.ok is True
    assert len(result.warnings) == 1
    assert "plain http://" in result.warnings[0]


def test_direct_connection_has_no_proxy(proxy_server: FakeProviderServer) -> None:
    """The test environment sets NO_PROXY for 127.0.0.1."""
    result = run(f"{proxy_server.url}/v1")

    assert result.proxy is None
    assert proxy_server.requests[0].path == "/v1/chat/completions"


def test_proxy_down_named(clean_proxy_env: pytest.MonkeyPatch) -> None:
    proxy = f"http://127.0.0.1:{closed_port()}"
    clean_proxy_env.setenv("HTTP_PROXY", proxy)

    result = run(f"{REMOTE_HOST}/v1")

    assert result.category is Category.UNREACHABLE
    assert result.message_template == UNREACHABLE_PROXY
    assert proxy in result.message
    assert result.proxy == proxy
