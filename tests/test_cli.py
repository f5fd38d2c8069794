"""The command line contract: validate, save, list, set-default, reset and watch."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
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
    fake_provider.delay_s = 0.2

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
    assert result["latency_ms"] >= 200
    assert "suggested_api_host" in result
    assert result["suggested_api_host"] is None
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("command", "model", "expected_status"),
    [
        ("validate", "gpt-4.1-mini", 0),
        ("save", "case:openai-invalid-key", 1),
    ],
)
def test_nothing_stored(
    *,
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    config_dir: Path,
    command: str,
    model: str,
    expected_status: int,
) -> None:
    """validate never stores, and save stores nothing when validation fails."""
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli(command, "openai", "--api-host", fake_provider.url, "--model", model)

    assert status == expected_status
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
    saved = settings["providers"]["openai"]
    assert status == 0
    assert keyring.get_password("agent-models", "openai") == KEY
    assert saved["model_type"] == "gpt-4.1-mini"
    assert saved["verified"] is True
    assert saved["validated_at"] is not None
    validated_at = datetime.fromisoformat(saved["validated_at"])
    assert abs(datetime.now(UTC) - validated_at) < timedelta(minutes=1)
    assert settings["providers"]["openai"]["secret_ref"] == {
        "storage": "keyring",
        "service": "agent-models",
        "username": "openai",
    }
    assert KEY not in settings_file(config_dir).read_text()


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
    error = capsys.readouterr().err
    assert "AGENT_MODELS_API_KEY" in error
    assert "--api-key-stdin" in error


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
    assert settings["providers"]["anthropic"]["validated_at"] is None
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


def test_key_echoed_by_server_is_masked(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = json.dumps(
        {
            "error": {
                "message": f"Incorrect API key provided: Bearer {KEY}",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        }
    )
    fake_provider.overrides["/chat/completions"] = (
        401,
        {"content-type": "application/json"},
        body.encode(),
    )
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    text_status, text = run_cli(
        "validate", "openai", "--api-host", fake_provider.url, "--model", "m"
    )
    json_status, as_json = run_cli(
        "validate", "openai", "--api-host", fake_provider.url, "--model", "m", "--json"
    )

    assert text_status == 1
    assert json_status == 1
    assert KEY not in text
    assert KEY not in as_json
    assert "[REDACTED]" in json.loads(as_json)["provider_message"]


def test_unknown_external_name_is_rejected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli("save", "openai", "--model", "m", "--external", "api_key=sk-leak-123456")

    error = capsys.readouterr().err
    assert status == 2
    assert "api_key is not an External Config field of OpenAI" in error
    assert "sk-leak-123456" not in error
    assert not settings_file(config_dir).exists()


def test_aws_secret_on_command_line_is_rejected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run_cli(
        "validate", "aws-bedrock-converse", "--model", "m", "--external", "secret_access_key=abc"
    )

    error = capsys.readouterr().err
    assert status == 2
    assert "AWS_SECRET_ACCESS_KEY" in error
    assert "abc" not in error


def test_aws_access_keys_from_environment(
    fake_provider: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AGENT_MODELS_API_KEY", raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    status, output = run_cli(
        "validate",
        "aws-bedrock-converse",
        "--api-host",
        fake_provider.url,
        "--model",
        "amazon.nova-lite-v1:0",
        "--external",
        "region=us-west-2",
        "--json",
    )

    authorization = fake_provider.last_request().headers["Authorization"]
    assert status == 0, output
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/us-west-2/bedrock/aws4_request" in authorization


def test_non_ascii_key_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", "sk-abc\u200bdef123")

    status, _ = run_cli("validate", "openai", "--api-host", "http://127.0.0.1:9/v1", "--model", "m")

    assert status == 2
    assert "character that keys never have" in capsys.readouterr().err


def test_unwritable_settings_keep_keychain_unchanged(
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    config_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    # A folder where the lock file goes stops the write for root too, which a read-only
    # settings folder does not.
    lock_path = config_dir / "settings.json.lock"
    lock_path.mkdir(parents=True)

    status, _ = run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "m")

    error = capsys.readouterr().err
    assert status == 2
    assert error.startswith("agent-models: error: Could not lock")
    assert f"{lock_path} is a folder, not a file. Remove or rename that folder." in error
    assert "Nothing was changed." in error
    assert fake_provider.requests, "save stopped before validating"
    assert keyring.get_password("agent-models", "openai") is None
    assert not settings_file(config_dir).exists()


def test_mistyped_command_does_not_open_window() -> None:
    checked = subprocess.run(
        cli_command("valdiate", "openai", "--model", "m"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert checked.returncode == 2
    assert "invalid choice: 'valdiate'" in checked.stderr


def test_import_replace_needs_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"schema_version": 2, "providers": {}}))

    status, _ = run_cli("import", str(empty), "--replace")

    assert status == 2
    assert "--yes" in capsys.readouterr().err


def test_import_rejects_bad_host(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    bad = tmp_path / "bad.json"
    config = {"provider": "openai", "api_host": "ftp://x", "model_type": "m"}
    bad.write_text(json.dumps({"schema_version": 2, "providers": {"openai": config}}))

    status, _ = run_cli("import", str(bad))

    assert status == 2
    assert "must start with https:// or http://" in capsys.readouterr().err
    assert not settings_file(config_dir).exists()


def test_unclosed_ipv6_bracket_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)

    status, _ = run_cli("validate", "openai", "--api-host", "http://[::1", "--model", "m")

    error = capsys.readouterr().err
    assert status == 2
    assert error == (
        "agent-models: error: --api-host: API Host 'http://[::1' is not a valid URL. "
        "Enter it like https://api.example.com/v1.\n"
    )


def test_import_rejects_unclosed_ipv6_bracket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    bad = tmp_path / "bad.json"
    config = {"provider": "openai", "api_host": "http://[::1", "model_type": "m"}
    bad.write_text(json.dumps({"schema_version": 2, "providers": {"openai": config}}))

    status, _ = run_cli("import", str(bad))

    error = capsys.readouterr().err
    assert status == 2
    assert "API Host 'http://[::1' is not a valid URL" in error
    assert "Traceback" not in error
    assert not settings_file(config_dir).exists()


def test_recovery_names_the_bad_field(config_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_dir.mkdir(parents=True)
    settings_file(config_dir).write_text(
        json.dumps({"schema_version": 2, "providers": {"openai": {"provider": "openai"}}})
    )

    status, _ = run_cli("list")

    error = capsys.readouterr().err
    assert status == 0
    assert "providers.openai.api_host: Field required" in error


def test_validate_help_lists_external_config(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_cli("validate", "-h")

    help_text = " ".join(capsys.readouterr().out.split())
    assert "deployment_name (required)" in help_text
    assert "AWS_SECRET_ACCESS_KEY" in help_text


def test_model_with_line_break_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    argv = ["--api-host", "http://127.0.0.1:9/v1", "--model", "evil\nopenai default gpt-fake"]

    status, _ = run_cli("save", "deepseek", *argv)

    error = capsys.readouterr().err
    assert status == 2
    assert "--model: Model Type contains a line break" in error
    assert not settings_file(config_dir).exists()


def test_list_escapes_line_break_in_model(config_dir: Path) -> None:
    """A settings file written by hand or by an import can still hold a line break."""
    config_dir.mkdir(parents=True)
    config = {
        "provider": "deepseek",
        "api_host": "https://api.deepseek.com",
        "model_type": "evil\nopenai default gpt-fake",
    }
    settings_file(config_dir).write_text(
        json.dumps({"schema_version": 2, "providers": {"deepseek": config}})
    )

    status, output = run_cli("list")

    lines = output.splitlines()
    assert status == 0
    assert len(lines) == 19
    assert "evil\\nopenai default gpt-fake" in output
    assert not any(line.startswith("openai default") for line in lines)


def test_set_default_warns_for_unverified(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config_dir: Path
) -> None:
    """An imported config was never validated; the default is still set, for scripts."""
    document = tmp_path / "models.json"
    config = {
        "provider": "azure-openai",
        "api_host": "https://r.openai.azure.com",
        "model_type": "gpt-4o",
        "external_config": {"deployment_name": "prod 1", "api_version": "2024-10-21"},
    }
    document.write_text(json.dumps({"schema_version": 2, "providers": {"azure-openai": config}}))
    run_cli("import", str(document))
    capsys.readouterr()

    status, output = run_cli("set-default", "azure-openai")

    error = capsys.readouterr().err
    assert status == 0
    assert output == "azure-openai is now the default.\n"
    assert json.loads(settings_file(config_dir).read_text())["default_provider"] == "azure-openai"
    assert error.startswith("agent-models: warning: the key and model of azure-openai were never ")
    assert (
        "`agent-models validate azure-openai --api-host https://r.openai.azure.com --model gpt-4o "
        "--external 'deployment_name=prod 1' --external api_version=2024-10-21`" in error
    )
    assert "save it again" in error


def test_set_default_validated_no_warning(
    fake_provider: FakeProviderServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AGENT_MODELS_API_KEY", KEY)
    run_cli("save", "openai", "--api-host", fake_provider.url, "--model", "gpt-4.1-mini")
    capsys.readouterr()

    status, _ = run_cli("set-default", "openai")

    assert status == 0
    assert capsys.readouterr().err == ""


def test_closed_stdout_keeps_recovery_warning(config_dir: Path) -> None:
    """`agent-models list | true`: the reader is gone before the first write."""
    config_dir.mkdir(parents=True)
    settings_file(config_dir).write_text("{bad")
    read_end, write_end = os.pipe()
    os.close(read_end)

    try:
        finished = subprocess.run(
            cli_command("list"),
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)

    assert finished.returncode == 0
    assert "agent-models: warning: The settings file could not be read" in finished.stderr
    assert "corrupt" in finished.stderr
    assert "lost sys.stderr" not in finished.stderr
    assert "Exception ignored" not in finished.stderr


def test_list_columns_fit_their_content(config_dir: Path) -> None:
    """The longest status, "default, key missing", still leaves two spaces before the model."""
    config_dir.mkdir(parents=True)
    config = {
        "provider": "deepseek",
        "api_host": "https://api.deepseek.com",
        "model_type": "deepseek-chat",
    }
    settings_file(config_dir).write_text(
        json.dumps(
            {
                "schema_version": 2,
                "default_provider": "deepseek",
                "providers": {"deepseek": config},
            }
        )
    )

    status, output = run_cli("list")

    lines = output.splitlines()
    deepseek = next(line for line in lines if line.startswith("deepseek "))
    assert status == 0
    assert deepseek.split() == ["deepseek", "default,", "key", "missing", "deepseek-chat"]
    assert "default, key missing  deepseek-chat" in deepseek
    assert deepseek.index("default") == lines[0].index("-")
    assert all(line.index("  ") >= len(line.split()[0]) for line in lines)
