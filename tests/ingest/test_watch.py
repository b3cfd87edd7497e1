from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest
from local_http import serve

from dyadwatch.errors import ConfigError
from dyadwatch.ingest.dedup import text_sha1
from dyadwatch.ingest.fetch import Fetcher, FetchLimits
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.ingest.watch import (
    PollResult,
    Watcher,
    parse_interval,
    run_watch,
    stop_on_signals,
    stored_text_sha1,
)
from dyadwatch.model import Article, Failure, RunSummary
from dyadwatch.store.db import CodedArticle, open_db, start_run, write_batch
from dyadwatch.store.seen import DbSeen

FIXTURES = Path(__file__).parent / "fixtures"
STORY = ("Greece and Turkey agreed on Tuesday to resume exploratory talks on their dispute over "
         "maritime boundaries in the Aegean Sea, the two foreign ministries said in Athens.")
OTHER = ("Armenia's defence ministry accused Azerbaijan on Thursday of shelling two villages "
         "near the border overnight, wounding a farmer and damaging several houses.")
GERMAN = ("Die Bundesregierung hat am Freitag neue Gespräche mit den Nachbarländern über die "
          "Sicherung der gemeinsamen Grenzen angekündigt, teilte ein Sprecher mit.")


class DbCoder:
    """A stand-in for the pipeline: stores articles (no events) and failures like it does."""

    def __init__(self, conn: object) -> None:
        self.conn = conn
        self.batches: list[list[ReadItem]] = []

    def __call__(self, items: list[ReadItem]) -> RunSummary:
        self.batches.append(items)
        articles = [i for i in items if isinstance(i, Article)]
        failures = [i for i in items if isinstance(i, Failure)]
        run_id = start_run(self.conn, "watch", {}, {}, [])  # type: ignore[arg-type]
        coded = [CodedArticle(a, stored_text_sha1(a.text), 1, ()) for a in articles]
        write_batch(self.conn, run_id, coded, failures)  # type: ignore[arg-type]
        return RunSummary(articles_read=len(articles), articles_coded=len(articles))

    def coded_ids(self) -> list[list[str]]:
        return [[i.id for i in batch if isinstance(i, Article)] for batch in self.batches]


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(f"date 2024-03-05\n{text}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1d", 86400), ("90", 90),
                          ("1.5m", 90)],
)
def test_watch_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0", "15 minutes"])
def test_watch_parse_interval_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match="E101"):
        parse_interval(text)


@pytest.mark.parametrize("restarts", [1])
def test_watch_codes_only_new_articles_and_survives_restart(tmp_path: Path, restarts: int) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    conn = open_db(tmp_path / "events.duckdb")
    coder = DbCoder(conn)
    _write(inbox, "a.txt", STORY)
    watcher = Watcher([str(inbox)], coder, DbSeen(conn))
    assert watcher.poll().new == 1
    assert watcher.poll().new == 0  # nothing changed: nothing read
    _write(inbox, "b.txt", OTHER)
    _write(inbox, "c.txt", GERMAN)
    result = watcher.poll()
    assert (result.new, [f.code for f in result.failures]) == (1, ["E209"])
    for _ in range(restarts):  # a new process: memory is gone, the database remains
        watcher = Watcher([str(inbox)], coder, DbSeen(conn))
        result = watcher.poll()
        assert (result.read, result.known, result.new) == (3, 3, 0)
    (inbox / "a.txt").write_text(f"date 2024-03-05\n{STORY} Both sides welcomed it.\n")
    assert watcher.poll().new == 1  # a changed text is coded again
    assert coder.coded_ids() == [["a"], ["b"], ["a"]]
    conn.close()


@pytest.mark.parametrize("copy_name", ["copy.txt"])
def test_watch_skips_duplicates_of_stored_articles(tmp_path: Path, copy_name: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    conn = open_db(tmp_path / "events.duckdb")
    coder = DbCoder(conn)
    _write(inbox, "a.txt", STORY)
    Watcher([str(inbox)], coder, DbSeen(conn)).poll()
    _write(inbox, copy_name, "ATHENS (Harbour Times) - " + STORY)
    result = Watcher([str(inbox)], coder, DbSeen(conn)).poll()  # after a restart
    assert result.new == 0
    assert [f.code for f in result.failures] == ["E210"]
    assert text_sha1(STORY) != text_sha1("ATHENS (Harbour Times) - " + STORY)
    conn.close()


@pytest.mark.parametrize("page", ["talks_resume.html"])
def test_watch_feed_url_fetches_each_page_once(tmp_path: Path, page: str) -> None:
    conn = open_db(tmp_path / "events.duckdb")
    coder = DbCoder(conn)
    with serve() as site:
        feed = (FIXTURES / "world.rss").read_text(encoding="utf-8")
        feed_url = site.add("/world.rss", feed.replace("http://news.invalid", site.base))
        site.add("/world/talks-resume", (FIXTURES / page).read_bytes())
        fetcher = Fetcher(FetchLimits(min_interval_s=0, respect_robots=False))
        watcher = Watcher([feed_url], coder, DbSeen(conn), fetcher)
        first = watcher.poll()
        again = Watcher([feed_url], coder, DbSeen(conn), fetcher).poll()
    assert (first.new, sorted(f.code for f in first.failures)) == (2, ["E209", "E602", "E602"])
    assert again.new == 0
    assert site.paths().count("/world/talks-resume") == 1
    assert site.paths().count("/world.rss") == 2
    conn.close()


@pytest.mark.parametrize("polls", [3])
def test_watch_run_stops_on_event(tmp_path: Path, polls: int) -> None:
    stop = threading.Event()
    seen: list[PollResult] = []

    def on_poll(result: PollResult) -> None:
        seen.append(result)
        if len(seen) == polls:
            stop.set()

    watcher = Watcher([str(tmp_path)], lambda items: RunSummary(), _NoDb())
    assert run_watch(watcher, 0.01, stop, on_poll) == polls


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_watch_signal_sets_stop_then_restores_handler(sig: signal.Signals) -> None:
    before = signal.getsignal(sig)
    with stop_on_signals(threading.Event()) as stop:
        os.kill(os.getpid(), sig)
        assert stop.wait(2)
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), sig)  # a second signal aborts
            stop.wait(2)
    assert signal.getsignal(sig) == before


class _NoDb:
    def stored_sha1(self, ids: object) -> dict[str, str]:
        return {}

    def settled_ids(self, ids: object) -> set[str]:
        return set()

    def article_texts(self) -> list[tuple[str, str]]:
        return []
