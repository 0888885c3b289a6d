"""Live refresh: download models.dev ``catalog.json`` and OpenRouter ``/api/v1/models``, validate, import.

Downloads use timeouts, retries with exponential backoff (on connection errors, timeouts, 429 and 5xx) and a
size cap. Every file is downloaded and validated before anything is written, and the import is one
transaction: a failed refresh leaves the catalog exactly as it was and says why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import aiohttp
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from catalog.build import DEFAULT_MAX_SHRINK, BuildResult, Progress, build, parse_one, shipped_files
from catalog.errors import CatalogError
from catalog.sources import IMPORTERS
from catalog.sources.sanity import MAX_FILE_BYTES
from catalog.store.db import SourceFile, Store

DEFAULT_URLS: dict[str, str] = {
    "models-dev": "https://models.dev/catalog.json",
    "openrouter": "https://openrouter.ai/api/v1/models",
}
FILE_NAMES = {"models-dev": "catalog.json", "openrouter": "api-v1-models.json"}


class RefreshError(CatalogError):
    """A download or validation failed; nothing was written."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How patient and how trusting a refresh is."""

    timeout_s: float = 30.0
    attempts: int = 3
    backoff_s: float = 0.5
    max_bytes: int = MAX_FILE_BYTES
    """The same cap as ``python -m catalog import``."""


class _Retryable(Exception):
    """A 429 or 5xx: worth another try, after ``retry_after`` seconds when the server said so."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


#: The longest a server's Retry-After is honoured before giving up on waiting (a refresh must end).
MAX_RETRY_AFTER_S = 60.0


def _wait(limits: Limits) -> Callable[[RetryCallState], float]:
    """Exponential backoff with jitter (so several shards do not retry in step), or the server's Retry-After."""
    jittered = wait_exponential_jitter(multiplier=limits.backoff_s, max=30.0, jitter=limits.backoff_s)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, MAX_RETRY_AFTER_S)
        return float(jittered(state))

    return wait


async def download(session: aiohttp.ClientSession, url: str, limits: Limits) -> bytes:
    """The body at ``url``, or ``RefreshError`` naming the URL and the last reason (tenacity retries connection
    errors, timeouts, 429 and 5xx; the last failure is what the owner reads)."""
    try:
        async for attempt in AsyncRetrying(
            stop=stop_after_attempt(limits.attempts),
            wait=_wait(limits),
            retry=retry_if_exception_type((_Retryable, aiohttp.ClientError, TimeoutError)),
            reraise=True,
        ):
            with attempt:
                return await _fetch(session, url, limits)
    except _Retryable as exc:
        last = str(exc)
    except (aiohttp.ClientError, TimeoutError) as exc:
        last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    raise RefreshError(f"{url}: gave up after {limits.attempts} attempts ({last})")


async def _fetch(session: aiohttp.ClientSession, url: str, limits: Limits) -> bytes:
    timeout = aiohttp.ClientTimeout(total=limits.timeout_s)
    async with session.get(url, timeout=timeout) as resp:
        if resp.status == 429 or resp.status >= 500:
            raise _Retryable(f"HTTP {resp.status}", _retry_after(resp.headers.get("Retry-After")))
        if resp.status != 200:
            raise RefreshError(f"{url}: HTTP {resp.status}; check the URL setting")
        if resp.content_length is not None and resp.content_length > limits.max_bytes:
            raise RefreshError(f"{url}: {resp.content_length:,} bytes is over the {limits.max_bytes:,}-byte cap")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(1 << 16):
            size += len(chunk)
            if size > limits.max_bytes:
                raise RefreshError(f"{url}: body is over the {limits.max_bytes:,}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (the HTTP-date form is rare for APIs and is treated as absent)."""
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


async def refresh(
    store: Store,
    urls: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    *,
    max_shrink: float | None = DEFAULT_MAX_SHRINK,
) -> BuildResult:
    """Download each source in ``urls`` (default: models.dev and OpenRouter), validate, then import all at once.
    A result that would remove more than ``max_shrink`` of the models or routes is refused (None: forced)."""
    urls = dict(DEFAULT_URLS if urls is None else urls)
    unknown = set(urls) - set(IMPORTERS)
    if unknown:
        raise RefreshError(f"cannot refresh {', '.join(sorted(unknown))}: no importer for it")
    limits = limits or Limits()
    async with aiohttp.ClientSession(headers={"User-Agent": "llm-buyer-bot catalog refresh"}) as session:
        bodies = await asyncio.gather(*(download(session, url, limits) for url in urls.values()))
    fresh = {
        name: SourceFile(name, FILE_NAMES.get(name, f"{name}.json"), data)
        for name, data in zip(urls, bodies, strict=True)
    }
    for f in fresh.values():  # validate before touching the database (raises ImportFormatError), off the loop
        await asyncio.to_thread(parse_one, f)
    current = {f.name: f for f in (await store.source_files() or shipped_files())}
    current.update(fresh)
    ordered = sorted(current.values(), key=lambda f: list(IMPORTERS).index(f.name))
    if progress is None:
        return await build(store, ordered, max_shrink=max_shrink)
    return await build(store, ordered, progress, max_shrink=max_shrink)
