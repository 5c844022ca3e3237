"""The API key: sent as `X-API-Key` or `Authorization: Bearer KEY`, compared in constant time."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

SCHEME = "bearer "


def presented_key(request: Request) -> str | None:
    """The key a request carries, if any."""
    key = request.headers.get("x-api-key")
    if key:
        return key
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith(SCHEME):
        return auth[len(SCHEME):].strip()
    return None


def key_matches(given: str | None, expected: str) -> bool:
    """Whether `given` is the expected key (constant-time comparison of the UTF-8 bytes)."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def check_key(request: Request, expected: str) -> None:
    """Raise 401 unless the request carries the expected key."""
    if not key_matches(presented_key(request), expected):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong API key (send X-API-Key or Authorization: Bearer)",
            headers={"WWW-Authenticate": "Bearer"},
        )
