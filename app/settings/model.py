"""The settings file as a typed model. resources/settings.schema.json is generated from it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
KEYRING_SERVICE = "agent-models"


class SecretRef(BaseModel):
    """Where a config's key is kept. The key itself is never in the settings file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    storage: Literal["keyring", "file"] = "keyring"
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


class Settings(BaseModel):
    """The whole settings.json."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    default_provider: str | None = Field(
        default=None, description="Config id of the default model, a key of 'providers'."
    )
    providers: dict[str, ProviderSettings] = Field(
        default_factory=dict, description="Saved configs by config id."
    )

    def with_provider(self, config_id: str, config: ProviderSettings) -> Settings:
        return self.model_copy(update={"providers": self.providers | {config_id: config}})

    def without_provider(self, config_id: str) -> Settings:
        providers = {key: value for key, value in self.providers.items() if key != config_id}
        default = None if self.default_provider == config_id else self.default_provider
        return self.model_copy(update={"providers": providers, "default_provider": default})


def settings_json_schema() -> dict[str, Any]:
    schema = Settings.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://agent-models.invalid/settings.schema.json"
    return schema


def write_schema(path: Path) -> None:
    """Regenerate the schema file; run `python -m app.settings.model` after changing the model."""
    path.write_text(json.dumps(settings_json_schema(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from app.paths import resources_dir

    write_schema(resources_dir() / "settings.schema.json")
