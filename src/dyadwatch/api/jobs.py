"""Coding jobs: POST articles, and a worker codes them with ``dyadwatch code``.

The only route that writes. It needs the service's token; without one it answers 403. The
worker runs one job at a time as a ``dyadwatch code`` subprocess, the same single writer a
user would run, and waits while another process holds the database.
"""

from __future__ import annotations

import hmac
import json
import queue
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, ConfigDict, Field

from dyadwatch.api.errors import (
    BadJobError,
    BadTokenError,
    ErrorBody,
    JobNotFoundError,
    WritesDisabledError,
)
from dyadwatch.api.settings import Settings
from dyadwatch.store.snapshot import writer_pid

JobStatus = Literal["queued", "running", "finished", "failed"]
MAX_ARTICLES = 500
MAX_TEXT = 200_000
LOCK_WAIT_S = 600.0
RUN_TIMEOUT_S = 3600.0
_LAUNCH = "from dyadwatch.cli import cli; cli(prog_name='dyadwatch')"


class ArticleIn(BaseModel):
    """One article to code (the JSONL input record of ``dyadwatch code``)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    publisher: str | None = Field(default=None, max_length=200)


class JobIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


@dataclass(frozen=True, slots=True)
class Job:
    job_id: str
    articles: int
    status: JobStatus = "queued"
    created_at: str = field(default_factory=lambda: _now())
    started_at: str | None = None
    finished_at: str | None = None
    returncode: int | None = None
    message: str = ""

    def record(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class JobQueue:
    """Jobs in memory and one worker thread that codes them in order."""

    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = db_path.resolve()
        self.settings = settings
        self._jobs: dict[str, Job] = {}
        self._pending: queue.Queue[tuple[str, Path] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._process: subprocess.Popen[str] | None = None
        self._closing = threading.Event()

    def submit(self, job_in: JobIn) -> Job:
        job = Job(job_id=uuid.uuid4().hex[:12], articles=len(job_in.articles))
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed here, deleted by the run
            "w", suffix=".jsonl", prefix=f"dyadwatch-job-{job.job_id}-", delete=False,
            encoding="utf-8")
        with handle:
            for item in job_in.articles:
                handle.write(json.dumps(item.model_dump(exclude_none=True)) + "\n")
        with self._lock:
            self._jobs[job.job_id] = job
            self._start_worker()
        self._pending.put((job.job_id, Path(handle.name)))
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise JobNotFoundError(job_id=job_id)
        return job

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda job: job.created_at, reverse=True)

    def _start_worker(self) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="dyadwatch-jobs",
                                            daemon=True)
            self._worker.start()

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _work(self) -> None:
        while (item := self._pending.get()) is not None:
            job_id, path = item
            self._update(job_id, status="running", started_at=_now())
            try:
                code, message = self._run(path)
            finally:
                path.unlink(missing_ok=True)
            self._update(job_id, status="finished" if code == 0 else "failed",
                         finished_at=_now(), returncode=code, message=message)

    def _run(self, path: Path) -> tuple[int, str]:
        """Wait for the database to be free, then run ``dyadwatch code`` (retried once)."""
        for _attempt in range(2):
            if not self._wait_for_writer():
                return 75, "the database stayed locked by another writer; job not run"
            code, message = self._code(path)
            if code == 0 or "lock" not in message.lower():
                return code, message
        return code, message

    def _wait_for_writer(self) -> bool:
        deadline = time.monotonic() + LOCK_WAIT_S
        while writer_pid(self.db_path) is not None:
            if time.monotonic() > deadline or self._closing.wait(0.5):
                return False
        return True

    def _code(self, path: Path) -> tuple[int, str]:
        command = [sys.executable, "-c", _LAUNCH, "-q", "code", str(path),
                   "--db", str(self.db_path)]
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True)
        try:
            _out, err = self._process.communicate(timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            _out, err = self._process.communicate()
            return 124, f"coding took longer than {RUN_TIMEOUT_S:g} s and was stopped"
        code = self._process.returncode
        return code, err.strip()[-2000:] or ("coded" if code == 0 else "failed")

    def close(self) -> None:
        """Stop the worker; a running coding process is terminated."""
        self._closing.set()
        if self._worker is not None:
            self._pending.put(None)
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()


# ---- routes ------------------------------------------------------------------------

router = APIRouter(prefix="/api", tags=["jobs"], responses={
    status: {"model": ErrorBody, "description": text} for status, text in (
        (400, "Bad job body."), (401, "Missing or wrong token."),
        (403, "Writes are switched off (no token configured)."), (404, "No such job."),
        (413, "Request body too large."),
    )})


def _queue(request: Request) -> JobQueue:
    jobs: JobQueue = request.app.state.jobs
    return jobs


def check_token(settings: Settings, authorization: str | None) -> None:
    """WritesDisabledError without a configured token; BadTokenError on a mismatch."""
    if not settings.token:
        raise WritesDisabledError()
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(),
                                                              settings.token.encode()):
        raise BadTokenError()


@router.post("/jobs", status_code=202, summary="Queue articles for coding (needs the token)")
def submit_job(request: Request, body: JobIn,
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Code the posted articles into the database; poll GET /api/jobs/{job_id}."""
    queue_ = _queue(request)
    check_token(queue_.settings, authorization)
    limit = queue_.settings.max_job_articles
    if len(body.articles) > limit:
        raise BadJobError(detail=f"{len(body.articles)} articles; at most {limit} per job")
    return {"ok": True, "job": queue_.submit(body).record()}


@router.get("/jobs", summary="Coding jobs of this service, newest first")
def list_jobs(request: Request) -> dict[str, Any]:
    return {"ok": True, "jobs": [job.record() for job in _queue(request).all()]}


@router.get("/jobs/{job_id}", summary="One coding job")
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    return {"ok": True, "job": _queue(request).get(job_id).record()}
