"""Ordered migrations of settings.json from older schema versions to the current one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was a file without ``schema_version``, with the key under ``api_key``.

    Such keys cannot be moved here because this function has no keychain, so the key is
    dropped and the card asks for it again.
    """
    providers = {}
    for config_id, config in data.get("providers", {}).items():
        kept = {key: value for key, value in config.items() if key != "api_key"}
        kept.setdefault("provider", config_id)
        providers[config_id] = kept
    return data | {"schema_version": 1, "providers": providers}


# MIGRATIONS[n] turns a version-n file into a version-(n + 1) file.
MIGRATIONS: dict[int, Migration] = {0: _from_0}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` brought up to the current schema version, one step at a time."""
    version = data.get("schema_version", 0)
    while version in MIGRATIONS:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data
