"""The web service: ``create_app(db_path, settings)`` builds the FastAPI app.

The app never opens the live database file; it reads private snapshots of it (see
``dyadwatch.store.snapshot`` and docs/architecture.md), so ``dyadwatch code`` can write the
same file while the service runs.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyadwatch import __version__
from dyadwatch.api import alerts, jobs, routes
from dyadwatch.api.errors import (
    BodyTooLargeError,
    HostNotAllowedError,
    error_body,
    install_error_handlers,
)
from dyadwatch.api.settings import Settings
from dyadwatch.store.snapshot import SnapshotSource

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CSP.encode()),
)


def static_dir() -> Path:
    """The dashboard's files, shipped inside the package."""
    return Path(str(resources.files("dyadwatch.api").joinpath("static")))


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """The service over the database at ``db_path`` (which may not exist yet)."""
    settings = settings or Settings()
    owned = settings.snapshot_dir is None
    folder = settings.snapshot_dir or Path(tempfile.mkdtemp(prefix="dyadwatch-serve-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = SnapshotSource(Path(db_path), folder)
    app = FastAPI(title="dyadwatch", version=__version__, lifespan=_lifespan(source, folder,
                                                                            owned),
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Political event data: events, dyads, series, escalation, "
                              "reciprocity, timelines with evidence. Errors: docs/api.md.")
    app.state.dyadwatch = routes.ServiceState(source, settings)
    app.state.jobs = jobs.JobQueue(Path(db_path), settings)
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(jobs.router)
    app.include_router(alerts.router)
    _mount_dashboard(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(HostAllowList, allowed=settings.allowed_hosts)
    return app


def _lifespan(source: SnapshotSource, folder: Path, owned: bool):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.jobs.close()
        source.close()
        if owned:
            shutil.rmtree(folder, ignore_errors=True)

    return lifespan


def _mount_dashboard(app: FastAPI) -> None:
    folder = static_dir()

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=folder), name="static")


class SecurityHeaders:
    """Adds no-sniff, no-framing and a same-origin content security policy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The host of a Host header without its port, lower case: '[::1]:8000' -> '[::1]'."""
    value = header.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def normal_hosts(hosts: tuple[str, ...]) -> frozenset[str]:
    """Allowed names as a Host header carries them (an IPv6 address in brackets)."""
    return frozenset(f"[{h}]" if ":" in h and not h.startswith("[") else h.lower()
                     for h in hosts)


class HostAllowList:
    """Answers 400 (E617) to requests whose Host header is not allowed (DNS rebinding).

    A page on another site that rebinds its name to 127.0.0.1 still sends its own name in
    the Host header; only the names the service was started for are answered.
    """

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = normal_hosts(allowed)
        self.shown = ", ".join(sorted(self.allowed))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        error = HostNotAllowedError(host=header, allowed=self.shown, hint=name or "NAME")
        await _send_json(send, 400, error_body(400, [str(error)]))


class BodyLimit:
    """Answers 413 to request bodies over ``max_bytes``, declared or streamed.

    A body without Content-Length is read here, up to the limit, and replayed to the app.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.max_bytes:
                await _too_large(send, self.max_bytes)
                return
            await self.app(scope, receive, send)
            return
        body = await _read_at_most(receive, self.max_bytes)
        if body is None:
            await _too_large(send, self.max_bytes)
            return
        await self.app(scope, _replay(body, receive), send)


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole streamed body, or None once it grows past ``limit``."""
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _too_large(send: Send, limit: int) -> None:
    await _send_json(send, 413, error_body(413, [str(BodyTooLargeError(limit=limit))]))


async def _send_json(send: Send, status: int, payload: dict[str, object]) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
