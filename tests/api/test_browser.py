"""The dashboard in headless Chromium: pick a dyad, see the chart, reach an evidence sentence.

Needs the system browser (/usr/bin/chromium, Debian's `chromium` package) and Playwright for
Python; `playwright install` is never run. Servers bind 127.0.0.1 on a free port and are
stopped at the end.

Every wait is on the page's state, never on time: the dashboard writes the URL fragment it
has finished drawing to ``<body data-loaded>``, and the tests wait for that attribute.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (apt-get install chromium); browser test skipped",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright (python) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from dyadwatch.api import Settings, create_app  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow]
# A dyad too short for change points answers 422; the dashboard says so and carries on.
EXPECTED = ("the server responded with a status of 422",)
sync_api.expect.set_options(timeout=60_000)  # the suite may share two busy cores
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
MOODS = "a=USAGOV&b=IRNGOV"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: Path, snapshots: Path) -> Iterator[str]:
    app = create_app(db, Settings(snapshot_dir=snapshots))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)  # the server thread's own state; nothing in the page to wait on
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)
    assert not thread.is_alive()


@pytest.fixture(scope="module")
def base_url(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(example_db, tmp_path_factory.mktemp("snap"))


@pytest.fixture(scope="module")
def moods_url(moods_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The synthetic crisis (60 weeks of USAGOV-IRNGOV) with threats, intents, reported and
    denied events and two undated ones."""
    yield from serve(moods_db, tmp_path_factory.mktemp("snap-moods"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def allowed_console() -> list[str]:
    """Console errors a test expects (e.g. the 404 of an unknown actor)."""
    return list(EXPECTED)


@pytest.fixture
def open_page(browser: Any, allowed_console: list[str]) -> Iterator[Callable[..., Any]]:
    """open_page(base, width=1280, height=800): a fresh page that must log no errors and
    request nothing off-site."""
    pages: list[tuple[Any, list[str]]] = []

    def make(base: str, width: int = 1280, height: int = 800) -> Any:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_default_timeout(60_000)
        problems: list[str] = []
        page.on("console", lambda msg: msg.type == "error"
                and not any(text in msg.text for text in allowed_console)
                and problems.append(msg.text))
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("request", lambda req: req.url.startswith(base)
                or req.url.startswith("data:") or problems.append("off-site: " + req.url))
        pages.append((page, problems))
        return page

    yield make
    for page, problems in pages:
        page.close()
        assert problems == []


def wait_loaded(page: Any, fragment: str | None = None) -> None:
    """Until the dashboard has drawn ``fragment`` (or, without one, whatever it opened)."""
    if fragment is None:
        page.wait_for_selector("body[data-loaded]", state="attached")
    else:
        page.wait_for_selector(f'body[data-loaded="{fragment}"]', state="attached")


def show(page: Any, base: str, fragment: str) -> None:
    page.goto(f"{base}/#{fragment}")
    wait_loaded(page, fragment)


def press(page: Any, locator: Any) -> None:
    """Activate a chart point from the keyboard (points of the two directions may overlap,
    so a mouse click could land on the other one)."""
    locator.focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize(("name_a", "code_a", "code_b"), [("Tehran", "IRNGOV", "USA")])
def test_browser_pick_dyad_chart_and_evidence(open_page: Callable[..., Any], base_url: str,
                                              name_a: str, code_a: str, code_b: str) -> None:
    page = open_page(base_url)
    page.goto(base_url + "/")
    wait_loaded(page)  # the busiest pair of countries is open; nothing is still arriving
    # 1. search by name, pick the suggestion by its code
    page.fill("#actor-a", name_a)
    page.click(f"#suggest-a li[data-code='{code_a}']")
    assert page.input_value("#actor-a") == code_a
    page.fill("#actor-b", code_b)
    page.click(f"#suggest-b li[data-code='{code_b}']")  # the list would cover the button
    page.click("#show")
    page.wait_for_selector(f'body[data-loaded^="a={code_a}&b={code_b}&"]', state="attached")
    # 2. the chart of both directions
    sync_api.expect(page.locator("#chart-title")).to_have_text(
        f"Goldstein sum: {code_a} and {code_b}")
    assert page.locator("#chart svg polyline.line-AB").count() == 1
    assert page.locator("#chart svg polyline.line-BA").count() == 1
    assert [t.split(" (")[0].strip() for t in page.locator("#legend li").all_inner_texts()] == [
        f"{code_a} → {code_b}", f"{code_b} → {code_a}"]
    # 3. a point with events → that period's events with their evidence sentences
    point = page.locator("#chart .point:not(.empty)").first
    period = point.get_attribute("data-period")
    press(page, point)
    page.wait_for_selector(f'body[data-loaded*="period={period}"]', state="attached")
    sentence = page.locator("#events .event .evidence").first.inner_text().strip("“”")
    assert len(sentence) > 20
    # 4. the sentence inside its article, scrolled into view
    page.locator("#events .event .evidence").first.click()
    page.wait_for_selector("#article-panel:not([hidden]) mark")
    assert page.locator("#article mark").inner_text() == sentence
    assert_in_view(page, "#article mark", ".article-text")


def assert_in_view(page: Any, selector: str, box_selector: str) -> None:
    """The element is inside its scrolling box's visible area and inside the viewport."""
    inner = page.locator(selector).bounding_box()
    outer = page.locator(box_selector).bounding_box()
    height = page.viewport_size["height"]
    assert outer["y"] - 1 <= inner["y"] and inner["y"] + min(inner["height"], 40) <= (
        outer["y"] + outer["height"] + 1), (inner, outer)
    assert 0 <= inner["y"] <= height, (inner, height)


@pytest.mark.issue(15)
@pytest.mark.parametrize("width", [390])
def test_browser_article_scrolls_to_the_evidence(open_page: Callable[..., Any], base_url: str,
                                                 width: int) -> None:
    page = open_page(base_url, width=width, height=700)
    page.goto(base_url + "/")
    wait_loaded(page)
    cards = page.locator("#events .event .evidence")
    for index in range(cards.count() - 1, max(cards.count() - 4, -1), -1):
        cards.nth(index).click()
        page.wait_for_selector("#article-panel:not([hidden]) mark")
        assert_in_view(page, "#article mark", ".article-text")
        page.click("#article-close")


@pytest.mark.parametrize("row", [0])
def test_browser_dyad_table_and_network(open_page: Callable[..., Any], base_url: str,
                                        row: int) -> None:
    page = open_page(base_url)
    page.goto(base_url + "/")
    wait_loaded(page)
    page.wait_for_selector("#network svg .node")
    first = page.locator("#dyads tbody tr").nth(row)
    a, b = first.get_attribute("data-a"), first.get_attribute("data-b")
    first.click()
    page.wait_for_selector(f'body[data-loaded^="a=%3D{a}&b=%3D{b}&"]', state="attached")
    sync_api.expect(page.locator("#chart-title")).to_have_text(f"Goldstein sum: ={a} and ={b}")
    assert page.locator("#events .event").count() >= 1
    assert page.locator("#network svg .edge").count() >= 1


@pytest.mark.issue(15)
@pytest.mark.parametrize("by", ["country"])
def test_browser_dyad_table_by_country(open_page: Callable[..., Any], base_url: str,
                                       by: str) -> None:
    page = open_page(base_url)
    page.goto(base_url + "/")
    wait_loaded(page)
    assert page.locator("#dyads").get_attribute("data-by") == "code"
    by_code = page.locator("#dyads tbody tr").count()
    page.select_option("#dyads-by", by)
    page.wait_for_selector(f"#dyads[data-by='{by}'] tbody tr")
    assert page.locator("#dyads tbody tr").count() < by_code  # sectors merged into countries
    first = page.locator("#dyads tbody tr").first
    a, b = first.get_attribute("data-a"), first.get_attribute("data-b")
    first.click()
    page.wait_for_selector(f'body[data-loaded^="a={a}&b={b}&"]', state="attached")


@pytest.mark.parametrize(("width", "height"), [(390, 844)])
def test_browser_phone_width_has_no_sideways_scroll(open_page: Callable[..., Any],
                                                    base_url: str, width: int,
                                                    height: int) -> None:
    page = open_page(base_url, width=width, height=height)
    page.goto(base_url + "/")
    wait_loaded(page)
    page.wait_for_selector("#network svg .node")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # it opens at the top, and the dyad table shows every column without scrolling
    assert page.evaluate("window.scrollY") == 0
    headers = page.locator("#dyads thead th")
    assert headers.count() == 6 and all(h.is_visible() for h in headers.all())
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")


@pytest.mark.issue(15)
@pytest.mark.parametrize("view", [MOODS + "&freq=month"])
def test_browser_month_ticks_sit_on_their_months(open_page: Callable[..., Any],
                                                 moods_url: str, view: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, view)
    ticks = page.locator("#chart .x-tick")
    labels = ticks.all_text_contents()
    assert len(labels) >= 3 and len(set(labels)) == len(labels), labels
    points = {p.get_attribute("data-period"): float(p.get_attribute("data-x"))
              for p in page.locator("#chart .point-AB").all()}
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec"]
    for tick in ticks.all():
        day = tick.get_attribute("data-day")
        assert day.endswith("-01"), day
        month, year = str(tick.text_content()).split()
        assert day == f"{year}-{months.index(month) + 1:02d}-01"
        assert abs(float(tick.get_attribute("x")) - points[day]) < 0.5, (day, points[day])
    # the point above a tick opens that month's events
    tick = ticks.nth(1)
    day = tick.get_attribute("data-day")
    press(page, page.locator(f"#chart .point-AB[data-period='{day}']"))
    page.wait_for_selector(f'body[data-loaded*="period={day}"]', state="attached")
    assert page.locator("#events-title").inner_text() == f"Events, {tick.text_content()}"
    dates = page.locator("#events .event .date").all_inner_texts()
    assert dates and all(d.startswith(day[:7]) for d in dates), dates
    # a span like PRK-USA's July 2017 to December 2018, month by month
    prk = page.evaluate("""(() => {
        var t = DWCharts.dateTicks(Date.UTC(2017, 6, 1), Date.UTC(2018, 11, 1), 8, 'month');
        return t.ticks.map(function (ms) { return DWCharts.tickLabel(ms, t.monthly); });
    })()""")
    assert prk[:3] == ["Jul 2017", "Oct 2017", "Jan 2018"] and len(set(prk)) == len(prk)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("first", "second"), [
    (MOODS + "&freq=week", "a=IRNGOV&b=USAGOV&freq=month"),
])
def test_browser_fragment_drives_the_view(open_page: Callable[..., Any], moods_url: str,
                                          first: str, second: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, first)
    title = page.locator("#chart-title")
    sync_api.expect(title).to_have_text("Goldstein sum: USAGOV and IRNGOV")
    # a pasted link in the same tab
    page.goto(f"{moods_url}/#{second}")
    wait_loaded(page, second)
    sync_api.expect(title).to_have_text("Goldstein sum: IRNGOV and USAGOV")
    assert page.input_value("#freq") == "month" and page.input_value("#actor-a") == "IRNGOV"
    # back and forward
    page.go_back()
    wait_loaded(page, first)
    sync_api.expect(title).to_have_text("Goldstein sum: USAGOV and IRNGOV")
    assert page.input_value("#freq") == "week"
    page.go_forward()
    wait_loaded(page, second)
    sync_api.expect(title).to_have_text("Goldstein sum: IRNGOV and USAGOV")
    # a click on a point is a step in the history too
    press(page, page.locator("#chart .point:not(.empty)").first)
    page.wait_for_selector('body[data-loaded*="period="]', state="attached")
    page.go_back()
    wait_loaded(page, second)


@pytest.mark.issue(15)
@pytest.mark.parametrize("unknown", ["ZZZ"])
def test_browser_unknown_actor_message_in_words(open_page: Callable[..., Any], moods_url: str,
                                                allowed_console: list[str],
                                                unknown: str) -> None:
    allowed_console.append("the server responded with a status of 404")
    page = open_page(moods_url)
    show(page, moods_url, MOODS + "&freq=week")
    assert page.locator("#events .event").count() > 0
    view = f"a={unknown}&b=USAGOV&freq=week"
    page.evaluate(f"location.hash = '{view}'")
    wait_loaded(page, view)
    message = page.locator("#form-message").inner_text()
    assert f"No event involves “{unknown}”" in message
    assert "/api" not in message and "--" not in message and "E708" not in message
    assert unknown not in page.locator("#chart-title").inner_text()
    assert page.locator("#events .event").count() == 0  # nothing left from the last dyad
    assert page.locator("#chart svg").count() == 0
    # typed in the form, the same words, before any chart request
    page.fill("#actor-b", "USAGOV")
    page.click("#suggest-b li[data-code='USAGOV']")
    page.fill("#actor-a", unknown + "Q")
    page.click("#show")
    page.wait_for_selector('body[data-loaded="refused"]', state="attached")
    assert f"No event involves “{unknown}Q”" in page.locator("#form-message").inner_text()


@pytest.mark.issue(15)
@pytest.mark.parametrize(("since", "until"), [("2019-06-01", "2019-03-01")])
def test_browser_since_after_until_is_a_form_message(open_page: Callable[..., Any],
                                                     moods_url: str, since: str,
                                                     until: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, MOODS + "&freq=week")
    page.fill("#since", since)
    page.fill("#until", until)
    page.click("#show")
    sync_api.expect(page.locator("#form-message")).to_contain_text(
        f"“From” ({since}) is after “To” ({until})")
    view = f"{MOODS}&freq=week&since={since}&until={until}"
    page.evaluate(f"location.hash = '{view}'")
    wait_loaded(page, view)
    sync_api.expect(page.locator("#form-message")).to_contain_text("is after")
    assert page.locator("#events .event").count() == 0


@pytest.mark.issue(15)
@pytest.mark.parametrize("view", [MOODS + "&freq=week&since=2019-03-04&until=2019-03-04"])
def test_browser_cards_say_threat_intent_reported_denied(open_page: Callable[..., Any],
                                                         moods_url: str, view: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, view)
    moods = {card.get_attribute("data-event"): card.locator(".mood").all_text_contents()
             for card in page.locator("#events .event").all()}
    assert moods["mood-threat"] == ["threat"] and moods["mood-intent"] == ["intent"]
    assert moods["mood-reported"] == ["reported"] and moods["mood-denied"] == ["denied"]
    # each card links to itself: the link opens the event's period with the card in focus
    link = page.locator("#ev-mood-threat .event-permalink")
    target = link.get_attribute("href").lstrip("#")
    assert "event=mood-threat" in target and "period=2019-03-04" in target
    link.click()
    wait_loaded(page, target)
    sync_api.expect(page.locator("#ev-mood-threat")).to_have_class(re.compile(r"\bfocus\b"))


@pytest.mark.issue(15)
@pytest.mark.parametrize("view", [MOODS + "&freq=week"])
def test_browser_events_paginate_and_undated_come_last(open_page: Callable[..., Any],
                                                       moods_url: str, view: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, view)
    count = page.locator(".pager-count").inner_text()
    total = int(re.fullmatch(r"1–20 of (\d+) events", count).group(1))  # type: ignore[union-attr]
    assert total > 40 and page.locator("#events .event").count() == 20
    page.click(".pager-next")
    wait_loaded(page, view + "&page=2")
    assert page.locator(".pager-count").inner_text() == f"21–40 of {total} events"
    last = (total + 19) // 20
    page.evaluate(f"location.hash = '{view}&page={last}'")
    wait_loaded(page, f"{view}&page={last}")
    dates = page.locator("#events .event .date").all_inner_texts()
    assert dates[-2:] == ["date unknown", "date unknown"]
    text = page.locator("#events").inner_text()
    assert "NaT" not in text and "null" not in text and "undefined" not in text


@pytest.mark.issue(15)
@pytest.mark.parametrize(("control", "value", "param", "check"), [
    ("#quad", "4", "quad=4", "4"), ("#root", "13", "root=13", "13"),
])
def test_browser_filters_and_downloads(open_page: Callable[..., Any], moods_url: str,
                                       control: str, value: str, param: str,
                                       check: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, MOODS + "&freq=week")
    page.select_option(control, value)
    page.wait_for_selector(f'body[data-loaded*="{param}"]', state="attached")
    codes = [t.split()[0] for t in page.locator("#events .event .cameo").all_inner_texts()]
    assert codes
    if control == "#root":
        assert all(code.startswith(check) for code in codes)
    for fmt in ("csv", "json"):
        href = page.locator(f"#download-{fmt}").get_attribute("href")
        cameo = "cameo_root=13" if control == "#root" else param
        assert f"format={fmt}" in href and cameo in href
        response = page.request.get(moods_url + href)
        assert response.status == 200
        assert "attachment" in response.headers["content-disposition"]
    csv_text = page.request.get(moods_url + page.locator("#download-csv").get_attribute(
        "href")).text()
    assert csv_text.splitlines()[0].startswith("date,direction,source,target,cameo")


@pytest.mark.issue(15)
@pytest.mark.parametrize("view", [MOODS + "&freq=week"])
def test_browser_tooltips_round_and_count(open_page: Callable[..., Any], moods_url: str,
                                          view: str) -> None:
    page = open_page(moods_url)
    show(page, moods_url, view)
    titles = page.locator("#chart .point title").all_text_contents()
    assert titles and all(re.search(r"Goldstein sum -?\d+\.\d$", t) for t in titles), titles[:3]
    assert not any(re.search(r"\b1 events\b", t) for t in titles)
    assert any(re.search(r"· 1 event ·", t) for t in titles)
    quads = page.locator("#quad-chart rect title").all_text_contents()
    assert quads and all(re.search(r": \d+ events?$", t) for t in quads)
