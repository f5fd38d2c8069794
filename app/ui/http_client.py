"""The window's one HTTP client, created on first use and closed when the window quits."""

from __future__ import annotations

import logging

import httpx

from app.validation.transport import make_client

logger = logging.getLogger(__name__)


class HttpClientOwner:
    """Hands every card the same client, so validations share connections.

    The client belongs to the asyncio loop it first runs on; the owner lives as long as the
    window, which lives inside one loop.
    """

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._client: httpx.AsyncClient | None = None

    def get(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = make_client(self.timeout_s)
        return self._client

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()
            logger.info("HTTP client closed")
