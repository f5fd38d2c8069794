"""Export and import of settings, and keys imported from environment variables."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest

from app.settings.keystore import SettingsSecretStore, switch_secret_storage
from app.settings.model import SCHEMA_VERSION, ProviderSettings, SecretRef, Settings
from app.settings.secrets import Secret
from app.settings.store import NewerSettingsError, SettingsStore
from app.settings.transfer import (
    ENV_KEY_VARIABLES,
    EnvKey,
    SettingsImportError,
    export_settings,
    find_env_keys,
    import_env_keys,
    import_settings,
    read_import_file,
    write_export,
)

KEY = "sk-proj-TransferTestKey0123456789abcdefABCDEFGH"
OTHER_KEY = "sk-ant-api03-TransferOtherKey0123456789abcdefAB"


def _config(provider: str, model: str, *, ref: bool = True) -> ProviderSettings:
    from app.catalog import get_provider

    return ProviderSettings(
        provider=provider,
        api_host=get_provider(provider).default_api_host or "http://127.0.0.1:9/v1",
        model_type=model,
        secret_ref=SecretRef(username=provider) if ref else None,
        validated_at=datetime(2026, 12, 4, 19, 0, tzinfo=UTC),
    )


@pytest.fixture
def secrets(store: SettingsStore) -> SettingsSecretStore:
    return SettingsSecretStore(store)


@pytest.fixture
def saved(store: SettingsStore, secrets: SettingsSecretStore) -> Settings:
    """Two saved configs with keys in the keychain; openai is the default."""
    secrets.set("openai", Secret(api_key=KEY))
    secrets.set("anthropic", Secret(api_key=OTHER_KEY))
    return store.update(
        lambda settings: (
            settings.with_provider("openai", _config("openai", "gpt-4.1-mini"))
            .with_provider("anthropic", _config("anthropic", "claude-sonnet-4-5"))
            .model_copy(update={"default_provider": "openai"})
        )
    )


# Export


def test_export_has_no_keys_by_default(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    export = export_settings(store, secrets)

    text = json.dumps(export.document)
    assert KEY not in text
    assert OTHER_KEY not in text
    assert "keys" not in export.document
    assert not export.includes_keys
    assert export.document["format"] == "agent-models-export"
    assert Settings.model_validate(export.document["settings"]) == saved


def test_export_with_keys_on_request(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    keyring.delete_password("agent-models", "anthropic")

    export = export_settings(store, secrets, include_keys=True)

    assert export.document["keys"] == {"openai": {"api_key": KEY}}
    assert export.keys_missing == ["anthropic"]
    assert KEY not in repr(export)


def test_export_file_mode_0600(
    tmp_path: Path, store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    path = tmp_path / "exports" / "agent-models.json"
    write_export(path, export_settings(store, secrets, include_keys=True))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["keys"]["openai"] == {"api_key": KEY}


def test_export_import_round_trip(
    tmp_path: Path,
    store: SettingsStore,
    secrets: SettingsSecretStore,
    saved: Settings,
    config_dir: Path,
) -> None:
    path = tmp_path / "export.json"
    write_export(path, export_settings(store, secrets, include_keys=True))
    for config_id in ("openai", "anthropic"):
        keyring.delete_password("agent-models", config_id)
    store.path.unlink()

    report = import_settings(store, secrets, read_import_file(path))

    assert report.keys_stored == ["anthropic", "openai"]
    assert keyring.get_password("agent-models", "openai") == KEY
    assert store.load().providers == saved.providers
    assert store.load().default_provider == "openai"


# Import


def _export_of(settings: Settings, keys: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "agent-models-export",
        "format_version": 1,
        "settings": json.loads(settings.model_dump_json()),
    }
    if keys is not None:
        document["keys"] = keys
    return document


def test_import_merges_by_default(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    incoming = Settings(
        default_provider="deepseek",
        providers={
            "deepseek": _config("deepseek", "deepseek-chat"),
            "openai": _config("openai", "gpt-4.1"),
        },
    )

    report = import_settings(
        store,
        secrets,
        _export_of(incoming, {"deepseek": {"api_key": "sk-deepseek-0123456789abcdef"}}),
    )

    result = store.load()
    assert sorted(result.providers) == ["anthropic", "deepseek", "openai"]
    assert result.providers["openai"].model_type == "gpt-4.1"
    assert result.default_provider == "openai"  # the local default stays
    assert report.mode == "merge"
    assert report.removed == []
    assert keyring.get_password("agent-models", "openai") == KEY, "the local key stays"
    assert keyring.get_password("agent-models", "deepseek") == "sk-deepseek-0123456789abcdef"


def test_import_merge_keeps_local_default(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    incoming = Settings(providers={"deepseek": _config("deepseek", "deepseek-chat")})
    import_settings(store, secrets, _export_of(incoming))
    assert store.load().default_provider == "openai"


def test_import_merge_never_moves_local_default(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    incoming = Settings(
        providers={"deepseek": _config("deepseek", "deepseek-chat")}, default_provider="deepseek"
    )

    report = import_settings(store, secrets, _export_of(incoming))

    assert store.load().default_provider == "openai"
    assert report.default_provider == "openai"


def test_import_merge_takes_default_when_none(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    incoming = Settings(
        providers={"deepseek": _config("deepseek", "deepseek-chat")}, default_provider="deepseek"
    )

    import_settings(store, secrets, _export_of(incoming))

    assert store.load().default_provider == "deepseek"


def test_import_replace_removes_others(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    incoming = Settings(
        default_provider="deepseek", providers={"deepseek": _config("deepseek", "deepseek-chat")}
    )

    report = import_settings(store, secrets, _export_of(incoming), mode="replace")

    assert sorted(store.load().providers) == ["deepseek"]
    assert report.removed == ["anthropic", "openai"]
    assert report.without_keys == ["deepseek"]
    assert keyring.get_password("agent-models", "openai") is None
    assert "Save the key again for: deepseek" in report.message


def test_import_plain_settings_file(store: SettingsStore, secrets: SettingsSecretStore) -> None:
    plain = json.loads(
        Settings(providers={"openai": _config("openai", "gpt-4.1-mini")}).model_dump_json()
    )
    report = import_settings(store, secrets, plain)
    assert report.imported == ["openai"]


def test_import_version_0_file_moves_keys(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    version_0 = {
        "providers": {
            "openai": {
                "api_host": "https://api.openai.com/v1",
                "model_type": "gpt-4.1-mini",
                "api_key": KEY,
            }
        }
    }
    report = import_settings(store, secrets, version_0)
    assert report.keys_stored == ["openai"]
    assert keyring.get_password("agent-models", "openai") == KEY
    assert KEY not in store.path.read_text(encoding="utf-8")


def test_import_never_switches_to_key_file(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    incoming = Settings(
        secret_storage="file", providers={"openai": _config("openai", "gpt-4.1-mini")}
    )

    import_settings(
        store, secrets, _export_of(incoming, {"openai": {"api_key": KEY}}), mode="replace"
    )

    result = store.load()
    assert result.secret_storage == "keyring"
    assert result.providers["openai"].secret_ref == SecretRef(storage="keyring", username="openai")
    assert not secrets.file_store.path.exists()


def test_import_keys_follow_local_opt_in(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    switch_secret_storage(secrets, "file")
    incoming = Settings(providers={"openai": _config("openai", "gpt-4.1-mini")})
    import_settings(store, secrets, _export_of(incoming, {"openai": {"api_key": KEY}}))
    assert store.load().providers["openai"].key_in_file
    assert secrets.file_store.get("openai") == Secret(api_key=KEY)


def _assert_rejected(
    store: SettingsStore,
    secrets: SettingsSecretStore,
    document: dict[str, Any],
    error: type[Exception],
    words: str,
) -> None:
    before = store.path.read_bytes() if store.path.exists() else None
    with pytest.raises(error) as raised:
        import_settings(store, secrets, document, mode="replace")
    assert words in str(raised.value)
    after = store.path.read_bytes() if store.path.exists() else None
    assert after == before, "a rejected import must change nothing"


def test_import_rejects_newer_schema(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    document = _export_of(saved)
    document["settings"]["schema_version"] = SCHEMA_VERSION + 1
    _assert_rejected(store, secrets, document, NewerSettingsError, "Update Agent Models")


def test_import_rejects_newer_export_format(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    document = _export_of(saved) | {"format_version": 2}
    _assert_rejected(store, secrets, document, SettingsImportError, "format_version 2")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"format": "something-else"}, "not an Agent Models export"),
        ({"settings": []}, "'settings' must be a JSON object"),
        ({"keys": []}, "'keys' must be an object"),
        ({"keys": {"nobody": {"api_key": "x"}}}, "'nobody', which has no config"),
        ({"keys": {"openai": {"password": "x"}}}, "must be an object of text fields"),
        ({"keys": {"openai": {"api_key": 5}}}, "must be an object of text fields"),
    ],
)
def test_import_rejects_bad_documents(
    store: SettingsStore,
    secrets: SettingsSecretStore,
    saved: Settings,
    change: dict[str, Any],
    words: str,
) -> None:
    _assert_rejected(store, secrets, _export_of(saved) | change, SettingsImportError, words)
    assert keyring.get_password("agent-models", "openai") == KEY


@pytest.mark.parametrize(
    ("settings_change", "words"),
    [
        (
            {
                "providers": {
                    "x": {
                        "provider": "no-such-provider",
                        "api_host": "http://127.0.0.1:9",
                        "model_type": "m",
                    }
                }
            },
            "Unknown provider 'no-such-provider'",
        ),
        ({"default_provider": "missing"}, "default_provider 'missing'"),
        (
            {
                "providers": {
                    "x": {
                        "provider": "deepseek",
                        "api_host": "http://127.0.0.1:9",
                        "model_type": "evil\nopenai  default  gpt-fake",
                    }
                }
            },
            "model_type contains a line break",
        ),
        (
            {
                "providers": {
                    "x": {
                        "provider": "azure-openai",
                        "api_host": "http://127.0.0.1:9",
                        "model_type": "gpt-4.1",
                        "external_config": {"deployment_name": "a\x1b[31m", "api_version": "v"},
                    }
                }
            },
            "external_config deployment_name contains a line break",
        ),
        ({"providers": {"openai": {"provider": "openai"}}}, "does not match the settings format"),
        ({"secret_storage": "plaintext"}, "does not match the settings format"),
    ],
)
def test_import_rejects_invalid_settings(
    store: SettingsStore,
    secrets: SettingsSecretStore,
    saved: Settings,
    settings_change: dict[str, Any],
    words: str,
) -> None:
    document = _export_of(saved)
    document["settings"] |= settings_change
    _assert_rejected(store, secrets, document, SettingsImportError, words)


def test_import_error_hides_values(store: SettingsStore, secrets: SettingsSecretStore) -> None:
    document = {
        "schema_version": 2,
        "providers": {
            "openai": {
                "provider": "openai",
                "api_host": "https://api.openai.com/v1",
                "model_type": "m",
                "api_key": KEY,
            }
        },
    }
    with pytest.raises(SettingsImportError) as raised:
        import_settings(store, secrets, document)
    assert "providers.openai.api_key: Extra inputs are not permitted" in str(raised.value)
    assert KEY not in str(raised.value)


def test_read_import_file_errors(tmp_path: Path) -> None:
    with pytest.raises(SettingsImportError, match="Cannot read"):
        read_import_file(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SettingsImportError, match="not a JSON object"):
        read_import_file(broken)
    broken.write_text('{"settings": {', encoding="utf-8")
    with pytest.raises(SettingsImportError, match="not valid JSON at line 1, column 15"):
        read_import_file(broken)


# Keys from environment variables


def test_listed_variables_cover_the_usual_names() -> None:
    names = {name for name, _ in ENV_KEY_VARIABLES}
    for expected in (
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "GEMINI_API_KEY",
        "GOOGLE_API_KEY",
        "OPENROUTER_API_KEY",
        "DEEPSEEK_API_KEY",
        "MISTRAL_API_KEY",
        "XAI_API_KEY",
        "DASHSCOPE_API_KEY",
        "MOONSHOT_API_KEY",
        "MINIMAX_API_KEY",
        "ZAI_API_KEY",
        "SAMBANOVA_API_KEY",
        "AWS_BEARER_TOKEN_BEDROCK",
        "AZURE_OPENAI_API_KEY",
        "QIANFAN_API_KEY",
        "ARK_API_KEY",
    ):
        assert expected in names


def test_find_env_keys_lists_names_not_values(store: SettingsStore) -> None:
    environ = {
        "OPENAI_API_KEY": KEY,
        "GEMINI_API_KEY": "AIzaSyFakeGeminiKey0123456789abcdefghij",
        "XAI_API_KEY": "   ",
        "AZURE_OPENAI_API_KEY": "0123456789abcdef0123456789abcdef",
        "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "UNRELATED": "value",
    }

    found = find_env_keys(store, environ)

    assert [item.variable for item in found] == [
        "GEMINI_API_KEY",
        "OPENAI_API_KEY",
        "AWS_ACCESS_KEY_ID",
        "AZURE_OPENAI_API_KEY",
    ]
    by_name = {item.variable: item for item in found}
    assert by_name["OPENAI_API_KEY"] == EnvKey(
        "OPENAI_API_KEY", "openai", config_exists=False, importable=True
    )
    assert not by_name["AZURE_OPENAI_API_KEY"].importable
    assert "Save its card first" in by_name["AZURE_OPENAI_API_KEY"].reason
    assert not by_name["AWS_ACCESS_KEY_ID"].importable
    assert "AWS_SECRET_ACCESS_KEY" in by_name["AWS_ACCESS_KEY_ID"].reason
    listing = repr(found)
    for value in environ.values():
        if value.strip():
            assert value not in listing


def test_import_env_creates_unverified_config(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    environ = {"OPENAI_API_KEY": f"  {KEY}\n", "ANTHROPIC_API_KEY": OTHER_KEY}

    imported = import_env_keys(store, secrets, ["OPENAI_API_KEY"], environ)

    assert imported == ["openai"]
    assert keyring.get_password("agent-models", "openai") == KEY
    assert keyring.get_password("agent-models", "anthropic") is None
    config = store.load().providers["openai"]
    assert config.api_host == "https://api.openai.com/v1"
    assert config.model_type == "gpt-4.1-mini"
    assert config.verified is False
    assert config.validated_at is None
    assert config.secret_ref == SecretRef(username="openai")
    assert KEY not in store.path.read_text(encoding="utf-8")


def test_import_env_keeps_existing_config(
    store: SettingsStore, secrets: SettingsSecretStore, saved: Settings
) -> None:
    unchanged = import_env_keys(store, secrets, ["OPENAI_API_KEY"], {"OPENAI_API_KEY": KEY})
    assert unchanged == []
    assert store.load().providers["openai"].verified is True

    changed = import_env_keys(
        store, secrets, ["OPENAI_API_KEY"], {"OPENAI_API_KEY": "sk-proj-NewKeyFromEnv0123456789"}
    )
    assert changed == ["openai"]
    config = store.load().providers["openai"]
    assert config.model_type == "gpt-4.1-mini"
    assert config.verified is False
    assert keyring.get_password("agent-models", "openai") == "sk-proj-NewKeyFromEnv0123456789"


def test_import_env_aws_access_keys(store: SettingsStore, secrets: SettingsSecretStore) -> None:
    environ = {
        "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AWS_REGION": "eu-west-1",
    }
    assert import_env_keys(store, secrets, ["AWS_ACCESS_KEY_ID"], environ) == [
        "aws-bedrock-converse"
    ]
    assert secrets.get("aws-bedrock-converse") == Secret(
        access_key_id="AKIAIOSFODNN7EXAMPLE",
        secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    config = store.load().providers["aws-bedrock-converse"]
    assert config.external_config["region"] == "eu-west-1"
    assert config.api_host == "https://bedrock-runtime.eu-west-1.amazonaws.com"


@pytest.mark.parametrize(
    ("variables", "environ", "words"),
    [
        (["OPENAI_API_KEY"], {}, "not set or not a known key variable"),
        (["HOME"], {"HOME": "/home/example"}, "not set or not a known key variable"),
        (["AZURE_OPENAI_API_KEY"], {"AZURE_OPENAI_API_KEY": "k" * 32}, "Save its card first"),
        (
            ["GEMINI_API_KEY", "GOOGLE_API_KEY"],
            {"GEMINI_API_KEY": "a" * 39, "GOOGLE_API_KEY": "b" * 39},
            "choose one",
        ),
    ],
)
def test_import_env_rejects(
    store: SettingsStore,
    secrets: SettingsSecretStore,
    variables: list[str],
    environ: dict[str, str],
    words: str,
) -> None:
    with pytest.raises(ValueError, match=words):
        import_env_keys(store, secrets, variables, environ)
    assert not store.path.exists()


UNUSABLE_KEYS = [
    pytest.param("sk-proj-With space0123456789abcdef", id="space"),
    pytest.param("sk-proj-Line\nbreak0123456789abcdef", id="line-break"),
    pytest.param("sk-proj-ZeroWidth\u200b0123456789abcdef", id="zero-width"),
    pytest.param("sk-proj-N\u00f6nAscii0123456789abcdef", id="non-ascii"),
]


@pytest.mark.parametrize("bad_key", UNUSABLE_KEYS)
def test_import_rejects_unusable_key(
    store: SettingsStore, secrets: SettingsSecretStore, bad_key: str
) -> None:
    settings = (
        Settings()
        .with_provider("gemini", _config("gemini", "gemini-2.5-flash"))
        .with_provider("openai", _config("openai", "gpt-4.1-mini"))
    )
    keys = {
        "gemini": {"api_key": "AIzaSyUsableGeminiKey0123456789abcd"},
        "openai": {"api_key": bad_key},
    }

    with pytest.raises(SettingsImportError) as raised:
        import_settings(store, secrets, _export_of(settings, keys), source="keys.json")

    message = str(raised.value)
    assert "'openai'" in message
    assert "api_key" in message
    assert bad_key not in message
    assert keyring.get_password("agent-models", "openai") is None
    assert keyring.get_password("agent-models", "gemini") is None
    assert not store.path.exists()


def test_import_trims_key_like_form(store: SettingsStore, secrets: SettingsSecretStore) -> None:
    settings = Settings().with_provider("openai", _config("openai", "gpt-4.1-mini"))

    import_settings(store, secrets, _export_of(settings, {"openai": {"api_key": f" {KEY}\n"}}))

    assert keyring.get_password("agent-models", "openai") == KEY


@pytest.mark.parametrize("bad_key", UNUSABLE_KEYS)
def test_import_env_rejects_unusable_key(
    store: SettingsStore, secrets: SettingsSecretStore, bad_key: str
) -> None:
    environ = {"OPENAI_API_KEY": bad_key, "ANTHROPIC_API_KEY": OTHER_KEY}

    listed = {item.variable: item for item in find_env_keys(store, environ)}
    with pytest.raises(ValueError, match="OPENAI_API_KEY") as raised:
        import_env_keys(store, secrets, ["ANTHROPIC_API_KEY", "OPENAI_API_KEY"], environ)

    assert listed["OPENAI_API_KEY"].importable is False
    assert listed["ANTHROPIC_API_KEY"].importable is True
    assert bad_key not in listed["OPENAI_API_KEY"].reason
    message = str(raised.value)
    assert "openai" in message
    assert bad_key not in message
    assert keyring.get_password("agent-models", "openai") is None
    assert keyring.get_password("agent-models", "anthropic") is None
    assert not store.path.exists()


def test_import_env_rejects_unusable_aws_secret(
    store: SettingsStore, secrets: SettingsSecretStore
) -> None:
    bad_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE\u200bKEY"
    environ = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": bad_secret}

    with pytest.raises(ValueError, match="AWS_SECRET_ACCESS_KEY") as raised:
        import_env_keys(store, secrets, ["AWS_ACCESS_KEY_ID"], environ)

    assert "aws-bedrock-converse" in str(raised.value)
    assert bad_secret not in str(raised.value)
    assert keyring.get_password("agent-models", "aws-bedrock-converse") is None
    assert not store.path.exists()
