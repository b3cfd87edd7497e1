"""`dyadwatch serve`: the web service and dashboard (a thin wrapper over dyadwatch.api)."""

from __future__ import annotations

from pathlib import Path

import click

from dyadwatch.cli.common import DB_HELP, db_option, resolve_db
from dyadwatch.cli.main import cli

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARD = ("0.0.0.0", "::")


@cli.command("serve")
@db_option(DB_HELP + " It may not exist yet and may be coded into while the service runs.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the data to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--token", envvar="DYADWATCH_TOKEN", default=None, show_default=True,
              show_envvar=True, help="Bearer token for coding jobs (POST /api/jobs); "
              "without one the service is read-only.")
@click.option("--query-timeout", type=click.FloatRange(min=0.1), default=10.0,
              show_default=True, help="Seconds before a database query is stopped.")
@click.option("--max-body-bytes", type=click.IntRange(min=1024), default=1_048_576,
              show_default=True, help="Largest request body accepted.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, show_default=True,
              help="Another name the Host header may carry (repeatable); besides it only the "
              "bound address, localhost, 127.0.0.1 and [::1] are answered, against DNS "
              "rebinding. '*' answers any.")
def serve_command(db_path: Path | None, host: str, port: int, token: str | None,
                  query_timeout: float, max_body_bytes: int,
                  allowed_hosts: tuple[str, ...]) -> None:
    """Serve the JSON API and the dashboard over an event database."""
    db_path = resolve_db(db_path)
    try:
        import uvicorn

        from dyadwatch.api import Settings, create_app
        from dyadwatch.api.settings import LOOPBACK_HOSTS
    except ImportError as e:
        raise click.ClickException(f"the web service needs FastAPI and uvicorn ({e}); "
                                   "install them with `pip install 'dyadwatch[api]'`") from e
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: anyone who can reach it can read the "
                   "events.", err=True)
    if not db_path.exists():
        click.echo(f"Note: {db_path} does not exist yet; the dashboard will show it once "
                   "`dyadwatch code ... --db` has written it.", err=True)
    if host in WILDCARD and not allowed_hosts:
        click.echo(f"Note: only requests to localhost are answered; add --allowed-host NAME "
                   f"for each name this machine is reached by on {host}.", err=True)
    bound = () if host in WILDCARD else (host,)
    settings = Settings(token=token or None, query_timeout=query_timeout,
                        max_body_bytes=max_body_bytes,
                        allowed_hosts=(*LOOPBACK_HOSTS, *bound, *allowed_hosts))
    app = create_app(db_path, settings)
    click.echo(f"dyadwatch: serving {db_path} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
