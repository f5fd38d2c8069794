"""Provider rows as typed objects. Adding a provider is adding a row to providers.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from app.paths import resources_dir


class Protocol(StrEnum):
    """The wire format of the generation request."""

    OPENAI = "openai"  # Chat Completions
    ANTHROPIC = "anthropic"  # Messages
    AZURE_OPENAI = "azure-openai"  # Chat Completions under /openai/deployments/{name}
    BEDROCK_CONVERSE = "bedrock-converse"  # /model/{id}/converse


@dataclass(frozen=True, slots=True)
class ExternalField:
    """One External Config field of a provider, such as Azure's deployment name."""

    key: str
    label: str
    required: bool
    secret: bool
    default: str
    example: str


@dataclass(frozen=True, slots=True)
class Provider:
    """One card of the grid: how to reach, authenticate with and probe a provider."""

    id: str
    name: str
    protocol: Protocol
    auth: str
    default_api_host: str
    api_host_example: str
    base_path: str  # "/v1" where the API's paths start with it but the default host omits it
    docs_url: str
    key_page_url: str
    suggested_models: tuple[str, ...]
    lists_models: bool
    key_required: bool
    external_config: tuple[ExternalField, ...]

    @property
    def api_host_required(self) -> bool:
        """True where the user must type the host because the provider has no default."""
        return not self.default_api_host

    def external_field(self, key: str) -> ExternalField | None:
        return next((field for field in self.external_config if field.key == key), None)

    def external_defaults(self) -> dict[str, str]:
        return {field.key: field.default for field in self.external_config if field.default}


class UnknownProviderError(KeyError):
    """Raised for a provider id that is not in the catalog."""

    def __init__(self, provider_id: str) -> None:
        known = ", ".join(provider.id for provider in load_catalog())
        super().__init__(f"Unknown provider {provider_id!r}. Known providers: {known}.")
        self.provider_id = provider_id

    def __str__(self) -> str:
        return str(self.args[0])


def _provider_from_row(row: dict[str, Any]) -> Provider:
    fields = tuple(ExternalField(**field) for field in row["external_config"])
    return Provider(
        id=row["id"],
        name=row["name"],
        protocol=Protocol(row["protocol"]),
        auth=row["auth"],
        default_api_host=row["default_api_host"],
        api_host_example=row["api_host_example"],
        base_path=row["base_path"],
        docs_url=row["docs_url"],
        key_page_url=row["key_page_url"],
        suggested_models=tuple(row["suggested_models"]),
        lists_models=row["lists_models"],
        key_required=row["key_required"],
        external_config=fields,
    )


@cache
def load_catalog() -> tuple[Provider, ...]:
    """Return every provider in the order of the grid."""
    data = json.loads((resources_dir() / "providers.json").read_text(encoding="utf-8"))
    return tuple(_provider_from_row(row) for row in data["providers"])


def get_provider(provider_id: str) -> Provider:
    for provider in load_catalog():
        if provider.id == provider_id:
            return provider
    raise UnknownProviderError(provider_id)
