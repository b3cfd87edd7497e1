"""Rebuild ``src/dyadwatch/data/cameo.json`` from the reference tables in ../shared.

The shipped file holds facts only (codes, names, Goldstein values, PLOVER
type and mode) in dyadwatch's own JSON form. Run from the repository root:

    python tools/build_ontology.py ../shared/data/ontology
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

GDELT_QUAD = {
    "01": 1, "02": 1, "03": 1, "04": 1, "05": 1,
    "06": 2, "07": 2, "08": 2,
    "09": 3, "10": 3, "11": 3, "12": 3, "13": 3,
    "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")


def read_tsv(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return {row[0].strip(): row[1].strip() for row in rows[1:] if len(row) >= 2}


def read_plover(path: Path) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER_LINE.match(line.strip())
        if match:
            mode = (match.group(3) or "").strip() or None
            # a root listed twice (08: CONCEDE, then 08: RETREAT) keeps its first type
            table.setdefault(match.group(1), (match.group(2), mode))
    return table


def inherited(code: str, table: dict[str, object]) -> object | None:
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None


def appeal_as_request(code: str) -> str:
    """CAMEO 02 (appeal) is absent from the 2021 CAMEO→PLOVER table; PLOVER's REQUEST
    covers "all requests, demands, and orders", so an appeal takes the type and mode
    of the parallel CAMEO 10 (demand) code: 021 → 101, 0256 → 1056."""
    return "10" + code[2:] if code.startswith("02") else code


def build(ontology: Path) -> dict[str, object]:
    names = read_tsv(ontology / "cameo" / "CAMEO.eventcodes.txt")
    goldstein = read_tsv(ontology / "cameo" / "CAMEO.goldsteinscale.txt")
    plover = read_plover(ontology / "plover" / "CAMEO2PLOVER-2021.txt")
    codes = {}
    for code in sorted(names):
        gold = inherited(code, goldstein)
        mapped = inherited(appeal_as_request(code), plover)
        codes[code] = {
            "name": names[code],
            "goldstein": float(gold) if gold is not None else None,
            "quad_class": GDELT_QUAD[code[:2]],
            "plover_type": mapped[0] if mapped else None,
            "plover_mode": mapped[1] if mapped else None,
        }
    return {
        "about": "CAMEO event codes with GDELT Goldstein values, GDELT quad class (1-4) "
        "and the CAMEO-to-PLOVER 2021 mapping (CAMEO 02 appeals mapped as the parallel "
        "10 demand codes: PLOVER REQUEST); facts restated in dyadwatch's own form.",
        "codes": codes,
    }


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ontology")
    out = Path("src/dyadwatch/data/cameo.json")
    out.write_text(json.dumps(build(root), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
