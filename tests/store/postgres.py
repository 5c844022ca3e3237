"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temporary folder, listening on
a free loopback port, with trust authentication for user `cronica`.

Debian's `postgresql` package provides the binaries (requirements/debian.txt). PostgreSQL
refuses to run as root, so as root the server runs as the `postgres` (or `nobody`) user.
`start()` raises `Unavailable`, saying why, where no server can start; tests then skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

USER = "cronica"


class Unavailable(Exception):
    """No PostgreSQL server can start here (the message says why)."""


@dataclass
class Server:
    folder: Path
    port: int
    bin: Path
    run_as: str | None

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def url_of(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _run(self, [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                    "immediate", "stop"], check=False)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def _bin_dir() -> Path:
    found = os.environ.get("CRONICA_PG_BIN")
    if found:
        return Path(found)
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(initdb).parent
    initdb_path = shutil.which("initdb")
    if initdb_path:
        return Path(initdb_path).parent
    raise Unavailable("PostgreSQL binaries not found (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(server: Server, argv: list[str], check: bool = True) -> subprocess.CompletedProcess:
    if server.run_as:
        argv = ["runuser", "-u", server.run_as, "--", *argv]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise Unavailable(f"{' '.join(argv)} failed: {proc.stderr.strip()[-500:]}")
    return proc


def start() -> Server:
    """Start a fresh server; raise Unavailable when that cannot be done here."""
    bin_dir = _bin_dir()
    run_as = None
    if os.geteuid() == 0:
        run_as = next((u for u in ("postgres", "nobody") if _user_exists(u)), None)
        if run_as is None or shutil.which("runuser") is None:
            raise Unavailable("running as root and no postgres/nobody user with runuser")
    folder = Path(tempfile.mkdtemp(prefix="cronica-pg-"))
    server = Server(folder, _free_port(), bin_dir, run_as)
    if run_as:
        account = pwd.getpwnam(run_as)
        os.chown(folder, account.pw_uid, account.pw_gid)
    os.chmod(folder, 0o755)
    try:
        _run(server, [str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", USER,
                      "--auth=trust", "-E", "UTF8", "--no-sync"])  # fmt: skip
        options = f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(server, [str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-o", options,
                      "-l", str(folder / "log"), "-w", "-t", "60", "start"])  # fmt: skip
    except (Unavailable, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(str(exc)) from exc
    return server


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
