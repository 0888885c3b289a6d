"""A throwaway aiohttp server on 127.0.0.1 for tests that download (never the real network)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from tests.paths import FIXTURES

MODELS_DEV = (FIXTURES / "models-dev-catalog.sample.json").read_bytes()
OPENROUTER = (FIXTURES / "openrouter-api-v1-models.sample.json").read_bytes()
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@contextlib.asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[str]:
    """Serve every GET with ``handler``; yields the base URL ("http://127.0.0.1:PORT")."""
    app = web.Application()
    app.router.add_get("/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def catalog_upstream() -> AsyncIterator[str]:
    """models.dev at ``/catalog.json`` and OpenRouter at ``/models``, serving the fixture files (503 elsewhere)."""

    async def serve(request: web.Request) -> web.StreamResponse:
        body = {"/catalog.json": MODELS_DEV, "/models": OPENROUTER}.get(request.path)
        return web.Response(body=body, content_type="application/json") if body else web.Response(status=503)

    async with serving(serve) as base:
        yield base
