"""The dashboard's alerts panel in headless Chromium, over the planted-turn database."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from test_browser import allowed_console, browser, open_page, serve  # noqa: F401

from dyadwatch.store.db import open_db
from dyadwatch.synthetic import write_events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
from test_alerts import START, WEEKS, planted_events  # noqa: E402

pytestmark = [pytest.mark.slow]
AS_OF = (START + timedelta(weeks=WEEKS - 1, days=6)).isoformat()


@pytest.fixture(scope="module")
def planted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("alerts-browser") / "planted.duckdb"
    conn = open_db(path)
    write_events(conn, planted_events())
    conn.close()
    yield from serve(path, tmp_path_factory.mktemp("snap-alerts"))


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [AS_OF])
def test_alerts_browser_panel_shows_turn_and_forecast(open_page: Callable[..., Any],  # noqa: F811
                                                      planted_url: str, as_of: str) -> None:
    page = open_page(planted_url)
    page.goto(f"{planted_url}/?as_of={as_of}")
    page.wait_for_selector('body[data-alerts="drawn"]', state="attached")
    first = page.locator("#alerts .alert-card").first
    assert first.locator(".alert-title").inner_text() == "1. ARN – GON"
    assert "none in the 8 periods before" in first.locator(".alert-why").inner_text()
    assert first.locator("svg rect.bar-latest").count() == 1
    assert "Planted: ARN fought GON" in first.locator(".alert-evidence").first.inner_text()
    page.wait_for_selector('body[data-forecasts="drawn"]', state="attached")
    forecast = first.locator(".alert-forecast").inner_text()
    assert "P(material conflict)" in forecast and "Track record" in forecast
    first.locator(".alert-title").click()
    page.wait_for_selector('body[data-loaded^="a=ARN&b=GON&"]', state="attached")
