"""The generated documentation matches the code: every command and every setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script", ["tools/gen_docs.py"])
def test_docs_generated_parts_are_current(script: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / script), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("doc", ["README.md", "docs/events.md", "docs/coding.md"])
def test_docs_exist_and_link(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    for target in [part.split(")")[0] for part in text.split("](")[1:]]:
        if target.startswith(("http", "#")):
            continue
        base = (ROOT / doc).parent
        assert (base / target.split("#")[0]).exists(), f"{doc} links to missing {target}"
