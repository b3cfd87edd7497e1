"""POST /api/jobs: the one writing route, behind the token."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ErrorCheck = Callable[..., dict[str, Any]]
ARTICLE = {"id": "job-1", "date": "2020-01-08", "url": "https://example.org/job-1",
           "text": "Iran fired missiles at US forces in Iraq on Wednesday."}


@pytest.mark.parametrize(("token", "header", "status", "code"), [
    (None, "Bearer anything", 403, "E612"),
    ("secret", None, 401, "E613"),
    ("secret", "Bearer wrong", 401, "E613"),
    ("secret", "Basic secret", 401, "E613"),
])
def test_jobs_need_the_token(synthetic_db: Path, tmp_path: Path, client_for: Any,
                             assert_error: ErrorCheck, token: str | None, header: str | None,
                             status: int, code: str) -> None:
    headers = {"Authorization": header} if header else {}
    with client_for(synthetic_db, tmp_path, token=token) as client:
        response = client.post("/api/jobs", json={"articles": [ARTICLE]}, headers=headers)
    assert_error(response, status, code)


@pytest.mark.parametrize(("body", "needle"), [
    ({"articles": []}, "articles"),
    ({"articles": [{"id": "x"}]}, "text: Field required"),
    ({"articles": [{**ARTICLE, "date": "8 Jan 2020"}]}, "date"),
    ({"articles": [ARTICLE], "extra": 1}, "extra"),
    ({"articles": [ARTICLE, ARTICLE, ARTICLE]}, "E615"),
])
def test_jobs_bad_bodies(synthetic_db: Path, tmp_path: Path, client_for: Any,
                         assert_error: ErrorCheck, body: dict[str, Any], needle: str) -> None:
    with client_for(synthetic_db, tmp_path, token="secret", max_job_articles=2) as client:
        response = client.post("/api/jobs", json=body,
                               headers={"Authorization": "Bearer secret"})
    assert_error(response, 400, needle)


@pytest.mark.parametrize("job_id", ["nope"])
def test_jobs_unknown_job(client: Any, assert_error: ErrorCheck, job_id: str) -> None:
    assert_error(client.get(f"/api/jobs/{job_id}"), 404, "E614")


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("article", [ARTICLE])
def test_jobs_code_articles_into_the_served_database(synthetic_db: Path, tmp_path: Path,
                                                     client_for: Any,
                                                     article: dict[str, str]) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(synthetic_db, live)
    with client_for(live, tmp_path, token="secret") as client:
        client.get("/api/health")
        posted = client.post("/api/jobs", json={"articles": [article]},
                             headers={"Authorization": "Bearer secret"})
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["job"]["job_id"]
        job = _wait(client, job_id)
        events = client.get("/api/events", params={"article": article["id"]}).json()
        listed = client.get("/api/jobs").json()["jobs"]
    assert job["status"] == "finished", job
    assert events["total"] >= 1 and events["events"][0]["source"].startswith("IRN")
    assert [item["job_id"] for item in listed] == [job_id]


def _wait(client: Any, job_id: str, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()["job"]
        if job["status"] in ("finished", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")
