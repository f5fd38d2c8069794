"""The command line contract: validate, save, list, set-default, reset and watch."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.cli import run
from tests.fake_provider import FakeProviderServer

KEY = "sk-test-cli-0123456789abcdef"


def run_cli(
    *argv: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str]:
    out = io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = run(list(argv), out=out)
    return status, out.getvalue()


def settings_file(config_dir: Path) -> Path:
    return config_dir / "settings.json"


def test_validate_json_success(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, output = run_cli(
        "validate",
        "openai",
        "--api-host",
        f"{fake_provider.url}/v1",
        "--model",
        "gpt-4.1-mini",
        "--json",
    )

    result = json.loads(output)
    assert status == 0
    assert result["ok"] is True
    assert result["category"] == "valid"
    assert result["url"] == f"{fake_provider.url}/v1/chat/completions"
    assert result["status_code"] == 200
    assert isinstance(result["latency_ms"], int)
    assert "suggested_api_host" in result
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"


def test_validate_stores_nothing(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli(
        "validate", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini"
    )

    assert status == 0
    assert not settings_file(config_dir).exists()
    assert keyring.get_password("agent-models", "openai") is None


@pytest.mark.parametrize(
    ("case_id", "category", "message"),
    [
        ("openai-invalid-key", "invalid_key", "Invalid key. Validation failed."),
        ("openai-unknown-model", "invalid_model", "Invalid model name. Validation failed."),
        ("openai-insufficient-quota", "quota_exceeded", "You exceeded your current quota"),
    ],
)
def test_validate_documented_messages(
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    case_id: str,
    category: str,
    message: str,
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, output = run_cli(
        "validate",
        "openai",
        "--api-host",
        fake_provider.url,
        "--model",
        f"case:{case_id}",
        "--json",
    )

    result = json.loads(output)
    assert status == 1
    assert result["category"] == category
    assert result["message"] == message
    assert result["provider_message"]


def test_save_stores_key_and_config(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    status, _ = run_cli(
        "save",
        "openai",
        "--api-host",
        fake_provider.url,
        "--model",
        "gpt-4.1-mini",
        "--api-key-stdin",
        stdin=f"  {KEY}  \n",
        monkeypatch=monkeypatch,
    )

    settings = json.loads(settings_file(config_dir).read_text())
    assert status == 0
    assert keyring.get_password("agent-models", "openai") == KEY
    assert settings["providers"]["openai"]["model_type"] == "gpt-4.1-mini"
    assert settings["providers"]["openai"]["secret_ref"] == {
        "storage": "keyring",
        "service": "agent-models",
        "username": "openai",
    }
    assert KEY not in settings_file(config_dir).read_text()


def test_save_failure_stores_nothing(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli(
        "save", "openai", "--api-host", fake_provider.url, "--model", "case:openai-invalid-key"
    )

    assert status == 1
    assert not settings_file(config_dir).exists()
    assert keyring.get_password("agent-models", "openai") is None


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "no-such-provider", "--model", "m"],
        ["validate", "azure-openai", "--api-host", "https://example.invalid", "--model", "m"],
        ["validate", "openai", "--api-host", "api.openai.com/v1", "--model", "m"],
        ["validate", "openai", "--model", "  "],
        ["validate", "openai", "--model", "m", "--external", "novalue"],
        ["set-default", "openai"],
        ["reset", "no-such-provider"],
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli(*argv)

    error = capsys.readouterr().err
    assert status == 2
    assert error.startswith("agent-models: error:")
    assert KEY not in error


def test_missing_key_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AGENT_MODELS_API_KEY", raising=False)

    status, _ = run_cli("validate", "openai", "--model", "gpt-4.1-mini")

    assert status == 2
    assert "API Key is required" in capsys.readouterr().err


def test_list_json_has_every_provider() -> None:
    status, output = run_cli("list", "--json")

    rows = json.loads(output)
    assert status == 0
    assert [row["config_id"] for row in rows][:3] == ["gemini", "openai", "anthropic"]
    assert len(rows) == 19
    assert not any(row["saved"] for row in rows)


def test_set_default_and_reset(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini")

    default_status, _ = run_cli("set-default", "openai")
    after_default = json.loads(settings_file(config_dir).read_text())
    reset_status, _ = run_cli("reset", "openai")
    after_reset = json.loads(settings_file(config_dir).read_text())

    assert default_status == 0
    assert after_default["default_provider"] == "openai"
    assert reset_status == 0
    assert after_reset["default_provider"] is None
    assert "openai" not in after_reset["providers"]
    assert keyring.get_password("agent-models", "openai") is None


def cli_command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "app", *argv]


def test_watch_prints_default_change(fake_provider: FakeProviderServer, config_dir: Path) -> None:
    env = os.environ | {"AGENT_MODELS_API_KEY": KEY}
    subprocess.run(
        cli_command("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini"),
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    with subprocess.Popen(
        cli_command("watch"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as watcher:
        try:
            assert watcher.stderr is not None and watcher.stdout is not None
            assert watcher.stderr.readline().startswith("watching ")

            subprocess.run(
                cli_command("set-default", "openai"), check=True, capture_output=True, timeout=60
            )
            line = json.loads(watcher.stdout.readline())
        finally:
            watcher.terminate()

    assert line["event"] == "default_changed"
    assert line["default"]["provider"] == "openai"
    assert line["default"]["model_type"] == "gpt-4.1-mini"
    assert line["default"]["key_available"] is True
    assert KEY not in json.dumps(line)


def test_validate_text_output_names_suggested_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    server = FakeProviderServer(roots=("/v1",)).start()
    try:
        status, output = run_cli(
            "validate", "openai", "--api-host", f"{server.url}/v1/v1", "--model", "gpt-4.1-mini"
        )
    finally:
        server.stop()

    assert status == 1
    assert f"suggested API Host: {server.url}/v1" in output


def test_export_without_keys_then_import(
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    config_dir: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini")
    export_file = tmp_path / "export.json"

    export_status, _ = run_cli("export", "-o", str(export_file))
    run_cli("reset", "openai")
    import_status, output = run_cli("import", str(export_file))

    settings = json.loads(settings_file(config_dir).read_text())
    assert export_status == 0
    assert KEY not in export_file.read_text()
    assert import_status == 0
    assert "Imported 1" in output
    assert settings["providers"]["openai"]["model_type"] == "gpt-4.1-mini"


def test_export_with_keys_needs_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = run_cli("export", "--include-keys")

    assert status == 2
    assert output == ""
    assert "-o FILE" in capsys.readouterr().err


def test_export_with_keys_round_trip(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini")
    export_file = tmp_path / "with-keys.json"

    run_cli("export", "--include-keys", "-o", str(export_file))
    run_cli("reset", "openai")
    status, _ = run_cli("import", str(export_file))

    assert status == 0
    assert export_file.stat().st_mode & 0o777 == 0o600
    assert keyring.get_password("agent-models", "openai") == KEY


def test_import_env_lists_then_imports(monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-0123456789")

    list_status, listing = run_cli("import-env")
    import_status, _ = run_cli("import-env", "ANTHROPIC_API_KEY")

    settings = json.loads(settings_file(config_dir).read_text())
    assert list_status == 0
    assert "ANTHROPIC_API_KEY" in listing
    assert "sk-ant-test" not in listing
    assert import_status == 0
    assert settings["providers"]["anthropic"]["verified"] is False
    assert keyring.get_password("agent-models", "anthropic") == "sk-ant-test-0123456789"


def test_import_env_unknown_variable_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run_cli("import-env", "NOT_A_KEY_VARIABLE")

    assert status == 2
    assert "NOT_A_KEY_VARIABLE" in capsys.readouterr().err


def test_secret_storage_switch_to_file(
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    config_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini")

    status, output = run_cli("secret-storage", "file")
    _, storage = run_cli("secret-storage")
    list_status, listing = run_cli("list", "--json")

    assert status == 0
    assert "Moved: openai" in output
    assert "plain file" in capsys.readouterr().err
    assert storage.strip() == "file"
    assert keyring.get_password("agent-models", "openai") is None
    assert next(row for row in json.loads(listing) if row["config_id"] == "openai")["key_readable"]
    assert list_status == 0


def test_corrupt_settings_are_reported(
    config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_dir.mkdir(parents=True)
    settings_file(config_dir).write_text("{not json")

    status, _ = run_cli("list")

    error = capsys.readouterr().err
    assert status == 0
    assert "could not be read" in error
    assert "corrupt" in error
