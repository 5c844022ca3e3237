"""ASGI middleware guarding every request: body size, rate per client, security headers."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The page loads only its own scripts, styles and data; no inline script, no other origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")  # fmt: skip
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


async def reply(
    send: Send, status: int, detail: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """Send a JSON error response `{"detail": ...}` (FastAPI's shape)."""
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        *headers]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers (CSP without inline scripts, nosniff, no framing) to every
    response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses (413) a request whose body is larger than `max_bytes`, declared or sent; the
    body is read before the app sees it, so a refused request changes nothing."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READ_METHODS:
            await self.app(scope, receive, send)
            return
        too_big = f"request body larger than {self.max_bytes} bytes"
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await reply(send, 400, "bad Content-Length")
                    return
                if declared > self.max_bytes:
                    await reply(send, 413, too_big)
                    return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await reply(send, 413, too_big)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass
class RateLimit:
    """Token buckets per client address: `writes` POSTs and `reads` other requests a minute
    (bursts up to that many); over it, 429 with Retry-After."""

    app: ASGIApp
    writes: int
    reads: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[tuple[str, bool], _Bucket] = field(default_factory=dict)

    MAX_CLIENTS = 10_000  # buckets kept; the oldest are dropped past this

    def _allow(self, client: str, write: bool) -> float:
        """0 when allowed (a token taken), else the seconds until the next token."""
        rate = self.writes if write else self.reads
        now = self.clock()
        bucket = self._buckets.get((client, write))
        if bucket is None:
            if len(self._buckets) >= self.MAX_CLIENTS:
                oldest = min(self._buckets, key=lambda k: self._buckets[k].stamp)
                del self._buckets[oldest]
            bucket = self._buckets[(client, write)] = _Bucket(float(rate), now)
        bucket.tokens = min(float(rate), bucket.tokens + (now - bucket.stamp) * rate / 60.0)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) * 60.0 / rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._allow(client, scope["method"] not in READ_METHODS)
        if wait:
            await reply(send, 429, "too many requests; slow down",
                        ((b"retry-after", str(max(1, round(wait))).encode()),))
            return
        await self.app(scope, receive, send)
