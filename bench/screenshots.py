"""Screenshots of the dashboard at laptop and phone width, into out/ (or --out).

Usage: .venv/bin/python bench/screenshots.py [--db out/example.duckdb] [--out DIR]
Codes examples/ into the database when it does not exist, serves it on 127.0.0.1 and
drives the system Chromium (/usr/bin/chromium) with Playwright.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import uvicorn

from dyadwatch.api import create_app

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_db(db: Path) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", "from dyadwatch.cli import cli; cli()", "-q", "code",
                    str(REPO / "examples"), "--db", str(db)], check=True)


def shoot(base: str, out: Path, prefix: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    paths = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + "/")
            page.wait_for_selector("body[data-loaded]", state="attached")
            page.wait_for_selector("#network svg .node")
            for full in (False, True):
                path = out / f"{prefix}-{name}{'-full' if full else ''}.png"
                page.screenshot(path=str(path), full_page=full)
                paths.append(path)
            page.click(".event-list .evidence")
            page.wait_for_selector("#article-panel:not([hidden]) .article-text")
            path = out / f"{prefix}-{name}-article.png"
            page.screenshot(path=str(path))
            paths.append(path)
            page.close()
        browser.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=REPO / "out" / "example.duckdb")
    parser.add_argument("--prefix", default="dashboard", help="file name prefix")
    parser.add_argument("--out", type=Path, default=REPO / "out", help="folder for the images")
    args = parser.parse_args()
    ensure_db(args.db)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for path in shoot(f"http://127.0.0.1:{port}", args.out, args.prefix):
            sys.stdout.write(f"{path}\n")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
