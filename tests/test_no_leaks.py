"""A known key goes through save, validate and set-default and shows up only in the keychain.

The tests search for the key in settings.json and every other file in the settings
folder, and in the log files and the command line's output. They also search the command
lines of the processes started, exception messages and tracebacks, and the ``repr`` of
every object that carries a config.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.catalog import get_provider
from app.forms import check_form
from app.logging_setup import (
    REDACTED,
    close_logging,
    configure_logging,
    get_logger,
    redact,
)
from app.runtime import load_default_model, watch
from app.service import ModelService
from app.settings.keystore import SettingsSecretStore
from app.settings.secrets import KeychainError, Secret
from app.settings.store import SettingsStore
from app.settings.transfer import export_settings
from app.validation.probes import Credentials
from app.validation.validator import ProviderConfig
from tests.fake_provider import FakeProviderServer

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-proj-LeakCheck7f3Qx9Lm2Vb8Nc4Zt6Ry1Wp5Ks0Hd3Jg7Fa2Ue9Io4"
# A self-hosted gateway's key that matches no redaction pattern. Only the secret stores'
# registration of each key they handle keeps it out of the logs.
SHAPELESS_KEY = "hunter2-local-gateway-7f3a"
CLI_TIMEOUT_S = 60


def _assert_no_key(text: str, where: str, key: str = KEY) -> None:
    assert key not in text, f"the key appears in {where}"
    assert key[8:24] not in text, f"part of the key appears in {where}"


def _assert_folder_clean(folder: Path, key: str = KEY) -> None:
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert any(path.name == "settings.json" for path in files)
    for path in files:
        _assert_no_key(path.read_bytes().decode("utf-8", "replace"), str(path), key)


def _log_text(config_dir: Path) -> str:
    logs = sorted((config_dir / "logs").glob("agent-models.log*"))
    assert logs, "no log file was written"
    return "".join(path.read_text(encoding="utf-8") for path in logs)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Through the command line, as separate processes


def _cli_env() -> dict[str, str]:
    return os.environ | {"AGENT_MODELS_API_KEY": KEY, "PYTHONPATH": str(ROOT)}


def _process_tree_cmdlines(pid: int) -> list[str]:
    """Return the command lines of ``pid`` and its descendants, read from /proc."""
    cmdlines: list[str] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            cmdlines.append(
                Path(f"/proc/{current}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return cmdlines


def _run_cli(
    *arguments: str, fake_provider: FakeProviderServer | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m app ARGUMENTS`` and check its command line while it runs."""
    command = [sys.executable, "-m", "app", *arguments]
    _assert_no_key(" ".join(command), "the command line")
    process = subprocess.Popen(
        command, cwd=ROOT, env=_cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    if fake_provider is not None:
        # The fake provider responds slowly, so the CLI process is alive while it waits.
        deadline = time.monotonic() + CLI_TIMEOUT_S
        while not fake_provider.requests and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        for cmdline in _process_tree_cmdlines(process.pid):
            _assert_no_key(cmdline, f"the command line of a running process: {cmdline[:80]}")
    stdout, stderr = process.communicate(timeout=CLI_TIMEOUT_S)
    _assert_no_key(stdout, f"the output of {arguments[0]}")
    _assert_no_key(stderr, f"the error output of {arguments[0]}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


@pytest.mark.slow
def test_cli_cycle_leaks_no_key(fake_provider: FakeProviderServer, config_dir: Path) -> None:
    fake_provider.delay_s = 0.3
    host = f"{fake_provider.url}/v1"

    saved = _run_cli(
        "save",
        "openai",
        "--api-host",
        host,
        "--model",
        "gpt-4.1-mini",
        "--json",
        fake_provider=fake_provider,
    )
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["ok"] is True
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {KEY}"

    fake_provider.requests.clear()
    validated = _run_cli(
        "validate",
        "openai",
        "--api-host",
        host,
        "--model",
        "gpt-4.1-mini",
        "--json",
        fake_provider=fake_provider,
    )
    assert validated.returncode == 0, validated.stderr

    fake_provider.delay_s = 0
    rejected = _run_cli(
        "validate", "openai", "--api-host", host, "--model", "case:openai-invalid-key", "--json"
    )
    assert rejected.returncode == 1
    assert json.loads(rejected.stdout)["category"] == "invalid_key"

    unreachable = _run_cli(
        "validate",
        "openai",
        "--api-host",
        f"http://127.0.0.1:{_closed_port()}/v1",
        "--model",
        "m",
        "--json",
    )
    assert unreachable.returncode == 1

    defaulted = _run_cli("set-default", "openai")
    assert defaulted.returncode == 0, defaulted.stderr
    listed = _run_cli("list", "--json")
    assert listed.returncode == 0
    assert any(
        row["config_id"] == "openai" and row["key_readable"] for row in json.loads(listed.stdout)
    )

    assert keyring.get_password("agent-models", "openai") == KEY, (
        "the search would miss a key it should find"
    )
    assert (
        json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))["default_provider"]
        == "openai"
    )
    _assert_folder_clean(config_dir)
    _assert_no_key(_log_text(config_dir), "the log files")


@pytest.mark.slow
def test_cli_watch_leaks_no_key(config_dir: Path) -> None:
    store = SettingsStore(config_dir / "settings.json")
    secrets = SettingsSecretStore(store)
    service = ModelService(store=store, secrets=secrets)
    service.store_config(
        "openai",
        ProviderConfig("openai", "http://127.0.0.1:9/v1", "gpt-4.1-mini"),
        Secret(api_key=KEY),
        verified=True,
    )

    command = [sys.executable, "-m", "app", "watch"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=_cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None and process.stdout is not None
        assert "watching" in process.stderr.readline()
        for cmdline in _process_tree_cmdlines(process.pid):
            _assert_no_key(cmdline, "the watch process's command line")
        service.set_default("openai")
        line = process.stdout.readline()
        assert json.loads(line)["default"]["key_available"] is True
        _assert_no_key(line, "the watch output")
    finally:
        process.terminate()
        stdout, stderr = process.communicate(timeout=CLI_TIMEOUT_S)
    _assert_no_key(stdout + stderr, "the watch output")
    _assert_folder_clean(config_dir)


# Through ModelService in this process


@pytest.fixture
def debug_logs(config_dir: Path) -> Iterator[Path]:
    """The program's log file in this test's folder, at DEBUG level."""
    app_logger = logging.getLogger("app")
    level = app_logger.level
    close_logging()
    configure_logging(logging.DEBUG, config_dir / "logs")
    yield config_dir / "logs"
    close_logging()
    app_logger.setLevel(level)


def _assert_exception_clean(error: BaseException, where: str) -> None:
    _assert_no_key(str(error), f"the message of {where}")
    _assert_no_key(repr(error), f"the repr of {where}")
    _assert_no_key("".join(traceback.format_exception(error)), f"the traceback of {where}")


def test_service_cycle_leaks_no_key(
    fake_provider: FakeProviderServer, config_dir: Path, debug_logs: Path
) -> None:
    store = SettingsStore(config_dir / "settings.json")
    service = ModelService(store=store, secrets=SettingsSecretStore(store))
    provider = get_provider("openai")
    checked = check_form(
        provider, f"{fake_provider.url}/v1", "gpt-4.1-mini", {}, Secret(api_key=f" {KEY} ")
    )
    assert checked.ok

    result = asyncio.run(service.save("openai", checked.config, checked.secret))
    assert result.ok, result.message
    failed = asyncio.run(
        service.validate(
            ProviderConfig("openai", f"{fake_provider.url}/v1", "case:openai-invalid-key"),
            checked.secret,
        )
    )
    assert failed.category.value == "invalid_key"
    unreachable = asyncio.run(
        service.validate(
            ProviderConfig("openai", f"http://127.0.0.1:{_closed_port()}/v1", "m"), checked.secret
        )
    )
    assert not unreachable.ok

    assert redact(SHAPELESS_KEY) == SHAPELESS_KEY, "a shape rule would hide a missed registration"
    gateway = check_form(
        get_provider("openai-compatible"),
        f"{fake_provider.url}/v1",
        "llama3.2:latest",
        {},
        Secret(api_key=SHAPELESS_KEY),
    )
    assert gateway.ok
    gateway_result = asyncio.run(service.save("openai-compatible", gateway.config, gateway.secret))
    assert gateway_result.ok, gateway_result.message
    assert fake_provider.last_request().headers["Authorization"] == f"Bearer {SHAPELESS_KEY}"
    app_logger = logging.getLogger("app.test_no_leaks")
    app_logger.warning("gateway rejected key %s", SHAPELESS_KEY)
    try:
        raise ValueError(f"gateway echoed {SHAPELESS_KEY}")
    except ValueError:
        app_logger.exception("gateway request failed")

    service.set_default("openai")
    model = load_default_model(store.path)
    assert model is not None
    assert model.api_key == KEY
    saved_configs = service.saved_configs()
    settings = store.load()
    export = export_settings(store, service.secrets)

    objects = {
        "Secret": checked.secret,
        "CheckedForm": checked,
        "Credentials": Credentials(api_key=KEY),
        "ValidationResult": result,
        "failed ValidationResult": failed,
        "unreachable ValidationResult": unreachable,
        "Settings": settings,
        "ProviderSettings": settings.providers["openai"],
        "SavedConfig": saved_configs,
        "DefaultModel": model,
        "Export": export,
        "gateway Secret": gateway.secret,
        "gateway CheckedForm": gateway,
        "gateway ValidationResult": gateway_result,
        "gateway ProviderSettings": settings.providers["openai-compatible"],
    }
    for name, value in objects.items():
        for key in (KEY, SHAPELESS_KEY):
            _assert_no_key(repr(value), f"repr of {name}", key)
            _assert_no_key(str(value), f"str of {name}", key)
    for name in ("ValidationResult", "failed ValidationResult", "unreachable ValidationResult"):
        _assert_no_key(json.dumps(objects[name].to_json()), f"JSON of {name}")
    _assert_no_key(json.dumps(model.to_public_json()), "the public JSON of the default model")
    _assert_no_key(json.dumps(export.document), "an export without keys")
    _assert_no_key(
        json.dumps(gateway_result.to_json()), "JSON of gateway ValidationResult", SHAPELESS_KEY
    )
    _assert_no_key(json.dumps(export.document), "an export without keys", SHAPELESS_KEY)

    with watch(lambda changed: None, store.path):
        service.set_default("openai")

    assert keyring.get_password("agent-models", "openai") == KEY
    assert keyring.get_password("agent-models", "openai-compatible") == SHAPELESS_KEY
    _assert_folder_clean(config_dir)
    _assert_folder_clean(config_dir, SHAPELESS_KEY)
    log_text = _log_text(config_dir)
    _assert_no_key(log_text, "the log files")
    _assert_no_key(log_text, "the log files", SHAPELESS_KEY)
    assert f"gateway rejected key {REDACTED}" in log_text


def test_keychain_failure_leaks_no_key(config_dir: Path, debug_logs: Path) -> None:
    store = SettingsStore(config_dir / "settings.json")
    service = ModelService(store=store, secrets=SettingsSecretStore(store))
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(KeychainError) as raised:
            service.store_config(
                "openai",
                ProviderConfig("openai", "http://127.0.0.1:9/v1", "m"),
                Secret(api_key=KEY),
                verified=True,
            )
    finally:
        keyring.set_keyring(previous)
    _assert_exception_clean(raised.value, "KeychainError")
    assert not store.path.exists()
    _assert_no_key(_log_text(config_dir), "the log files")


def test_logged_key_is_redacted(config_dir: Path, debug_logs: Path) -> None:
    logger = logging.getLogger("app.test_no_leaks")
    logger.info("sending Authorization: Bearer %s", KEY)
    logger.debug("payload %s", json.dumps({"api_key": KEY}))
    try:
        raise ValueError(f"provider echoed {KEY}")
    except ValueError:
        logger.exception("request failed")
    text = _log_text(config_dir)
    _assert_no_key(text, "the log files")
    assert REDACTED in text


def test_agent_handler_gets_redacted_records() -> None:
    """An agent process that logs through its own handler still gets no key from app loggers."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = get_logger("app.runtime.test_agent_handler")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info("key is %s", KEY)
    finally:
        logger.removeHandler(handler)
    _assert_no_key(stream.getvalue(), "an agent's own log handler")


# Redaction of real key shapes


KEY_SHAPES = {
    "OpenAI project": "sk-proj-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234YzA567bCd890EfG",
    "OpenAI legacy": "sk-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx2",
    "Anthropic": (
        "sk-ant-api03-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234YzA567bCd890EfG-hIj123AA"
    ),
    "OpenRouter": "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "DeepSeek": "sk-0123456789abcdef0123456789abcdef",
    "Google": "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
    "xAI": "xai-AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234YzA567bCd890EfG",
    "AWS access key id": "AKIAIOSFODNN7EXAMPLE",
    "AWS session key id": "ASIAIOSFODNN7EXAMPLE",
    "AWS secret access key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "Bedrock API key": "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlOjAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEy",
    "Baidu": "bce-v3/ALTAK-AbC123dEf456GhI789/0123456789abcdef0123456789abcdef01234567",
    "Mistral": "AbC123dEf456GhI789jKl012MnO345pQ",
    "Azure": "0123456789abcdef0123456789abcdef",
    "SambaNova UUID": "12345678-90ab-cdef-1234-567890abcdef",
    "Z.ai": "0123456789abcdef0123456789abcdef.AbCdEfGh12345678",
    "MiniMax JWT": (
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJHcm91cE5hbWUiOiJ0ZXN0In0.c2lnbmF0dXJlMDEyMzQ1Njc4OQ"
    ),
    "Groq": "gsk_AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234",
}

CONTEXTS = [
    "{key}",
    "api_key={key}",
    "Authorization: Bearer {key}",
    '{{"api_key": "{key}"}}',
    "x-api-key: {key}",
    "https://generativelanguage.googleapis.com/v1beta/models?key={key}&alt=json",
    "provider said: Incorrect API key provided: {key}.",
    "'{key}'",
]


def _fragments(key: str, length: int = 8) -> set[str]:
    return {key[start : start + length] for start in range(len(key) - length + 1)}


@pytest.mark.parametrize("shape", sorted(KEY_SHAPES))
def test_redact_real_key_shapes(shape: str) -> None:
    key = KEY_SHAPES[shape]
    for context in CONTEXTS:
        text = context.format(key=key)
        redacted = redact(text)
        assert REDACTED in redacted, f"{shape} in {context!r}: nothing redacted"
        leaked = {fragment for fragment in _fragments(key) if fragment in redacted}
        assert not leaked, f"{shape} in {context!r}: {redacted!r} keeps {sorted(leaked)[:3]}"


@pytest.mark.parametrize(
    "text",
    [
        "config saved: config_id=openai provider=openai verified=True",
        "url: https://api.openai.com/v1/chat/completions  status: 401  latency: 231 ms",
        "model gpt-4.1-mini on https://bedrock-runtime.us-east-1.amazonaws.com",
        "settings unreadable, moved aside: path=/home/user/.config/agent-models/settings.json",
        "Invalid key. Validation failed.",
        "deployment_name=prod api_version=2024-10-21",
        "secret_storage=file",
        "Incorrect API key provided: sk-...XXXX. You can find your API key at the dashboard.",
        "Incorrect API key provided: sk-proj-****abcd.",
        "model 'text-embedding-nomic-embed-text-v1' not found",
        "test_failing_callback_keeps_watching_with_a_long_name_2",
    ],
)
def test_redact_keeps_ordinary_text(text: str) -> None:
    assert redact(text) == text


def test_bearer_redacted_keeps_scheme() -> None:
    assert redact("Authorization: Bearer abcdefgh12345678") == f"Authorization: Bearer {REDACTED}"
