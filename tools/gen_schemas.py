"""Regenerate the JSON schemas of the dictionary files in src/dyadwatch/data/schemas/.

    python tools/gen_schemas.py

The schemas are generated from the pydantic models that check the files on load
(dyadwatch.kb.knowledge.all_schemas); tests/kb/test_knowledge.py fails until this is rerun
after a model changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from dyadwatch.kb.knowledge import all_schemas

OUT = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data" / "schemas"


def render(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, schema in all_schemas().items():
        (OUT / name).write_text(render(schema), encoding="utf-8")
        print(OUT / name)


if __name__ == "__main__":
    main()
