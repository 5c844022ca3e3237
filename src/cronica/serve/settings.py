"""What a server is started with (`cronica serve` options)."""

from __future__ import annotations

from dataclasses import dataclass

API_KEY_ENV = "CRONICA_API_KEY"


@dataclass(frozen=True)
class Settings:
    """One server's configuration.

    api_key: the key every write (and, with `keyed_reads`, every API read) must send as
    `X-API-Key` or `Authorization: Bearer`. max_body: the largest request body in bytes.
    write_rate / read_rate: requests per minute one client address may make (writes are
    POSTs). cors_origins: origins other sites' pages may call from; none by default.
    """

    db: str
    api_key: str
    keyed_reads: bool = False
    max_body: int = 2_000_000
    write_rate: int = 60
    read_rate: int = 3000
    cors_origins: tuple[str, ...] = ()
    gazetteers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.api_key) < 8:
            raise ValueError("api key: at least 8 characters")
        for name in ("max_body", "write_rate", "read_rate"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name}: must be at least 1")
