"""A private PostgreSQL server for the test run, on loopback, thrown away after.

Finds ``initdb``/``pg_ctl`` under ``/usr/lib/postgresql/*/bin`` (newest
version), builds a cluster in a temporary folder (owned by ``postgres`` and run
through ``runuser`` when the tests run as root, since PostgreSQL refuses to
run as root), starts it on a free port of 127.0.0.1 with its socket in the
same folder, and stops it with ``pg_ctl stop -m immediate`` at the end.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

USER = "leasemap"
PG_ROOT = Path("/usr/lib/postgresql")


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def find_bin_dir() -> Path:
    """The ``bin`` folder of the newest PostgreSQL installed under /usr/lib/postgresql."""
    candidates = []
    if PG_ROOT.is_dir():
        for version_dir in PG_ROOT.iterdir():
            bin_dir = version_dir / "bin"
            if (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file():
                try:
                    key = tuple(int(p) for p in version_dir.name.split("."))
                except ValueError:
                    continue
                candidates.append((key, bin_dir))
    if not candidates:
        raise PostgresMissing(f"no initdb/pg_ctl found under {PG_ROOT}/*/bin")
    return max(candidates)[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PrivatePostgres:
    bin_dir: Path
    root: Path = field(init=False)
    port: int = 0
    started: bool = False

    def __post_init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="leasemap-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}\n{log}"
            )
        return result

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D", str(self.data),
            "-A", "trust",
            "-U", USER,
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )  # fmt: skip
        last_error: Exception | None = None
        for _attempt in range(5):  # a free port may be taken between probe and bind
            self.port = free_port()
            options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
            try:
                self._run(
                    str(self.bin_dir / "pg_ctl"),
                    "-w", "-D", str(self.data), "-l", str(self.log), "-o", options, "start",
                )  # fmt: skip
            except RuntimeError as exc:
                last_error = exc
                continue
            self.started = True
            return
        raise RuntimeError(f"could not start the private PostgreSQL: {last_error}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create a database (through an autocommit connection); returns its name."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def stop(self) -> None:
        try:
            if self.started:
                self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                          "stop")  # fmt: skip
                self.started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
