"""Settings of the web service: one table of (name, default, help) feeds the CLI and docs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "DYADWATCH_TOKEN"
# Host names a request may carry in its Host header (against DNS rebinding); the bound
# address and every --allowed-host are added by `dyadwatch serve`.
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "[::1]")


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits and access of one running service (see docs/api.md, "Limits")."""

    token: str | None = field(default=None, repr=False)  # None: nothing can be written
    query_timeout: float = 10.0  # seconds before a database query is interrupted
    max_body_bytes: int = 1_048_576  # larger request bodies get 413
    max_job_articles: int = 500  # articles in one POST /api/jobs
    snapshot_dir: Path | None = None  # where private read copies go (default: a temp dir)
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS  # Host headers answered; "*" for any

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


SETTINGS_HELP: tuple[tuple[str, str], ...] = (
    ("token", "Bearer token that POST /api/jobs requires; without one, writes are off."),
    ("query_timeout", "Seconds after which a database query is interrupted (503)."),
    ("max_body_bytes", "Largest request body; larger ones get 413."),
    ("max_job_articles", "Most articles one coding job may carry."),
    ("snapshot_dir", "Folder for the private read copies of the database."),
    ("allowed_hosts", "Host names the Host header may carry (the bound address, localhost, "
                      "127.0.0.1, [::1] and each --allowed-host); others get 400."),
)
