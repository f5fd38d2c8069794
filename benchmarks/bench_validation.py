"""Measure the validator against a bare httpx request, and concurrent validations against one.

Run from the repository root:

    python -m benchmarks.bench_validation [--requests 200] [--repeats 5] [--concurrency 20]

Both measurements use the fake provider server of the tests on 127.0.0.1, so they show the
validator's own cost and its concurrency, not any provider's latency. Each figure is the
median of ``--repeats`` runs. Nothing is asserted; the numbers depend on the machine.

1. Overhead: ``--requests`` sequential one-token probes, first as a bare ``httpx`` POST with
   the same body and headers, then through ``validate()`` on the same client. The ratio is
   validator time over bare time.
2. Concurrency: the server waits ``--latency-ms`` before each response, like a provider. One
   validation is timed alone, then ``--concurrency`` validations through ``validate_all()``
   on one client. A ratio near 1 means the validations overlapped; ``--concurrency`` means
   they ran one after another.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

import httpx

from app.catalog import get_provider
from app.validation.probes import Credentials, build_chat_probe
from app.validation.transport import make_client
from app.validation.validator import ProviderConfig, validate, validate_all
from tests.fake_provider import FakeProviderServer

KEY = "sk-benchmark-0123456789"


def median_seconds(run: Callable[[], Awaitable[None]], repeats: int) -> float:
    """Return the median wall time of ``repeats`` runs of ``run``, after one warm-up run."""
    asyncio.run(run())
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        asyncio.run(run())
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_overhead(server_url: str, requests: int, repeats: int) -> tuple[float, float]:
    """Return the median seconds per request for a bare httpx POST and for validate()."""
    config = ProviderConfig("openai", f"{server_url}/v1", "gpt-4o-mini")
    credentials = Credentials(api_key=KEY)
    probe = build_chat_probe(
        get_provider("openai"), config.api_host, config.model_type, {}, credentials
    )
    body = probe.body_bytes()

    async def bare() -> None:
        async with httpx.AsyncClient(trust_env=False) as client:
            for _ in range(requests):
                response = await client.post(probe.url, content=body, headers=probe.headers)
                response.json()

    async def through_validator() -> None:
        async with make_client() as client:
            for _ in range(requests):
                await validate(config, credentials, client=client)

    return (
        median_seconds(bare, repeats) / requests,
        median_seconds(through_validator, repeats) / requests,
    )


def measure_concurrency(
    server_url: str, concurrency: int, latency_ms: int, repeats: int
) -> tuple[float, float]:
    """Return the median wall seconds of one validation and of ``concurrency`` at once."""
    delay = f"behave:sleep-{latency_ms / 1000:g}"
    config = ProviderConfig("openai", f"{server_url}/v1", delay)
    credentials = Credentials(api_key=KEY)

    async def one() -> None:
        await validate(config, credentials)

    async def many() -> None:
        await validate_all([(config, credentials)] * concurrency, max_concurrency=concurrency)

    return median_seconds(one, repeats), median_seconds(many, repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="sequential probes per run")
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs per figure; the median is shown"
    )
    parser.add_argument("--concurrency", type=int, default=20, help="validations at once")
    parser.add_argument(
        "--latency-ms",
        type=int,
        default=100,
        help="server delay before each response, in milliseconds",
    )
    args = parser.parse_args()

    server = FakeProviderServer().start()
    try:
        bare_s, validator_s = measure_overhead(server.url, args.requests, args.repeats)
        one_s, many_s = measure_concurrency(
            server.url, args.concurrency, args.latency_ms, args.repeats
        )
    finally:
        server.stop()

    print(f"overhead ({args.requests} sequential probes, median of {args.repeats} runs)")
    print(f"  bare httpx POST     {bare_s * 1000:8.2f} ms per request")
    print(f"  validate()          {validator_s * 1000:8.2f} ms per request")
    print(f"  ratio               {validator_s / bare_s:8.2f}x")
    print(
        f"concurrency ({args.concurrency} validations, server latency {args.latency_ms} ms, "
        f"median of {args.repeats} runs)"
    )
    print(f"  one validation      {one_s * 1000:8.1f} ms wall")
    print(f"  {args.concurrency:>3} at once         {many_s * 1000:8.1f} ms wall")
    print(
        f"  ratio               {many_s / one_s:8.2f}x (1 = fully overlapped, "
        f"{args.concurrency} = one after another)"
    )


if __name__ == "__main__":
    main()
