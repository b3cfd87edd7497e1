"""`dyadwatch extract` and `dyadwatch watch`: thin wrappers over dyadwatch.ingest."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dyadwatch.cli.common import DB_HELP, db_option, resolve_db
from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError

if TYPE_CHECKING:
    import duckdb

    from dyadwatch.config import Config
    from dyadwatch.ingest.fetch import FetchLimits
    from dyadwatch.ingest.watch import CodeBatch, PollResult, Watcher

_FETCH = (
    click.option("--timeout", type=float, default=20.0, show_default=True,
                 help="Seconds to wait for a server before giving up (E604)."),
    click.option("--max-bytes", type=int, default=10_000_000, show_default=True,
                 help="Largest response read; larger ones are skipped (E603)."),
    click.option("--min-interval", type=float, default=1.0, show_default=True,
                 help="Seconds between two requests to the same host."),
    click.option("--ignore-robots", is_flag=True, default=False, show_default=True,
                 help="Fetch pages that robots.txt disallows."),
)


F = TypeVar("F", bound=Callable[..., Any])


def _fetch_options(func: F) -> F:
    for option in reversed(_FETCH):
        func = option(func)
    return func


def _limits(timeout: float, max_bytes: int, min_interval: float,
            ignore_robots: bool) -> FetchLimits:
    from dyadwatch.ingest.fetch import FetchLimits

    return FetchLimits(timeout_s=timeout, max_bytes=max_bytes, min_interval_s=min_interval,
                       respect_robots=not ignore_robots)


@cli.command("extract")
@click.argument("source")
@click.option("--url", default=None, help="The page's address, when SOURCE is a file.")
@click.option("--json", "as_json", is_flag=True, default=False, show_default=True,
              help="Print title, date, publisher, url, method and text as one JSON object.")
@click.option("--no-clean", is_flag=True, default=False, show_default=True,
              help="Keep furniture lines (read-more links, share bars, pitches).")
@_fetch_options
def extract_command(source: str, url: str | None, as_json: bool, no_clean: bool,
                    timeout: float, max_bytes: int, min_interval: float,
                    ignore_robots: bool) -> None:
    """Print the main text of an HTML page (a file, .html.gz too, or an http(s) URL)."""
    from dyadwatch.ingest.html import extract_page

    raw, page_url = _page_bytes(source, url, _limits(timeout, max_bytes, min_interval,
                                                     ignore_robots))
    page = extract_page(raw, page_url, clean=not no_clean)
    if not page.text and not as_json:
        raise click.ClickException(f"E205: {source}: no main text found in the page")
    if as_json:
        record = {"url": page.url, "title": page.title, "published": page.published,
                  "publisher": page.publisher, "method": page.method, "text": page.text}
        click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(page.text)


def _page_bytes(source: str, url: str | None, limits: FetchLimits) -> tuple[bytes, str | None]:
    from dyadwatch.ingest.fetch import Fetcher
    from dyadwatch.ingest.watch import is_url

    try:
        if is_url(source):
            response = Fetcher(limits).fetch(source)
            return response.body, url or response.url
        return Path(source).read_bytes(), url
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    except OSError as e:
        raise click.BadParameter(f"{source}: {e.strerror or e}", param_hint="SOURCE") from e


@cli.command("watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True,
              help="Time between polls: 30s, 15m, 1h, 1d or seconds.")
@db_option(DB_HELP + " Created when missing.")
@click.option("--once", is_flag=True, default=False, show_default=True,
              help="Poll once and exit.")
@click.option("--model", default=None,
              help="spaCy pipeline package or model directory (default: setting nlp.model).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None, help="TOML file overriding the defaults.")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE",
              help="Override one setting (repeatable).")
@_fetch_options
@click.option("--brief", "brief_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="After each cycle that coded articles, write the alerts "
                                 "brief (brief-DATE.html) and alerts.atom into this folder.")
def watch_command(sources: tuple[str, ...], every: str, db_path: Path | None, once: bool,
                  model: str | None, config_path: Path | None, overrides: tuple[str, ...],
                  timeout: float, max_bytes: int, min_interval: float,
                  ignore_robots: bool, brief_dir: Path | None) -> None:
    """Poll folders, files and feed URLs, coding only new articles, until Ctrl-C."""
    from dyadwatch.ingest.watch import parse_interval, run_watch, stop_on_signals

    _check_sources(sources)
    try:
        every_s = parse_interval(every)
    except DyadwatchError as e:
        raise click.BadParameter(str(e), param_hint="--every") from e
    watcher, conn, db_file = _build_watcher(sources, db_path, model, config_path, overrides,
                                            _limits(timeout, max_bytes, min_interval,
                                                    ignore_robots))
    click.echo(f"Watching {len(sources)} source(s) every {every} into {db_file}; "
               "Ctrl-C stops.", err=True)
    with stop_on_signals(threading.Event()) as stop:
        on_poll = _report_poll if brief_dir is None else _with_brief(conn, brief_dir, db_file)
        polls = run_watch(watcher, every_s, stop, on_poll, max_polls=1 if once else None)
    conn.close()
    click.echo(f"Stopped after {polls} poll(s).", err=True)


def _check_sources(sources: tuple[str, ...]) -> None:
    from dyadwatch.ingest.watch import is_url

    for source in sources:
        if not is_url(source) and not Path(source).exists():
            raise click.BadParameter(f"{source!r} is neither an existing path nor an http(s) URL",
                                     param_hint="SOURCES")


def _build_watcher(sources: tuple[str, ...], db_path: Path | None, model: str | None,
                   config_path: Path | None, overrides: tuple[str, ...],
                   limits: FetchLimits) -> tuple[Watcher, duckdb.DuckDBPyConnection, Path]:
    """The watcher wired to the real pipeline and database, the connection and the db path."""
    from dyadwatch.config import load_config
    from dyadwatch.ingest.fetch import Fetcher
    from dyadwatch.ingest.readers import ReadLimits
    from dyadwatch.ingest.watch import Watcher
    from dyadwatch.store.db import open_db
    from dyadwatch.store.seen import DbSeen

    try:
        cfg = load_config(config_path, overrides + ((f"nlp.model={model}",) if model else ()))
        db_file = resolve_db(db_path, cfg.store.db)
        conn = open_db(db_file)
        code_batch = _pipeline_batch(cfg, conn, list(sources))
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    watcher = Watcher(sources, code_batch, DbSeen(conn), Fetcher(limits),
                      ReadLimits(max_article_chars=cfg.ingest.max_article_chars),
                      clean=cfg.ingest.clean_furniture)
    return watcher, conn, db_file


def _pipeline_batch(cfg: Config, conn: duckdb.DuckDBPyConnection,
                    sources: list[str]) -> CodeBatch:
    """``code_batch`` over dyadwatch.pipeline: one recorded run per poll."""
    from dyadwatch import pipeline
    from dyadwatch.nlp import load_pipeline

    nlp = load_pipeline(cfg.nlp.model)
    coder = pipeline.build_coder(cfg)
    return lambda items: pipeline.code_items(items, conn, cfg, nlp, coder, sources,
                                             command="watch")


def _with_brief(conn: duckdb.DuckDBPyConnection, folder: Path,
                db_file: Path) -> Callable[[PollResult], None]:
    """_report_poll, then a fresh brief when the poll coded something (issue 17)."""
    from dyadwatch.early_warning import write_cycle_brief

    def on_poll(result: PollResult) -> None:
        _report_poll(result)
        if not result.new:
            return
        try:
            written = write_cycle_brief(conn, folder, str(db_file))
        except (DyadwatchError, OSError) as e:  # no brief this cycle; the watch goes on
            click.echo(f"brief not written: {e}", err=True)
            return
        click.echo(f"brief: {', '.join(str(p) for p in written)}", err=True)

    return on_poll


def _report_poll(result: PollResult) -> None:
    """One line per poll on stderr, then the poll's failures."""
    events = result.summary.events_new if result.summary is not None else 0
    click.echo(f"poll: {result.read} read, {result.known} already known, {result.new} new, "
               f"{events} new events, {len(result.failures)} skipped or failed", err=True)
    for failure in result.failures[:10]:
        click.echo(f"  {failure.code} {failure.message}", err=True)
