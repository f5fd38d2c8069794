"""The provider catalog: one row per provider, read from resources/providers.json."""

from app.catalog.model import (
    ExternalField,
    Protocol,
    Provider,
    UnknownProviderError,
    get_provider,
    load_catalog,
)

__all__ = [
    "ExternalField",
    "Protocol",
    "Provider",
    "UnknownProviderError",
    "get_provider",
    "load_catalog",
]
