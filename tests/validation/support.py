"""Helpers shared by the validation tests: provider hosts on the fake server, cases, TLS."""

from __future__ import annotations

import datetime
import ipaddress
import json
import socket
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.catalog import Protocol, Provider, get_provider, load_catalog
from app.validation.validator import ProviderConfig

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KEY = "sk-test-validation-0123456789"
AZURE_API_VERSION = "2024-10-21"
PROVIDER_IDS = tuple(provider.id for provider in load_catalog())


def load_case_list(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return cases


RECORDED_CASES = load_case_list("provider_responses.json")
EXTRA_CASES = load_case_list("extra_responses.json")
ALL_CASES = RECORDED_CASES + EXTRA_CASES


def provider_root(provider: Provider) -> str:
    """Return the path the provider's API lives under, as the fake server serves it.

    The default host's path, plus the provider's version segment where its default host omits
    it; "/v1" for the providers that have no default host.
    """
    if not provider.default_api_host:
        return "" if provider.protocol is Protocol.AZURE_OPENAI else "/v1"
    path = urlsplit(provider.default_api_host).path.rstrip("/")
    return path + provider.base_path


def provider_api_host(provider: Provider, server_url: str) -> str:
    """Return the API Host a user would type for ``provider`` if it lived at ``server_url``.

    Keeps the default host's own spelling, trailing slash included (Gemini and Z.ai have one).
    """
    if not provider.default_api_host:
        return server_url + provider_root(provider)
    return server_url + urlsplit(provider.default_api_host).path


def config_for(
    provider_id: str, server_url: str, model_type: str, **external: str
) -> ProviderConfig:
    """Return a config for ``provider_id`` on the fake server, as the card would hold it."""
    provider = get_provider(provider_id)
    external_config = provider.external_defaults() | external
    if provider.protocol is Protocol.AZURE_OPENAI:
        # The deployment picks the model, so the case selector goes there.
        external_config.setdefault("deployment_name", model_type)
        external_config.setdefault("api_version", AZURE_API_VERSION)
    return ProviderConfig(
        provider_id, provider_api_host(provider, server_url), model_type, external_config
    )


def expected_path(provider: Provider, model_type: str) -> str:
    """Return the exact path and query of the probe the provider's real API expects."""
    root = provider_root(provider)
    match provider.protocol:
        case Protocol.OPENAI:
            return f"{root}/chat/completions"
        case Protocol.ANTHROPIC:
            return f"{root}/messages"
        case Protocol.AZURE_OPENAI:
            deployment = model_type.replace(":", "%3A")
            return (
                f"{root}/openai/deployments/{deployment}/chat/completions"
                f"?api-version={AZURE_API_VERSION}"
            )
        case Protocol.BEDROCK_CONVERSE:
            return f"{root}/model/{model_type.replace(':', '%3A')}/converse"


def closed_port() -> int:
    """Return a local port that nothing listens on: bound, then closed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def self_signed_server_context(directory: Path) -> ssl.SSLContext:
    """Return a server TLS context with a fresh self-signed certificate for 127.0.0.1.

    No client trusts it, so a verifying client fails the handshake.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "agent-models test server")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "server.pem"
    key_file = directory / "server.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context
