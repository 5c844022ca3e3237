"""`python -m cronica.cli`."""

import sys

from cronica.cli import app

sys.exit(app())
