"""Local OpenAI-compatible servers that need no key, with the address each listens on by default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LocalServerPreset:
    name: str
    api_host: str


LOCAL_SERVER_PRESETS = (
    LocalServerPreset("Ollama", "http://localhost:11434/v1"),
    LocalServerPreset("vLLM", "http://localhost:8000/v1"),
    LocalServerPreset("LM Studio", "http://localhost:1234/v1"),
    LocalServerPreset("llama.cpp", "http://localhost:8080/v1"),
    LocalServerPreset("SGLang", "http://localhost:30000/v1"),
)
