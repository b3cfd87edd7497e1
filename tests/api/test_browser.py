"""The dashboard in headless Chromium: pick a dyad, see the chart, reach an evidence sentence.

Needs the system browser (/usr/bin/chromium, Debian's `chromium` package) and Playwright for
Python; `playwright install` is never run. The server binds 127.0.0.1 on a free port and
is stopped at the end.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
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
EXPECTED_422 = "the server responded with a status of 422"
sync_api.expect.set_options(timeout=30_000)  # the suite may share two busy cores
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = create_app(example_db, Settings(snapshot_dir=tmp_path_factory.mktemp("snap")))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)
    assert not thread.is_alive()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and EXPECTED_422 not in msg.text
            and problems.append(msg.text))
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda req: req.url.startswith(base_url)
            or req.url.startswith("data:") or problems.append("off-site: " + req.url))
    yield page
    page.close()
    assert problems == []


@pytest.mark.parametrize(("name_a", "code_a", "code_b"), [("Tehran", "IRNGOV", "USA")])
def test_browser_pick_dyad_chart_and_evidence(page: Any, base_url: str, name_a: str,
                                              code_a: str, code_b: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#dyads tbody tr")
    # 1. search by name, pick the suggestion by its code
    page.fill("#actor-a", name_a)
    page.click(f"#suggest-a li[data-code='{code_a}']")
    assert page.input_value("#actor-a") == code_a
    page.fill("#actor-b", code_b)
    page.click("#show")
    # 2. the chart of both directions
    sync_api.expect(page.locator("#chart-title")).to_contain_text(f"{code_a} and {code_b}")
    page.wait_for_selector("#chart svg polyline.line-AB")
    assert page.locator("#chart svg polyline.line-BA").count() == 1
    assert page.locator("#legend li").all_inner_texts() == [f"{code_a} → {code_b}",
                                                            f"{code_b} → {code_a}"]
    # 3. a point with events → that period's events with their evidence sentences
    page.locator("#chart .point:not(.empty)").first.click()
    page.wait_for_selector("#events .event .evidence")
    sentence = page.locator("#events .event .evidence").first.inner_text().strip("“”")
    assert len(sentence) > 20
    # 4. the sentence inside its article
    page.locator("#events .event .evidence").first.click()
    page.wait_for_selector("#article-panel:not([hidden]) mark")
    assert page.locator("#article mark").inner_text() == sentence


@pytest.mark.parametrize("row", [0])
def test_browser_dyad_table_and_network(page: Any, base_url: str, row: int) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#network svg .node")
    first = page.locator("#dyads tbody tr").nth(row)
    a, b = first.get_attribute("data-a"), first.get_attribute("data-b")
    first.click()
    sync_api.expect(page.locator("#chart-title")).to_contain_text(f"={a} and ={b}")
    page.wait_for_selector("#events .event")
    assert page.locator("#network svg .edge").count() >= 1


@pytest.mark.parametrize(("width", "height"), [(390, 844)])
def test_browser_phone_width_has_no_sideways_scroll(browser: Any, base_url: str, width: int,
                                                    height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(base_url + "/")
    page.wait_for_selector("#chart svg .point")
    page.wait_for_selector("#network svg .node")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert overflow <= width
