"""`cronica serve`: the HTTP API (FastAPI) and the page over one store."""

from cronica.serve.app import create_app
from cronica.serve.settings import Settings

__all__ = ["Settings", "create_app"]
