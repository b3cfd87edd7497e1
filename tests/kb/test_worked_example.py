"""The worked example of docs/dictionaries.md, run from the page itself: a user folder with
one verb pattern and one actor makes a new event, without touching the package."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.config import load_config
from dyadwatch.model import Article
from dyadwatch.pipeline import build_coder

DOC = Path(__file__).resolve().parents[2] / "docs" / "dictionaries.md"
BLOCK = re.compile(r"<!-- example-(file: (?P<path>\S+)|text|event) -->\n```\w+\n(?P<body>.*?)```",
                   re.S)


def _example() -> tuple[dict[str, str], str, dict[str, Any]]:
    files: dict[str, str] = {}
    text, event = "", {}
    for match in BLOCK.finditer(DOC.read_text(encoding="utf-8")):
        if match["path"]:
            files[match["path"]] = match["body"]
        elif match.group(1) == "text":
            text = match["body"]
        else:
            event = json.loads(match["body"])
    return files, text, event


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize("example", [_example()])
def test_worked_example_user_dictionary_adds_the_event(
        nlp: Any, tmp_path: Path, example: tuple[dict[str, str], str, dict[str, Any]]) -> None:
    files, text, expected = example
    assert files and text and expected, "docs/dictionaries.md lost its worked example"
    for relative, body in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(body, encoding="utf-8")
    header, _, body = text.partition("\n")
    article = Article(id="heckle", text=body, published=header.removeprefix("date "))
    cfg = load_config(environ={})
    before = build_coder(cfg).code_doc(nlp(body), article)
    after = build_coder(cfg, [f"dyadwatch:{tmp_path}"]).code_doc(nlp(body), article)
    assert not any(e.cameo == expected["cameo"] for e in before)
    records = [e.to_record() for e in after]
    assert any(all(r[k] == v for k, v in expected.items()) for r in records), records
