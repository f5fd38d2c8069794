"""The settings file as a typed model. resources/settings.schema.json is generated from it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

# Version 2 added ``secret_storage``. A program that reads up to version 1 rejects a
# version-2 file with a clear message instead of taking the new field for damage.
SCHEMA_VERSION: Final = 2
KEYRING_SERVICE = "agent-models"

SecretStorage = Literal["keyring", "file"]


def as_secret_storage(name: str) -> SecretStorage:
    """Return ``name`` as a storage name; a store's ``storage`` attribute is a plain string."""
    if name not in ("keyring", "file"):
        raise ValueError(f"unknown secret storage {name!r}; expected 'keyring' or 'file'")
    return "file" if name == "file" else "keyring"


class SecretRef(BaseModel):
    """The location of a config's key. The key itself is never in the settings file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    storage: SecretStorage = Field(
        default="keyring",
        description="'keyring': the OS keychain; 'file': the key file the user opted in to.",
    )
    service: str = KEYRING_SERVICE
    username: str


class ProviderSettings(BaseModel):
    """One saved card: everything but the secrets."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: str = Field(description="Catalog id, such as 'openai'.")
    name: str | None = Field(
        default=None, description="Display name of an extra OpenAI Compatible endpoint."
    )
    api_host: str
    model_type: str
    external_config: dict[str, str] = Field(
        default_factory=dict, description="Provider-specific fields; never secrets."
    )
    secret_ref: SecretRef | None = None
    validated_at: datetime | None = Field(
        default=None, description="When Save last proved the key and model, in UTC."
    )
    verified: bool = Field(
        default=True, description="False when saved without reaching the provider."
    )

    @property
    def key_in_file(self) -> bool:
        """True when the key is in the key file, not the keychain; the card shows a warning."""
        return self.secret_ref is not None and self.secret_ref.storage == "file"


class Settings(BaseModel):
    """The whole settings.json."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[2] = SCHEMA_VERSION
    secret_storage: SecretStorage = Field(
        default="keyring",
        description=(
            "Where Save puts new keys. 'file' is an explicit opt-in for machines without a "
            "usable keychain; the program never switches to it by itself."
        ),
    )
    default_provider: str | None = Field(
        default=None, description="Config id of the default model, a key of 'providers'."
    )
    providers: dict[str, ProviderSettings] = Field(
        default_factory=dict, description="Saved configs by config id."
    )

    @property
    def uses_key_file(self) -> bool:
        """True when new keys go to the key file, or some saved key is already there."""
        return self.secret_storage == "file" or any(  # noqa: S105
            config.key_in_file for config in self.providers.values()
        )

    def with_provider(self, config_id: str, config: ProviderSettings) -> Settings:
        return self.model_copy(update={"providers": self.providers | {config_id: config}})

    def without_provider(self, config_id: str) -> Settings:
        providers = {key: value for key, value in self.providers.items() if key != config_id}
        default = None if self.default_provider == config_id else self.default_provider
        return self.model_copy(update={"providers": providers, "default_provider": default})


def settings_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of settings.json, generated from ``Settings``."""
    schema = Settings.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://agent-models.invalid/settings.schema.json"
    return schema


def schema_text() -> str:
    """Return the schema file's exact text, as ``write_schema`` writes it."""
    return json.dumps(settings_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> None:
    """Regenerate the schema file; run `python -m app.settings.model` after changing the model."""
    path.write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    from app.paths import resources_dir

    write_schema(resources_dir() / "settings.schema.json")
