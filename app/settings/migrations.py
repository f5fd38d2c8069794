"""Ordered migrations of settings.json from older schema versions to the current one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.settings.model import KEYRING_SERVICE, SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# Version 0 kept each key in the settings file, under this name in the config.
LEGACY_KEY_FIELD = "api_key"


def _from_0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was a file without ``schema_version``, with each key under ``api_key``.

    The key is removed from the config and replaced by a reference to the keychain entry
    the key belongs in. ``legacy_keys`` returns those keys, so that the store can move
    them to the keychain before it writes the migrated file.
    """
    old_providers = data.get("providers", {})
    if not isinstance(old_providers, dict) or not all(
        isinstance(config, dict) for config in old_providers.values()
    ):
        raise ValueError("'providers' must be an object of objects")
    providers = {}
    for config_id, config in old_providers.items():
        kept = {key: value for key, value in config.items() if key != LEGACY_KEY_FIELD}
        kept.setdefault("provider", config_id)
        if config.get(LEGACY_KEY_FIELD) and "secret_ref" not in kept:
            kept["secret_ref"] = {
                "storage": "keyring",
                "service": KEYRING_SERVICE,
                "username": config_id,
            }
        providers[config_id] = kept
    return data | {"schema_version": 1, "providers": providers}


def _from_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added ``secret_storage``; every older file kept its keys in the keychain."""
    return {"schema_version": 2, "secret_storage": "keyring"} | {
        key: value for key, value in data.items() if key != "schema_version"
    }


# MIGRATIONS[n] turns a version-n file into a version-(n + 1) file.
MIGRATIONS: dict[int, Migration] = {0: _from_0, 1: _from_1}


def file_version(data: dict[str, Any]) -> int:
    """Return the schema version of a parsed file; a file without one is version 0."""
    version = data.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ValueError(f"schema_version must be a whole number of 0 or more, not {version!r}")
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` brought up to the current schema version, one step at a time."""
    version = file_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


def legacy_keys(data: dict[str, Any]) -> dict[str, str]:
    """Return the keys that a version-0 file contains in plain text, by config id."""
    if file_version(data) != 0:
        return {}
    providers = data.get("providers", {})
    if not isinstance(providers, dict):
        return {}
    return {
        str(config_id): config[LEGACY_KEY_FIELD]
        for config_id, config in providers.items()
        if isinstance(config, dict)
        and isinstance(config.get(LEGACY_KEY_FIELD), str)
        and config[LEGACY_KEY_FIELD]
    }
