"""Shared fixtures of the robustness tests: one pipeline for the session."""

from __future__ import annotations

import pytest

from cronica.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()
