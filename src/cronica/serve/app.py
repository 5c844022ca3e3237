"""The application factory: API routes, the page, and the guards around them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from cronica.serve.guards import BodyLimit, RateLimit, SecurityHeaders
from cronica.serve.routes import router
from cronica.serve.settings import Settings
from cronica.serve.state import ServerState

STATIC = Path(str(files("cronica.serve") / "static"))


def validation_error(exc: RequestValidationError) -> Response:
    """422 naming each bad field and why, without echoing the input back (which may be huge,
    or not encodable: a lone surrogate)."""
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
              for e in exc.errors()]  # fmt: skip
    body = json.dumps({"detail": errors}, ensure_ascii=True, default=str)
    return Response(body, status_code=422, media_type="application/json")


def create_app(settings: Settings) -> FastAPI:
    """A FastAPI app over the store `settings.db` (created when missing).

    The API lives under /api (OpenAPI at /docs, schema at /openapi.json); the page at /.
    Guards, outermost first: security headers, rate per client, body size, then CORS
    (only when origins are given: closed by default).
    """
    server = ServerState(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        server.close()

    app = FastAPI(
        title="cronica",
        summary="Conflict events extracted from reports, with their evidence and reviews.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.cronica = server
    app.include_router(router, prefix="/api")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key", "Authorization"])
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(RateLimit, writes=settings.write_rate, reads=settings.read_rate)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        return validation_error(exc)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")

    return app
