"""Request bodies of the API, validated by pydantic (a bad one is a 422 naming the field)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT = 300_000  # characters of one posted document: extraction runs while the client waits


class DocumentIn(BaseModel):
    """A document to extract and store: its text and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    id: str | None = Field(default=None, min_length=1, max_length=200,
                           pattern=r"^[\w.:@+-][\w .:@+-]*$")
    title: str | None = Field(default=None, max_length=500)
    date: dt.date | None = None
    lang: str | None = Field(default=None, max_length=10)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class ReviewIn(BaseModel):
    """A reviewer's decision on one event."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["accept", "reject", "correct"]
    changes: dict[str, Any] = Field(default_factory=dict)
    note: str | None = Field(default=None, max_length=2000)
    reviewer: str = Field(default="reviewer", min_length=1, max_length=100)
