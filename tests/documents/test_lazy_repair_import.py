"""The mojibake repairer (ftfy) is imported only for a text that needs repair: its import is
about a fifth of `import cronica.cli`, paid at every start-up otherwise (that a text decoded
twice is repaired: test_hostile_inputs)."""

from __future__ import annotations

import subprocess
import sys


def _imported_after(code: str) -> bool:
    """Whether `ftfy` is in sys.modules after running `code` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint('ftfy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip() == "True"


def test_the_cli_and_a_clean_text_do_not_import_the_repairer() -> None:
    code = ("import cronica.cli\nfrom cronica.documents.raw import repaired\n"
            "assert repaired('Los bombardeos en Alepo dejaron 12 muertos.', 'x') "
            "== 'Los bombardeos en Alepo dejaron 12 muertos.'")
    assert not _imported_after(code)
