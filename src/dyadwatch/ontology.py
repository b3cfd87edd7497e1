"""CAMEO codes with Goldstein values, quad classes and their PLOVER type and mode."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# ConfliBERT / Phoenix 5-way class of a CAMEO root (documented in docs/coding.md).
PHOENIX_CLASS = {
    **dict.fromkeys(["01", "02"], 0),
    **dict.fromkeys(["03", "04", "05"], 1),
    **dict.fromkeys(["06", "07", "08"], 2),
    **dict.fromkeys(["09", "10", "11", "12", "13", "16"], 3),
    **dict.fromkeys(["14", "15", "17", "18", "19", "20"], 4),
}


# PLOVER category of each CAMEO root, as in the root-level conventions table (the scheme
# the 2016 PLOVER gold records were labelled with). Root 08 splits: 080-083 CONCEDE,
# 084-087 RETREAT. Roots 01 and 02 have no PLOVER category.
PLOVER_BY_ROOT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}


def plover_root_type(code: str) -> str | None:
    """The root-level PLOVER category of a CAMEO code (see PLOVER_BY_ROOT)."""
    if code.startswith("08"):
        return "CONCEDE" if code[:3] in {"080", "081", "082", "083"} else "RETREAT"
    return PLOVER_BY_ROOT.get(code[:2])


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes keyed by code string ("01" … "2042")."""
    raw = resources.files("dyadwatch").joinpath("data/cameo.json").read_text(encoding="utf-8")
    codes = json.loads(raw)["codes"]
    return {code: CameoCode(code=code, **fields) for code, fields in codes.items()}


def lookup_cameo(code: str) -> CameoCode:
    """The entry for ``code``; raises KeyError naming the code when it is not CAMEO."""
    table = cameo_table()
    if code not in table:
        raise KeyError(f"{code!r} is not a CAMEO event code")
    return table[code]


def is_cameo(code: str) -> bool:
    return code in cameo_table()
